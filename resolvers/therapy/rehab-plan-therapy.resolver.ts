import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { RehabPlan } from '../../schema/rehab-plan/rehab-plan.type';
import { PaymentCommitment } from '../../schema/therapy/therapy.type';
import type { RehabPlanRow } from '../../server/access/rehab-plan.store';
import type { Context } from '../../server/context';

/** A plan's therapy, read on the plan (the RehabPlan type is the rehab-plan capability's; these fields are this one's). */
@Resolver(() => RehabPlan)
export class RehabPlanTherapyResolver {
  @FieldResolver(() => [PaymentCommitment], {
    description: 'The payment commitments under the plan that your organisation pays or provides, oldest validity first, each with its sessions and report. One statement for a whole list of plans.',
  })
  commitments(@Root() plan: RehabPlanRow, @Ctx() { access }: Context) {
    return access.therapy.commitmentsOf(plan);
  }
}
