import { decideCommitmentIssue, paidPeriod } from '../../domain/payment-commitment';
import { PARAMETER } from '../../domain/rule-parameters';
import { TherapyReportText, therapyReportDueDate } from '../../domain/therapy-report';
import { BadUserInputError, ConflictError, ConflictReason, ForbiddenError } from '../../schema/common/errors';
import type { PageRequest } from '../../schema/common/page';
import type { PaymentCommitmentIssueInput, PaymentCommitmentRevokeInput, TherapyReportSubmitInput, TherapyVisitRecordInput } from '../../schema/therapy/therapy.input';
import type { Access } from '../../server/access/access';
import type { CommitmentRow } from '../../server/access/rows.therapy';
import { dateArg, idArg, optionalText, requiredText } from '../common/args';
import { fundingChoiceArg } from '../funding-programme/funding-choice';

const MAX_LIST = 20;

/**
 * Issues a payment commitment of the viewer's organisation under a plan: decided on the plan, the
 * provider, the therapy forms valid on its first day and today's date (domain/payment-commitment.ts);
 * the report's due date is fixed now from the dated parameter therapy.reportLeadMonths.
 */
export async function issueCommitment(access: Access, input: PaymentCommitmentIssueInput): Promise<CommitmentRow> {
  const viewer = access.therapy.requireRole();
  const planId = idArg(input.planId, 'planId');
  const providerId = idArg(input.providerOrganisationId, 'providerOrganisationId');
  const draft = {
    number: requiredText(input.number, 'number', 50),
    therapyForm: requiredText(input.therapyForm, 'therapyForm', 50),
    visits: input.visits,
    visitMinutes: input.visitMinutes,
    validFrom: dateArg(input.validFrom, 'validFrom'),
    validTo: dateArg(input.validTo, 'validTo'),
    interventionEndDate: input.interventionEndDate ? dateArg(input.interventionEndDate, 'interventionEndDate') : null,
  };
  const plan = await access.therapy.planFor(planId, draft.validFrom);
  const provider = await access.reference.organisation(providerId);
  if (!provider || provider.regionId !== plan.regionId) throw new BadUserInputError(`providerOrganisationId: no organisation with id ${providerId} in the plan's region`, 'providerOrganisationId');
  const issuedOn = await access.today();
  const decision = decideCommitmentIssue(plan, viewer.organisationId, providerId, draft, issuedOn, plan.validTherapyForms);
  if (!decision.ok) {
    if (decision.code === 'BAD_USER_INPUT') throw new BadUserInputError(decision.message, decision.field, { problems: decision.problems });
    if (decision.code === 'FORBIDDEN') throw new ForbiddenError(decision.message, decision.field);
    throw new ConflictError(ConflictReason.ILLEGAL_STATE, decision.message, decision.field);
  }
  const leadMonths = await access.reference.parameter<number>(PARAMETER.THERAPY_REPORT_LEAD_MONTHS, issuedOn, plan.regionId);
  const funding = await fundingChoiceArg(access, input, draft.validFrom, plan.birthDate, true);
  return access.therapy.issue(plan, { ...draft, ...funding, providerOrganisationId: providerId, issuedOn, reportDueOn: therapyReportDueDate(paidPeriod(draft).to, leadMonths) });
}

export async function revokeCommitment(access: Access, input: PaymentCommitmentRevokeInput): Promise<CommitmentRow> {
  access.therapy.requireRole();
  return access.therapy.revoke(idArg(input.commitmentId, 'commitmentId'), input.version, dateArg(input.revokedFrom, 'revokedFrom'), await access.today());
}

export async function recordVisit(access: Access, input: TherapyVisitRecordInput) {
  access.therapy.requireRole();
  return access.therapy.recordVisit(idArg(input.commitmentId, 'commitmentId'), { date: dateArg(input.date, 'date'), minutes: input.minutes }, await access.today());
}

/** The provider's text, trimmed and bounded; what is missing is for the completeness check to name. */
function reportText(input: TherapyReportSubmitInput): TherapyReportText {
  const list = <T>(items: T[] | null | undefined, field: string): T[] => {
    if ((items?.length ?? 0) > MAX_LIST) throw new BadUserInputError(`${field} has at most ${MAX_LIST} entries`, field);
    return items ?? [];
  };
  return {
    therapistName: optionalText(input.therapistName, 'therapistName', 200),
    therapistContact: optionalText(input.therapistContact, 'therapistContact', 200),
    functionalAbility: optionalText(input.functionalAbility, 'functionalAbility', 4000),
    goals: list(input.goals, 'goals').map((g, i) => ({
      goal: optionalText(g.goal, `goals[${i}].goal`, 2000) ?? '',
      outcome: optionalText(g.outcome, `goals[${i}].outcome`, 2000) ?? '',
      gasScore: g.gasScore ?? null,
    })),
    assessments: list(input.assessments, 'assessments').map((a, i) => ({
      instrument: optionalText(a.instrument, `assessments[${i}].instrument`, 200) ?? '',
      result: optionalText(a.result, `assessments[${i}].result`, 2000) ?? '',
    })),
    continuedTherapyNeeded: input.continuedTherapyNeeded ?? null,
    continuedTherapyGrounds: optionalText(input.continuedTherapyGrounds, 'continuedTherapyGrounds', 4000),
    patientMotivation: optionalText(input.patientMotivation, 'patientMotivation', 2000),
    endSummary: optionalText(input.endSummary, 'endSummary', 4000),
  };
}

export async function submitReport(access: Access, input: TherapyReportSubmitInput) {
  access.therapy.requireRole();
  const text = reportText(input);
  return access.therapy.submitReport(idArg(input.commitmentId, 'commitmentId'), text, await access.today());
}

/** Reports not in by their due date (before `before`, default today), of commitments your own organisation pays or provides. */
export async function therapyReportsDue(access: Access, organisationId: string, before: string | null, page: PageRequest) {
  const viewer = access.therapy.requireRole();
  if (idArg(organisationId, 'organisationId') !== viewer.organisationId) throw new ForbiddenError("You see your own organisation's reports due", 'organisationId');
  return access.therapy.reportsDue(before ?? (await access.today()), page);
}

/** The patient's copy of a report, for the payer, the provider and a patient-facing system under the patient's consent. */
export function patientCopy(access: Access, id: string) {
  return access.therapy.patientCopy(id);
}
