import { allowedEvents, HandoffEvent, HandoffKind, HandoffState, initialState, isFinal, transition } from '../../domain/handoff';

const { ADMITTED, DISCHARGE_READY, PLANNING, DISCHARGED, SENT, ACCEPTED, COMPLETED, CANCELLED } = HandoffState;
const E = HandoffEvent;

/** Every legal transition, per kind: [from, event, to]. Everything else is illegal. */
const DISCHARGE_LEGAL: Array<[HandoffState, HandoffEvent, HandoffState]> = [
  [ADMITTED, E.DISCHARGE_READY, DISCHARGE_READY],
  [ADMITTED, E.CANCEL, CANCELLED],
  [DISCHARGE_READY, E.INTERRUPT_DISCHARGE_READINESS, ADMITTED],
  [DISCHARGE_READY, E.START_PLANNING, PLANNING],
  [DISCHARGE_READY, E.DISCHARGE, DISCHARGED],
  [DISCHARGE_READY, E.CANCEL, CANCELLED],
  [PLANNING, E.INTERRUPT_DISCHARGE_READINESS, ADMITTED],
  [PLANNING, E.DISCHARGE, DISCHARGED],
  [PLANNING, E.CANCEL, CANCELLED],
];
const SENT_LEGAL: Array<[HandoffState, HandoffEvent, HandoffState]> = [
  [SENT, E.ACCEPT, ACCEPTED],
  [SENT, E.CANCEL, CANCELLED],
  [ACCEPTED, E.COMPLETE, COMPLETED],
  [ACCEPTED, E.CANCEL, CANCELLED],
];
const LEGAL: Record<HandoffKind, Array<[HandoffState, HandoffEvent, HandoffState]>> = {
  [HandoffKind.DISCHARGE_FROM_INPATIENT]: DISCHARGE_LEGAL,
  [HandoffKind.REFERRAL]: SENT_LEGAL,
  [HandoffKind.TRANSFER_BETWEEN_LEVELS]: SENT_LEGAL,
};

const kinds = Object.values(HandoffKind);
const states = Object.values(HandoffState);
const events = Object.values(HandoffEvent);
const illegal = (kind: HandoffKind) =>
  states.flatMap((state) => events.map((event) => [state, event] as const)).filter(([state, event]) => !LEGAL[kind].some(([s, e]) => s === state && e === event));

describe('hand-off state machine', () => {
  it('starts a discharge at admission and a referral or transfer as sent', () => {
    expect(initialState(HandoffKind.DISCHARGE_FROM_INPATIENT)).toBe(ADMITTED);
    expect(initialState(HandoffKind.REFERRAL)).toBe(SENT);
    expect(initialState(HandoffKind.TRANSFER_BETWEEN_LEVELS)).toBe(SENT);
  });

  describe.each(kinds)('%s', (kind) => {
    it.each(LEGAL[kind])('%s --%s--> %s', (from, event, to) => {
      expect(transition(kind, from, event)).toEqual({ ok: true, state: to });
    });

    it.each(illegal(kind))('refuses %s + %s, naming the state and the event', (state, event) => {
      expect(transition(kind, state, event)).toEqual({ ok: false, message: `cannot ${event} a hand-off in state ${state}` });
    });

    it.each(states)('allows in %s exactly the legal events', (state) => {
      const legal = LEGAL[kind].filter(([from]) => from === state).map(([, event]) => event);
      expect(allowedEvents(kind, state)).toEqual(events.filter((event) => legal.includes(event)));
    });
  });

  it('words the refusal as the API shows it', () => {
    expect(transition(HandoffKind.DISCHARGE_FROM_INPATIENT, ADMITTED, E.DISCHARGE)).toEqual({ ok: false, message: 'cannot DISCHARGE a hand-off in state ADMITTED' });
    expect(transition(HandoffKind.REFERRAL, COMPLETED, E.CANCEL)).toEqual({ ok: false, message: 'cannot CANCEL a hand-off in state COMPLETED' });
  });

  it('walks a discharge through planning, and straight from discharge-ready when no SIP is needed', () => {
    const kind = HandoffKind.DISCHARGE_FROM_INPATIENT;
    const walk = (steps: HandoffEvent[]) =>
      steps.reduce<HandoffState>((state, event) => {
        const result = transition(kind, state, event);
        if (!result.ok) throw new Error(result.message);
        return result.state;
      }, initialState(kind));
    expect(walk([E.DISCHARGE_READY, E.START_PLANNING, E.DISCHARGE])).toBe(DISCHARGED);
    expect(walk([E.DISCHARGE_READY, E.DISCHARGE])).toBe(DISCHARGED);
    // Worsened during planning: back to admitted, then a new discharge-ready notice.
    expect(walk([E.DISCHARGE_READY, E.START_PLANNING, E.INTERRUPT_DISCHARGE_READINESS, E.DISCHARGE_READY, E.DISCHARGE])).toBe(DISCHARGED);
  });

  it('ends in DISCHARGED, COMPLETED and CANCELLED only, where no event applies', () => {
    expect(states.filter(isFinal)).toEqual([DISCHARGED, COMPLETED, CANCELLED]);
    for (const kind of kinds) {
      for (const state of [DISCHARGED, COMPLETED, CANCELLED]) expect(allowedEvents(kind, state)).toEqual([]);
    }
  });

  it('allows CANCEL from every non-final state of each kind', () => {
    expect(allowedEvents(HandoffKind.DISCHARGE_FROM_INPATIENT, ADMITTED)).toContain(E.CANCEL);
    expect(allowedEvents(HandoffKind.DISCHARGE_FROM_INPATIENT, DISCHARGE_READY)).toContain(E.CANCEL);
    expect(allowedEvents(HandoffKind.DISCHARGE_FROM_INPATIENT, PLANNING)).toContain(E.CANCEL);
    expect(allowedEvents(HandoffKind.REFERRAL, SENT)).toContain(E.CANCEL);
    expect(allowedEvents(HandoffKind.TRANSFER_BETWEEN_LEVELS, ACCEPTED)).toContain(E.CANCEL);
  });
});
