/**
 * Life cycle of a hand-off between care units or levels. A discharge from inpatient care follows
 * coordinated discharge (lag 2017:612); a referral or a transfer is sent, accepted and completed.
 */

export enum HandoffKind {
  DISCHARGE_FROM_INPATIENT = 'DISCHARGE_FROM_INPATIENT',
  REFERRAL = 'REFERRAL',
  TRANSFER_BETWEEN_LEVELS = 'TRANSFER_BETWEEN_LEVELS',
}

export enum HandoffState {
  ADMITTED = 'ADMITTED',
  DISCHARGE_READY = 'DISCHARGE_READY',
  PLANNING = 'PLANNING',
  DISCHARGED = 'DISCHARGED',
  SENT = 'SENT',
  ACCEPTED = 'ACCEPTED',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
}

export enum HandoffEvent {
  DISCHARGE_READY = 'DISCHARGE_READY',
  INTERRUPT_DISCHARGE_READINESS = 'INTERRUPT_DISCHARGE_READINESS',
  START_PLANNING = 'START_PLANNING',
  DISCHARGE = 'DISCHARGE',
  ACCEPT = 'ACCEPT',
  COMPLETE = 'COMPLETE',
  CANCEL = 'CANCEL',
}

type Transitions = Partial<Record<HandoffState, Partial<Record<HandoffEvent, HandoffState>>>>;

const DISCHARGE_TRANSITIONS: Transitions = {
  [HandoffState.ADMITTED]: {
    [HandoffEvent.DISCHARGE_READY]: HandoffState.DISCHARGE_READY,
    [HandoffEvent.CANCEL]: HandoffState.CANCELLED,
  },
  [HandoffState.DISCHARGE_READY]: {
    [HandoffEvent.START_PLANNING]: HandoffState.PLANNING,
    // No SIP meeting is needed when the patient needs no input from the municipality or primary
    // care after discharge, so the patient may go home straight from discharge-ready.
    [HandoffEvent.DISCHARGE]: HandoffState.DISCHARGED,
    // The patient is no longer discharge-ready (e.g. has worsened): the municipality's payment
    // liability stops and only starts again after a new discharge-ready notice.
    [HandoffEvent.INTERRUPT_DISCHARGE_READINESS]: HandoffState.ADMITTED,
    [HandoffEvent.CANCEL]: HandoffState.CANCELLED,
  },
  [HandoffState.PLANNING]: {
    [HandoffEvent.DISCHARGE]: HandoffState.DISCHARGED,
    [HandoffEvent.INTERRUPT_DISCHARGE_READINESS]: HandoffState.ADMITTED,
    [HandoffEvent.CANCEL]: HandoffState.CANCELLED,
  },
};

const SENT_TRANSITIONS: Transitions = {
  [HandoffState.SENT]: { [HandoffEvent.ACCEPT]: HandoffState.ACCEPTED, [HandoffEvent.CANCEL]: HandoffState.CANCELLED },
  [HandoffState.ACCEPTED]: { [HandoffEvent.COMPLETE]: HandoffState.COMPLETED, [HandoffEvent.CANCEL]: HandoffState.CANCELLED },
};

const transitionsOf = (kind: HandoffKind) => (kind === HandoffKind.DISCHARGE_FROM_INPATIENT ? DISCHARGE_TRANSITIONS : SENT_TRANSITIONS);

export function initialState(kind: HandoffKind): HandoffState {
  return kind === HandoffKind.DISCHARGE_FROM_INPATIENT ? HandoffState.ADMITTED : HandoffState.SENT;
}

export type TransitionResult = { ok: true; state: HandoffState } | { ok: false; message: string };

export function transition(kind: HandoffKind, state: HandoffState, event: HandoffEvent): TransitionResult {
  const next = transitionsOf(kind)[state]?.[event];
  return next === undefined ? { ok: false, message: `cannot ${event} a hand-off in state ${state}` } : { ok: true, state: next };
}

/** The events `transition` accepts in `state`, in the order HandoffEvent declares them. */
export function allowedEvents(kind: HandoffKind, state: HandoffState): HandoffEvent[] {
  const events = transitionsOf(kind)[state] ?? {};
  return Object.values(HandoffEvent).filter((event) => event in events);
}

export function isFinal(state: HandoffState): boolean {
  return state === HandoffState.DISCHARGED || state === HandoffState.COMPLETED || state === HandoffState.CANCELLED;
}
