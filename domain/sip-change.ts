/**
 * Who may change a SIP, and whether it can change: the one decision every change of a plan goes
 * through, made on what the plan store loads for it (SipStore.forChange), before anything is
 * written. Pure: the caller turns a refusal into its coded error.
 */
import { OrganisationKind } from './enums';
import { isSipFinal, SipContent, SipContentProblem, sipActivationProblems, SipEvent, SipIntervention, SipParticipantBasis, SipParticipantKind, SipStatus, sipTransition } from './sip';

/** A participant still taking part, with its organisation's kind (null for the person and relatives). */
export interface SipPlanParticipant {
  id: string;
  kind: SipParticipantKind;
  organisationId: string | null;
  organisationKind: OrganisationKind | null;
  basis: SipParticipantBasis | null;
  contactName: string | null;
}

/** What the plan's content rules read of a plan. */
export interface SipPlanContent {
  overallResponsibleOrganisationId: string | null;
  personGoals: string | null;
  personOwnActions: string | null;
  nextFollowUpDate: string | null;
  participants: readonly SipPlanParticipant[];
  interventions: readonly SipIntervention[];
}

/** A plan as a change of it is decided: its state, participants, content and meetings. */
export interface SipPlanFacts extends SipPlanContent {
  status: SipStatus;
  version: number;
  meetings: readonly { id: string; heldAt: Date }[];
}

/** One change a viewer asks for, described by what the rules weigh. */
export interface SipChangeRequest {
  /** The viewer's organisation. */
  organisationId: string;
  /** The version the client read. */
  version: number;
  /**
   * The participant whose contact details change: every participant keeps its own, the principals
   * anyone's. Absent: a change only the principals (caller, region, municipality) make.
   */
  contactOf?: string;
  /** The status events the change makes, in order. */
  events?: readonly SipEvent[];
  /** A follow-up is recorded: the plan goes on, or closes (from ACTIVE the follow-up starts and ends in one step). */
  followUp?: { continues: boolean };
  /** A meeting is recorded: only once it has been called. */
  recordsMeeting?: boolean;
  /** A meeting of the plan the change refers to, and the input field that names it. */
  meeting?: { id: string; field: string };
  /** The content the change sets: a running plan must stay complete. */
  content?: Partial<SipContent>;
  /** Today in the plan's region (activation and follow-up dates). */
  today: string;
}

/** Why a change is refused: FORBIDDEN, CONFLICT (STALE_VERSION, ILLEGAL_STATE) or BAD_USER_INPUT. */
export interface SipRefusal {
  ok: false;
  code: 'FORBIDDEN' | 'STALE_VERSION' | 'ILLEGAL_STATE' | 'BAD_USER_INPUT';
  field: string;
  message: string;
  /** Everything the plan lacks, when that is the reason. */
  problems?: SipContentProblem[];
}

export type SipChangeDecision =
  | {
      ok: true;
      /** The status after the change (unchanged without events). */
      status: SipStatus;
      /** The meeting the change refers to. */
      meeting: { id: string; heldAt: Date } | null;
      /** The participant whose contact details change. */
      participant: SipPlanParticipant | null;
    }
  | SipRefusal;

const refuse = (code: SipRefusal['code'], field: string, message: string, problems?: SipContentProblem[]): SipRefusal => ({ ok: false, code, field, message, ...(problems ? { problems } : {}) });

/** The plan's content as the activation rules read it, with `patch` applied. */
export function sipContentOf(plan: SipPlanContent, patch: Partial<SipContent> = {}): SipContent {
  return {
    interventions: plan.interventions,
    overallResponsibleOrganisationId: plan.overallResponsibleOrganisationId,
    personGoals: plan.personGoals,
    personOwnActions: plan.personOwnActions,
    participants: plan.participants
      .filter((p) => p.kind === SipParticipantKind.ORGANISATION)
      .map((p) => ({ organisationId: p.organisationId!, organisationKind: p.organisationKind!, contactName: p.contactName })),
    nextFollowUpDate: plan.nextFollowUpDate,
    ...patch,
  };
}

/** The problems as one refusal naming each item, with the list. */
function incomplete(problems: SipContentProblem[], what: string): SipRefusal | null {
  if (problems.length === 0) return null;
  return refuse('BAD_USER_INPUT', problems[0].field, `${what}: ${problems.map((p) => `${p.item} (${p.message})`).join('; ')}`, problems);
}

/**
 * Decides one change of a plan, in this order: who may make it (the principals change a plan;
 * a participant there on the person's consent reads it and keeps its own contact details), the
 * version the client read, a closed or cancelled plan being read-only, the status transition, the
 * meeting it names, and that an activated or running plan is complete.
 */
export function decideSipChange(plan: SipPlanFacts, request: SipChangeRequest): SipChangeDecision {
  const own = plan.participants.find((p) => p.kind === SipParticipantKind.ORGANISATION && p.organisationId === request.organisationId);
  const principal = own !== undefined && own.basis !== SipParticipantBasis.SIP_CONSENT;
  if (request.contactOf === undefined && !principal) {
    return refuse('FORBIDDEN', 'sipId', "Only the caller and the person's own region and municipality change a SIP; other participants read it and keep their own contact details");
  }
  if (request.version !== plan.version) return refuse('STALE_VERSION', 'version', `version: the SIP is at version ${plan.version}, not ${request.version}; read it again and retry`);
  if (isSipFinal(plan.status)) return refuse('ILLEGAL_STATE', 'sipId', `sipId: the SIP is ${plan.status} and can no longer change`);
  let status = plan.status;
  for (const event of eventsOf(plan.status, request)) {
    const next = sipTransition(status, event);
    if (!next.ok) return refuse('ILLEGAL_STATE', 'sipId', `sipId: ${next.message}`);
    status = next.status;
  }
  if (request.recordsMeeting && plan.status === SipStatus.DRAFT) return refuse('ILLEGAL_STATE', 'sipId', 'sipId: the SIP meeting has not been called yet (sipCall)');
  let participant: SipPlanParticipant | null = null;
  if (request.contactOf !== undefined) {
    participant = plan.participants.find((p) => p.id === request.contactOf) ?? null;
    if (!participant || participant.kind === SipParticipantKind.PERSON) return refuse('BAD_USER_INPUT', 'participantId', 'participantId: no organisation or relative of this plan with that id');
    if (!principal && participant.organisationId !== request.organisationId) {
      return refuse('FORBIDDEN', 'participantId', "participantId: you keep your own organisation's contact details, not another's");
    }
  }
  let meeting: { id: string; heldAt: Date } | null = null;
  if (request.meeting) {
    const { id, field } = request.meeting;
    meeting = plan.meetings.find((m) => m.id === id) ?? null;
    if (!meeting) return refuse('BAD_USER_INPUT', field, `${field}: no meeting of this plan with that id; record it first (sipMeetingRecord)`);
  }
  const activates = request.events?.includes(SipEvent.ACTIVATE) ?? false;
  // A running plan stays complete: a change may not take away what activation required.
  const running = request.content !== undefined && (plan.status === SipStatus.ACTIVE || plan.status === SipStatus.FOLLOW_UP);
  if (activates || running) {
    const problems = sipActivationProblems(sipContentOf(plan, request.content), request.today);
    const refusal = incomplete(problems, activates ? 'The plan cannot be activated; it lacks' : 'The plan is running and would lack');
    if (refusal) return refusal;
  }
  return { ok: true, status, meeting, participant };
}

/** The events of a request; a follow-up from ACTIVE starts and ends in one step. */
function eventsOf(status: SipStatus, request: SipChangeRequest): SipEvent[] {
  const events = [...(request.events ?? [])];
  if (request.followUp) {
    if (status === SipStatus.ACTIVE) events.push(SipEvent.START_FOLLOW_UP);
    events.push(request.followUp.continues ? SipEvent.RESUME : SipEvent.CLOSE);
  }
  return events;
}
