import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { lastPaidDay, visitsAllowed } from '../../domain/payment-commitment';
import { reportOnTime } from '../../domain/therapy-report';
import { PageArgs, pageRequest, toConnection } from '../../schema/common/page';
import { Organisation } from '../../schema/organisation/organisation.type';
import { Patient } from '../../schema/patient/patient.type';
import { RehabPlan } from '../../schema/rehab-plan/rehab-plan.type';
import { PaymentCommitmentIssueInput, PaymentCommitmentRevokeInput, TherapyReportSubmitInput, TherapyVisitRecordInput } from '../../schema/therapy/therapy.input';
import {
  PaymentCommitment,
  PaymentCommitmentConnection,
  PaymentCommitmentPayload,
  TherapyReport,
  TherapyReportPatientCopy,
  TherapyReportPayload,
  TherapyVisit,
  TherapyVisitPayload,
} from '../../schema/therapy/therapy.type';
import type { CommitmentRow, ReportRow } from '../../server/access/rows.therapy';
import type { Context } from '../../server/context';
import { issueCommitment, patientCopy, recordVisit, revokeCommitment, submitReport, therapyReportsDue } from './therapy.service';

const INPUT = { description: 'The change.' };

@Resolver(() => PaymentCommitment)
export class PaymentCommitmentResolver {
  @Query(() => PaymentCommitment, { nullable: true, description: 'A payment commitment your organisation pays or provides; NOT_FOUND otherwise. Logged.' })
  paymentCommitment(@Arg('id', () => ID, { description: 'The commitment.' }) id: string, @Ctx() { access }: Context) {
    return access.therapy.get(id);
  }

  @Query(() => PaymentCommitmentConnection, {
    description:
      'Payment commitments your organisation pays (as principal) or provides whose therapy report is not in and was due before `before`, oldest due date first; revoked ones owe none. Logged per commitment.',
  })
  async therapyReportsDue(
    @Arg('organisationId', () => ID, { description: 'Your organisation.' }) organisationId: string,
    @Arg('before', () => LocalDateResolver, { nullable: true, description: 'Due before this date; default today (overdue ones).' }) before: string | null,
    @Args() page: PageArgs,
    @Ctx() { access }: Context,
  ) {
    const rows = await therapyReportsDue(access, organisationId, before, pageRequest(page, ['date', 'uuid']));
    return toConnection(rows, (c: CommitmentRow) => [c.reportDueOn, c.id]);
  }

  @Mutation(() => PaymentCommitmentPayload, {
    description:
      "Issues a payment commitment today, from your organisation (the plan's principal) to a provider, under an ACTIVE plan, for a therapy form the plan recommends. Never retroactive: validFrom is today or later. The provider takes part in the patient's case until it is revoked.",
  })
  async paymentCommitmentIssue(@Arg('input', () => PaymentCommitmentIssueInput, { description: 'The commitment.' }) input: PaymentCommitmentIssueInput, @Ctx() { access }: Context) {
    return { commitment: await issueCommitment(access, input) };
  }

  @Mutation(() => PaymentCommitmentPayload, { description: 'Revokes a payment commitment from a date (today or later, after every visit recorded); its payer only. The provider leaves the case through it.' })
  async paymentCommitmentRevoke(@Arg('input', () => PaymentCommitmentRevokeInput, INPUT) input: PaymentCommitmentRevokeInput, @Ctx() { access }: Context) {
    return { commitment: await revokeCommitment(access, input) };
  }

  @Mutation(() => TherapyVisitPayload, {
    description:
      'Records a visit your organisation (the provider) held under a commitment. A visit the commitment does not pay is refused as a CONFLICT with reason NOT_PAID and `extensions.notPaidReason` (BEFORE_VALIDITY, AFTER_VALIDITY, AFTER_INTERVENTION_END, REVOKED, AHEAD_OF_SPREAD, ALL_VISITS_USED, LONGER_THAN_COMMITTED), and nothing is recorded.',
  })
  async therapyVisitRecord(@Arg('input', () => TherapyVisitRecordInput, { description: 'The visit.' }) input: TherapyVisitRecordInput, @Ctx() { access }: Context) {
    return recordVisit(access, input);
  }

  @FieldResolver(() => Patient, { nullable: true, description: 'The patient; null when you may not (or no longer) see the patient, with a NOT_FOUND error at this path.' })
  async patient(@Root() c: CommitmentRow, @Ctx() { access }: Context) {
    return access.patients.view(await access.patients.requireVisible(c.patientId, 'patientId'));
  }

  @FieldResolver(() => RehabPlan, { nullable: true, description: 'The rehabilitation plan it is issued under; null when you may not see the plan, with a NOT_FOUND error at this path.' })
  plan(@Root() c: CommitmentRow, @Ctx() { access }: Context) {
    return access.rehabPlans.requireVisible(c.planId, 'planId');
  }

  @FieldResolver(() => Organisation, { nullable: true, description: 'The principal that pays; null only if it cannot be read.' })
  payer(@Root() c: CommitmentRow, @Ctx() { access }: Context) {
    return access.reference.organisation(c.payerOrganisationId);
  }

  @FieldResolver(() => Organisation, { nullable: true, description: 'The organisation that gives the therapy; null only if it cannot be read.' })
  provider(@Root() c: CommitmentRow, @Ctx() { access }: Context) {
    return access.reference.organisation(c.providerOrganisationId);
  }

  @FieldResolver(() => LocalDateResolver, { description: 'The last day a visit is paid: the validity or the intervention end date, whichever is first, or the day before the revocation.' })
  lastPaidDay(@Root() c: CommitmentRow) {
    return lastPaidDay(c);
  }

  @FieldResolver(() => Int, {
    description: 'Visits the commitment pays up to and including today, by the even spread: ceil(visits × days elapsed / days of the paid period), frozen at the day before a revocation.',
  })
  async visitsAllowedToday(@Root() c: CommitmentRow, @Ctx() { access }: Context) {
    return visitsAllowed(c, await access.today());
  }

  @FieldResolver(() => [TherapyVisit], { description: 'The sessions held: the visits recorded under it, by date.' })
  sessions(@Root() c: CommitmentRow, @Ctx() { access }: Context) {
    return access.therapy.visits(c);
  }

  @FieldResolver(() => TherapyReport, { nullable: true, description: 'The therapy report; null until the provider submits it.' })
  report(@Root() c: CommitmentRow, @Ctx() { access }: Context) {
    return access.therapy.reportOf(c);
  }
}

@Resolver(() => TherapyReport)
export class TherapyReportResolver {
  @Query(() => TherapyReport, { nullable: true, description: 'A therapy report of a commitment your organisation pays or provides; NOT_FOUND otherwise. Logged.' })
  therapyReport(@Arg('id', () => ID, { description: 'The report.' }) id: string, @Ctx() { access }: Context) {
    return access.therapy.report(id);
  }

  @Query(() => TherapyReportPatientCopy, {
    nullable: true,
    description:
      "The patient's copy of a therapy report, for a patient-facing system (role INTEGRATION) whose organisation holds the patient's consent from the provider to it (purpose REHABILITATION_PLAN, category CARE_AND_REHAB_PLAN, in force today); also for the payer and the provider. NOT_FOUND otherwise. Logged.",
  })
  therapyReportPatientCopy(@Arg('id', () => ID, { description: 'The report.' }) id: string, @Ctx() { access }: Context) {
    return patientCopy(access, id);
  }

  @Mutation(() => TherapyReportPayload, {
    description:
      "Submits your organisation's (the provider's) therapy report for a commitment, once. Refused with BAD_USER_INPUT naming each missing item (`extensions.problems`: item, field, message) unless it holds everything ÅHS requires.",
  })
  async therapyReportSubmit(@Arg('input', () => TherapyReportSubmitInput, { description: 'The report.' }) input: TherapyReportSubmitInput, @Ctx() { access }: Context) {
    return { report: await submitReport(access, input) };
  }

  @FieldResolver(() => PaymentCommitment, { nullable: true, description: 'The commitment it reports on; null only if it can no longer be read.' })
  commitment(@Root() r: ReportRow, @Ctx() { access }: Context) {
    return access.therapy.requireVisible(r.commitmentId, 'commitmentId');
  }

  @FieldResolver(() => [TherapyVisit], { description: 'The sessions held, with dates and lengths: the visits recorded under the commitment.' })
  sessions(@Root() r: ReportRow, @Ctx() { access }: Context) {
    return access.therapy.visits({ id: r.commitmentId, regionId: r.regionId });
  }

  @FieldResolver(() => Boolean, { description: "Whether it was submitted by the commitment's reportDueOn." })
  onTime(@Root() r: ReportRow) {
    return reportOnTime(r.reportDueOn, r.submittedOn);
  }
}
