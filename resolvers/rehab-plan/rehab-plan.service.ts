import { attainmentProblem, GasGoalDraft, gasGoalProblems, tScore } from '../../domain/gas';
import { fundingChoiceArg } from '../funding-programme/funding-choice';
import { fpaEligibility, FpaEligibility, FpaRule } from '../../domain/fpa-eligibility';
import { addMonths, localDateOf } from '../../domain/local-date';
import { decideRehabPlanChange, mayOwnRehabPlan, RehabNeed, RehabPlanChangeRequest, RehabPlanEvent, RehabPlanStatus, therapyFormsProblem } from '../../domain/rehab-plan';
import { parameterOn, PARAMETER } from '../../domain/rule-parameters';
import { BadUserInputError, ConflictError, ConflictReason, ForbiddenError, NotFoundError } from '../../schema/common/errors';
import type {
  GasGoalInput,
  GasScoreRecordInput,
  RehabPlanCloseInput,
  RehabPlanCreateInput,
  RehabPlanEvaluateInput,
  RehabPlanGoalSetInput,
  RehabPlanStatusInput,
  RehabPlanUpdateInput,
} from '../../schema/rehab-plan/rehab-plan.input';
import type { Access } from '../../server/access/access';
import type { GasGoalRow, RehabPlanEdit, RehabPlanForChange, RehabPlanPatch, RehabPlanRow } from '../../server/access/rehab-plan.store';
import type { PageRequest } from '../../schema/common/page';
import { idArg, optionalText } from '../common/args';

const MAX_GOALS = 20;
const LONG_TEXT = 4000;

/** Today in the viewer's region. */
const today = (access: Access) => access.today();

/** A date argument that may not lie after `latest`. */
function notAfter(date: string, latest: string, field: string): string {
  if (date > latest) throw new BadUserInputError(`${field} may not be after ${latest}`, field);
  return date;
}

/** A date argument that may not lie before `earliest`. */
function notBefore(date: string, earliest: string, field: string): string {
  if (date < earliest) throw new BadUserInputError(`${field} may not be before ${earliest}`, field);
  return date;
}

/** Therapy form codes valid today, each once; a problem is BAD_USER_INPUT naming the item. */
async function therapyFormsArg(access: Access, codes: readonly string[], onDate: string): Promise<string[]> {
  const problem = therapyFormsProblem(codes, await access.rehabPlans.therapyForms(), onDate);
  if (problem) throw new BadUserInputError(problem.message, problem.field);
  return [...codes];
}

/** The months from a start or an evaluation to the next evaluation, as in force on `onDate`. */
const evaluationMonths = (access: Access, onDate: string, regionId: string) => access.reference.parameter<number>(PARAMETER.REHAB_PLAN_EVALUATION_MONTHS, onDate, regionId);

/** A refusal of the decision as its coded error. */
function decided(found: RehabPlanForChange, request: Omit<RehabPlanChangeRequest, 'organisationId' | 'takesPartThroughPlan'>, access: Access): RehabPlanStatus {
  const decision = decideRehabPlanChange(found.facts, { ...request, organisationId: access.requireViewer().organisationId, takesPartThroughPlan: found.takesPartThroughPlan });
  if (decision.ok) return decision.status;
  switch (decision.code) {
    case 'FORBIDDEN':
      throw new ForbiddenError(decision.message, decision.field);
    case 'NOT_FOUND':
      throw new NotFoundError(decision.message, decision.field);
    case 'STALE_VERSION':
      throw new ConflictError(ConflictReason.STALE_VERSION, decision.message, decision.field);
    case 'ILLEGAL_STATE':
      throw new ConflictError(ConflictReason.ILLEGAL_STATE, decision.message, decision.field);
  }
}

/** Starts a DRAFT plan owned by the viewer's organisation, which must be a principal. */
export async function createRehabPlan(access: Access, input: RehabPlanCreateInput): Promise<RehabPlanRow> {
  const viewer = access.rehabPlans.requireRole();
  const patient = await access.patients.requireVisible(idArg(input.patientId, 'patientId'), 'patientId');
  const owner = (await access.reference.organisation(viewer.organisationId))!;
  if (!mayOwnRehabPlan(owner.kind)) throw new ForbiddenError('A rehabilitation plan is owned by a principal (a region or municipality); ask one of them to make it');
  const onDate = await today(access);
  const evaluationDate = input.evaluationDate
    ? notBefore(input.evaluationDate, onDate, 'evaluationDate')
    : addMonths(onDate, await evaluationMonths(access, onDate, patient.regionId));
  return access.rehabPlans.create({
    patientId: patient.id,
    regionId: patient.regionId,
    need: input.need,
    ownGoals: optionalText(input.ownGoals, 'ownGoals', LONG_TEXT),
    functionalAbility: optionalText(input.functionalAbility, 'functionalAbility', LONG_TEXT),
    therapyForms: await therapyFormsArg(access, input.therapyForms ?? [], onDate),
    evaluationDate,
    fundingProgrammeId: (await fundingChoiceArg(access, input, onDate, patient.birthDate, false)).fundingProgrammeId,
  });
}

/** Changes the plan's content (the owner only, while it is open). */
export async function updateRehabPlan(access: Access, input: RehabPlanUpdateInput): Promise<RehabPlanRow> {
  const onDate = await today(access);
  const patch: RehabPlanPatch = {};
  if (input.need != null) patch.need = input.need;
  if (input.ownGoals !== undefined) patch.ownGoals = optionalText(input.ownGoals, 'ownGoals', LONG_TEXT);
  if (input.functionalAbility !== undefined) patch.functionalAbility = optionalText(input.functionalAbility, 'functionalAbility', LONG_TEXT);
  if (input.therapyForms != null) patch.therapyForms = await therapyFormsArg(access, input.therapyForms, onDate);
  if (input.evaluationDate != null) patch.evaluationDate = notBefore(input.evaluationDate, onDate, 'evaluationDate');
  const found = await access.rehabPlans.forChange(idArg(input.id, 'id'), 'id');
  decided(found, { version: input.version }, access);
  return access.rehabPlans.change(found.plan, input.version, { patch });
}

/** A goal's input as the GAS rules read it. */
const draftOf = (goal: GasGoalInput): GasGoalDraft => ({ title: goal.title, levels: goal.levels, weight: goal.weight ?? 1, baseline: goal.baseline });

/** Sets the current evaluation period's goals (replacing any set before its first score). */
export async function setRehabPlanGoals(access: Access, input: RehabPlanGoalSetInput): Promise<RehabPlanRow> {
  if (input.goals.length < 1 || input.goals.length > MAX_GOALS) throw new BadUserInputError(`A goal set has 1 to ${MAX_GOALS} goals`, 'goals');
  const drafts = input.goals.map(draftOf);
  const [problem, ...others] = gasGoalProblems(drafts);
  if (problem) throw new BadUserInputError(problem.message, problem.field, { problems: [problem, ...others] });
  const goals = drafts.map((goal, i) => ({
    title: optionalText(goal.title, `goals[${i}].title`, 500)!,
    levels: goal.levels.map((l, j) => optionalText(l.description, `goals[${i}].levels[${j}].description`, 1000)!),
    weight: goal.weight,
    baseline: goal.baseline,
  }));
  const found = await access.rehabPlans.forChange(idArg(input.id, 'id'), 'id');
  decided(found, { version: input.version, setsGoals: true }, access);
  return access.rehabPlans.change(found.plan, input.version, { goals });
}

/** Records an attainment on one of an active plan's current goals. */
export async function recordGasScore(access: Access, input: GasScoreRecordInput): Promise<RehabPlanRow> {
  const goalId = idArg(input.goalId, 'goalId');
  const problem = attainmentProblem(input.attainment);
  if (problem) throw new BadUserInputError(problem, 'attainment');
  const found = await access.rehabPlans.forChange(idArg(input.id, 'id'), 'id');
  const onDate = localDateOf(access.now(), found.timeZone);
  const scoredOn = input.scoredOn ? notAfter(input.scoredOn, onDate, 'scoredOn') : onDate;
  decided(found, { version: input.version, scores: { goalId, field: 'goalId' } }, access);
  return access.rehabPlans.change(found.plan, input.version, { score: { goalId, attainment: input.attainment, scoredOn, note: optionalText(input.note, 'note', 1000) } });
}

/** Activates a plan with its goals set (DRAFT or EVALUATED → ACTIVE). */
export async function activateRehabPlan(access: Access, input: RehabPlanStatusInput): Promise<RehabPlanRow> {
  const found = await access.rehabPlans.forChange(idArg(input.id, 'id'), 'id');
  const status = decided(found, { version: input.version, event: RehabPlanEvent.ACTIVATE }, access);
  return access.rehabPlans.change(found.plan, input.version, { patch: { status, activatedAt: found.plan.activatedAt ?? access.now() } });
}

/**
 * Evaluates an active plan: its current period closes with the T-score of its goals (ρ as in
 * force on the evaluation day) and the next period begins, to be evaluated after the interval.
 */
export async function evaluateRehabPlan(access: Access, input: RehabPlanEvaluateInput): Promise<RehabPlanRow> {
  const found = await access.rehabPlans.forChange(idArg(input.id, 'id'), 'id');
  const onDate = localDateOf(access.now(), found.timeZone);
  const evaluatedOn = input.evaluatedOn ? notAfter(input.evaluatedOn, onDate, 'evaluatedOn') : onDate;
  const nextEvaluationDate = input.nextEvaluationDate
    ? notBefore(input.nextEvaluationDate, evaluatedOn, 'nextEvaluationDate')
    : addMonths(evaluatedOn, await evaluationMonths(access, evaluatedOn, found.plan.regionId));
  const note = optionalText(input.note, 'note', LONG_TEXT);
  const status = decided(found, { version: input.version, event: RehabPlanEvent.EVALUATE }, access);
  const rho = await access.reference.parameter<number>(PARAMETER.GAS_RHO, evaluatedOn, found.plan.regionId);
  // The decision saw every goal scored.
  const value = tScore({ goals: found.facts.goals.map((g) => ({ weight: g.weight, attainment: g.attainment! })), rho })!;
  const edit: RehabPlanEdit = {
    patch: { status, evaluationPeriod: found.plan.evaluationPeriod + 1, evaluationDate: nextEvaluationDate },
    evaluation: { evaluatedOn, rho, tScore: value, note },
  };
  return access.rehabPlans.change(found.plan, input.version, edit);
}

/** Closes an open plan (→ CLOSED, final). */
export async function closeRehabPlan(access: Access, input: RehabPlanCloseInput): Promise<RehabPlanRow> {
  const reason = optionalText(input.reason, 'reason', 1000);
  const found = await access.rehabPlans.forChange(idArg(input.id, 'id'), 'id');
  const status = decided(found, { version: input.version, event: RehabPlanEvent.CLOSE }, access);
  return access.rehabPlans.change(found.plan, input.version, { patch: { status, closedAt: access.now(), closeReason: reason } });
}

/** The T-score of a goal set with its inputs; ρ as in force on `onDate` in the plan's region. */
export async function tScoreOf(access: Access, regionId: string, goals: GasGoalRow[], onDate: string) {
  const rho = await access.reference.parameter<number>(PARAMETER.GAS_RHO, onDate, regionId);
  const terms = await Promise.all(goals.map(async (g) => ({ goalId: g.id, weight: g.weight, attainment: (await access.rehabPlans.scores(g)).at(-1)?.attainment ?? null })));
  const complete = terms.every((t) => t.attainment !== null);
  return { value: complete ? tScore({ goals: terms.map((t) => ({ weight: t.weight, attainment: t.attainment! })), rho }) : null, rho, terms };
}

/** Your own organisation's active plans whose evaluation is due before `before` (default today). */
export async function rehabPlanEvaluationsDue(access: Access, organisationId: string, before: string | null, page: PageRequest) {
  const viewer = access.rehabPlans.requireRole();
  if (idArg(organisationId, 'organisationId') !== viewer.organisationId) throw new ForbiddenError("organisationId: you see your own organisation's plans", 'organisationId');
  return access.rehabPlans.evaluationsDue(before ?? (await today(access)), page);
}

/**
 * FPA eligibility of a patient the viewer may see, for a need, on a date (default today in the
 * patient's region), by the rule in force in the patient's region; a short-term need is
 * BAD_USER_INPUT on `need`.
 */
export async function fpaEligibilityOf(access: Access, patientId: string, need: RehabNeed, onDate: string | null, field = 'patientId'): Promise<FpaEligibility> {
  const patient = await access.patients.requireVisible(idArg(patientId, field), field);
  const region = (await access.reference.region(patient.regionId))!;
  const date = onDate ?? localDateOf(access.now(), region.timeZone);
  const rule = parameterOn<FpaRule>(await access.reference.parameters(patient.regionId), PARAMETER.FPA_REHABILITATION_RULE, patient.regionId, date);
  const result = fpaEligibility(need, patient.birthDate, date, rule);
  if (!result.ok) throw new BadUserInputError(result.message, result.field);
  return result.answer;
}
