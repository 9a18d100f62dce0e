import {
  admissionNoticeDeadline,
  DischargeParameters,
  effectiveSendDate,
  paymentLiability,
  sipCallOutDeadline,
  swedishWorkingCalendar,
} from '../../domain/discharge-deadlines';

// Instants are written in Stockholm local time with its offset: +01:00 in winter, +02:00 from
// 2026-03-29 to 2026-10-25.
const at = (iso: string) => new Date(iso);
const TZ = 'Europe/Stockholm';
const calendar = swedishWorkingCalendar();
const defaults: DischargeParameters = {
  admissionNoticeHours: 24,
  sipCallOutDays: 3,
  liabilityAfterDays: 3,
  liabilityDayKind: 'CALENDAR',
  dailyAmount: 12000,
  lateSendCutoff: '14:00',
};

describe('Swedish working calendar', () => {
  it('has Monday to Friday as working days, not weekends', () => {
    expect(['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06'].map((date) => calendar.isWorkingDay(date))).toEqual([true, true, true, true, true]);
    expect(calendar.isWorkingDay('2026-03-07')).toBe(false);
    expect(calendar.isWorkingDay('2026-03-08')).toBe(false);
  });

  it('has public holidays off', () => {
    expect(calendar.isWorkingDay('2026-04-03')).toBe(false); // långfredagen
    expect(calendar.isWorkingDay('2026-04-06')).toBe(false); // annandag påsk
    expect(calendar.isWorkingDay('2026-05-01')).toBe(false); // första maj
    expect(calendar.isWorkingDay('2026-05-14')).toBe(false); // Kristi himmelsfärdsdag
    expect(calendar.isWorkingDay('2025-06-06')).toBe(false); // nationaldagen on a Friday
    expect(calendar.isWorkingDay('2026-12-25')).toBe(false); // juldagen
    expect(calendar.isWorkingDay('2027-01-01')).toBe(false); // nyårsdagen
    expect(calendar.isWorkingDay('2026-01-06')).toBe(false); // trettondedag jul
  });

  it('has midsommarafton, julafton and nyårsafton off (de-facto holidays, "bank" in date-holidays)', () => {
    expect(calendar.isWorkingDay('2026-06-19')).toBe(false);
    expect(calendar.isWorkingDay('2026-12-24')).toBe(false);
    expect(calendar.isWorkingDay('2026-12-31')).toBe(false);
    expect(calendar.isWorkingDay('2025-12-24')).toBe(false);
  });

  it('works on observances and half days: skärtorsdagen, annandag pingst, trettondagsafton, the day before midsommarafton', () => {
    expect(calendar.isWorkingDay('2026-04-02')).toBe(true);
    expect(calendar.isWorkingDay('2026-05-25')).toBe(true);
    expect(calendar.isWorkingDay('2026-01-05')).toBe(true);
    expect(calendar.isWorkingDay('2026-06-18')).toBe(true);
  });
});

describe('effective send date (the 14:00 rule)', () => {
  const send = (iso: string, cutoff: string | null = '14:00') => effectiveSendDate(at(iso), TZ, cutoff, calendar);

  it('keeps a message sent up to 14:00 on a working day on that day', () => {
    expect(send('2026-03-04T13:59:00+01:00')).toEqual({ localDate: '2026-03-04', moved: false });
    expect(send('2026-03-04T14:00:00+01:00')).toEqual({ localDate: '2026-03-04', moved: false });
  });

  it('moves a message sent after 14:00 to the next working day', () => {
    expect(send('2026-03-04T14:01:00+01:00')).toEqual({ localDate: '2026-03-05', moved: true });
    expect(send('2026-03-04T14:00:01+01:00')).toEqual({ localDate: '2026-03-05', moved: true });
  });

  it('moves a Friday 15:00 or weekend message to Monday', () => {
    expect(send('2026-03-06T15:00:00+01:00')).toEqual({ localDate: '2026-03-09', moved: true });
    expect(send('2026-03-07T09:00:00+01:00')).toEqual({ localDate: '2026-03-09', moved: true });
    expect(send('2026-03-08T13:00:00+01:00')).toEqual({ localDate: '2026-03-09', moved: true });
  });

  it('moves a late message on the day before a holiday past the holidays', () => {
    // Skärtorsdagen 15:00 → past långfredagen, the Easter weekend and annandag påsk.
    expect(send('2026-04-02T15:00:00+02:00')).toEqual({ localDate: '2026-04-07', moved: true });
    expect(send('2026-04-02T10:00:00+02:00')).toEqual({ localDate: '2026-04-02', moved: false });
    expect(send('2026-06-18T14:30:00+02:00')).toEqual({ localDate: '2026-06-22', moved: true }); // before midsommarafton
    expect(send('2026-12-23T16:00:00+01:00')).toEqual({ localDate: '2026-12-28', moved: true }); // before julafton
    expect(send('2026-12-30T15:00:00+01:00')).toEqual({ localDate: '2027-01-04', moved: true }); // into the next year
  });

  it('reads the local time in summer time, on and after the change', () => {
    // Monday 2026-03-30 in summer time: 12:30 UTC is 14:30 local (late), 11:30 UTC is 13:30 (in time).
    expect(send('2026-03-30T12:30:00Z')).toEqual({ localDate: '2026-03-31', moved: true });
    expect(send('2026-03-30T11:30:00Z')).toEqual({ localDate: '2026-03-30', moved: false });
    // Friday before the change, still winter time: 13:30 UTC is 14:30 local.
    expect(send('2026-03-27T13:30:00Z')).toEqual({ localDate: '2026-03-30', moved: true });
    // Monday after the change back: 12:30 UTC is 13:30 local again.
    expect(send('2026-10-26T12:30:00Z')).toEqual({ localDate: '2026-10-26', moved: false });
    expect(send('2026-10-26T13:30:00Z')).toEqual({ localDate: '2026-10-27', moved: true });
  });

  it('takes the local date just after midnight, whatever the UTC date', () => {
    expect(send('2026-03-29T22:30:00Z')).toEqual({ localDate: '2026-03-30', moved: false });
    expect(send('2026-10-25T23:30:00Z')).toEqual({ localDate: '2026-10-26', moved: false });
  });

  it('keeps every message on its own date without a cutoff', () => {
    expect(send('2026-03-06T15:00:00+01:00', null)).toEqual({ localDate: '2026-03-06', moved: false });
    expect(send('2026-03-07T09:00:00+01:00', null)).toEqual({ localDate: '2026-03-07', moved: false });
  });

  it('refuses a cutoff that is not HH:MM', () => {
    expect(() => send('2026-03-04T10:00:00+01:00', '2pm')).toThrow(/HH:MM/);
    expect(() => send('2026-03-04T10:00:00+01:00', '24:00')).toThrow(/HH:MM/);
  });
});

describe('admission notice deadline', () => {
  const admittedAt = at('2026-03-02T08:00:00+01:00');
  const due = at('2026-03-03T08:00:00+01:00');
  const deadline = (sentAt: string | null, now: string, p = defaults) => admissionNoticeDeadline(admittedAt, sentAt === null ? null : at(sentAt), at(now), p);

  it('is met when sent within 24 hours, up to and including the due instant', () => {
    expect(deadline('2026-03-03T07:59:00+01:00', '2026-03-05T00:00:00+01:00')).toEqual({ due, dueDate: null, metAt: at('2026-03-03T07:59:00+01:00'), met: true });
    expect(deadline('2026-03-03T08:00:00+01:00', '2026-03-05T00:00:00+01:00').met).toBe(true);
  });

  it('is missed when sent later, and keeps when it was sent', () => {
    expect(deadline('2026-03-03T08:01:00+01:00', '2026-03-05T00:00:00+01:00')).toEqual({ due, dueDate: null, metAt: at('2026-03-03T08:01:00+01:00'), met: false });
  });

  it('is open until due and missed once due has passed without a notice', () => {
    expect(deadline(null, '2026-03-03T08:00:00+01:00')).toEqual({ due, dueDate: null, metAt: null, met: null });
    expect(deadline(null, '2026-03-03T08:00:01+01:00')).toEqual({ due, dueDate: null, metAt: null, met: false });
  });

  it('runs on real hours across the change of clocks', () => {
    // 24 hours after 10:00 winter time on the Saturday is 11:00 summer time on the Sunday.
    expect(admissionNoticeDeadline(at('2026-03-28T10:00:00+01:00'), null, at('2026-03-28T10:00:00+01:00'), defaults).due).toEqual(at('2026-03-29T11:00:00+02:00'));
    expect(admissionNoticeDeadline(at('2026-10-24T10:00:00+02:00'), null, at('2026-10-24T10:00:00+02:00'), defaults).due).toEqual(at('2026-10-25T09:00:00+01:00'));
  });

  it('takes the number of hours from the parameters', () => {
    expect(deadline(null, '2026-03-02T08:00:00+01:00', { ...defaults, admissionNoticeHours: 48 }).due).toEqual(at('2026-03-04T08:00:00+01:00'));
  });
});

describe('SIP call-out deadline', () => {
  const deadline = (readyAt: string, calledOutAt: string | null, now: string, p = defaults) =>
    sipCallOutDeadline(at(readyAt), calledOutAt === null ? null : at(calledOutAt), at(now), TZ, p, calendar);
  const noCutoff = { ...defaults, lateSendCutoff: null };

  describe('discharge-ready Monday 2026-03-02: due Thursday 2026-03-05, 14:00', () => {
    const ready = '2026-03-02T10:00:00+01:00';
    const due = at('2026-03-05T14:00:00+01:00');

    it('is met by a call-out before the cutoff on the due day', () => {
      expect(deadline(ready, '2026-03-03T09:00:00+01:00', '2026-03-10T00:00:00+01:00')).toEqual({ due, dueDate: '2026-03-05', metAt: at('2026-03-03T09:00:00+01:00'), met: true });
      expect(deadline(ready, '2026-03-05T13:59:00+01:00', '2026-03-10T00:00:00+01:00').met).toBe(true);
      expect(deadline(ready, '2026-03-05T14:00:00+01:00', '2026-03-10T00:00:00+01:00').met).toBe(true);
    });

    it('is missed by a call-out after the cutoff on the due day, which counts as Friday', () => {
      expect(deadline(ready, '2026-03-05T14:01:00+01:00', '2026-03-10T00:00:00+01:00')).toEqual({ due, dueDate: '2026-03-05', metAt: at('2026-03-05T14:01:00+01:00'), met: false });
    });

    it('is open until the cutoff on the due day, then missed', () => {
      expect(deadline(ready, null, '2026-03-05T14:00:00+01:00')).toEqual({ due, dueDate: '2026-03-05', metAt: null, met: null });
      expect(deadline(ready, null, '2026-03-05T14:01:00+01:00')).toEqual({ due, dueDate: '2026-03-05', metAt: null, met: false });
    });

    it('is due at the end of the due day without a cutoff', () => {
      expect(deadline(ready, '2026-03-05T23:59:00+01:00', '2026-03-10T00:00:00+01:00', noCutoff)).toEqual({
        due: at('2026-03-05T23:59:59.999+01:00'),
        dueDate: '2026-03-05',
        metAt: at('2026-03-05T23:59:00+01:00'),
        met: true,
      });
      expect(deadline(ready, '2026-03-06T00:00:00+01:00', '2026-03-10T00:00:00+01:00', noCutoff).met).toBe(false);
      expect(deadline(ready, null, '2026-03-05T23:59:59.999+01:00', noCutoff).met).toBeNull();
      expect(deadline(ready, null, '2026-03-06T00:00:00+01:00', noCutoff).met).toBe(false);
    });
  });

  describe('a period ending on a weekend runs to the next working day (lag 1930:173)', () => {
    // Discharge-ready Wednesday: three days end on Saturday 2026-03-07, so the call-out is due Monday 03-09.
    const ready = '2026-03-04T11:00:00+01:00';

    it('is due on the Monday at 14:00 with the cutoff', () => {
      expect(deadline(ready, null, '2026-03-04T11:00:00+01:00')).toEqual({ due: at('2026-03-09T14:00:00+01:00'), dueDate: '2026-03-09', metAt: null, met: null });
      // Friday 15:00 and Saturday count as Monday: still in time.
      expect(deadline(ready, '2026-03-06T15:00:00+01:00', '2026-03-10T00:00:00+01:00').met).toBe(true);
      expect(deadline(ready, '2026-03-07T09:00:00+01:00', '2026-03-10T00:00:00+01:00').met).toBe(true);
      expect(deadline(ready, '2026-03-09T13:59:00+01:00', '2026-03-10T00:00:00+01:00').met).toBe(true);
      expect(deadline(ready, '2026-03-09T14:01:00+01:00', '2026-03-10T00:00:00+01:00').met).toBe(false);
      expect(deadline(ready, null, '2026-03-09T14:01:00+01:00').met).toBe(false);
    });

    it('is due at the end of the Monday without a cutoff', () => {
      expect(deadline(ready, '2026-03-07T09:00:00+01:00', '2026-03-10T00:00:00+01:00', noCutoff)).toEqual({
        due: at('2026-03-09T23:59:59.999+01:00'),
        dueDate: '2026-03-09',
        metAt: at('2026-03-07T09:00:00+01:00'),
        met: true,
      });
      expect(deadline(ready, '2026-03-10T08:00:00+01:00', '2026-03-11T00:00:00+01:00', noCutoff).met).toBe(false);
    });
  });

  it('runs past holidays to the next working day, never ending before the notice', () => {
    // Ends långfredagen 2026-04-03; Easter Saturday, Easter Day and annandag påsk follow: due Tuesday 04-07.
    const ready = '2026-03-31T09:00:00+02:00';
    expect(deadline(ready, null, ready)).toEqual({ due: at('2026-04-07T14:00:00+02:00'), dueDate: '2026-04-07', metAt: null, met: null });
    expect(deadline(ready, '2026-04-02T13:00:00+02:00', '2026-04-10T00:00:00+02:00').met).toBe(true);
    expect(deadline(ready, '2026-04-07T09:00:00+02:00', '2026-04-10T00:00:00+02:00').met).toBe(true);
    expect(deadline(ready, '2026-04-07T15:00:00+02:00', '2026-04-10T00:00:00+02:00').met).toBe(false);
    // Discharge-ready on skärtorsdagen: due after Easter, not before the notice.
    expect(deadline('2026-04-02T10:00:00+02:00', null, '2026-04-02T10:00:00+02:00').dueDate).toBe('2026-04-07');
    // Ends julafton 2026-12-24 (a de-facto holiday): juldagen, annandag jul and a Sunday follow, due Monday 12-28.
    expect(deadline('2026-12-21T09:00:00+01:00', null, '2026-12-21T09:00:00+01:00').due).toEqual(at('2026-12-28T14:00:00+01:00'));
    expect(deadline('2026-12-21T09:00:00+01:00', '2026-12-24T09:00:00+01:00', '2026-12-30T09:00:00+01:00').met).toBe(true);
    expect(deadline('2026-12-24T10:00:00+01:00', null, '2026-12-24T10:00:00+01:00').dueDate).toBe('2026-12-28');
  });

  it('counts local dates across the change to and from summer time', () => {
    // Discharge-ready Friday 2026-03-27 in winter time: due Monday 03-30 14:00 summer time.
    expect(deadline('2026-03-27T10:00:00+01:00', null, '2026-03-27T10:00:00+01:00').due).toEqual(at('2026-03-30T14:00:00+02:00'));
    // 00:30 local on Monday 03-30 (22:30 UTC Sunday) is a Monday notice: due Thursday 04-02.
    expect(deadline('2026-03-29T22:30:00Z', null, '2026-03-29T22:30:00Z').dueDate).toBe('2026-04-02');
    // Due on the days the clocks change (a calendar where every day works), without a cutoff: the end of the local day.
    const everyDay = { isWorkingDay: () => true };
    const open = { ...defaults, lateSendCutoff: null };
    expect(sipCallOutDeadline(at('2026-03-26T10:00:00+01:00'), null, at('2026-03-26T10:00:00+01:00'), TZ, open, everyDay).due).toEqual(at('2026-03-29T23:59:59.999+02:00'));
    expect(sipCallOutDeadline(at('2026-10-22T10:00:00+02:00'), null, at('2026-10-22T10:00:00+02:00'), TZ, open, everyDay).due).toEqual(at('2026-10-25T23:59:59.999+01:00'));
    // Discharge-ready Friday 2026-10-23 in summer time: due Monday 10-26 14:00 winter time.
    expect(deadline('2026-10-23T10:00:00+02:00', null, '2026-10-23T10:00:00+02:00').due).toEqual(at('2026-10-26T14:00:00+01:00'));
  });

  it('finds the instant of a cutoff in the night the clocks change', () => {
    // 01:30 on 2026-03-29 is still winter time; read as UTC it would already be summer time.
    const everyDay = { isWorkingDay: () => true };
    const p = { ...defaults, lateSendCutoff: '01:30' };
    expect(sipCallOutDeadline(at('2026-03-26T10:00:00+01:00'), null, at('2026-03-26T10:00:00+01:00'), TZ, p, everyDay).due).toEqual(at('2026-03-29T01:30:00+01:00'));
  });

  it('takes the number of days from the parameters', () => {
    expect(deadline('2026-03-02T10:00:00+01:00', null, '2026-03-02T10:00:00+01:00', { ...defaults, sipCallOutDays: 1 }).dueDate).toBe('2026-03-03');
  });
});

describe('payment liability', () => {
  const liability = (readyAt: string, noticesAt: string | null, endedAt: string | null, now: string, p = defaults) =>
    paymentLiability({ dischargeReadyAt: at(readyAt), noticesReceivedAt: noticesAt === null ? null : at(noticesAt), endedAt: endedAt === null ? null : at(endedAt), now: at(now) }, TZ, p, calendar);
  const working = { ...defaults, liabilityDayKind: 'WORKING' as const };

  describe('worked example: discharge-ready Monday 2026-03-02 10:00, both notices that day, 3 calendar days', () => {
    const ready = '2026-03-02T10:00:00+01:00';

    it('is liable from Friday 2026-03-06 and counts the discharge day: 4 days, 48 000 SEK to Monday 03-09', () => {
      expect(liability(ready, ready, '2026-03-09T11:00:00+01:00', '2026-03-20T00:00:00+01:00')).toEqual({ liableFromDate: '2026-03-06', days: 4, amount: 48000 });
    });

    it('counts today while the patient is still there', () => {
      expect(liability(ready, ready, null, '2026-03-06T08:00:00+01:00')).toEqual({ liableFromDate: '2026-03-06', days: 1, amount: 12000 });
      expect(liability(ready, ready, null, '2026-03-05T23:59:00+01:00')).toEqual({ liableFromDate: '2026-03-06', days: 0, amount: 0 });
    });

    it('is zero when discharged before day N, and one day when discharged on it', () => {
      expect(liability(ready, ready, '2026-03-05T16:00:00+01:00', '2026-03-20T00:00:00+01:00')).toEqual({ liableFromDate: '2026-03-06', days: 0, amount: 0 });
      expect(liability(ready, ready, '2026-03-06T09:00:00+01:00', '2026-03-20T00:00:00+01:00')).toEqual({ liableFromDate: '2026-03-06', days: 1, amount: 12000 });
    });
  });

  it('is zero while the municipality has not had both notices', () => {
    expect(liability('2026-03-02T10:00:00+01:00', null, null, '2026-03-20T00:00:00+01:00')).toEqual({ liableFromDate: null, days: 0, amount: 0 });
    expect(liability('2026-03-02T10:00:00+01:00', null, '2026-03-19T10:00:00+01:00', '2026-03-20T00:00:00+01:00')).toEqual({ liableFromDate: null, days: 0, amount: 0 });
  });

  it('counts from the later notice when the notices arrive after the discharge-ready notice', () => {
    // Notices complete Wednesday 03-04: Thu, Fri, Sat pass, liable from Sunday 03-08.
    expect(liability('2026-03-02T10:00:00+01:00', '2026-03-04T09:00:00+01:00', '2026-03-09T10:00:00+01:00', '2026-03-20T00:00:00+01:00')).toEqual({
      liableFromDate: '2026-03-08',
      days: 2,
      amount: 24000,
    });
    // Received at 00:30 local on 03-03 (23:30 UTC on 03-02): day 0 is 03-03.
    expect(liability('2026-03-02T10:00:00+01:00', '2026-03-02T23:30:00Z', null, '2026-03-02T23:30:00Z').liableFromDate).toBe('2026-03-07');
  });

  it('counts calendar or working days as the parameters say', () => {
    // Discharge-ready Wednesday 2026-03-04, discharged Friday 03-13.
    const ready = '2026-03-04T10:00:00+01:00';
    const discharged = '2026-03-13T10:00:00+01:00';
    expect(liability(ready, ready, discharged, discharged)).toEqual({ liableFromDate: '2026-03-08', days: 6, amount: 72000 });
    expect(liability(ready, ready, discharged, discharged, working)).toEqual({ liableFromDate: '2026-03-10', days: 4, amount: 48000 });
    // Discharge-ready Tuesday: Wed, Thu, Fri are working days, so liability starts on the Saturday.
    expect(liability('2026-03-03T10:00:00+01:00', '2026-03-03T10:00:00+01:00', null, '2026-03-03T10:00:00+01:00', working).liableFromDate).toBe('2026-03-07');
  });

  it('skips public and de-facto holidays only when counting working days', () => {
    // Discharge-ready Wednesday 2026-04-01: Easter. Working: Thu 04-02, Tue 04-07, Wed 04-08 pass.
    const ready = '2026-04-01T10:00:00+02:00';
    const discharged = '2026-04-10T10:00:00+02:00';
    expect(liability(ready, ready, discharged, discharged, working)).toEqual({ liableFromDate: '2026-04-09', days: 2, amount: 24000 });
    expect(liability(ready, ready, discharged, discharged)).toEqual({ liableFromDate: '2026-04-05', days: 6, amount: 72000 });
    // Discharge-ready Tuesday 2026-12-22: Wed 12-23, Mon 12-28, Tue 12-29 pass (julafton, juldagen off).
    expect(liability('2026-12-22T10:00:00+01:00', '2026-12-22T10:00:00+01:00', null, '2026-12-22T10:00:00+01:00', working).liableFromDate).toBe('2026-12-30');
  });

  it('counts local dates across the change to and from summer time', () => {
    // Discharge-ready Friday 2026-03-27: Sat, Sun (23 hours), Mon pass, liable from Tuesday 03-31.
    // Discharged 00:30 local on 04-01 (22:30 UTC on 03-31): the end date is 04-01, two days.
    expect(liability('2026-03-27T10:00:00+01:00', '2026-03-27T10:00:00+01:00', '2026-03-31T22:30:00Z', '2026-04-02T00:00:00+02:00')).toEqual({
      liableFromDate: '2026-03-31',
      days: 2,
      amount: 24000,
    });
    // Discharge-ready Thursday 2026-10-22: Fri, Sat, Sun (25 hours) pass, liable from Monday 10-26.
    expect(liability('2026-10-22T10:00:00+02:00', '2026-10-22T10:00:00+02:00', '2026-10-26T00:30:00+01:00', '2026-10-27T00:00:00+01:00')).toEqual({
      liableFromDate: '2026-10-26',
      days: 1,
      amount: 12000,
    });
  });

  it('takes the number of days and the amount from the parameters (psychiatry, another agreement)', () => {
    const ready = '2026-03-02T10:00:00+01:00';
    expect(liability(ready, ready, '2026-03-09T10:00:00+01:00', '2026-03-09T10:00:00+01:00', { ...defaults, liabilityAfterDays: 5, dailyAmount: 9500 })).toEqual({
      liableFromDate: '2026-03-08',
      days: 2,
      amount: 19000,
    });
  });
});
