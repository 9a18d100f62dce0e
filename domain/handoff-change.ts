/**
 * Whether a message may be sent on a hand-off, and to whom it goes: the one decision a message
 * goes through, made on what the hand-off store loads for it (HandoffStore.forMessage), before
 * anything is written. Pure: the caller turns a refusal into its coded error.
 */
import { HandoffKind, HandoffState } from './handoff';
import { decideMessage, HandoffMessageKind, HandoffSide, RecipientBasis } from './handoff-messages';

/** An organisation (and care unit) a message is addressed to; `basis` is set when it joins the hand-off's parties with it. */
export interface MessageAddressee {
  organisationId: string;
  careUnitId: string | null;
  basis: RecipientBasis | null;
}

export interface HandoffPartyFacts {
  organisationId: string;
  careUnitId: string | null;
  side: HandoffSide;
}

/** A hand-off as a message on it is decided. */
export interface HandoffFacts {
  kind: HandoffKind;
  state: HandoffState;
  version: number;
  parties: readonly HandoffPartyFacts[];
  messages: readonly { kind: HandoffMessageKind }[];
}

export interface HandoffMessageRequest {
  /** The viewer's organisation. */
  organisationId: string;
  /** The care unit it sends from: the one named, else the token's; null: the organisation's own party. */
  careUnitId: string | null;
  /** The version the client read. */
  version: number;
  kind: HandoffMessageKind;
}

export interface HandoffRefusal {
  ok: false;
  code: 'BAD_USER_INPUT' | 'FORBIDDEN' | 'STALE_VERSION' | 'ILLEGAL_STATE';
  field: string;
  message: string;
}

export type HandoffMessageDecision = { ok: true; state: HandoffState; sender: HandoffPartyFacts } | HandoffRefusal;

export const sameAddressee = (a: { organisationId: string; careUnitId: string | null }, b: { organisationId: string; careUnitId: string | null }) =>
  a.organisationId === b.organisationId && a.careUnitId === b.careUnitId;

/**
 * Decides a message, in this order: the version the client read; whose it is (the viewer's party
 * of the hand-off: a named care unit picks that unit's party, else the organisation's own; without
 * one, the organisation must be on one side only); then what the message rules say of its kind in
 * the hand-off's state (domain/handoff-messages.ts), with the state it leads to.
 */
export function decideHandoffMessage(handoff: HandoffFacts, request: HandoffMessageRequest): HandoffMessageDecision {
  if (request.version !== handoff.version) {
    return { ok: false, code: 'STALE_VERSION', field: 'version', message: `version: the hand-off is at version ${handoff.version}, not ${request.version}; read it again and retry` };
  }
  const own = handoff.parties.filter((p) => p.organisationId === request.organisationId);
  const unit = request.careUnitId;
  const ofUnit = own.filter((p) => p.careUnitId === unit);
  const candidates = unit === null ? own : ofUnit.length ? ofUnit : own.filter((p) => p.careUnitId === null);
  if (candidates.length === 0) return { ok: false, code: 'BAD_USER_INPUT', field: 'senderCareUnitId', message: 'senderCareUnitId: that care unit takes no part in this hand-off' };
  if (new Set(candidates.map((p) => p.side)).size > 1) {
    return {
      ok: false,
      code: 'BAD_USER_INPUT',
      field: 'senderCareUnitId',
      message: 'senderCareUnitId: your organisation is both sender and recipient of this hand-off; name the care unit you send from',
    };
  }
  const sender = candidates[0];
  const admissionNoticeSent = handoff.messages.some((m) => m.kind === HandoffMessageKind.ADMISSION_NOTICE);
  const decision = decideMessage(handoff.kind, handoff.state, request.kind, sender.side, admissionNoticeSent);
  if (!decision.ok) {
    // The message rules refuse a step only because of the hand-off's state (or the messages it has had).
    return { ok: false, code: decision.code === 'CONFLICT' ? 'ILLEGAL_STATE' : decision.code, field: decision.field, message: `${decision.field}: ${decision.message}` };
  }
  return { ok: true, state: decision.state, sender };
}

/** Adds `extra` to `base` unless already there (same organisation and care unit). */
export function mergedAddressees(base: readonly MessageAddressee[], extra: readonly MessageAddressee[]): MessageAddressee[] {
  const all = [...base];
  for (const a of extra) if (!all.some((b) => sameAddressee(a, b))) all.push(a);
  return all;
}

/**
 * Whom a message goes to: every other party of the hand-off, the recipients the sender names, and
 * for an admission notice those the law routes it to; never the sender itself. Parties already
 * recipients join nothing new: their basis stays as recorded.
 */
export function messageRecipients(
  parties: readonly HandoffPartyFacts[],
  sender: HandoffPartyFacts,
  named: readonly MessageAddressee[],
  routed: readonly MessageAddressee[],
): MessageAddressee[] {
  // Parties are addressees without a basis: they are parties already and join nothing new.
  const others = parties.filter((p) => !sameAddressee(p, sender)).map((p) => ({ organisationId: p.organisationId, careUnitId: p.careUnitId, basis: null }));
  return mergedAddressees(mergedAddressees(others, named), routed)
    .filter((r) => !sameAddressee(r, sender))
    .map((r) => (parties.some((p) => p.side === HandoffSide.RECIPIENT && sameAddressee(p, r)) ? { ...r, basis: null } : r));
}
