import { addMonths, formatterPerTimeZone, localDateOf } from '../../domain/local-date';

describe('local dates', () => {
  it('is the date in the region\'s time zone, not in UTC', () => {
    // 23:30 UTC on 31 December is already New Year's Day in Stockholm (UTC+1) and Mariehamn (UTC+2).
    expect(localDateOf(new Date('2026-12-31T23:30:00Z'), 'Europe/Stockholm')).toBe('2027-01-01');
    expect(localDateOf(new Date('2026-12-31T22:30:00Z'), 'Europe/Stockholm')).toBe('2026-12-31');
    expect(localDateOf(new Date('2026-12-31T22:30:00Z'), 'Europe/Mariehamn')).toBe('2027-01-01');
  });

  it('follows summer time', () => {
    expect(localDateOf(new Date('2026-07-01T22:30:00Z'), 'Europe/Stockholm')).toBe('2026-07-02');
  });

  it('builds one formatter per time zone and reuses it (building one per call was most of the report\'s CPU)', () => {
    const formatter = formatterPerTimeZone('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' });
    expect(formatter('Europe/Stockholm')).toBe(formatter('Europe/Stockholm'));
    expect(formatter('Europe/Mariehamn')).not.toBe(formatter('Europe/Stockholm'));
    expect(formatter('Europe/Mariehamn').resolvedOptions().timeZone).toBe('Europe/Mariehamn');
  });
});

describe('months after a date', () => {
  it('keeps the day, or takes the month’s last day when it has none', () => {
    expect(addMonths('2026-12-03', 12)).toBe('2027-12-03');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-11-15', 2)).toBe('2027-01-15');
    expect(addMonths('2026-03-31', -2)).toBe('2026-01-31');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
  });
});
