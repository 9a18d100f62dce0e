import {
  ActorRef,
  acceptsRecords,
  allowedCoordinationStatuses,
  ConsentDirection,
  CoordinationActivityKind,
  CoordinationActorKind,
  CoordinationArea,
  CoordinationProblem,
  CoordinationStatus,
  OPENING_STATUSES,
  sickLeaveProblems,
  statusChangeProblems,
} from '../../domain/coordination';
import { ActivityFacts, activityProblems, KvaCondition, KvaRule, kvaCodeProblems, returnToWorkProblems } from '../../domain/coordination-activity';
import { consentToCoordinationInForce, CoordinationConsentFacts, coordinationConsentProblems, disclosureMissing, fkNoticeMissing } from '../../domain/coordination-consent';
import { consentPeriodProblems } from '../../domain/consent';
import { CareLevel, ConsentGivenBy, ConsentPurpose, DataCategory, OrganisationKind, Role } from '../../domain/enums';
import { decideEventTime } from '../../domain/event-time';
import { localDateOf } from '../../domain/local-date';
import { parseOrganisationNumber } from '../../domain/organisation-number';
import { PARAMETER } from '../../domain/rule-parameters';
import { BadUserInputError, ConflictError, ConflictReason, ForbiddenError } from '../../schema/common/errors';
import type {
  ConsentPeriodInput,
  CoordinationActivityRecordInput,
  CoordinationActorInput,
  CoordinationCaseOpenInput,
  CoordinationCaseStatusChangeInput,
  CoordinationCaseTakeOverInput,
  CoordinationConsentGiveInput,
  CoordinationConsentWithdrawInput,
  CoordinationEmployerAddInput,
  CoordinationFkNoticeSendInput,
  CoordinationReturnToWorkPlanSetInput,
} from '../../schema/coordination/coordination.input';
import type { Access } from '../../server/access/access';
import type { CoordinationCaseRow, CoordinationConsentRow, CoordinationEdit, CoordinationWritten, NewActivity, NewConsent } from '../../server/access/coordination.store';
import { dateArg, idArg, optionalText, requiredText } from '../common/args';

const NOTE = 1000;
const ACTIVITY_NOTE = 2000;

/** The first problem as BAD_USER_INPUT on its field, with all of them in `extensions.problems`. */
function refuse(problems: CoordinationProblem[]): void {
  const [first] = problems;
  if (first) throw new BadUserInputError(first.message, first.field, { problems });
}

/** The first problem as a CONFLICT (ILLEGAL_STATE): the case's state does not allow it until something else is recorded. */
function refuseInState(problem: CoordinationProblem | null): void {
  if (problem) throw new ConflictError(ConflictReason.ILLEGAL_STATE, problem.message, problem.field);
}

/** Today in the case's region, and the case's consents as the rules read them. */
async function caseContext(access: Access, c: CoordinationCaseRow) {
  const region = (await access.reference.region(c.regionId))!;
  const consents = await access.coordination.consents(c);
  return { timeZone: region.timeZone, today: localDateOf(access.now(), region.timeZone), consents: consents.map(consentFacts) };
}

export const actorOf = (row: { actorKind: CoordinationActorKind | null; actorOrganisationId: string | null; actorCareUnitId: string | null; employerId: string | null }): ActorRef => ({
  kind: row.actorKind,
  organisationId: row.actorOrganisationId,
  careUnitId: row.actorCareUnitId,
  employerId: row.employerId,
});

const consentFacts = (k: CoordinationConsentRow): CoordinationConsentFacts => ({
  actor: actorOf(k),
  direction: k.direction,
  categories: k.categories,
  purpose: k.purpose,
  validFrom: k.validFrom,
  validTo: k.validTo,
  withdrawnAt: k.withdrawnAt,
});

/** The organisation kinds each organisation actor may name. */
const ACTOR_ORGANISATION_KINDS: Partial<Record<CoordinationActorKind, OrganisationKind[]>> = {
  [CoordinationActorKind.FK]: [OrganisationKind.STATE_AGENCY],
  [CoordinationActorKind.AF]: [OrganisationKind.STATE_AGENCY],
  [CoordinationActorKind.OCCUPATIONAL_HEALTH]: [OrganisationKind.OCCUPATIONAL_HEALTH],
  [CoordinationActorKind.SOCIAL_SERVICES]: [OrganisationKind.MUNICIPALITY],
};

/** The actor an input names, checked against the case: its employer, a care unit of the region, an organisation of a fitting kind. */
async function actorArg(access: Access, c: CoordinationCaseRow, input: CoordinationActorInput | null | undefined, field = 'actor'): Promise<ActorRef> {
  const actor: ActorRef = input
    ? {
        kind: input.kind,
        organisationId: input.organisationId ? idArg(input.organisationId, `${field}.organisationId`) : null,
        careUnitId: input.careUnitId ? idArg(input.careUnitId, `${field}.careUnitId`) : null,
        employerId: input.employerId ? idArg(input.employerId, `${field}.employerId`) : null,
      }
    : { kind: null, organisationId: null, careUnitId: null, employerId: null };
  if (actor.employerId && !(await access.coordination.employers(c)).some((e) => e.id === actor.employerId)) {
    throw new BadUserInputError('No such employer in this case: add it first (coordinationEmployerAdd)', `${field}.employerId`);
  }
  if (actor.careUnitId) {
    const unit = await access.reference.careUnit(actor.careUnitId);
    if (!unit || unit.regionId !== c.regionId) throw new BadUserInputError('No such care unit in the case’s region', `${field}.careUnitId`);
    if (unit.id === c.careUnitId) throw new BadUserInputError('Internal coordination is with another care unit than the case’s own', `${field}.careUnitId`);
  }
  if (actor.organisationId && actor.kind) {
    const organisation = await access.reference.organisation(actor.organisationId);
    const kinds = ACTOR_ORGANISATION_KINDS[actor.kind] ?? [];
    if (!organisation || !kinds.includes(organisation.kind)) throw new BadUserInputError(`No ${actor.kind} organisation with that id`, `${field}.organisationId`);
  }
  return actor;
}

/** A consent's period, checked as every consent's (not retroactive, at most consent.maxValidityDays ahead). */
async function periodArg(access: Access, c: { regionId: string }, today: string, input: ConsentPeriodInput, field: string) {
  const validFrom = input.validFrom ? dateArg(input.validFrom, `${field}.validFrom`) : today;
  dateArg(input.validTo, `${field}.validTo`);
  const maxDays = await access.reference.parameter<number>(PARAMETER.CONSENT_MAX_VALIDITY_DAYS, today, c.regionId);
  refuse(consentPeriodProblems({ validFrom, validTo: input.validTo }, today, maxDays).map((p) => ({ field: `${field}.${p.field}`, message: p.message })));
  return { validFrom, validTo: input.validTo, givenBy: input.givenBy ?? ConsentGivenBy.PATIENT };
}

/** Opens a case at the viewer's care unit, assigned to the viewer. */
export async function openCase(access: Access, input: CoordinationCaseOpenInput): Promise<CoordinationCaseRow> {
  const viewer = access.coordination.requireRole();
  const careUnitId = idArg(input.careUnitId, 'careUnitId');
  if (!viewer.roles.has(Role.REHAB_COORDINATOR) || viewer.careUnitId !== careUnitId) {
    throw new ForbiddenError('A coordination case is opened by a rehabilitation coordinator (REHAB_COORDINATOR) acting for its care unit', 'careUnitId');
  }
  const patient = await access.patients.requireVisible(idArg(input.patientId, 'patientId'), 'patientId');
  const unit = await access.reference.careUnit(careUnitId);
  if (!unit || unit.organisationId !== viewer.organisationId || unit.regionId !== patient.regionId) {
    throw new BadUserInputError('The care unit must be one of your organisation’s, in the patient’s region', 'careUnitId');
  }
  if (unit.careLevel !== CareLevel.PRIMARY_CARE && unit.careLevel !== CareLevel.SPECIALIST_CARE) {
    throw new BadUserInputError('Rehabilitation coordination is offered at a primary care or specialist care unit', 'careUnitId');
  }
  refuse(sickLeaveProblems({ ...input.sickLeave, from: dateArg(input.sickLeave.from, 'sickLeave.from'), to: dateArg(input.sickLeave.to, 'sickLeave.to') }));
  const status = input.status ?? CoordinationStatus.NONE;
  if (!OPENING_STATUSES.includes(status)) throw new BadUserInputError(`A case opens in ${OPENING_STATUSES.join(', ')}`, 'status');
  const region = (await access.reference.region(patient.regionId))!;
  const today = localDateOf(access.now(), region.timeZone);
  let consent: NewConsent | null = null;
  if (input.consentToCoordination) {
    const period = await periodArg(access, patient, today, input.consentToCoordination, 'consentToCoordination');
    consent = { actorKind: null, actorOrganisationId: null, actorCareUnitId: null, employerId: null, direction: ConsentDirection.TO_ACTOR, categories: [], purpose: ConsentPurpose.REHABILITATION_COORDINATION, ...period };
  }
  if (status === CoordinationStatus.ACTIVE && !(consent && consent.validFrom <= today)) {
    throw new ConflictError(ConflictReason.ILLEGAL_STATE, "An ACTIVE case needs the patient's consent to coordination itself, in force today: give consentToCoordination", 'consentToCoordination');
  }
  return access.coordination.open(
    {
      patientId: patient.id,
      regionId: patient.regionId,
      ownerOrganisationId: viewer.organisationId,
      careUnitId,
      status,
      occupation: input.occupation,
      sickLeaveFrom: input.sickLeave.from,
      sickLeaveTo: input.sickLeave.to,
      sickLeaveDegree: input.sickLeave.degree,
    },
    consent,
    optionalText(input.note, 'note', NOTE),
  );
}

/** Codes whose rule asks that the activity created value (GC001 as seeded). */
const valueCodes = (rules: readonly KvaRule[]) => new Set(rules.filter((r) => r.condition === KvaCondition.VALUE_CREATED).map((r) => r.code));

const kvaRulesOn = (access: Access, c: CoordinationCaseRow, onDate: string) => access.reference.parameter<KvaRule[]>(PARAMETER.COORDINATION_KVA_RULES, onDate, c.regionId);

/** Moves a case to another status: ACTIVE needs the consent to coordination; CLOSED needs its outcome. */
export async function changeStatus(access: Access, input: CoordinationCaseStatusChangeInput): Promise<CoordinationCaseRow> {
  const c = await access.coordination.forChange(idArg(input.caseId, 'caseId'), 'caseId', input.version);
  if (!allowedCoordinationStatuses(c.status).includes(input.status)) {
    refuseInState({ field: 'status', message: `a case in status ${c.status} cannot move to ${input.status} (allowed: ${allowedCoordinationStatuses(c.status).join(', ') || 'none'})` });
  }
  const { today, consents } = await caseContext(access, c);
  const codes = valueCodes(await kvaRulesOn(access, c, today));
  const valueCreated = (await access.coordination.kvaCodes(c)).some((k) => codes.has(k.code));
  const problems = statusChangeProblems({ from: c.status, to: input.status, consentToCoordination: consentToCoordinationInForce(consents, today, access.now()), valueCreated, outcome: input.outcome ?? null });
  if (input.status === CoordinationStatus.ACTIVE) refuseInState(problems.find((p) => p.field === 'status') ?? null);
  refuse(problems);
  const closing = input.status === CoordinationStatus.CLOSED;
  // Leaving NONE for CONTACTED or ACTIVE is the coordinator reporting the patient contacted.
  const contacted = c.firstContactAt === null && c.status === CoordinationStatus.NONE && (input.status === CoordinationStatus.CONTACTED || input.status === CoordinationStatus.ACTIVE);
  const edit: CoordinationEdit = {
    patch: { status: input.status, ...(closing ? { outcome: input.outcome! } : {}) },
    statusChange: { from: c.status, to: input.status, note: optionalText(input.note, 'note', NOTE), contacted },
  };
  return (await access.coordination.change(c, input.version, edit)).coordinationCase;
}

/** A case that accepts records (not DECLINED or CLOSED), read for a change. */
async function openForRecords(access: Access, caseId: string, version: number): Promise<CoordinationCaseRow> {
  const c = await access.coordination.forChange(idArg(caseId, 'caseId'), 'caseId', version);
  refuseInState(acceptsRecords(c.status));
  return c;
}

/** Assigns an open case to the viewer, a coordinator at its unit (a colleague's case during absence, or a new distribution). */
export async function takeOverCase(access: Access, input: CoordinationCaseTakeOverInput): Promise<CoordinationCaseRow> {
  const c = await openForRecords(access, input.caseId, input.version);
  const viewer = access.requireViewer();
  if (c.coordinatorUserId === viewer.userId) refuseInState({ field: 'caseId', message: 'The case is already assigned to you' });
  return (await access.coordination.change(c, input.version, { patch: { coordinatorUserId: viewer.userId } })).coordinationCase;
}

/** Names an employer in a case (a recipient of information, not a tenant). */
export async function addEmployer(access: Access, input: CoordinationEmployerAddInput): Promise<CoordinationWritten> {
  const name = requiredText(input.name, 'name', 200);
  if (!input.organisationNumber?.trim()) throw new BadUserInputError('An employer is named with its organisation number (NNNNNN-NNNN)', 'organisationNumber');
  const parsed = parseOrganisationNumber(input.organisationNumber);
  if (!parsed.ok) throw new BadUserInputError(`organisationNumber: ${parsed.problem}`, 'organisationNumber');
  const c = await openForRecords(access, input.caseId, input.version);
  if ((await access.coordination.employers(c)).some((e) => e.organisationNumber === parsed.number)) {
    throw new ConflictError(ConflictReason.DUPLICATE, 'This employer is already named in the case', 'organisationNumber');
  }
  return access.coordination.change(c, input.version, {
    employer: { name, organisationNumber: parsed.number, contactName: optionalText(input.contactName, 'contactName', 200), contactDetails: optionalText(input.contactDetails, 'contactDetails', 500) },
  });
}

/** Records a consent the patient gave: to coordination itself, or to one actor. */
export async function giveConsent(access: Access, input: CoordinationConsentGiveInput): Promise<CoordinationWritten> {
  const c = await openForRecords(access, input.caseId, input.version);
  const { today } = await caseContext(access, c);
  const actor = await actorArg(access, c, input.actor);
  const categories = [...new Set(input.categories ?? [])];
  const direction = input.direction ?? ConsentDirection.TO_ACTOR;
  refuse(coordinationConsentProblems({ actor, direction, categories, purpose: input.purpose }));
  const period = await periodArg(access, c, today, input.period, 'period');
  return access.coordination.change(c, input.version, {
    consent: { actorKind: actor.kind, actorOrganisationId: actor.organisationId, actorCareUnitId: actor.careUnitId, employerId: actor.employerId, direction, categories, purpose: input.purpose, ...period },
  });
}

/** Withdraws a consent from now on (the closing is still recorded on a DECLINED case, so withdrawal is allowed there too). */
export async function withdrawConsent(access: Access, input: CoordinationConsentWithdrawInput): Promise<CoordinationCaseRow> {
  const c = await access.coordination.forChange(idArg(input.caseId, 'caseId'), 'caseId', input.version);
  const consentId = idArg(input.consentId, 'consentId');
  const consent = (await access.coordination.consents(c)).find((k) => k.id === consentId);
  if (!consent) throw new BadUserInputError('No such consent in this case', 'consentId');
  if (consent.withdrawnAt) refuseInState({ field: 'consentId', message: 'The consent is already withdrawn' });
  return (await access.coordination.change(c, input.version, { withdrawConsentId: consentId })).coordinationCase;
}

/** The activity's time: not in the future, not before the case's opening, within the look-back (domain/event-time.ts). */
async function occurredAtArg(access: Access, c: CoordinationCaseRow, timeZone: string, reported: Date | null | undefined): Promise<Date> {
  const lookBackDays = await access.reference.parameter<number>(PARAMETER.EVENTS_LOOK_BACK_DAYS, localDateOf(c.openedAt, timeZone), c.regionId);
  const checked = decideEventTime('occurredAt', reported ?? null, { now: access.now(), previousEventAt: c.openedAt, lookBackDays });
  if (!checked.ok) throw new BadUserInputError(checked.message, checked.field);
  return checked.at;
}

/** The KVÅ codes asked for, each earned under the rules in force on the activity's date and in the code table that day. */
async function earnedCodes(access: Access, c: CoordinationCaseRow, activity: ActivityFacts, onDate: string, asked: readonly string[] | null | undefined) {
  const codes = [...new Set(asked ?? [])];
  refuse(kvaCodeProblems(await kvaRulesOn(access, c, onDate), activity, c.status, codes));
  return Promise.all(
    codes.map(async (code) => {
      const version = await access.reference.kvaCode(code, onDate);
      if (!version) throw new BadUserInputError(`${code} has no version in the KVÅ table valid on ${onDate}`, 'kvaCodes');
      return { code, validFrom: version.validFrom };
    }),
  );
}

/** The case's columns an activity moves: its last activity, and its first contact with the patient when the patient was reached. */
function activityPatch(c: CoordinationCaseRow, activity: ActivityFacts, at: Date) {
  const reachedPatient = activity.actor.kind === null && (activity.answered === true || activity.held === true);
  return {
    lastActivityAt: at > c.lastActivityAt ? at : c.lastActivityAt,
    ...(reachedPatient && (c.firstContactAt === null || at < c.firstContactAt) ? { firstContactAt: at } : {}),
  };
}

/** Records an activity (a contact, a meeting, a follow-up) with the KVÅ codes it earned. */
export async function recordActivity(access: Access, input: CoordinationActivityRecordInput): Promise<CoordinationWritten> {
  const c = await openForRecords(access, input.caseId, input.version);
  const { timeZone, consents } = await caseContext(access, c);
  const actor = await actorArg(access, c, input.actor);
  const activity: ActivityFacts = { area: input.area, kind: input.kind, actor, answered: input.answered ?? null, held: input.held ?? null, mode: input.mode ?? null };
  refuse(activityProblems(activity));
  const occurredAt = await occurredAtArg(access, c, timeZone, input.occurredAt);
  const onDate = localDateOf(occurredAt, timeZone);
  const missing = disclosureMissing(consents, actor, onDate, occurredAt);
  if (missing) refuseInState({ field: 'actor', message: missing });
  const kva = await earnedCodes(access, c, activity, onDate, input.kvaCodes);
  const values: NewActivity = {
    area: input.area,
    kind: input.kind,
    actorKind: actor.kind,
    actorOrganisationId: actor.organisationId,
    actorCareUnitId: actor.careUnitId,
    employerId: actor.employerId,
    answered: activity.answered,
    held: activity.held,
    mode: activity.mode,
    occurredAt,
    note: optionalText(input.note, 'note', ACTIVITY_NOTE),
  };
  return access.coordination.change(c, input.version, { patch: activityPatch(c, activity, occurredAt), activity: { values, kva } });
}

/** Sets the case's return-to-work plan (replacing the one before), recorded as a RETURN_TO_WORK_PLAN activity with the patient. */
export async function setReturnToWorkPlan(access: Access, input: CoordinationReturnToWorkPlanSetInput): Promise<CoordinationWritten> {
  const steps = input.steps.map((s, i) => ({ from: dateArg(s.fromDate, `steps[${i}].fromDate`), to: dateArg(s.toDate, `steps[${i}].toDate`), workPercent: s.workPercent, responsibilities: optionalText(s.responsibilities, `steps[${i}].responsibilities`, 1000) ?? '' }));
  refuse(returnToWorkProblems(steps));
  const goal = optionalText(input.goal, 'goal', NOTE);
  const c = await openForRecords(access, input.caseId, input.version);
  const { today } = await caseContext(access, c);
  const now = access.now();
  const activity: ActivityFacts = { area: CoordinationArea.PERSONAL_SUPPORT, kind: CoordinationActivityKind.RETURN_TO_WORK_PLAN, actor: { kind: null, organisationId: null, careUnitId: null, employerId: null }, answered: null, held: null, mode: null };
  const kva = await earnedCodes(access, c, activity, today, input.kvaCodes);
  const values: NewActivity = { area: activity.area, kind: activity.kind, actorKind: null, actorOrganisationId: null, actorCareUnitId: null, employerId: null, answered: null, held: null, mode: null, occurredAt: now, note: goal };
  return access.coordination.change(c, input.version, {
    patch: activityPatch(c, activity, now),
    activity: { values, kva },
    plan: { goal, steps: steps.map((s) => ({ fromDate: s.from, toDate: s.to, workPercent: s.workPercent, responsibilities: s.responsibilities })) },
  });
}

/**
 * Sends the notice to Försäkringskassan of a need for work-oriented rehabilitation (4 §), recorded
 * as an EXTERNAL_COLLABORATION activity with FK; refused (CONFLICT, naming what is missing) without
 * a consent of its own naming FK.
 */
export async function sendFkNotice(access: Access, input: CoordinationFkNoticeSendInput): Promise<CoordinationWritten> {
  const c = await openForRecords(access, input.caseId, input.version);
  const { today, consents } = await caseContext(access, c);
  const now = access.now();
  const categories = input.categories?.length ? [...new Set(input.categories)] : [DataCategory.WORK_CAPACITY];
  const missing = fkNoticeMissing(consents, { categories, onDate: today, at: now });
  if (missing) throw new ConflictError(ConflictReason.ILLEGAL_STATE, `The notice to Försäkringskassan needs its own consent: ${missing}`, 'consent', { missing });
  const actor: ActorRef = { kind: CoordinationActorKind.FK, organisationId: null, careUnitId: null, employerId: null };
  const activity: ActivityFacts = { area: CoordinationArea.EXTERNAL_COLLABORATION, kind: CoordinationActivityKind.FK_NOTICE, actor, answered: null, held: null, mode: null };
  const kva = await earnedCodes(access, c, activity, today, input.kvaCodes);
  const values: NewActivity = {
    area: activity.area,
    kind: activity.kind,
    actorKind: actor.kind,
    actorOrganisationId: null,
    actorCareUnitId: null,
    employerId: null,
    answered: null,
    held: null,
    mode: null,
    occurredAt: now,
    note: optionalText(input.note, 'note', ACTIVITY_NOTE),
  };
  return access.coordination.change(c, input.version, { patch: activityPatch(c, activity, now), activity: { values, kva } });
}
