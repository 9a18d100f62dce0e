import { decideEventTime, eventTimeNotAllowed, handoffPreviousEvent, latestEvent } from '../../domain/event-time';
import { HandoffMessageKind } from '../../domain/handoff-messages';

const at = (iso: string) => new Date(iso);
const NOW = at('2026-03-12T16:00:00+01:00');
const context = { now: NOW, previousEventAt: at('2026-03-04T10:00:00+01:00'), lookBackDays: 30 };

describe('a reported event time', () => {
  it('is taken as reported when it lies between the previous event and now', () => {
    expect(decideEventTime('occurredAt', at('2026-03-12T11:00:00+01:00'), context)).toEqual({ ok: true, at: at('2026-03-12T11:00:00+01:00') });
    // Both bounds themselves are accepted.
    expect(decideEventTime('occurredAt', NOW, context)).toEqual({ ok: true, at: NOW });
    expect(decideEventTime('occurredAt', context.previousEventAt, context)).toMatchObject({ ok: true });
  });

  it('is now when none is reported', () => {
    expect(decideEventTime('occurredAt', null, context)).toEqual({ ok: true, at: NOW });
  });

  it('is refused in the future, even by a millisecond, naming the field', () => {
    const decision = decideEventTime('heldAt', new Date(NOW.getTime() + 1), context);
    expect(decision).toEqual({ ok: false, field: 'heldAt', message: expect.stringMatching(/^heldAt: cannot be in the future/) });
  });

  it("is refused before the case's previous event", () => {
    const decision = decideEventTime('occurredAt', at('2026-03-04T09:59:59+01:00'), context);
    expect(decision).toEqual({ ok: false, field: 'occurredAt', message: expect.stringContaining("before the case's previous event at 2026-03-04T09:00:00.000Z") });
  });

  it('is refused further back than the look-back, which the parameter sets', () => {
    const earliest = new Date(NOW.getTime() - 30 * 24 * 60 * 60 * 1000);
    const first = { ...context, previousEventAt: null };
    expect(decideEventTime('admittedAt', earliest, first)).toMatchObject({ ok: true });
    expect(decideEventTime('admittedAt', new Date(earliest.getTime() - 1), first)).toEqual({
      ok: false,
      field: 'admittedAt',
      message: expect.stringContaining('more than 30 days back'),
    });
    expect(decideEventTime('admittedAt', new Date(earliest.getTime() - 1), { ...first, lookBackDays: 31 })).toMatchObject({ ok: true });
  });
});

describe('which hand-off messages carry an event time', () => {
  it('are the discharge-ready notice, the interruption and the discharge notice', () => {
    for (const kind of [HandoffMessageKind.DISCHARGE_READY_NOTICE, HandoffMessageKind.READINESS_INTERRUPTED, HandoffMessageKind.DISCHARGE_NOTICE]) {
      expect(eventTimeNotAllowed(kind, NOW)).toBeNull();
    }
  });

  it('refuses one on any other message, and lets every message go without one', () => {
    for (const kind of [HandoffMessageKind.ADMISSION_NOTICE, HandoffMessageKind.SIP_CALL_OUT, HandoffMessageKind.CANCELLATION, HandoffMessageKind.FREE_TEXT]) {
      expect(eventTimeNotAllowed(kind, NOW)).toMatch(/^occurredAt: /);
      expect(eventTimeNotAllowed(kind, null)).toBeNull();
    }
  });
});

describe("a case's previous event", () => {
  it("is a hand-off's latest event message, or its admission", () => {
    const admittedAt = at('2026-03-01T20:00:00+01:00');
    const messages = [
      { kind: HandoffMessageKind.ADMISSION_NOTICE, occurredAt: at('2026-03-09T09:00:00+01:00') },
      { kind: HandoffMessageKind.DISCHARGE_READY_NOTICE, occurredAt: at('2026-03-04T10:00:00+01:00') },
      { kind: HandoffMessageKind.SIP_CALL_OUT, occurredAt: at('2026-03-10T09:00:00+01:00') },
    ];
    expect(handoffPreviousEvent(admittedAt, messages)).toEqual(at('2026-03-04T10:00:00+01:00'));
    expect(handoffPreviousEvent(admittedAt, messages.slice(0, 1))).toEqual(admittedAt);
    expect(handoffPreviousEvent(null, [])).toBeNull();
  });

  it('is the latest of times that happened', () => {
    expect(latestEvent([null, at('2026-03-02T00:00:00Z'), at('2026-03-01T00:00:00Z')])).toEqual(at('2026-03-02T00:00:00Z'));
    expect(latestEvent([null])).toBeNull();
  });
});
