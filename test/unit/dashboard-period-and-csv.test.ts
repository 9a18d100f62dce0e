import { toCsv } from '../../dashboard/src/components/csv';
import { defaultMonths, monthsToPeriod, periodProblem } from '../../dashboard/src/components/period';

describe("the dashboard's period picker", () => {
  it('turns whole months into the API period, leap years included', () => {
    expect(monthsToPeriod('2024-01', '2024-02')).toEqual({ from: '2024-01-01', to: '2024-02-29' });
    expect(monthsToPeriod('2026-12', '2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });

  it('takes up to the maximum number of months, as the API does, and names what is wrong otherwise', () => {
    expect(periodProblem('2024-01', '2026-12', 36)).toBeNull();
    expect(periodProblem('2024-01', '2027-01', 36)).toEqual({ kind: 'length', maxMonths: 36 });
    expect(periodProblem('2026-05', '2026-04', 36)).toEqual({ kind: 'order' });
    expect(periodProblem('2026-13', '2026-12', 36)).toEqual({ kind: 'month', field: 'from' });
    expect(periodProblem('2026-01', '', 36)).toEqual({ kind: 'month', field: 'to' });
    expect(periodProblem('2026-01', '2026-03', 3)).toBeNull();
    expect(periodProblem('2026-01', '2026-04', 3)).toEqual({ kind: 'length', maxMonths: 3 });
  });

  it('shows the last twelve months by default', () => {
    expect(defaultMonths('2026-12-04')).toEqual({ from: '2026-01', to: '2026-12' });
    expect(defaultMonths('2026-03-31')).toEqual({ from: '2025-04', to: '2026-03' });
  });
});

describe("the dashboard's CSV export", () => {
  it('quotes every field, doubles quotes, keeps "<5" and ".." as text, and starts with a byte-order mark', () => {
    expect(toCsv(['Kommun', 'Kvinnor'], [['Falu "kommun"', '<5'], ['Mora kommun', '..']])).toBe(
      '\uFEFF"Kommun","Kvinnor"\r\n"Falu ""kommun""","<5"\r\n"Mora kommun",".."\r\n',
    );
  });
});
