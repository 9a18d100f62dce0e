import { addMonths, firstKeptMonth, monthsPastRetention } from '../../domain/access-log-retention';

describe('access log retention', () => {
  it('counts months across years', () => {
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-12', -60)).toBe('2021-12');
  });

  it('archives the months wholly older than the retention before the current month, oldest first', () => {
    const months = ['2021-12', '2021-10', '2026-12', '2021-11', '2027-01'];
    expect(firstKeptMonth('2026-12-04', 60)).toBe('2021-12');
    expect(monthsPastRetention(months, '2026-12-04', 60)).toEqual(['2021-10', '2021-11']);
    // On the first and the last day of a month alike: the month, not the day, moves the line.
    expect(monthsPastRetention(months, '2026-12-31', 60)).toEqual(['2021-10', '2021-11']);
    expect(monthsPastRetention(months, '2027-01-01', 60)).toEqual(['2021-10', '2021-11', '2021-12']);
  });

  it('refuses a retention that would take the month being written', () => {
    expect(() => monthsPastRetention(['2026-11'], '2026-12-04', 0)).toThrow(RangeError);
    expect(() => monthsPastRetention(['2026-11'], '2026-12-04', 1.5)).toThrow(RangeError);
  });
});
