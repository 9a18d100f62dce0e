/**
 * Activities of a coordination case and the KVÅ codes they earn. Which code an activity earns is
 * data: a dated rule parameter (coordination.kvaRules) of rules (activity kinds, actor kinds,
 * condition) → code, read on the activity's date; the codes themselves are the dated KVÅ table.
 */
import {
  ActorRef,
  CoordinationActivityKind,
  CoordinationActorKind,
  CoordinationArea,
  CoordinationProblem,
  CoordinationStatus,
  INTERVENTION_STATUSES,
  MeetingMode,
  actorProblems,
} from './coordination';

/** When a rule's code is earned. */
export enum KvaCondition {
  ALWAYS = 'ALWAYS',
  /** The actor was reached: a contact answered, a meeting held. */
  REACHED = 'REACHED',
  /**
   * The activity created value: the actor was reached, on a case whose intervention is under way
   * (ACTIVE or FOLLOW_UP). Never for an unanswered contact, never on a case without intervention.
   */
  VALUE_CREATED = 'VALUE_CREATED',
}

/** One rule of the table: an activity of one of `activityKinds` with one of `actorKinds` (null: any counterpart, the patient included) earns `code` under `condition`. */
export interface KvaRule {
  code: string;
  activityKinds: CoordinationActivityKind[];
  actorKinds: CoordinationActorKind[] | null;
  condition: KvaCondition;
}

/** An activity as the rules see it. */
export interface ActivityFacts {
  area: CoordinationArea;
  kind: CoordinationActivityKind;
  actor: ActorRef;
  /** CONTACT: whether the actor answered. */
  answered: boolean | null;
  /** MEETING: whether it was held. */
  held: boolean | null;
  mode: MeetingMode | null;
}

const reached = (a: ActivityFacts) => a.answered === true || a.held === true || (a.kind !== CoordinationActivityKind.CONTACT && a.kind !== CoordinationActivityKind.MEETING);

const conditionMet = (condition: KvaCondition, a: ActivityFacts, caseStatus: CoordinationStatus) =>
  condition === KvaCondition.ALWAYS || (reached(a) && (condition === KvaCondition.REACHED || INTERVENTION_STATUSES.includes(caseStatus)));

const EXTERNAL = [CoordinationActorKind.EMPLOYER, CoordinationActorKind.FK, CoordinationActorKind.AF, CoordinationActorKind.OCCUPATIONAL_HEALTH, CoordinationActorKind.SOCIAL_SERVICES];

/**
 * Problems with an activity's shape (empty: fine): a contact says whether it was answered and has
 * no meeting fields; a meeting says whether it was held and how; the area fits the counterpart
 * (personal support is with the patient, internal coordination with a care unit, external
 * collaboration with an outside actor); the actor is named as actorProblems asks.
 */
export function activityProblems(a: ActivityFacts): CoordinationProblem[] {
  const problems = actorProblems(a.actor, 'actor');
  const isContact = a.kind === CoordinationActivityKind.CONTACT;
  const isMeeting = a.kind === CoordinationActivityKind.MEETING;
  if (isContact !== (a.answered !== null)) problems.push({ field: 'answered', message: 'a contact (and only a contact) says whether it was answered' });
  if (isMeeting !== (a.held !== null)) problems.push({ field: 'held', message: 'a meeting (and only a meeting) says whether it was held' });
  if (isMeeting !== (a.mode !== null)) problems.push({ field: 'mode', message: 'a meeting (and only a meeting) says whether it is by phone, video or in person' });
  if (a.kind === CoordinationActivityKind.RETURN_TO_WORK_PLAN || a.kind === CoordinationActivityKind.FK_NOTICE) {
    problems.push({ field: 'kind', message: `${a.kind} is recorded by its own mutation` });
  }
  const k = a.actor.kind;
  const areaFits =
    a.area === CoordinationArea.FOLLOW_UP ||
    (a.area === CoordinationArea.PERSONAL_SUPPORT && k === null) ||
    (a.area === CoordinationArea.INTERNAL_COORDINATION && k === CoordinationActorKind.CARE_UNIT) ||
    (a.area === CoordinationArea.EXTERNAL_COLLABORATION && k !== null && EXTERNAL.includes(k));
  if (!areaFits) problems.push({ field: 'area', message: `${a.area} is not done with ${k === null ? 'the patient' : `a ${k} actor`}` });
  if ((a.area === CoordinationArea.FOLLOW_UP) !== (a.kind === CoordinationActivityKind.FOLLOW_UP)) {
    problems.push({ field: 'kind', message: 'a FOLLOW_UP activity belongs to the FOLLOW_UP area, and only it does' });
  }
  return problems;
}

/** The codes the rules let `activity` earn on a case in `caseStatus`, in the rules' order, once each. */
export function earnableCodes(rules: readonly KvaRule[], activity: ActivityFacts, caseStatus: CoordinationStatus): string[] {
  const codes = rules
    .filter((r) => r.activityKinds.includes(activity.kind) && (r.actorKinds === null || (activity.actor.kind !== null && r.actorKinds.includes(activity.actor.kind))))
    .filter((r) => conditionMet(r.condition, activity, caseStatus))
    .map((r) => r.code);
  return [...new Set(codes)];
}

/**
 * Problems with the codes asked for (empty: every one is earned): a code the rules do not give
 * this activity, with why when a rule names it under an unmet condition (GC001 on an unanswered
 * contact, or on a case without intervention). The field is `kvaCodes`.
 */
export function kvaCodeProblems(rules: readonly KvaRule[], activity: ActivityFacts, caseStatus: CoordinationStatus, asked: readonly string[]): CoordinationProblem[] {
  const earnable = earnableCodes(rules, activity, caseStatus);
  return [...new Set(asked)]
    .filter((code) => !earnable.includes(code))
    .map((code) => {
      const rule = rules.find((r) => r.code === code && r.activityKinds.includes(activity.kind) && (r.actorKinds === null || (activity.actor.kind !== null && r.actorKinds.includes(activity.actor.kind))));
      if (!rule) return { field: 'kvaCodes', message: `${code} is not earned by a ${activity.kind} ${activity.actor.kind ? `with a ${activity.actor.kind} actor` : 'with the patient'}` };
      if (!reached(activity)) return { field: 'kvaCodes', message: `${code} is recorded only when the actor was reached: not for an unanswered contact or a meeting not held` };
      return { field: 'kvaCodes', message: `${code} is recorded only when the activity created value, on a case whose intervention is under way (ACTIVE or FOLLOW_UP), not on one in ${caseStatus}` };
    });
}

/** One step of a return-to-work plan: a part-time ramp from `from` to `to` at `workPercent` of full time. */
export interface ReturnToWorkStep {
  from: string;
  to: string;
  workPercent: number;
  /** Who does what in this step. */
  responsibilities: string;
}

/** Problems with a return-to-work plan's steps (field `steps[i].…`): at least one; each 1–100 % and ending on or after its start; no two overlapping. */
export function returnToWorkProblems(steps: readonly ReturnToWorkStep[]): CoordinationProblem[] {
  const problems: CoordinationProblem[] = [];
  if (!steps.length) problems.push({ field: 'steps', message: 'a return-to-work plan has at least one step' });
  steps.forEach((s, i) => {
    if (!Number.isInteger(s.workPercent) || s.workPercent < 1 || s.workPercent > 100) problems.push({ field: `steps[${i}].workPercent`, message: 'a step is from 1 to 100 % of full time' });
    if (s.to < s.from) problems.push({ field: `steps[${i}].to`, message: 'a step cannot end before it starts' });
    if (s.responsibilities.trim() === '') problems.push({ field: `steps[${i}].responsibilities`, message: 'a step says who does what' });
    steps.forEach((other, j) => {
      if (j < i && other.from <= s.to && s.from <= other.to) problems.push({ field: `steps[${i}].from`, message: `step ${i + 1} overlaps step ${j + 1}: the ramp's steps follow one another` });
    });
  });
  return problems;
}
