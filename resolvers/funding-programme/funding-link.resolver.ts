import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../server/context';
import type { RehabPlanRow } from '../../server/access/rehab-plan.store';
import type { CommitmentRow } from '../../server/access/rows.therapy';
import { FundingProgramme } from '../../schema/funding-programme/funding-programme.type';
import { RehabPlan } from '../../schema/rehab-plan/rehab-plan.type';
import { PaymentCommitment } from '../../schema/therapy/therapy.type';

/** The programme version with its forms; every programme is read once per request, so a list costs no more statements. */
const programmeOf = (access: Context['access'], id: string | null) => (id ? access.fundingProgrammes.byId(id) : null);

@Resolver(() => RehabPlan)
export class RehabPlanFundingResolver {
  @FieldResolver(() => FundingProgramme, { nullable: true, description: 'The funding programme version that pays for the plan; null when none was named.' })
  fundingProgramme(@Root() plan: RehabPlanRow, @Ctx() { access }: Context) {
    return programmeOf(access, plan.fundingProgrammeId);
  }
}

@Resolver(() => PaymentCommitment)
export class PaymentCommitmentFundingResolver {
  @FieldResolver(() => FundingProgramme, { nullable: true, description: 'The funding programme version that pays for the commitment; null when none was named.' })
  fundingProgramme(@Root() commitment: CommitmentRow, @Ctx() { access }: Context) {
    return programmeOf(access, commitment.fundingProgrammeId);
  }

  @FieldResolver(() => String, { nullable: true, description: "The programme's form it pays for (e.g. KBT); null when no programme was named." })
  fundingForm(@Root() commitment: CommitmentRow): string | null {
    return commitment.fundingForm;
  }
}
