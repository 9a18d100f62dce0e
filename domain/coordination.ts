/**
 * Rehabilitation coordination for sick-listed patients (lag 2019:1297; seeds 002, 003): the region
 * offers personal support, internal coordination within health care and collaboration with other
 * actors, only with the patient's consent. A case's status follows the national sick-leave
 * overview tool (NONE, CONTACTED, ACTIVE, FOLLOW_UP, CLOSED, DECLINED).
 */

export enum CoordinationStatus {
  NONE = 'NONE',
  CONTACTED = 'CONTACTED',
  ACTIVE = 'ACTIVE',
  FOLLOW_UP = 'FOLLOW_UP',
  CLOSED = 'CLOSED',
  /** The patient said no: nothing more is recorded but the closing. */
  DECLINED = 'DECLINED',
}

/** The patient's occupation when the sick leave started. */
export enum Occupation {
  EMPLOYED = 'EMPLOYED',
  JOB_SEEKING = 'JOB_SEEKING',
  STUDENT = 'STUDENT',
  OTHER = 'OTHER',
}

/** Sick-leave degrees (socialförsäkringsbalken 27 kap 45 §: a quarter, half, three quarters or whole). */
export const SICK_LEAVE_DEGREES = [25, 50, 75, 100] as const;
export type SickLeaveDegree = (typeof SICK_LEAVE_DEGREES)[number];

/** How a closed case ended (the statistics count "closed with return to work"). */
export enum CoordinationOutcome {
  RETURNED_TO_WORK = 'RETURNED_TO_WORK',
  PARTLY_RETURNED_TO_WORK = 'PARTLY_RETURNED_TO_WORK',
  /** Handed on: another actor's support (AF, social services) carries on. */
  OTHER_SUPPORT = 'OTHER_SUPPORT',
  /** The case led to no intervention (never reached, declined, or not needed). */
  NO_INTERVENTION = 'NO_INTERVENTION',
}

/** Who the coordinator works with besides the patient. Employers are named in the case, not tenants. */
export enum CoordinationActorKind {
  EMPLOYER = 'EMPLOYER',
  /** Försäkringskassan. */
  FK = 'FK',
  /** Arbetsförmedlingen. */
  AF = 'AF',
  OCCUPATIONAL_HEALTH = 'OCCUPATIONAL_HEALTH',
  SOCIAL_SERVICES = 'SOCIAL_SERVICES',
  /** Another care unit (internal coordination within health care). */
  CARE_UNIT = 'CARE_UNIT',
}

/** One-way: consent to give information to an actor is not consent to receive from it. */
export enum ConsentDirection {
  TO_ACTOR = 'TO_ACTOR',
  FROM_ACTOR = 'FROM_ACTOR',
}

/** The three statutory areas of the coordination, and the follow-up. */
export enum CoordinationArea {
  PERSONAL_SUPPORT = 'PERSONAL_SUPPORT',
  INTERNAL_COORDINATION = 'INTERNAL_COORDINATION',
  EXTERNAL_COLLABORATION = 'EXTERNAL_COLLABORATION',
  FOLLOW_UP = 'FOLLOW_UP',
}

export enum CoordinationActivityKind {
  /** A contact or an attempt at one (answered or not). */
  CONTACT = 'CONTACT',
  /** A meeting (held or not), by phone, video or in person. */
  MEETING = 'MEETING',
  /** A return-to-work plan set or changed (recorded by coordinationReturnToWorkPlanSet). */
  RETURN_TO_WORK_PLAN = 'RETURN_TO_WORK_PLAN',
  /** A follow-up of the sick leave and the plan. */
  FOLLOW_UP = 'FOLLOW_UP',
  /** The notice to Försäkringskassan of a need for work-oriented rehabilitation (4 §). */
  FK_NOTICE = 'FK_NOTICE',
}

export enum MeetingMode {
  PHONE = 'PHONE',
  VIDEO = 'VIDEO',
  IN_PERSON = 'IN_PERSON',
}

/** Cases still being worked on (the coordinator's lists and workload). */
export const OPEN_STATUSES: readonly CoordinationStatus[] = [CoordinationStatus.NONE, CoordinationStatus.CONTACTED, CoordinationStatus.ACTIVE, CoordinationStatus.FOLLOW_UP];

/** Statuses in which an intervention is under way: only here can an activity create value (GC001). */
export const INTERVENTION_STATUSES: readonly CoordinationStatus[] = [CoordinationStatus.ACTIVE, CoordinationStatus.FOLLOW_UP];

const TRANSITIONS: Readonly<Record<CoordinationStatus, readonly CoordinationStatus[]>> = {
  [CoordinationStatus.NONE]: [CoordinationStatus.CONTACTED, CoordinationStatus.ACTIVE, CoordinationStatus.DECLINED, CoordinationStatus.CLOSED],
  [CoordinationStatus.CONTACTED]: [CoordinationStatus.ACTIVE, CoordinationStatus.DECLINED, CoordinationStatus.CLOSED],
  // The patient may withdraw from coordination at any time.
  [CoordinationStatus.ACTIVE]: [CoordinationStatus.FOLLOW_UP, CoordinationStatus.DECLINED, CoordinationStatus.CLOSED],
  // A follow-up that finds more to do takes the case back to ACTIVE.
  [CoordinationStatus.FOLLOW_UP]: [CoordinationStatus.ACTIVE, CoordinationStatus.DECLINED, CoordinationStatus.CLOSED],
  [CoordinationStatus.DECLINED]: [CoordinationStatus.CLOSED],
  [CoordinationStatus.CLOSED]: [],
};

/** The statuses a case in `status` may move to. */
export function allowedCoordinationStatuses(status: CoordinationStatus): CoordinationStatus[] {
  return [...TRANSITIONS[status]];
}

/** The statuses a case may be opened in (the others need a case to exist first). */
export const OPENING_STATUSES: readonly CoordinationStatus[] = [CoordinationStatus.NONE, CoordinationStatus.CONTACTED, CoordinationStatus.ACTIVE];

/** A problem with a requested change, on the input field it concerns. */
export interface CoordinationProblem {
  field: string;
  message: string;
}

/** What a status change is decided on. */
export interface StatusChangeFacts {
  from: CoordinationStatus;
  to: CoordinationStatus;
  /** A consent to coordination itself is in force. */
  consentToCoordination: boolean;
  /** GC001 has been recorded on the case: it created value, so it did not end without intervention. */
  valueCreated: boolean;
  outcome: CoordinationOutcome | null;
}

/**
 * Problems with a status change (empty: allowed): an allowed transition; ACTIVE needs the patient's
 * consent to coordination itself; CLOSED needs an outcome, NO_INTERVENTION when the case never
 * reached an intervention, and not NO_INTERVENTION when an activity created value; an outcome only
 * with CLOSED.
 */
export function statusChangeProblems(f: StatusChangeFacts): CoordinationProblem[] {
  if (!TRANSITIONS[f.from].includes(f.to)) return [{ field: 'status', message: `a case in status ${f.from} cannot move to ${f.to}` }];
  const problems: CoordinationProblem[] = [];
  if (f.to === CoordinationStatus.ACTIVE && !f.consentToCoordination) {
    problems.push({ field: 'status', message: "an ACTIVE case needs the patient's consent to coordination itself: record it first" });
  }
  if (f.to !== CoordinationStatus.CLOSED && f.outcome !== null) problems.push({ field: 'outcome', message: 'an outcome is given only when the case is closed' });
  if (f.to === CoordinationStatus.CLOSED) {
    if (f.outcome === null) problems.push({ field: 'outcome', message: 'closing a case needs its outcome' });
    else if (!INTERVENTION_STATUSES.includes(f.from) && f.outcome !== CoordinationOutcome.NO_INTERVENTION && !f.valueCreated) {
      problems.push({ field: 'outcome', message: `a case closed from ${f.from} led to no intervention: its outcome is NO_INTERVENTION` });
    } else if (f.outcome === CoordinationOutcome.NO_INTERVENTION && f.valueCreated) {
      problems.push({ field: 'outcome', message: 'the case has activities that created value (GC001): it did not end without intervention' });
    }
  }
  return problems;
}

/** Whether anything but the closing may be recorded on a case in `status` (not on DECLINED or CLOSED). */
export function acceptsRecords(status: CoordinationStatus): CoordinationProblem | null {
  if (status === CoordinationStatus.CLOSED) return { field: 'caseId', message: 'the case is CLOSED: nothing more may be recorded on it' };
  if (status === CoordinationStatus.DECLINED) return { field: 'caseId', message: 'the patient declined coordination: nothing more may be recorded but the closing' };
  return null;
}

export interface SickLeave {
  from: string;
  to: string;
  degree: number;
}

/** Problems with a sick-leave period and degree (fields under `prefix`). */
export function sickLeaveProblems(s: SickLeave, prefix = 'sickLeave'): CoordinationProblem[] {
  const problems: CoordinationProblem[] = [];
  if (s.to < s.from) problems.push({ field: `${prefix}.to`, message: 'the sick leave cannot end before it starts' });
  if (!(SICK_LEAVE_DEGREES as readonly number[]).includes(s.degree)) problems.push({ field: `${prefix}.degree`, message: `the degree of sick leave is one of ${SICK_LEAVE_DEGREES.join(', ')} %` });
  return problems;
}

/** The counterpart of an activity or a consent: an actor kind with the one it names, or the patient (kind null). */
export interface ActorRef {
  kind: CoordinationActorKind | null;
  organisationId: string | null;
  careUnitId: string | null;
  employerId: string | null;
}

/** Problems with how an actor is named: an employer by its employer id, a care unit by its id, an organisation only for the organisation kinds. */
export function actorProblems(a: ActorRef, field = 'actor'): CoordinationProblem[] {
  const problems: CoordinationProblem[] = [];
  const isEmployer = a.kind === CoordinationActorKind.EMPLOYER;
  const isCareUnit = a.kind === CoordinationActorKind.CARE_UNIT;
  if (isEmployer !== (a.employerId !== null)) problems.push({ field: `${field}.employerId`, message: 'an employer is named by the employerId of one added to the case, and only an employer is' });
  if (isCareUnit !== (a.careUnitId !== null)) problems.push({ field: `${field}.careUnitId`, message: 'a care unit is named by its careUnitId, and only a care unit is' });
  if ((a.kind === null || isEmployer || isCareUnit) && a.organisationId !== null) {
    problems.push({ field: `${field}.organisationId`, message: 'an organisationId names Försäkringskassan, Arbetsförmedlingen, occupational health or social services' });
  }
  return problems;
}

/** Does `consent` name the same actor as `actor`? A consent naming an organisation kind without an organisation names any of that kind. */
export function namesActor(consent: ActorRef, actor: ActorRef): boolean {
  if (consent.kind !== actor.kind) return false;
  if (consent.kind === CoordinationActorKind.EMPLOYER) return consent.employerId === actor.employerId;
  if (consent.kind === CoordinationActorKind.CARE_UNIT) return consent.careUnitId === actor.careUnitId;
  return consent.organisationId === null || consent.organisationId === actor.organisationId;
}
