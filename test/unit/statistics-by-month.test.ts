import { SuppressedCount, SuppressedTable } from '../../domain/statistics';
import { MonthlyTables, suppressByMonth, suppressByMonthTogether, suppressEachMonth } from '../../domain/statistics-by-month';
import { reportMonths, reportPeriodProblem } from '../../domain/report-period';
import { seededRandom } from '../support/seeded-random';

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** Every count of the three-way table: [month or period][row or total][sex or total]. */
function cube(tables: MonthlyTables): SuppressedCount[][][] {
  const layOut = (t: SuppressedTable) => [...t.cells.map((row, r) => [...row, t.rowTotals[r]]), [...t.columnTotals, t.total]];
  return [...tables.months.map(layOut), layOut(tables.period)];
}

/** The lines of the table along each of its three directions (the last member the total) that hide exactly one member: those give it away. */
function loneHidden(tables: MonthlyTables): SuppressedCount[][] {
  const c = cube(tables);
  const [M, R, C] = [c.length, c[0].length, c[0][0].length];
  const lines = [
    ...range(R).flatMap((r) => range(C).map((s) => range(M).map((m) => c[m][r][s]))),
    ...range(M).flatMap((m) => range(C).map((s) => range(R).map((r) => c[m][r][s]))),
    ...range(M).flatMap((m) => range(R).map((r) => c[m][r])),
  ];
  return lines.filter((members) => members.filter((x) => x.suppressed).length === 1);
}

const display = (t: SuppressedTable) => [...t.cells.map((row, r) => [...row.map((x) => x.display), t.rowTotals[r].display]), [...t.columnTotals.map((x) => x.display), t.total.display]];

describe('planner tables by month', () => {
  it('hides a month of a cell whose small count would be the period less the other months', () => {
    // One municipality, women and men; women had 3 in January, 10 in February and March: 23 in the period.
    const tables = suppressByMonth([[[3, 40]], [[10, 40]], [[10, 40]]], 1, 2, 5);
    expect(tables.months[0].cells[0][0].display).toBe('<5');
    // Shown alone, January's 3 would be 23 − 10 − 10: one more month of the women is hidden.
    const womenHidden = [...tables.months.map((t) => t.cells[0][0]), tables.period.cells[0][0]].filter((x) => x.suppressed);
    expect(womenHidden.length).toBeGreaterThanOrEqual(2);
    expect(loneHidden(tables)).toEqual([]);
  });

  it('gives the period the same table as its only month', () => {
    const tables = suppressByMonth([[[3, 40], [20, 30], [25, 35]]], 3, 2, 5);
    expect(display(tables.period)).toEqual(display(tables.months[0]));
    expect(tables.period.cells[0][0].display).toBe('<5');
    expect(loneHidden(tables)).toEqual([]);
  });

  it('hides nothing when every count is zero or at least the threshold', () => {
    const tables = suppressByMonth([[[0, 12], [5, 0]], [[7, 9], [0, 0]]], 2, 2, 5);
    expect(display(tables.period)).toEqual([['7', '21', '28'], ['5', '0', '5'], ['12', '21', '33']]);
    expect(display(tables.months[1])).toEqual([['7', '9', '16'], ['0', '0', '0'], ['7', '9', '16']]);
  });

  it('never leaves a lone hidden member in any line of random tables', () => {
    const random = seededRandom(20261204);
    for (let round = 0; round < 200; round++) {
      const [months, rows] = [1 + random.int(6), random.int(5)];
      const cells = range(months).map(() => range(rows).map(() => range(2).map(() => (random.chance(0.4) ? random.int(5) : random.int(40)))));
      const tables = suppressByMonth(cells, rows, 2, 5);
      expect({ cells, lone: loneHidden(tables) }).toEqual({ cells, lone: [] });
      // Hidden counts are never shown as numbers.
      for (const plane of cube(tables)) for (const line of plane) for (const x of line) expect(x.suppressed ? x.value : 0).toBe(x.suppressed ? null : 0);
    }
  });

  it('hides in both breakdowns a month margin one of them hides, and leaves no lone hidden member in either', () => {
    const random = seededRandom(42);
    for (let round = 0; round < 100; round++) {
      const months = 1 + random.int(4);
      // The same discharges by municipality (3 rows) and by hospital (2 rows).
      const people = range(10 + random.int(60)).map(() => ({ m: random.int(months), a: random.int(3), b: random.int(2), s: random.int(2) }));
      const table = (rows: number, rowOf: (p: (typeof people)[0]) => number) => {
        const cells = range(months).map(() => range(rows).map(() => [0, 0]));
        for (const p of people) cells[p.m][rowOf(p)][p.s]++;
        return { cells, rows };
      };
      const [a, b] = suppressByMonthTogether([table(3, (p) => p.a), table(2, (p) => p.b)], months, 2, 5);
      expect(loneHidden(a)).toEqual([]);
      expect(loneHidden(b)).toEqual([]);
      const margin = (t: MonthlyTables) => [...t.months, t.period].map((x) => [...x.columnTotals, x.total].map((y) => y.display));
      expect(margin(a)).toEqual(margin(b));
    }
  });

  it('suppresses a figure that does not add up over the months table by table', () => {
    const tables = suppressEachMonth([[6, 6]], [[[3, 6]], [[6, 6]]], 2, 5);
    expect(display(tables.period)).toEqual([['6', '6', '12'], ['6', '6', '12']]);
    expect(display(tables.months[0])).toEqual([['<5', '..', '9'], ['<5', '..', '9']]);
  });
});

describe('the period of a planner report', () => {
  it('refuses a period that ends before it starts, naming period.to', () => {
    expect(reportPeriodProblem({ from: '2026-03-02', to: '2026-03-01' }, 36)?.field).toBe('period.to');
  });

  it('takes the maximum in calendar months: 36 months from the 1st end on the last day of the 36th', () => {
    expect(reportPeriodProblem({ from: '2024-01-01', to: '2026-12-31' }, 36)).toBeNull();
    expect(reportPeriodProblem({ from: '2024-01-01', to: '2027-01-01' }, 36)).toEqual({ field: 'period', message: 'period: at most 36 months' });
    expect(reportPeriodProblem({ from: '2026-01-15', to: '2026-02-14' }, 1)).toBeNull();
    expect(reportPeriodProblem({ from: '2026-01-15', to: '2026-02-15' }, 1)?.field).toBe('period');
  });

  it('lists every month the period touches, cut to the period at either end', () => {
    expect(reportMonths({ from: '2025-12-15', to: '2026-02-10' })).toEqual([
      { month: '2025-12', from: '2025-12-15', to: '2025-12-31' },
      { month: '2026-01', from: '2026-01-01', to: '2026-01-31' },
      { month: '2026-02', from: '2026-02-01', to: '2026-02-10' },
    ]);
    expect(reportMonths({ from: '2024-02-01', to: '2024-02-29' })).toEqual([{ month: '2024-02', from: '2024-02-01', to: '2024-02-29' }]);
  });
});
