/**
 * The messages of a hand-off and what each one does: who may send it, in which state, and which
 * state change it makes. Every change of a hand-off's state is a message, so the message log is
 * its whole history and the deadlines are computed from it.
 */
import { OrganisationKind } from './enums';
import { HandoffEvent, HandoffKind, HandoffState, isFinal, transition } from './handoff';

export enum HandoffMessageKind {
  /** Inskrivningsmeddelande: the patient is admitted and will likely need the recipients after discharge. */
  ADMISSION_NOTICE = 'ADMISSION_NOTICE',
  /** Meddelande om utskrivningsklar: the physician judges the patient ready for discharge. */
  DISCHARGE_READY_NOTICE = 'DISCHARGE_READY_NOTICE',
  /** The patient is no longer discharge-ready (has worsened): payment liability stops. */
  READINESS_INTERRUPTED = 'READINESS_INTERRUPTED',
  /** Kallelse till SIP-möte, sent by the patient's fast vårdkontakt in primary care. */
  SIP_CALL_OUT = 'SIP_CALL_OUT',
  /** Utskrivningsmeddelande: the patient has left the hospital. */
  DISCHARGE_NOTICE = 'DISCHARGE_NOTICE',
  /** A referral or transfer between care levels (the first message of such a hand-off). */
  REFERRAL = 'REFERRAL',
  /** The receiving unit takes on a referral or transfer. */
  ACCEPTANCE = 'ACCEPTANCE',
  /** The receiving unit has done what the referral or transfer asked. */
  COMPLETION = 'COMPLETION',
  /** The hand-off is called off (the patient died, moved, or needs nothing after all). */
  CANCELLATION = 'CANCELLATION',
  /** Any other message between the parties; changes nothing. */
  FREE_TEXT = 'FREE_TEXT',
}

/** Which party of a hand-off an organisation is. */
export enum HandoffSide {
  SENDER = 'SENDER',
  RECIPIENT = 'RECIPIENT',
}

interface MessageRule {
  kinds: readonly HandoffKind[];
  /** Who may send it; null: either side. */
  sentBy: HandoffSide | null;
  /** The state change it makes; null: none. */
  event: HandoffEvent | null;
}

const DISCHARGE = [HandoffKind.DISCHARGE_FROM_INPATIENT];
const SENT_KINDS = [HandoffKind.REFERRAL, HandoffKind.TRANSFER_BETWEEN_LEVELS];
const ALL_KINDS = Object.values(HandoffKind);

const RULES: Record<HandoffMessageKind, MessageRule> = {
  ADMISSION_NOTICE: { kinds: DISCHARGE, sentBy: HandoffSide.SENDER, event: null },
  DISCHARGE_READY_NOTICE: { kinds: DISCHARGE, sentBy: HandoffSide.SENDER, event: HandoffEvent.DISCHARGE_READY },
  READINESS_INTERRUPTED: { kinds: DISCHARGE, sentBy: HandoffSide.SENDER, event: HandoffEvent.INTERRUPT_DISCHARGE_READINESS },
  // The fast vårdkontakt is usually in primary care (a recipient), the ward when there is none.
  SIP_CALL_OUT: { kinds: DISCHARGE, sentBy: null, event: HandoffEvent.START_PLANNING },
  DISCHARGE_NOTICE: { kinds: DISCHARGE, sentBy: HandoffSide.SENDER, event: HandoffEvent.DISCHARGE },
  REFERRAL: { kinds: SENT_KINDS, sentBy: HandoffSide.SENDER, event: null },
  ACCEPTANCE: { kinds: SENT_KINDS, sentBy: HandoffSide.RECIPIENT, event: HandoffEvent.ACCEPT },
  COMPLETION: { kinds: SENT_KINDS, sentBy: HandoffSide.RECIPIENT, event: HandoffEvent.COMPLETE },
  CANCELLATION: { kinds: ALL_KINDS, sentBy: HandoffSide.SENDER, event: HandoffEvent.CANCEL },
  FREE_TEXT: { kinds: ALL_KINDS, sentBy: null, event: null },
};

/** The first message of a new hand-off of `kind`. */
export const openingMessage = (kind: HandoffKind) => (kind === HandoffKind.DISCHARGE_FROM_INPATIENT ? HandoffMessageKind.ADMISSION_NOTICE : HandoffMessageKind.REFERRAL);

export type MessageDecision =
  | { ok: true; state: HandoffState }
  | { ok: false; code: 'BAD_USER_INPUT' | 'FORBIDDEN' | 'CONFLICT'; field: string; message: string };

/**
 * May `side` send a message of `kind` on a hand-off in `state`, and which state follows?
 * `admissionNoticeSent`: whether an admission notice has gone out (a discharge-ready notice
 * needs one before it, or the municipality cannot plan and liability could never start).
 */
export function decideMessage(
  handoffKind: HandoffKind,
  state: HandoffState,
  kind: HandoffMessageKind,
  side: HandoffSide,
  admissionNoticeSent: boolean,
): MessageDecision {
  const rule = RULES[kind];
  if (!rule.kinds.includes(handoffKind)) return { ok: false, code: 'BAD_USER_INPUT', field: 'kind', message: `a ${handoffKind} hand-off has no ${kind} message` };
  if (rule.sentBy !== null && rule.sentBy !== side) {
    return { ok: false, code: 'FORBIDDEN', field: 'kind', message: `only the ${rule.sentBy.toLowerCase()} of a hand-off sends a ${kind}` };
  }
  // A second call-out (a new time for the meeting) changes nothing once planning has started.
  if (kind === HandoffMessageKind.SIP_CALL_OUT && state === HandoffState.PLANNING) return { ok: true, state };
  if (rule.event !== null) {
    const next = transition(handoffKind, state, rule.event);
    if (!next.ok) return { ok: false, code: 'CONFLICT', field: 'kind', message: `${next.message}: the hand-off is ${state}` };
    if (kind === HandoffMessageKind.DISCHARGE_READY_NOTICE && !admissionNoticeSent) {
      return { ok: false, code: 'CONFLICT', field: 'kind', message: `no admission notice has been sent: a ${kind} follows the ADMISSION_NOTICE` };
    }
    return next;
  }
  // Notices without a state change go out while the hand-off is open; a free message at any time.
  if (kind !== HandoffMessageKind.FREE_TEXT && isFinal(state)) {
    return { ok: false, code: 'CONFLICT', field: 'kind', message: `cannot send a ${kind} on a hand-off in state ${state}` };
  }
  return { ok: true, state };
}

/** Why an organisation may receive a hand-off's messages. */
export enum RecipientBasis {
  /** The patient's home municipality (lag 2017:612, whichever region it lies in). */
  HOME_MUNICIPALITY = 'HOME_MUNICIPALITY',
  /** The organisation of the primary care unit the patient is listed at (lag 2017:612). */
  LISTED_PRIMARY_CARE = 'LISTED_PRIMARY_CARE',
  /** The region's primary care when the listing is unknown (lag 2017:612). */
  REGION_PRIMARY_CARE = 'REGION_PRIMARY_CARE',
  /** Another principal (region or municipality) of the sender's own region. */
  SAME_REGION_PRINCIPAL = 'SAME_REGION_PRINCIPAL',
  /** A consent of the patient covers the flow from the sender. */
  CONSENT = 'CONSENT',
}

export interface RecipientFacts {
  organisationId: string;
  kind: OrganisationKind;
  regionId: string;
}

export interface RoutingFacts {
  senderRegionId: string;
  homeMunicipalityId: string | null;
  /** The organisation of the patient's listed primary care unit, when known. */
  listedOrganisationId: string | null;
}

/**
 * The basis the law gives for sending a hand-off's messages to `recipient`, or null when only a
 * consent of the patient could (the caller checks one). Organisations of another region, and
 * organisations that are not principals, need the patient's own ties or a consent.
 */
export function statutoryBasis(recipient: RecipientFacts, facts: RoutingFacts): RecipientBasis | null {
  if (recipient.organisationId === facts.homeMunicipalityId) return RecipientBasis.HOME_MUNICIPALITY;
  if (recipient.organisationId === facts.listedOrganisationId) return RecipientBasis.LISTED_PRIMARY_CARE;
  const principal = recipient.kind === OrganisationKind.REGION || recipient.kind === OrganisationKind.MUNICIPALITY;
  return principal && recipient.regionId === facts.senderRegionId ? RecipientBasis.SAME_REGION_PRINCIPAL : null;
}
