/**
 * Rehabilitation plans (ÅHS, seed 000): a principal's plan for a patient, the basis for therapy at
 * long-term need, with goals that are concrete and measurable (GAS, domain/gas.ts) and an
 * evaluation after about a year.
 */
import { OrganisationKind } from './enums';
import { parameterOn } from './rule-parameters';

/** How long the person needs rehabilitation. */
export enum RehabNeed {
  /** Less than a year. */
  SHORT_TERM = 'SHORT_TERM',
  /** More than a year: the basis for therapy bought from other providers, and for FPA's demanding medical rehabilitation. */
  LONG_TERM = 'LONG_TERM',
}

export enum RehabPlanStatus {
  DRAFT = 'DRAFT',
  ACTIVE = 'ACTIVE',
  /** An evaluation period has been closed; the next period's goals are set before the plan is active again. */
  EVALUATED = 'EVALUATED',
  CLOSED = 'CLOSED',
}

/** One version of a therapy form of the dated code table. */
export interface TherapyForm {
  code: string;
  labelSv: string;
  labelEn: string;
  validFrom: string;
  /** Last day it applies (inclusive); null while open-ended. */
  validTo: string | null;
}

/** A plan is owned by a principal: a region (ÅHS on Åland) or a municipality. */
export const mayOwnRehabPlan = (kind: OrganisationKind): boolean => kind === OrganisationKind.REGION || kind === OrganisationKind.MUNICIPALITY;

/** The version of `code` valid on `onDate`; undefined when none is. */
export function therapyFormOn(forms: readonly TherapyForm[], code: string, onDate: string): TherapyForm | undefined {
  // A code version is dated configuration without a region: the version that started last wins.
  return parameterOn<TherapyForm>(
    forms.map((form) => ({ key: form.code, regionId: null, value: form, validFrom: form.validFrom, validTo: form.validTo })),
    code,
    null,
    onDate,
  );
}

/** Why a list of therapy form codes cannot be recommended on `onDate`, naming the item (e.g. `therapyForms[1]`); null when it can. */
export function therapyFormsProblem(codes: readonly string[], forms: readonly TherapyForm[], onDate: string, field = 'therapyForms'): { field: string; message: string } | null {
  for (const [i, code] of codes.entries()) {
    if (codes.indexOf(code) !== i) return { field: `${field}[${i}]`, message: `${code} is named twice` };
    if (!therapyFormOn(forms, code, onDate)) return { field: `${field}[${i}]`, message: `${code} is not a therapy form valid on ${onDate} (see therapyForms)` };
  }
  return null;
}

/** What a change of a plan does to its status. */
export enum RehabPlanEvent {
  ACTIVATE = 'ACTIVATE',
  EVALUATE = 'EVALUATE',
  CLOSE = 'CLOSE',
}

const TRANSITIONS: Partial<Record<RehabPlanStatus, Partial<Record<RehabPlanEvent, RehabPlanStatus>>>> = {
  [RehabPlanStatus.DRAFT]: { [RehabPlanEvent.ACTIVATE]: RehabPlanStatus.ACTIVE, [RehabPlanEvent.CLOSE]: RehabPlanStatus.CLOSED },
  [RehabPlanStatus.ACTIVE]: { [RehabPlanEvent.EVALUATE]: RehabPlanStatus.EVALUATED, [RehabPlanEvent.CLOSE]: RehabPlanStatus.CLOSED },
  // After an evaluation the next period's goals are set and the plan goes on, or it ends.
  [RehabPlanStatus.EVALUATED]: { [RehabPlanEvent.ACTIVATE]: RehabPlanStatus.ACTIVE, [RehabPlanEvent.CLOSE]: RehabPlanStatus.CLOSED },
};

/** The status `event` leads to from `status`; undefined when it is not allowed there. */
export function rehabPlanTransition(status: RehabPlanStatus, event: RehabPlanEvent): RehabPlanStatus | undefined {
  return TRANSITIONS[status]?.[event];
}

/** A goal of the plan's current evaluation period, as the decision weighs it. */
export interface RehabPlanGoalFacts {
  id: string;
  weight: number;
  /** Its latest attainment; null until it is first scored. */
  attainment: number | null;
}

/** A plan as a change of it is decided (RehabPlanStore.forChange). */
export interface RehabPlanFacts {
  status: RehabPlanStatus;
  version: number;
  ownerOrganisationId: string;
  evaluationPeriod: number;
  /** The current period's goals, in order. */
  goals: readonly RehabPlanGoalFacts[];
  /** Goals of earlier (evaluated) periods: scoring one is refused by name. */
  earlierGoalIds: readonly string[];
}

/** One change a viewer asks for, described by what the rules weigh. */
export interface RehabPlanChangeRequest {
  /** The viewer's organisation. */
  organisationId: string;
  /** The viewer's organisation takes part in the patient's case through this plan (a provider under its commitment). */
  takesPartThroughPlan: boolean;
  /** The version the client read. */
  version: number;
  /** The status change it makes, if any. */
  event?: RehabPlanEvent;
  /** It replaces the current period's goal set. */
  setsGoals?: boolean;
  /** It scores this goal (the input field naming it). */
  scores?: { goalId: string; field: string };
}

/** Why a change is refused: FORBIDDEN, NOT_FOUND, CONFLICT (STALE_VERSION, ILLEGAL_STATE). */
export interface RehabPlanRefusal {
  ok: false;
  code: 'FORBIDDEN' | 'NOT_FOUND' | 'STALE_VERSION' | 'ILLEGAL_STATE';
  field: string;
  message: string;
}

export type RehabPlanDecision = { ok: true; status: RehabPlanStatus } | RehabPlanRefusal;

const refuse = (code: RehabPlanRefusal['code'], field: string, message: string): RehabPlanRefusal => ({ ok: false, code, field, message });

/**
 * Who may change a plan and whether it can change, before anything is written. The owner (the
 * principal) makes every change; an organisation taking part through the plan (the provider giving
 * the therapy) only scores goals. A closed plan is final. A goal set is frozen from its first score
 * until the period is evaluated (the next period's goals are a new set). Scores are recorded on an
 * active plan's current goals. Activation needs a goal set; evaluation needs every goal scored.
 */
export function decideRehabPlanChange(plan: RehabPlanFacts, request: RehabPlanChangeRequest): RehabPlanDecision {
  const owner = plan.ownerOrganisationId === request.organisationId;
  if (!owner && !(request.scores && request.takesPartThroughPlan)) {
    return refuse('FORBIDDEN', 'id', request.scores ? 'Goals are scored by the plan’s principal or an organisation giving therapy under the plan' : 'Only the principal that owns the plan changes it');
  }
  if (request.version !== plan.version) return refuse('STALE_VERSION', 'version', `The plan has changed since version ${request.version}; read it again and retry`);
  if (plan.status === RehabPlanStatus.CLOSED) return refuse('ILLEGAL_STATE', 'id', 'The plan is closed');
  let status: RehabPlanStatus = plan.status;
  if (request.setsGoals && plan.goals.some((g) => g.attainment !== null)) {
    return refuse('ILLEGAL_STATE', 'goals', `The goals of evaluation period ${plan.evaluationPeriod} have been scored; evaluate the plan (rehabPlanEvaluate) to set the next period's goals`);
  }
  if (request.scores) {
    const { goalId, field } = request.scores;
    if (plan.earlierGoalIds.includes(goalId)) return refuse('ILLEGAL_STATE', field, 'That goal belongs to an evaluated period; score the current goals');
    if (!plan.goals.some((g) => g.id === goalId)) return refuse('NOT_FOUND', field, `The plan has no goal with id ${goalId}`);
    if (plan.status !== RehabPlanStatus.ACTIVE) return refuse('ILLEGAL_STATE', 'id', `Goals are scored while the plan is ACTIVE; it is ${plan.status}`);
  }
  if (request.event) {
    const next = rehabPlanTransition(plan.status, request.event);
    if (!next) return refuse('ILLEGAL_STATE', 'id', `A plan in status ${plan.status} cannot ${request.event.toLowerCase()}`);
    if (request.event === RehabPlanEvent.ACTIVATE && plan.goals.length === 0) {
      return refuse('ILLEGAL_STATE', 'id', `The plan has no goals for evaluation period ${plan.evaluationPeriod}; set them (rehabPlanGoalSet) first`);
    }
    if (request.event === RehabPlanEvent.EVALUATE) {
      const unscored = plan.goals.flatMap((g, i) => (g.attainment === null ? [`goals[${i}]`] : []));
      if (unscored.length) return refuse('ILLEGAL_STATE', 'id', `Every goal is scored before an evaluation; not yet: ${unscored.join(', ')}`);
    }
    status = next;
  }
  return { ok: true, status };
}
