import { swedishWorkingCalendar } from '../../domain/discharge-deadlines';
import { CareLevel, ConsentPurpose, Country, DataCategory } from '../../domain/enums';
import { HandoffKind, initialState } from '../../domain/handoff';
import { decideHandoffMessage, HandoffRefusal, MessageAddressee, mergedAddressees, messageRecipients } from '../../domain/handoff-change';
import { HandoffMessageKind, openingMessage, RecipientBasis, statutoryBasis } from '../../domain/handoff-messages';
import { HandoffTimeline, handoffTimeline, TimelineMessage } from '../../domain/handoff-timeline';
import { localDateOf } from '../../domain/local-date';
import { decideEventTime, eventTimeNotAllowed, EVENT_MESSAGE_KINDS, handoffPreviousEvent } from '../../domain/event-time';
import { PARAMETER } from '../../domain/rule-parameters';
import { dischargeSummary } from '../../domain/discharge-summary';
import type { LegalSex } from '../../domain/enums';
import type { Access } from '../../server/access/access';
import type { OutgoingMessage } from '../../server/access/handoff.store';
import type { PatientRecord } from '../../server/access/rows.patient';
import type { HandoffRow } from '../../server/access/rows.handoff';
import { BadUserInputError, ConflictError, ConflictReason, ForbiddenError } from '../../schema/common/errors';
import { HandoffCreateInput, HandoffMessageContentInput, HandoffMessageSendInput, HandoffRecipientInput } from '../../schema/handoff/handoff.input';
import { idArg, optionalText } from '../common/args';

/** One calendar for the process: it caches the public holidays per year. */
const calendar = swedishWorkingCalendar();

/** Clock skew allowed between a client that read "now" and the server. */
const SKEW_MS = 5 * 60 * 1000;

const TEXT_REQUIRED = new Set([HandoffMessageKind.FREE_TEXT, HandoffMessageKind.CANCELLATION, HandoffMessageKind.READINESS_INTERRUPTED]);

function content(access: Access, kind: HandoffMessageKind, input: HandoffMessageContentInput | null | undefined) {
  const text = optionalText(input?.text, 'content.text', 4000);
  if (TEXT_REQUIRED.has(kind) && text === null) throw new BadUserInputError(`content.text: a ${kind} needs a text`, 'content.text');
  const needs = (input?.needs ?? []).map((need, i) => optionalText(need, `content.needs[${i}]`, 200)).filter((n): n is string => n !== null);
  if (needs.length > 20) throw new BadUserInputError('content.needs: at most 20 needs', 'content.needs');
  const meetingAt = input?.meetingAt ?? null;
  if (kind === HandoffMessageKind.SIP_CALL_OUT && meetingAt === null) throw new BadUserInputError('content.meetingAt: a SIP call-out names the time of the meeting', 'content.meetingAt');
  if (meetingAt !== null && meetingAt.getTime() < access.now().getTime() - SKEW_MS) {
    throw new BadUserInputError('content.meetingAt: the meeting cannot be in the past', 'content.meetingAt');
  }
  return { text, needs, plannedDischargeDate: input?.plannedDischargeDate ?? null, meetingAt, meetingPlace: optionalText(input?.meetingPlace, 'content.meetingPlace', 200) };
}

/** Where an admission notice goes by law: the home municipality, and the listed vårdcentral or else the region's primary care. */
async function routed(access: Access, patient: PatientRecord): Promise<MessageAddressee[]> {
  if (!patient.homeMunicipalityId) {
    throw new BadUserInputError("patientId: the patient has no home municipality recorded, so the notices cannot be routed; record it first (patientUpdate)", 'patientId');
  }
  const municipality = (await access.reference.organisation(patient.homeMunicipalityId))!;
  const listed = patient.listedCareUnitId ? await access.reference.careUnit(patient.listedCareUnitId) : null;
  const primaryCare: MessageAddressee = listed
    ? { organisationId: listed.organisationId, careUnitId: listed.id, basis: RecipientBasis.LISTED_PRIMARY_CARE }
    : { organisationId: (await access.reference.regionPrincipal(municipality.regionId))!.id, careUnitId: null, basis: RecipientBasis.REGION_PRIMARY_CARE };
  return [{ organisationId: municipality.id, careUnitId: null, basis: RecipientBasis.HOME_MUNICIPALITY }, primaryCare];
}

/**
 * Recipients a sender names: each must exist and have a legal basis (the law, or a consent of
 * the patient covering health data from the sender's organisation). FORBIDDEN names the one without.
 */
async function named(access: Access, patient: PatientRecord, requested: HandoffRecipientInput[], field: string): Promise<MessageAddressee[]> {
  const viewer = access.requireViewer();
  const listed = patient.listedCareUnitId ? await access.reference.careUnit(patient.listedCareUnitId) : null;
  const facts = { senderRegionId: viewer.regionId, homeMunicipalityId: patient.homeMunicipalityId, listedOrganisationId: listed?.organisationId ?? null };
  const result: MessageAddressee[] = [];
  for (const [i, r] of requested.entries()) {
    const organisation = await access.reference.organisation(idArg(r.organisationId, `${field}[${i}].organisationId`));
    if (!organisation) throw new BadUserInputError(`${field}[${i}].organisationId: no organisation with id ${r.organisationId}`, `${field}[${i}].organisationId`);
    const careUnitId = r.careUnitId ? idArg(r.careUnitId, `${field}[${i}].careUnitId`) : null;
    if (careUnitId && (await access.reference.careUnit(careUnitId))?.organisationId !== organisation.id) {
      throw new BadUserInputError(`${field}[${i}].careUnitId: not a care unit of ${organisation.name}`, `${field}[${i}].careUnitId`);
    }
    const basis =
      statutoryBasis({ organisationId: organisation.id, kind: organisation.kind, regionId: organisation.regionId }, facts) ??
      ((await access.consents.mayFlow(patient.id, DataCategory.HEALTH_STATUS, viewer.organisationId, organisation.id)) ? RecipientBasis.CONSENT : null);
    if (basis === null) {
      throw new ForbiddenError(
        `${field}[${i}]: no legal basis to send this patient's data to ${organisation.name}: it is neither the patient's home municipality or primary care nor a principal of your region, and no consent of the patient covers it`,
        `${field}[${i}]`,
      );
    }
    result.push({ organisationId: organisation.id, careUnitId, basis });
  }
  return result;
}

type Discharge = Pick<HandoffRow, 'kind' | 'regionId' | 'admittedAt' | 'homeMunicipalityId' | 'psychiatric'>;

/**
 * The timeline of a hand-off with the given messages (for the deadline a write leaves), under its
 * region's parameters in force on its admission date; null unless a discharge.
 */
async function timelineOf(access: Access, h: Discharge, messages: TimelineMessage[]) {
  if (h.kind !== HandoffKind.DISCHARGE_FROM_INPATIENT || h.admittedAt === null) return null;
  const region = (await access.reference.region(h.regionId))!;
  const parameters = await access.reference.dischargeParameters(region.id, localDateOf(h.admittedAt, region.timeZone), h.psychiatric);
  const input = { admittedAt: h.admittedAt, homeMunicipalityId: h.homeMunicipalityId, messages, timeZone: region.timeZone, parameters, calendar };
  return { timeline: handoffTimeline({ ...input, now: access.now() }), parameters, input };
}

/** What a write leaves: the next deadline, and a discharge's summary for the planners' report. */
async function afterWrite(access: Access, h: Discharge, messages: TimelineMessage[], legalSex: LegalSex) {
  const computed = await timelineOf(access, h, messages);
  return {
    nextDueAt: computed?.timeline.nextDueAt ?? null,
    summary: computed && { legalSex, parameters: computed.parameters, summary: dischargeSummary(computed.input) },
  };
}

/** A hand-off's deadlines and liability as the API shows them; null for referrals and transfers. */
export async function handoffDeadlines(access: Access, handoff: HandoffRow) {
  const computed = await timelineOf(access, handoff, await access.handoffs.messages(handoff));
  return computed && deadlinesView(computed.timeline, computed.parameters);
}

function deadlinesView(timeline: HandoffTimeline, parameters: { liabilityAfterDays: number; liabilityDayKind: string; dailyAmount: number | null }) {
  return {
    admissionNotice: timeline.admissionNotice,
    dischargeReadyPeriods: timeline.readyPeriods.map((p) => ({
      startedAt: p.startedAt,
      endedAt: p.endedAt,
      endedBy: p.endedBy,
      sipCallOut: p.sipCallOut,
      liableFromDate: p.liability.liableFromDate,
      liabilityDays: p.liability.days,
      liabilityAmount: p.liability.amount,
    })),
    liabilityDays: timeline.liabilityDays,
    liabilityAmount: timeline.liabilityAmount,
    liabilityAfterDays: parameters.liabilityAfterDays,
    liabilityDayKind: parameters.liabilityDayKind,
    dailyAmount: parameters.dailyAmount,
  };
}

export async function createHandoff(access: Access, input: HandoffCreateInput) {
  const viewer = access.patients.requirePatientRole();
  const patient = await access.patients.requireVisible(idArg(input.patientId, 'patientId'), 'patientId');
  const unit = await access.reference.careUnit(idArg(input.sendingCareUnitId, 'sendingCareUnitId'));
  if (!unit || unit.organisationId !== viewer.organisationId) throw new BadUserInputError('sendingCareUnitId: not a care unit of your organisation', 'sendingCareUnitId');
  const discharge = input.kind === HandoffKind.DISCHARGE_FROM_INPATIENT;
  const admittedAt = input.admittedAt ?? null;
  if (discharge) {
    const region = (await access.reference.region(viewer.regionId))!;
    if (region.country !== Country.SE) throw new BadUserInputError('kind: coordinated discharge (lag 2017:612) is Swedish law; it does not apply in this region', 'kind');
    if (unit.careLevel !== CareLevel.INPATIENT_CARE) throw new BadUserInputError('sendingCareUnitId: a discharge is sent from an inpatient care unit', 'sendingCareUnitId');
    if (admittedAt === null) throw new BadUserInputError('admittedAt: a discharge needs the time of admission', 'admittedAt');
    // The admission starts the case, so its look-back is the one in force today.
    const lookBackDays = await access.reference.parameter<number>(PARAMETER.EVENTS_LOOK_BACK_DAYS, localDateOf(access.now(), region.timeZone), region.id);
    const checked = decideEventTime('admittedAt', admittedAt, { now: access.now(), previousEventAt: null, lookBackDays });
    if (!checked.ok) throw new BadUserInputError(checked.message, checked.field);
  } else if (admittedAt !== null) {
    throw new BadUserInputError(`admittedAt: only a discharge has an admission time, not a ${input.kind}`, 'admittedAt');
  }
  const requested = await named(access, patient, input.recipients ?? [], 'recipients');
  const sendOpening = !discharge || input.sendAdmissionNotice !== false;
  let recipients = discharge && sendOpening ? mergedAddressees(await routed(access, patient), requested) : requested;
  recipients = recipients.filter((r) => !(r.organisationId === viewer.organisationId && r.careUnitId === unit.id));
  if (!discharge && recipients.length === 0) throw new BadUserInputError(`recipients: a ${input.kind} needs at least one recipient`, 'recipients');
  const kind = openingMessage(input.kind);
  const opening: OutgoingMessage | null = sendOpening ? { kind, senderCareUnitId: unit.id, recipients, occurredAt: null, ...content(access, kind, input.content) } : null;
  const values = {
    patientId: patient.id,
    regionId: viewer.regionId,
    kind: input.kind,
    state: initialState(input.kind),
    sendingOrganisationId: viewer.organisationId,
    sendingCareUnitId: unit.id,
    homeMunicipalityId: patient.homeMunicipalityId,
    psychiatric: input.psychiatric ?? false,
    admittedAt,
  };
  const messages = opening ? [{ kind, sentAt: access.now(), occurredAt: access.now(), recipientOrganisationIds: recipients.map((r) => r.organisationId) }] : [];
  const after = await afterWrite(access, values, messages, patient.legalSex);
  return access.handoffs.create(values, opening, after.nextDueAt, after.summary);
}

/** The coded error of a refused message. */
function refusal({ code, field, message }: HandoffRefusal) {
  if (code === 'BAD_USER_INPUT') return new BadUserInputError(message, field);
  if (code === 'FORBIDDEN') return new ForbiddenError(message, field);
  return new ConflictError(code === 'STALE_VERSION' ? ConflictReason.STALE_VERSION : ConflictReason.ILLEGAL_STATE, message, field);
}

/**
 * When an event message's event happened (domain/event-time.ts): the reported occurredAt, checked
 * against the hand-off's previous event and the look-back in force on its admission date, else now.
 * Null for other messages: they happen when recorded. Event messages are discharge messages (the
 * message rules refuse them on other hand-offs before this), and a discharge has an admission.
 */
async function eventTime(access: Access, input: HandoffMessageSendInput, handoff: HandoffRow, messages: readonly TimelineMessage[]): Promise<Date | null> {
  const reported = input.occurredAt ?? null;
  const notAllowed = eventTimeNotAllowed(input.kind, reported);
  if (notAllowed !== null) throw new BadUserInputError(notAllowed, 'occurredAt');
  if (!EVENT_MESSAGE_KINDS.has(input.kind)) return null;
  const region = (await access.reference.region(handoff.regionId))!;
  const startDate = localDateOf(handoff.admittedAt ?? handoff.createdAt, region.timeZone);
  const lookBackDays = await access.reference.parameter<number>(PARAMETER.EVENTS_LOOK_BACK_DAYS, startDate, region.id);
  const checked = decideEventTime('occurredAt', reported, { now: access.now(), previousEventAt: handoffPreviousEvent(handoff.admittedAt, messages), lookBackDays });
  if (!checked.ok) throw new BadUserInputError(checked.message, checked.field);
  return checked.at;
}

export async function sendHandoffMessage(access: Access, input: HandoffMessageSendInput) {
  const viewer = access.patients.requirePatientRole();
  const { handoff, parties, messages } = await access.handoffs.forMessage(idArg(input.handoffId, 'handoffId'), 'handoffId');
  const senderCareUnitId = input.senderCareUnitId ? idArg(input.senderCareUnitId, 'senderCareUnitId') : null;
  const decision = decideHandoffMessage({ ...handoff, parties, messages }, { organisationId: viewer.organisationId, careUnitId: senderCareUnitId ?? viewer.careUnitId, version: input.version, kind: input.kind });
  if (!decision.ok) throw refusal(decision);
  const { sender } = decision;
  const occurredAt = await eventTime(access, input, handoff, messages);
  const patient = await access.patients.requireVisible(handoff.patientId, 'handoffId');
  const requested = await named(access, patient, input.additionalRecipients ?? [], 'additionalRecipients');
  // An admission notice is routed by the patient's record as it is now, and fixes the municipality liable.
  const admission = input.kind === HandoffMessageKind.ADMISSION_NOTICE;
  const homeMunicipalityId = admission ? patient.homeMunicipalityId : handoff.homeMunicipalityId;
  const recipients = messageRecipients(parties, sender, requested, admission ? await routed(access, patient) : []);
  if (input.kind === HandoffMessageKind.SIP_CALL_OUT) {
    const organisations = [...new Set(recipients.map((r) => r.organisationId).filter((id) => id !== viewer.organisationId))];
    const missing = await access.consents.notCoveredFor(patient.id, ConsentPurpose.SIP, DataCategory.CARE_AND_REHAB_PLAN, viewer.organisationId, organisations);
    if (missing.length) {
      const names = await Promise.all(missing.map(async (id) => (await access.reference.organisation(id))?.name ?? id));
      throw new ForbiddenError(`kind: no SIP consent of the patient covers a call-out to ${names.join(', ')}; record one (purpose SIP, covering CARE_AND_REHAB_PLAN) first`, 'kind');
    }
  }
  const message: OutgoingMessage = { kind: input.kind, senderCareUnitId: sender.careUnitId, recipients, occurredAt, ...content(access, input.kind, input.content) };
  const next = [...messages, { kind: input.kind, sentAt: access.now(), occurredAt: occurredAt ?? access.now(), recipientOrganisationIds: recipients.map((r) => r.organisationId) }];
  const after = await afterWrite(access, { ...handoff, homeMunicipalityId }, next, patient.legalSex);
  const change = { expectedVersion: input.version, state: decision.state, nextDueAt: after.nextDueAt, homeMunicipalityId, summary: after.summary };
  return access.handoffs.send(handoff, message, change);
}
