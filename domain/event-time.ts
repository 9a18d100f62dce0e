/**
 * When something happened, as the client reports it (issue 15). A ward often records an event
 * hours after it happened (a discharge at 11:00 entered at 16:00); the law counts some deadlines
 * and the payment liability from the event, so the API takes the event's time (`occurredAt`,
 * `admittedAt`, `heldAt`, `givenAt`) beside the server's own recording time. A reported time is
 * accepted only if it could be true and cannot rewrite settled history:
 * - not in the future (after the server's clock, which a test deployment may run ahead);
 * - not further back than the look-back, the dated parameter `events.lookBackDays` read on the
 *   case's start date (a month by default): an event older than that is a correction, not a report;
 * - not before the case's previous event (a hand-off's admission or its last event message; a
 *   SIP's last meeting or follow-up), so a case's events stay in the order they are recorded in.
 */
import { HandoffMessageKind } from './handoff-messages';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Hand-off messages that report an event and so carry its time: the patient became
 * discharge-ready, stopped being so, or left the hospital. Every other message is itself the
 * event (a notice given, a call-out sent, a cancellation): its time is when it was recorded.
 */
export const EVENT_MESSAGE_KINDS: ReadonlySet<HandoffMessageKind> = new Set([
  HandoffMessageKind.DISCHARGE_READY_NOTICE,
  HandoffMessageKind.READINESS_INTERRUPTED,
  HandoffMessageKind.DISCHARGE_NOTICE,
]);

/** What a reported event time is checked against. */
export interface EventTimeContext {
  /** The server's clock. */
  now: Date;
  /** The case's latest event so far; null when this is its first. */
  previousEventAt: Date | null;
  /** events.lookBackDays in force on the case's start date. */
  lookBackDays: number;
}

export type EventTimeDecision = { ok: true; at: Date } | { ok: false; field: string; message: string };

/**
 * The time an event is recorded with: the one reported (checked as above), else now. `field`
 * names the input, for the refusal.
 */
export function decideEventTime(field: string, reported: Date | null, context: EventTimeContext): EventTimeDecision {
  const { now, previousEventAt, lookBackDays } = context;
  const at = reported ?? now;
  const refuse = (message: string): EventTimeDecision => ({ ok: false, field, message: `${field}: ${message}` });
  if (at.getTime() > now.getTime()) return refuse(`cannot be in the future (the server's time is ${now.toISOString()})`);
  const earliest = new Date(now.getTime() - lookBackDays * DAY_MS);
  if (at.getTime() < earliest.getTime()) {
    return refuse(`is more than ${lookBackDays} days back (the look-back, rule parameter events.lookBackDays): the earliest accepted is ${earliest.toISOString()}`);
  }
  if (previousEventAt !== null && at.getTime() < previousEventAt.getTime()) {
    return refuse(`cannot be before the case's previous event at ${previousEventAt.toISOString()}`);
  }
  return { ok: true, at };
}

/**
 * Whether a hand-off message of `kind` may carry a reported time at all: only the event messages
 * do. Null when it may (or none is given), else the refusal's message.
 */
export function eventTimeNotAllowed(kind: HandoffMessageKind, reported: Date | null): string | null {
  if (reported === null || EVENT_MESSAGE_KINDS.has(kind)) return null;
  return `occurredAt: a ${kind} is recorded when it is sent; only ${[...EVENT_MESSAGE_KINDS].join(', ')} report when something happened`;
}

/** The latest of a case's event times (null among them: not happened), or null without any. */
export function latestEvent(times: readonly (Date | null)[]): Date | null {
  let latest: Date | null = null;
  for (const t of times) if (t !== null && (latest === null || t.getTime() > latest.getTime())) latest = t;
  return latest;
}

/** A hand-off's previous event: its admission, or the latest time its event messages report. */
export function handoffPreviousEvent(admittedAt: Date | null, messages: readonly { kind: HandoffMessageKind; occurredAt: Date }[]): Date | null {
  return latestEvent([admittedAt, ...messages.filter((m) => EVENT_MESSAGE_KINDS.has(m.kind)).map((m) => m.occurredAt)]);
}
