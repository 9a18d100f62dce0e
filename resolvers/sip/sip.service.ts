import { randomUUID } from 'node:crypto';
import { HandoffMessageKind } from '../../domain/handoff-messages';
import { PARAMETER, parameterOn } from '../../domain/rule-parameters';
import {
  followUpDateProblem,
  isSipFinal,
  relativeMayTakePart,
  SipContent,
  SipInvitationFacts,
  sipActivationProblems,
  SipEvent,
  SipKvaUse,
  SipParticipantBasis,
  SipParticipantKind,
  SipStatus,
} from '../../domain/sip';
import { decideSipChange, SipChangeRequest, sipContentOf, SipRefusal } from '../../domain/sip-change';
import { decideSipStart, mayCallSip, SipInvitationDecision, sipInvitation, SipInvitee } from '../../domain/sip-invitation';
import { localDateOf } from '../../domain/local-date';
import { decideEventTime, latestEvent } from '../../domain/event-time';
import type { Access } from '../../server/access/access';
import type { OrganisationRow } from '../../server/access/rows';
import type { PatientRecord } from '../../server/access/rows.patient';
import type { SipRow } from '../../server/access/rows.sip';
import type { NewSipParticipant, SipEdit } from '../../server/access/sip.store';
import { BadUserInputError, ConflictError, ConflictReason, ForbiddenError } from '../../schema/common/errors';
import type {
  SipActivateInput,
  SipCallInput,
  SipContactInput,
  SipContentUpdateInput,
  SipCreateInput,
  SipFollowUpRecordInput,
  SipMeetingRecordInput,
  SipOrganisationInput,
  SipParticipantAddInput,
  SipParticipantUpdateInput,
  SipStatusInput,
} from '../../schema/sip/sip.input';
import { SipFollowUpOutcome } from '../../schema/sip/sip.enums';
import { idArg, optionalText, requiredText } from '../common/args';
import type { PageRequest } from '../../schema/common/page';

/** Clock skew allowed between a client that read "now" and the server. */
const SKEW_MS = 5 * 60 * 1000;
const MAX_INTERVENTIONS = 50;

function contact(input: SipContactInput | null | undefined, field: string) {
  if (!input) return { contactName: null, contactRole: null, contactDetails: null };
  return {
    contactName: requiredText(input.name, `${field}.name`, 200),
    contactRole: optionalText(input.role, `${field}.role`, 200),
    contactDetails: optionalText(input.details, `${field}.details`, 200),
  };
}

async function organisationArg(access: Access, id: string, field: string): Promise<OrganisationRow> {
  const organisation = await access.reference.organisation(idArg(id, field));
  if (!organisation || organisation.regionId !== access.requireViewer().regionId) throw new BadUserInputError(`${field}: no organisation with id ${id} in your region`, field);
  return organisation;
}

/** An organisation to join, checked: it exists in the region and the care unit is its own. */
async function organisationParticipant(access: Access, input: SipOrganisationInput, field: string) {
  const organisation = await organisationArg(access, input.organisationId, `${field}.organisationId`);
  const careUnitId = input.careUnitId ? idArg(input.careUnitId, `${field}.careUnitId`) : null;
  if (careUnitId && (await access.reference.careUnit(careUnitId))?.organisationId !== organisation.id) {
    throw new BadUserInputError(`${field}.careUnitId: not a care unit of ${organisation.name}`, `${field}.careUnitId`);
  }
  return { organisation, careUnitId, ...contact(input.contact, `${field}.contact`) };
}

/**
 * What an invitation by the viewer's organisation is weighed on (domain/sip-invitation.ts): the
 * person's own region and home municipality, and the person's consents from the inviter to those joining.
 */
async function invitationFacts(access: Access, patient: PatientRecord, joiningIds: string[], onDate: string): Promise<SipInvitationFacts> {
  const inviter = access.requireViewer().organisationId;
  const personsPrincipalIds = [(await access.reference.regionPrincipal(patient.regionId))?.id, patient.homeMunicipalityId].filter((id): id is string => !!id);
  const consents = await access.consents.between(patient.id, inviter, joiningIds);
  return { invitingOrganisationId: inviter, personsPrincipalIds, consents, at: access.now(), onDate };
}

type Joining = Awaited<ReturnType<typeof organisationParticipant>>;

const invitee = ({ organisation }: Pick<Joining, 'organisation'>): SipInvitee => ({ organisationId: organisation.id, organisationKind: organisation.kind, name: organisation.name });

/** The organisations joining with the basis the invitation decision gave each, or its refusal as a coded error. */
function withBases(joining: Joining[], decision: SipInvitationDecision): NewSipParticipant[] {
  if (!decision.ok) throw decision.code === 'FORBIDDEN' ? new ForbiddenError(decision.message, decision.field) : new BadUserInputError(decision.message, decision.field);
  return joining.map(({ organisation, ...rest }, i) => ({ kind: SipParticipantKind.ORGANISATION, organisationId: organisation.id, basis: decision.bases[i], ...rest }));
}

/** The call-out a plan starts from: the latest SIP_CALL_OUT of a hand-off of the same patient. */
async function callOutOf(access: Access, handoffId: string, patient: PatientRecord) {
  const handoff = await access.handoffs.requireVisible(idArg(handoffId, 'handoffId'), 'handoffId');
  if (handoff.patientId !== patient.id) throw new BadUserInputError('handoffId: that hand-off is for another patient', 'handoffId');
  const callOut = (await access.handoffs.messages(handoff)).filter((m) => m.kind === HandoffMessageKind.SIP_CALL_OUT).at(-1);
  if (!callOut) throw new BadUserInputError('handoffId: that hand-off has no SIP call-out; send one (handoffMessageSend, kind SIP_CALL_OUT) or start the plan without it', 'handoffId');
  return { handoff, callOut };
}

/**
 * Starts a plan. A principal calls it; the person's consent to the plan (a SIP consent from the
 * caller to the other principal) is required, and anyone else needs a consent of their own.
 */
export async function createSip(access: Access, input: SipCreateInput): Promise<SipRow> {
  const viewer = access.sips.requireRole();
  const patient = await access.patients.requireVisible(idArg(input.patientId, 'patientId'), 'patientId');
  const initiator = (await access.reference.organisation(viewer.organisationId))!;
  if (!mayCallSip(initiator.kind)) throw new ForbiddenError('A SIP is called by a region or a municipality; ask one of them to call it');
  const fromHandoff = input.handoffId ? await callOutOf(access, input.handoffId, patient) : null;
  const requested = await Promise.all((input.participants ?? []).map((p, i) => organisationParticipant(access, p, `participants[${i}]`)));
  // The call-out's recipients join as they were addressed (the first unit named, per organisation).
  const firstUnit = new Map<string, string | null>();
  for (const r of fromHandoff ? await access.handoffs.recipients(fromHandoff.callOut) : []) if (!firstUnit.has(r.organisationId)) firstUnit.set(r.organisationId, r.careUnitId);
  const fromCallOut = await Promise.all(
    [...firstUnit.entries()]
      .filter(([id]) => !requested.some((r) => r.organisation.id === id))
      .map(async ([id, careUnitId]) => ({ organisation: (await access.reference.organisation(id))!, careUnitId, contactName: null, contactRole: null, contactDetails: null })),
  );
  const joining = [...fromCallOut, ...requested].filter((j) => j.organisation.id !== initiator.id);
  const facts = await invitationFacts(access, patient, joining.map((j) => j.organisation.id), await access.today());
  const others = withBases(joining, decideSipStart(invitee({ organisation: initiator }), joining.map(invitee), facts));
  const own: NewSipParticipant = {
    kind: SipParticipantKind.ORGANISATION,
    organisationId: initiator.id,
    careUnitId: viewer.careUnitId,
    basis: SipParticipantBasis.INITIATOR,
    ...contact(input.contact, 'contact'),
  };
  const callOut = fromHandoff?.callOut;
  return access.sips.create(
    {
      patientId: patient.id,
      regionId: patient.regionId,
      status: callOut ? SipStatus.CALLED : SipStatus.DRAFT,
      handoffId: fromHandoff?.handoff.id ?? null,
      meetingPlannedAt: callOut?.meetingAt ?? null,
      meetingPlannedPlace: callOut?.meetingPlace ?? null,
      calledAt: callOut?.sentAt ?? null,
    },
    [own, ...others],
  );
}

/** The plan a change is about, as the decision reads it, with today in its region. */
async function planFor(access: Access, sipId: string) {
  const loaded = await access.sips.forChange(idArg(sipId, 'sipId'), 'sipId');
  return { ...loaded, today: localDateOf(access.now(), loaded.timeZone) };
}

/** The change decided (domain/sip-change.ts), with the status it leads to, or the refusal as its coded error. */
function decide(loaded: Awaited<ReturnType<typeof planFor>>, access: Access, request: Omit<SipChangeRequest, 'organisationId' | 'today'>) {
  const decision = decideSipChange(loaded.plan, { ...request, organisationId: access.requireViewer().organisationId, today: loaded.today });
  if (!decision.ok) throw refusal(decision);
  return { ...loaded, ...decision };
}

/** Loads the plan and decides the change: nothing is written before. */
async function decided(access: Access, sipId: string, request: Omit<SipChangeRequest, 'organisationId' | 'today'>) {
  return decide(await planFor(access, sipId), access, request);
}

/** The coded error of a refused change. */
function refusal({ code, field, message, problems }: SipRefusal) {
  if (code === 'FORBIDDEN') return new ForbiddenError(message, field);
  if (code === 'BAD_USER_INPUT') return new BadUserInputError(message, field, problems ? { problems } : undefined);
  return new ConflictError(code === 'STALE_VERSION' ? ConflictReason.STALE_VERSION : ConflictReason.ILLEGAL_STATE, message, field);
}

/** What keeps the plan from being activated today (empty: nothing). */
export async function activationProblems(access: Access, sip: SipRow) {
  const kindOf = async (id: string) => (await access.reference.organisation(id))!.kind;
  const [participants, interventions] = await Promise.all([access.sips.participants(sip), access.sips.interventions(sip)]);
  const content = {
    ...sip,
    participants: await Promise.all(participants.map(async (p) => ({ ...p, organisationKind: p.organisationId ? await kindOf(p.organisationId) : null }))),
    interventions: await Promise.all(interventions.map(async (i) => ({ ...i, responsibleKind: await kindOf(i.responsibleOrganisationId) }))),
  };
  return sipActivationProblems(sipContentOf(content), await access.today());
}

function followUpDate(date: string, today: string, field: string): string {
  const problem = followUpDateProblem(date, today);
  if (problem) throw new BadUserInputError(`${field}: ${problem}`, field);
  return date;
}

export async function callSip(access: Access, input: SipCallInput) {
  const { sip, status } = await decided(access, input.sipId, { version: input.version, events: [SipEvent.CALL] });
  if (input.meetingAt.getTime() < access.now().getTime() - SKEW_MS) throw new BadUserInputError('meetingAt: the meeting cannot be in the past', 'meetingAt');
  const patch = { status, meetingPlannedAt: input.meetingAt, meetingPlannedPlace: requiredText(input.meetingPlace, 'meetingPlace', 200), calledAt: access.now() };
  return access.sips.change(sip, input.version, { patch });
}

export async function addSipParticipant(access: Access, input: SipParticipantAddInput) {
  const { sip, today } = await decided(access, input.sipId, { version: input.version });
  if (input.kind === SipParticipantKind.RELATIVE) {
    if (!input.relative || input.organisation) throw new BadUserInputError('relative: a RELATIVE is given with relative (name, relation), not organisation', 'relative');
    if (!relativeMayTakePart(sip.personObjectsToRelatives)) throw new ForbiddenError('kind: the person objects to relatives taking part in the plan', 'kind');
    const relative: NewSipParticipant = { kind: SipParticipantKind.RELATIVE, organisationId: null, careUnitId: null, basis: null, ...contact(input.relative, 'relative') };
    return access.sips.change(sip, input.version, { participants: [relative] });
  }
  if (input.kind !== SipParticipantKind.ORGANISATION || !input.organisation || input.relative) {
    throw new BadUserInputError('kind: add an ORGANISATION (with organisation) or a RELATIVE (with relative); the person takes part already', 'kind');
  }
  const joining = await organisationParticipant(access, input.organisation, 'organisation');
  const patient = await access.patients.requireVisible(sip.patientId, 'patientId');
  const facts = await invitationFacts(access, patient, [joining.organisation.id], today);
  return access.sips.change(sip, input.version, { participants: withBases([joining], sipInvitation([invitee(joining)], facts, 'organisation')) });
}

export async function updateSipParticipant(access: Access, input: SipParticipantUpdateInput) {
  const { sip, participant } = await decided(access, input.sipId, { version: input.version, contactOf: input.participantId });
  return access.sips.change(sip, input.version, { participantContact: { participantId: participant!.id, ...contact(input.contact, 'contact') } });
}

/** The content a change sets, parsed: the plan's own columns, and the interventions with their responsible organisations' kinds. */
async function contentChange(access: Access, input: SipContentUpdateInput, today: string, patientId: string) {
  const edit: SipEdit = { patch: {} };
  if (input.personGoals !== undefined) edit.patch!.personGoals = optionalText(input.personGoals, 'personGoals', 4000);
  if (input.personOwnActions !== undefined) edit.patch!.personOwnActions = optionalText(input.personOwnActions, 'personOwnActions', 4000);
  if (input.overallResponsibleOrganisationId !== undefined) {
    edit.patch!.overallResponsibleOrganisationId = input.overallResponsibleOrganisationId
      ? (await organisationArg(access, input.overallResponsibleOrganisationId, 'overallResponsibleOrganisationId')).id
      : null;
  }
  if (input.personObjectsToRelatives != null) {
    edit.patch!.personObjectsToRelatives = input.personObjectsToRelatives;
    edit.removeRelatives = input.personObjectsToRelatives;
  }
  let interventions: SipContent['interventions'] | undefined;
  if (input.interventions != null) {
    if (input.interventions.length > MAX_INTERVENTIONS) throw new BadUserInputError(`interventions: at most ${MAX_INTERVENTIONS}`, 'interventions');
    const parsed = await Promise.all(
      input.interventions.map(async (i, n) => {
        const responsible = await organisationArg(access, i.responsibleOrganisationId, `interventions[${n}].responsibleOrganisationId`);
        const field = `interventions[${n}].returnToWorkPlanId`;
        const plan = i.returnToWorkPlanId ? await access.coordinationLinks.returnToWorkPlanOf(patientId, idArg(i.returnToWorkPlanId, field), field) : null;
        return {
          description: requiredText(i.description, `interventions[${n}].description`, 2000),
          responsibleOrganisationId: responsible.id,
          responsibleKind: responsible.kind,
          dueDate: i.dueDate ?? null,
          returnToWorkPlanId: plan,
        };
      }),
    );
    interventions = parsed;
    edit.interventions = parsed.map(({ responsibleKind: _kind, ...rest }) => rest);
  }
  if (input.nextFollowUpDate === null) throw new BadUserInputError('nextFollowUpDate: a follow-up date is moved, not removed', 'nextFollowUpDate');
  if (input.nextFollowUpDate !== undefined) edit.nextFollowUpDate = followUpDate(input.nextFollowUpDate, today, 'nextFollowUpDate');
  const { personGoals, personOwnActions, overallResponsibleOrganisationId } = edit.patch!;
  const content: Partial<SipContent> = Object.fromEntries(
    Object.entries({ personGoals, personOwnActions, overallResponsibleOrganisationId, interventions, nextFollowUpDate: edit.nextFollowUpDate }).filter(([, value]) => value !== undefined),
  );
  return { edit, content };
}

export async function updateSipContent(access: Access, input: SipContentUpdateInput) {
  const loaded = await planFor(access, input.sipId);
  const { edit, content } = await contentChange(access, input, loaded.today, loaded.sip.patientId);
  const { sip } = decide(loaded, access, { version: input.version, content });
  return access.sips.change(sip, input.version, edit);
}

/**
 * When a meeting was held or a follow-up done (domain/event-time.ts): not in the future, not before
 * the plan's previous meeting or follow-up, within the look-back in force on the plan's start date.
 */
async function eventTime(access: Access, loaded: Awaited<ReturnType<typeof planFor>>, field: string, reported: Date | null): Promise<Date> {
  const { sip, plan, timeZone, lastFollowUpAt, lookBackParameters } = loaded;
  const lookBackDays = parameterOn<number>(lookBackParameters, PARAMETER.EVENTS_LOOK_BACK_DAYS, sip.regionId, localDateOf(sip.createdAt, timeZone));
  if (lookBackDays === undefined) throw new Error(`Rule parameter ${PARAMETER.EVENTS_LOOK_BACK_DAYS} has no value for the plan's start`);
  const previousEventAt = latestEvent([...plan.meetings.map((m) => m.heldAt), lastFollowUpAt]);
  const checked = decideEventTime(field, reported, { now: access.now(), previousEventAt, lookBackDays });
  if (!checked.ok) throw new BadUserInputError(checked.message, checked.field);
  return checked.at;
}

export async function recordSipMeeting(access: Access, input: SipMeetingRecordInput) {
  const loaded = await decided(access, input.sipId, { version: input.version, recordsMeeting: true });
  const { sip, plan } = loaded;
  const heldAt = await eventTime(access, loaded, 'heldAt', input.heldAt);
  const place = optionalText(input.place, 'place', 200);
  const video = input.video ?? false;
  if (place === null && !video) throw new BadUserInputError('place: say where the meeting was held, or that it was by video', 'place');
  const present = [...new Set(input.presentParticipantIds)];
  if (present.length === 0) throw new BadUserInputError('presentParticipantIds: name at least one participant present', 'presentParticipantIds');
  const unknown = present.filter((id) => !plan.participants.some((p) => p.id === id));
  if (unknown.length) throw new BadUserInputError(`presentParticipantIds: not participants of this plan: ${unknown.join(', ')}`, 'presentParticipantIds');
  const meeting = { id: randomUUID(), heldAt, place, video, note: optionalText(input.note, 'note', 4000), attendeeIds: present };
  return { sip: await access.sips.change(sip, input.version, { meeting }), meetingId: meeting.id };
}

/** The KVÅ code a SIP step is recorded with on a date: dated configuration of the plan's region. */
async function kvaCodeFor(access: Access, sip: SipRow, use: SipKvaUse, onDate: string): Promise<string | null> {
  const code = await access.reference.parameter<string>(`${PARAMETER.SIP_KVA_CODE_PREFIX}${use}`, onDate, sip.regionId);
  return (await access.reference.kvaCode(code, onDate))?.code ?? null;
}

export async function activateSip(access: Access, input: SipActivateInput) {
  const meetingId = idArg(input.meetingId, 'meetingId');
  const { sip, status, meeting, timeZone } = await decided(access, input.sipId, { version: input.version, events: [SipEvent.ACTIVATE], meeting: { id: meetingId, field: 'meetingId' } });
  const kva = await kvaCodeFor(access, sip, SipKvaUse.ESTABLISH, localDateOf(meeting!.heldAt, timeZone));
  return access.sips.change(sip, input.version, { patch: { status, activatedAt: access.now() }, meetingKva: { meetingId: meeting!.id, code: kva } });
}

export async function recordSipFollowUp(access: Access, input: SipFollowUpRecordInput) {
  const meetingId = input.meetingId ? idArg(input.meetingId, 'meetingId') : null;
  const continues = input.outcome === SipFollowUpOutcome.CONTINUE;
  const loaded = await decided(access, input.sipId, {
    version: input.version,
    followUp: { continues },
    ...(meetingId ? { meeting: { id: meetingId, field: 'meetingId' } } : {}),
  });
  const { sip, status, meeting, today, timeZone } = loaded;
  const occurredAt = await eventTime(access, loaded, 'occurredAt', input.occurredAt ?? null);
  // The step earns the KVÅ code in force on the day it was done.
  const kvaCode = await kvaCodeFor(access, sip, SipKvaUse.FOLLOW_UP, localDateOf(occurredAt, timeZone));
  const edit: SipEdit = {
    patch: { status, ...(status === SipStatus.CLOSED ? { endedAt: access.now(), endReason: optionalText(input.note, 'note', 4000) } : {}) },
    followUpDone: { meetingId: meeting?.id ?? null, note: optionalText(input.note, 'note', 4000), kvaCode, occurredAt: input.occurredAt ? occurredAt : null },
  };
  if (continues) {
    if (!input.nextFollowUpDate) throw new BadUserInputError('nextFollowUpDate: a plan that goes on needs its next follow-up date', 'nextFollowUpDate');
    edit.nextFollowUpDate = followUpDate(input.nextFollowUpDate, today, 'nextFollowUpDate');
  } else if (input.nextFollowUpDate) {
    throw new BadUserInputError('nextFollowUpDate: a plan that closes has no next follow-up', 'nextFollowUpDate');
  }
  return access.sips.change(sip, input.version, edit);
}

/** START_FOLLOW_UP, CLOSE or CANCEL: a change of status that carries only a reason. */
export async function changeSipStatus(access: Access, input: SipStatusInput, event: SipEvent.START_FOLLOW_UP | SipEvent.CLOSE | SipEvent.CANCEL) {
  const { sip, status } = await decided(access, input.sipId, { version: input.version, events: [event] });
  const reason = optionalText(input.reason, 'reason', 1000);
  if (event === SipEvent.CANCEL && reason === null) throw new BadUserInputError('reason: say why the plan is cancelled', 'reason');
  const ends = isSipFinal(status) ? { endedAt: access.now(), endReason: reason } : {};
  return access.sips.change(sip, input.version, { patch: { status, ...ends } });
}

/** Open follow-ups overdue by `before` (default: today) of plans the organisation takes part in; only your own organisation's. */
export async function sipFollowUpsDue(access: Access, organisationId: string, before: string | null, page: PageRequest) {
  const viewer = access.sips.requireRole();
  if (idArg(organisationId, 'organisationId') !== viewer.organisationId) throw new ForbiddenError("organisationId: you see your own organisation's follow-ups", 'organisationId');
  return access.sips.followUpsDue(before ?? (await access.today()), page);
}
