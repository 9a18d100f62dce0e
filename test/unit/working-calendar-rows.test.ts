import { swedishWorkingCalendar } from '../../domain/discharge-deadlines';
import { workingCalendarRows } from '../../entities/seed/working-calendar';

describe('the working calendar as table rows (filled into working_calendar by its migration)', () => {
  const rows = workingCalendarRows(2026, 2026, swedishWorkingCalendar());
  const row = (day: string) => rows.find((r) => r.day === day)!;

  it('has every day of the years, in order', () => {
    expect(rows).toHaveLength(365);
    expect([rows[0].day, rows[364].day]).toEqual(['2026-01-01', '2026-12-31']);
  });

  it('marks weekends and days off as not working (nyårsdagen, trettondedag jul, julafton)', () => {
    expect(['2026-01-01', '2026-01-02', '2026-01-03', '2026-01-06', '2026-12-24'].map((d) => row(d).working)).toEqual([false, true, false, false, false]);
  });

  it('numbers the working days, so the n-th working day after a day is the one numbered n higher', () => {
    // Friday 2 January is the year's first working day; three working days after it: Mon 5, Wed 7, Thu 8 (6 January is a holiday).
    expect(row('2026-01-02').workingDaysUpTo).toBe(1);
    expect(row('2026-01-01').workingDaysUpTo).toBe(0);
    const third = rows.find((r) => r.working && r.workingDaysUpTo === row('2026-01-02').workingDaysUpTo + 3)!;
    expect(third.day).toBe('2026-01-08');
  });

  it('names the next working day after each day, past the last row too', () => {
    expect(row('2026-01-02').nextWorkingDay).toBe('2026-01-05');
    expect(row('2026-01-05').nextWorkingDay).toBe('2026-01-07');
    expect(row('2026-12-23').nextWorkingDay).toBe('2026-12-28');
    // Nyårsafton and nyårsdagen are days off, then a weekend.
    expect(row('2026-12-30').nextWorkingDay).toBe('2027-01-04');
    expect(row('2026-12-31').nextWorkingDay).toBe('2027-01-04');
  });
});
