import { DischargeParameters, swedishWorkingCalendar } from '../../domain/discharge-deadlines';
import { HandoffMessageKind } from '../../domain/handoff-messages';
import { DeadlineStatus, handoffTimeline, TimelineInput, TimelineMessage } from '../../domain/handoff-timeline';

// Instants are written in Stockholm local time with its offset: +01:00 before 2026-03-29, +02:00 after.
const at = (iso: string) => new Date(iso);
const M = HandoffMessageKind;
const S = DeadlineStatus;
const calendar = swedishWorkingCalendar();
const parameters: DischargeParameters = {
  admissionNoticeHours: 24,
  sipCallOutDays: 3,
  liabilityAfterDays: 3,
  liabilityDayKind: 'CALENDAR',
  dailyAmount: 12000,
  lateSendCutoff: null,
};

/** A message to the home municipality (Mora) and the listed vårdcentral unless told otherwise, recorded when it happened. */
const msg = (kind: HandoffMessageKind, iso: string, recipientOrganisationIds: readonly string[] = ['mora', 'vc']): TimelineMessage => ({
  kind,
  sentAt: at(iso),
  occurredAt: at(iso),
  recipientOrganisationIds,
});

/** An event message recorded at `recordedIso` reporting what happened at `occurredIso`. */
const late = (kind: HandoffMessageKind, occurredIso: string, recordedIso: string, recipientOrganisationIds?: readonly string[]): TimelineMessage => ({
  ...msg(kind, recordedIso, recipientOrganisationIds),
  occurredAt: at(occurredIso),
});

// Admitted Monday 2026-03-02 08:00: the admission notice is due 24 hours later, Tuesday 08:00.
const ADMITTED_AT = '2026-03-02T08:00:00+01:00';
const ADMISSION_DUE = at('2026-03-03T08:00:00+01:00');

const timeline = (messages: TimelineMessage[], now: string, overrides: Partial<TimelineInput> = {}) =>
  handoffTimeline({
    admittedAt: at(ADMITTED_AT),
    homeMunicipalityId: 'mora',
    messages,
    now: at(now),
    timeZone: 'Europe/Stockholm',
    parameters,
    calendar,
    ...overrides,
  });

// Discharge-ready Wednesday 2026-03-04 10:00: day 3 is Saturday 03-07, so the SIP call-out runs to
// the next working day, Monday 2026-03-09, to the end of that day (no cutoff).
const READY_WED = '2026-03-04T10:00:00+01:00';
const SIP_DUE_MON = at('2026-03-09T23:59:59.999+01:00');
const admission = msg(M.ADMISSION_NOTICE, '2026-03-02T10:00:00+01:00');
const readyWed = msg(M.DISCHARGE_READY_NOTICE, READY_WED);

describe('admission notice deadline', () => {
  it('is MET when the notice goes out within 24 hours of admission', () => {
    const t = timeline([msg(M.ADMISSION_NOTICE, '2026-03-02T09:30:00+01:00')], '2026-03-02T12:00:00+01:00');
    expect(t.admissionNotice).toEqual({ due: ADMISSION_DUE, dueDate: null, metAt: at('2026-03-02T09:30:00+01:00'), met: true, status: S.MET });
  });

  it('is MET by a notice at the due instant itself', () => {
    const t = timeline([msg(M.ADMISSION_NOTICE, '2026-03-03T08:00:00+01:00')], '2026-03-03T09:00:00+01:00');
    expect(t.admissionNotice.status).toBe(S.MET);
  });

  it('is MISSED when the notice goes out late, and keeps when it went out', () => {
    const t = timeline([msg(M.ADMISSION_NOTICE, '2026-03-03T08:00:01+01:00')], '2026-03-03T09:00:00+01:00');
    expect(t.admissionNotice).toEqual({ due: ADMISSION_DUE, dueDate: null, metAt: at('2026-03-03T08:00:01+01:00'), met: false, status: S.MISSED });
  });

  it('is PENDING while no notice has gone out and there is still time', () => {
    const t = timeline([], '2026-03-03T07:59:00+01:00');
    expect(t.admissionNotice).toEqual({ due: ADMISSION_DUE, dueDate: null, metAt: null, met: null, status: S.PENDING });
  });

  it('is MISSED, with no metAt, once it falls due without a notice', () => {
    const t = timeline([], '2026-03-03T08:01:00+01:00');
    expect(t.admissionNotice).toEqual({ due: ADMISSION_DUE, dueDate: null, metAt: null, met: false, status: S.MISSED });
  });

  it('is NOT_NEEDED when the case ends before the due without a notice', () => {
    const discharged = timeline([msg(M.DISCHARGE_NOTICE, '2026-03-02T18:00:00+01:00')], '2026-03-05T12:00:00+01:00');
    expect(discharged.admissionNotice).toEqual({ due: ADMISSION_DUE, dueDate: null, metAt: null, met: null, status: S.NOT_NEEDED });
    const cancelled = timeline([msg(M.CANCELLATION, '2026-03-02T18:00:00+01:00')], '2026-03-05T12:00:00+01:00');
    expect(cancelled.admissionNotice.status).toBe(S.NOT_NEEDED);
  });

  it('stays MISSED when the case ends after the due without a notice', () => {
    const t = timeline([msg(M.CANCELLATION, '2026-03-04T09:00:00+01:00')], '2026-03-05T12:00:00+01:00');
    expect(t.admissionNotice).toMatchObject({ metAt: null, met: false, status: S.MISSED });
  });
});

describe('SIP call-out deadline of a discharge-ready period', () => {
  it('falls on the next working day when day 3 is a weekend day', () => {
    const t = timeline([admission, readyWed], '2026-03-05T12:00:00+01:00');
    expect(t.readyPeriods).toHaveLength(1);
    expect(t.readyPeriods[0].sipCallOut).toEqual({ due: SIP_DUE_MON, dueDate: '2026-03-09', metAt: null, met: null, status: S.PENDING });
    expect(t.readyPeriods[0]).toMatchObject({ startedAt: at(READY_WED), endedAt: null, endedBy: null });
  });

  it('is still PENDING on the Monday evening the deadline was moved to', () => {
    const t = timeline([admission, readyWed], '2026-03-09T23:00:00+01:00');
    expect(t.readyPeriods[0].sipCallOut.status).toBe(S.PENDING);
  });

  it('is MET by a call-out in time, also on the moved-to Monday', () => {
    const friday = timeline([admission, readyWed, msg(M.SIP_CALL_OUT, '2026-03-06T09:00:00+01:00')], '2026-03-07T12:00:00+01:00');
    expect(friday.readyPeriods[0].sipCallOut).toEqual({ due: SIP_DUE_MON, dueDate: '2026-03-09', metAt: at('2026-03-06T09:00:00+01:00'), met: true, status: S.MET });
    const monday = timeline([admission, readyWed, msg(M.SIP_CALL_OUT, '2026-03-09T16:00:00+01:00')], '2026-03-10T12:00:00+01:00');
    expect(monday.readyPeriods[0].sipCallOut.status).toBe(S.MET);
  });

  it('is MISSED by a call-out after the due date', () => {
    const t = timeline([admission, readyWed, msg(M.SIP_CALL_OUT, '2026-03-10T09:00:00+01:00')], '2026-03-10T12:00:00+01:00');
    expect(t.readyPeriods[0].sipCallOut).toEqual({ due: SIP_DUE_MON, dueDate: '2026-03-09', metAt: at('2026-03-10T09:00:00+01:00'), met: false, status: S.MISSED });
  });

  it('is MISSED, with no metAt, once the due date has passed without a call-out', () => {
    const t = timeline([admission, readyWed], '2026-03-10T00:00:30+01:00');
    expect(t.readyPeriods[0].sipCallOut).toEqual({ due: SIP_DUE_MON, dueDate: '2026-03-09', metAt: null, met: false, status: S.MISSED });
  });

  it('is NOT_NEEDED when the patient is discharged before the due without a call-out', () => {
    const discharge = msg(M.DISCHARGE_NOTICE, '2026-03-06T14:00:00+01:00');
    const t = timeline([admission, readyWed, discharge], '2026-03-12T12:00:00+01:00');
    expect(t.readyPeriods[0]).toMatchObject({ endedAt: discharge.sentAt, endedBy: M.DISCHARGE_NOTICE });
    expect(t.readyPeriods[0].sipCallOut).toEqual({ due: SIP_DUE_MON, dueDate: '2026-03-09', metAt: null, met: null, status: S.NOT_NEEDED });
  });

  it('is MISSED when the patient is discharged after the due without a call-out', () => {
    const t = timeline([admission, readyWed, msg(M.DISCHARGE_NOTICE, '2026-03-11T11:00:00+01:00')], '2026-03-12T12:00:00+01:00');
    expect(t.readyPeriods[0].sipCallOut).toMatchObject({ metAt: null, met: false, status: S.MISSED });
  });

  it('ends the due at local midnight in summer time when the deadline moves across the change of clocks', () => {
    // Ready Thursday 2026-03-26 (+01:00); day 3 is Sunday 03-29, the day clocks go forward, so the
    // due date is Monday 2026-03-30 and its end is 23:59:59.999 at +02:00.
    const t = timeline([admission, msg(M.DISCHARGE_READY_NOTICE, '2026-03-26T10:00:00+01:00')], '2026-03-27T12:00:00+01:00');
    expect(t.readyPeriods[0].sipCallOut).toMatchObject({ dueDate: '2026-03-30', due: at('2026-03-30T23:59:59.999+02:00') });
  });
});

describe('payment liability', () => {
  // Ready Wednesday 03-04 (day 0, both notices at Mora by then); Thu 05, Fri 06, Sat 07 pass;
  // liable from Sunday 2026-03-08. Discharged Wednesday 03-11: 08, 09, 10, 11 = 4 days × 12 000.
  const callOut = msg(M.SIP_CALL_OUT, '2026-03-06T09:00:00+01:00');
  const discharge = msg(M.DISCHARGE_NOTICE, '2026-03-11T11:00:00+01:00');

  it('runs from the day after the third calendar day when both notices went to the home municipality', () => {
    const t = timeline([admission, readyWed, callOut, discharge], '2026-03-12T12:00:00+01:00');
    expect(t.readyPeriods[0].liability).toEqual({ liableFromDate: '2026-03-08', days: 4, amount: 48000 });
    expect(t.liabilityDays).toBe(4);
    expect(t.liabilityAmount).toBe(48000);
  });

  it('counts up to today while the period is open', () => {
    // Open on Tuesday 03-10: 08, 09, 10 = 3 days.
    const t = timeline([admission, readyWed, callOut], '2026-03-10T12:00:00+01:00');
    expect(t.readyPeriods[0].liability).toEqual({ liableFromDate: '2026-03-08', days: 3, amount: 36000 });
    expect(t.liabilityAmount).toBe(36000);
  });

  it('counts from the later notice when the municipality got the admission notice after the discharge-ready notice', () => {
    // The first admission notice went to the vårdcentral only; Mora got one on Friday 03-06, so day 0
    // is 03-06: Sat 07, Sun 08, Mon 09 pass, liable from Tuesday 03-10; discharged 03-11 → 2 days.
    const toVcOnly = msg(M.ADMISSION_NOTICE, '2026-03-02T10:00:00+01:00', ['vc']);
    const toMora = msg(M.ADMISSION_NOTICE, '2026-03-06T12:00:00+01:00', ['mora']);
    const t = timeline([toVcOnly, readyWed, callOut, toMora, discharge], '2026-03-12T12:00:00+01:00');
    expect(t.admissionNotice.status).toBe(S.MET);
    expect(t.readyPeriods[0].liability).toEqual({ liableFromDate: '2026-03-10', days: 2, amount: 24000 });
  });

  it('sets liableFromDate but counts no days when the patient leaves before it', () => {
    const t = timeline([admission, readyWed, msg(M.DISCHARGE_NOTICE, '2026-03-06T14:00:00+01:00')], '2026-03-12T12:00:00+01:00');
    expect(t.readyPeriods[0].liability).toEqual({ liableFromDate: '2026-03-08', days: 0, amount: 0 });
    expect(t.liabilityAmount).toBe(0);
  });

  it('does not arise when the discharge-ready notice did not go to the home municipality', () => {
    const readyToVcOnly = msg(M.DISCHARGE_READY_NOTICE, READY_WED, ['vc']);
    const t = timeline([admission, readyToVcOnly, callOut, discharge], '2026-03-12T12:00:00+01:00');
    expect(t.readyPeriods[0].liability).toEqual({ liableFromDate: null, days: 0, amount: 0 });
    expect(t.liabilityDays).toBe(0);
    expect(t.liabilityAmount).toBe(0);
  });

  it('does not arise when the admission notice never went to the home municipality', () => {
    const t = timeline([msg(M.ADMISSION_NOTICE, '2026-03-02T10:00:00+01:00', ['vc']), readyWed, callOut, discharge], '2026-03-12T12:00:00+01:00');
    expect(t.readyPeriods[0].liability).toEqual({ liableFromDate: null, days: 0, amount: 0 });
  });

  it('does not arise when the home municipality is unknown', () => {
    const t = timeline([admission, readyWed, callOut, discharge], '2026-03-12T12:00:00+01:00', { homeMunicipalityId: null });
    expect(t.readyPeriods[0].liability).toEqual({ liableFromDate: null, days: 0, amount: 0 });
    expect(t.liabilityDays).toBe(0);
    expect(t.liabilityAmount).toBe(0);
  });

  it('has days but no amount when the region has no agreed daily amount', () => {
    const t = timeline([admission, readyWed, callOut, discharge], '2026-03-12T12:00:00+01:00', { parameters: { ...parameters, dailyAmount: null } });
    expect(t.readyPeriods[0].liability).toEqual({ liableFromDate: '2026-03-08', days: 4, amount: null });
    expect(t.liabilityDays).toBe(4);
    expect(t.liabilityAmount).toBeNull();
  });

  describe('over an interrupted readiness', () => {
    // Period 1: ready Monday 03-02 14:00 (day 0); Tue 03, Wed 04, Thu 05 pass; liable from Friday
    // 03-06; interrupted Saturday 03-07 → 06, 07 = 2 days. SIP due 03-02 + 3 = Thursday 03-05.
    // Period 2: ready Tuesday 03-10 (day 0); 11, 12, 13 pass; liable from Saturday 03-14; discharged
    // Monday 03-16 → 14, 15, 16 = 3 days. SIP due 03-10 + 3 = Friday 03-13.
    // Together 5 days × 12 000 = 60 000.
    const messages = [
      msg(M.ADMISSION_NOTICE, '2026-03-02T12:00:00+01:00'),
      msg(M.DISCHARGE_READY_NOTICE, '2026-03-02T14:00:00+01:00'),
      msg(M.SIP_CALL_OUT, '2026-03-04T09:00:00+01:00'),
      msg(M.READINESS_INTERRUPTED, '2026-03-07T10:00:00+01:00'),
      msg(M.DISCHARGE_READY_NOTICE, '2026-03-10T09:00:00+01:00'),
      msg(M.SIP_CALL_OUT, '2026-03-12T09:00:00+01:00'),
      msg(M.DISCHARGE_NOTICE, '2026-03-16T11:00:00+01:00'),
    ];

    it('gives two periods, each with its own call-out and liability, whose days add up', () => {
      const t = timeline(messages, '2026-03-17T12:00:00+01:00');
      expect(t.readyPeriods).toEqual([
        {
          startedAt: at('2026-03-02T14:00:00+01:00'),
          endedAt: at('2026-03-07T10:00:00+01:00'),
          endedBy: M.READINESS_INTERRUPTED,
          sipCallOut: { due: at('2026-03-05T23:59:59.999+01:00'), dueDate: '2026-03-05', metAt: at('2026-03-04T09:00:00+01:00'), met: true, status: S.MET },
          liability: { liableFromDate: '2026-03-06', days: 2, amount: 24000 },
        },
        {
          startedAt: at('2026-03-10T09:00:00+01:00'),
          endedAt: at('2026-03-16T11:00:00+01:00'),
          endedBy: M.DISCHARGE_NOTICE,
          sipCallOut: { due: at('2026-03-13T23:59:59.999+01:00'), dueDate: '2026-03-13', metAt: at('2026-03-12T09:00:00+01:00'), met: true, status: S.MET },
          liability: { liableFromDate: '2026-03-14', days: 3, amount: 36000 },
        },
      ]);
      expect(t.liabilityDays).toBe(5);
      expect(t.liabilityAmount).toBe(60000);
      expect(t.nextDueAt).toBeNull();
    });

    it('does not let the first call-out count for the second period', () => {
      // Without the second call-out, period 2 is open on Monday 03-16 past its due (Friday 03-13).
      const t = timeline(messages.slice(0, 5), '2026-03-16T12:00:00+01:00');
      expect(t.readyPeriods[1].sipCallOut).toEqual({ due: at('2026-03-13T23:59:59.999+01:00'), dueDate: '2026-03-13', metAt: null, met: false, status: S.MISSED });
      // Period 2 so far: 14, 15, 16 = 3 days; with period 1's 2 days, 5.
      expect(t.liabilityDays).toBe(5);
      expect(t.nextDueAt).toEqual(at('2026-03-13T23:59:59.999+01:00'));
    });

    it('gives the same timeline whatever the order of the input messages', () => {
      const now = '2026-03-17T12:00:00+01:00';
      const sorted = timeline(messages, now);
      const shuffled = [messages[4], messages[6], messages[1], messages[5], messages[0], messages[3], messages[2]];
      expect(timeline(shuffled, now)).toEqual(sorted);
      expect(timeline([...messages].reverse(), now)).toEqual(sorted);
    });
  });
});

describe('next due instant', () => {
  it('is the admission notice due while the notice has not gone out', () => {
    expect(timeline([], '2026-03-02T12:00:00+01:00').nextDueAt).toEqual(ADMISSION_DUE);
    // Still the sort key once it is overdue.
    expect(timeline([], '2026-03-03T12:00:00+01:00').nextDueAt).toEqual(ADMISSION_DUE);
  });

  it("is the open period's call-out due once the admission notice has gone out", () => {
    expect(timeline([admission], '2026-03-02T12:00:00+01:00').nextDueAt).toBeNull();
    expect(timeline([admission, readyWed], '2026-03-05T12:00:00+01:00').nextDueAt).toEqual(SIP_DUE_MON);
  });

  it('is null while nothing is left to do in an open case', () => {
    const planning = [admission, readyWed, msg(M.SIP_CALL_OUT, '2026-03-06T09:00:00+01:00')];
    expect(timeline(planning, '2026-03-07T12:00:00+01:00').nextDueAt).toBeNull();
    // An interrupted period's call-out is no longer due.
    const interrupted = [admission, readyWed, msg(M.READINESS_INTERRUPTED, '2026-03-05T09:00:00+01:00')];
    expect(timeline(interrupted, '2026-03-10T12:00:00+01:00').nextDueAt).toBeNull();
  });

  it('is null once the case is discharged or cancelled, even with a deadline missed', () => {
    const discharged = [admission, readyWed, msg(M.DISCHARGE_NOTICE, '2026-03-11T11:00:00+01:00')];
    expect(timeline(discharged, '2026-03-12T12:00:00+01:00').nextDueAt).toBeNull();
    const cancelledReady = [admission, readyWed, msg(M.CANCELLATION, '2026-03-05T11:00:00+01:00')];
    expect(timeline(cancelledReady, '2026-03-06T12:00:00+01:00').nextDueAt).toBeNull();
    const cancelledLate = [msg(M.CANCELLATION, '2026-03-04T09:00:00+01:00')];
    expect(timeline(cancelledLate, '2026-03-05T12:00:00+01:00').nextDueAt).toBeNull();
  });

  it('does not depend on the order of the input messages', () => {
    const messages = [admission, readyWed, msg(M.FREE_TEXT, '2026-03-04T12:00:00+01:00')];
    const now = '2026-03-05T12:00:00+01:00';
    const sorted = timeline(messages, now);
    expect(sorted.nextDueAt).toEqual(SIP_DUE_MON);
    expect(timeline([messages[2], messages[0], messages[1]], now)).toEqual(sorted);
    expect(timeline([messages[1], messages[2], messages[0]], now)).toEqual(sorted);
  });
});

describe('event times: what happened and when it was recorded', () => {
  // Admission notice Monday 03-02 10:00 (to Mora); liability after 3 calendar days.
  it('ends a period and its liability when the patient left, not when the discharge was recorded', () => {
    // Ready Wednesday 03-04 (liable from Sunday 03-08). Left Wednesday 03-11 11:00, recorded Thursday 03-12 16:00:
    // 08, 09, 10, 11 = 4 days, not the 5 the recording day would give.
    const discharge = late(M.DISCHARGE_NOTICE, '2026-03-11T11:00:00+01:00', '2026-03-12T16:00:00+01:00');
    const t = timeline([admission, readyWed, discharge], '2026-03-13T12:00:00+01:00');
    expect(t.readyPeriods[0]).toMatchObject({ endedAt: at('2026-03-11T11:00:00+01:00'), endedBy: M.DISCHARGE_NOTICE });
    expect(t.readyPeriods[0].liability).toEqual({ liableFromDate: '2026-03-08', days: 4, amount: 48000 });
    const recordedSameDay = timeline([admission, readyWed, msg(M.DISCHARGE_NOTICE, '2026-03-11T16:00:00+01:00')], '2026-03-13T12:00:00+01:00');
    expect(recordedSameDay.liabilityDays).toBe(4);
  });

  it('adds one liability day per day the discharge happened later', () => {
    const leftOn = (day: string) => timeline([admission, readyWed, late(M.DISCHARGE_NOTICE, `${day}T11:00:00+01:00`, '2026-03-13T09:00:00+01:00')], '2026-03-13T12:00:00+01:00');
    expect(leftOn('2026-03-12').liabilityDays - leftOn('2026-03-11').liabilityDays).toBe(1);
    expect(leftOn('2026-03-12').liabilityAmount! - leftOn('2026-03-11').liabilityAmount!).toBe(12000);
  });

  it('starts a period at the readiness, and liability from the later of the readiness and the notice being given', () => {
    // Ready Monday 03-02 08:00, recorded Wednesday 03-04 10:00: the municipality had both notices
    // only on Wednesday, so day 0 is still 03-04 (liable from Sunday 03-08).
    const ready = late(M.DISCHARGE_READY_NOTICE, '2026-03-02T11:00:00+01:00', READY_WED);
    const t = timeline([admission, ready], '2026-03-09T12:00:00+01:00');
    expect(t.readyPeriods[0].startedAt).toEqual(at('2026-03-02T11:00:00+01:00'));
    expect(t.readyPeriods[0].liability.liableFromDate).toBe('2026-03-08');
  });

  it('counts the SIP call-out from the discharge-ready notice being given (recorded), not from the readiness', () => {
    // Ready Monday 03-02, notice given Wednesday 03-04: the call-out is due as for a notice on Wednesday.
    const ready = late(M.DISCHARGE_READY_NOTICE, '2026-03-02T11:00:00+01:00', READY_WED);
    const t = timeline([admission, ready], '2026-03-05T12:00:00+01:00');
    expect(t.readyPeriods[0].sipCallOut).toMatchObject({ due: SIP_DUE_MON, dueDate: '2026-03-09', status: S.PENDING });
  });

  it('counts a call-out recorded before a late-recorded discharge as made within the period', () => {
    // Left Friday 03-06 09:00; the call-out went out Friday 12:00; the discharge was recorded Friday 16:00.
    const callOut = msg(M.SIP_CALL_OUT, '2026-03-06T12:00:00+01:00');
    const discharge = late(M.DISCHARGE_NOTICE, '2026-03-06T09:00:00+01:00', '2026-03-06T16:00:00+01:00');
    const t = timeline([admission, readyWed, callOut, discharge], '2026-03-10T12:00:00+01:00');
    expect(t.readyPeriods[0].sipCallOut).toMatchObject({ metAt: at('2026-03-06T12:00:00+01:00'), status: S.MET });
  });

  it('judges an admission notice never sent by when the patient left', () => {
    // Left Monday 03-02 18:00 (before the notice was due Tuesday 08:00), recorded Wednesday.
    const t = timeline([late(M.DISCHARGE_NOTICE, '2026-03-02T18:00:00+01:00', '2026-03-04T09:00:00+01:00')], '2026-03-05T12:00:00+01:00');
    expect(t.admissionNotice.status).toBe(S.NOT_NEEDED);
  });
});
