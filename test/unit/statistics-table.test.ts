import { SuppressedCount, SuppressedTable, suppressTable } from '../../domain/statistics';

/** What a report shows, laid out like the table. */
function shown(table: SuppressedTable) {
  const display = (c: SuppressedCount) => c.display;
  return {
    cells: table.cells.map((row) => row.map(display)),
    rowTotals: table.rowTotals.map(display),
    columnTotals: table.columnTotals.map(display),
    total: table.total.display,
  };
}

describe('two-way table suppression in planner statistics', () => {
  it('hides nothing when every count is zero or at least the threshold', () => {
    const table = suppressTable([[0, 12], [5, 0], [7, 9]], 2, 5);
    expect(shown(table)).toEqual({
      cells: [['0', '12'], ['5', '0'], ['7', '9']],
      rowTotals: ['12', '5', '16'],
      columnTotals: ['12', '21'],
      total: '33',
    });
    expect(table.cells[2][1]).toEqual({ value: 9, suppressed: false, display: '9' });
    expect(table.total).toEqual({ value: 33, suppressed: false, display: '33' });
  });

  it('hides the row partner of a lone small cell, since row total minus partner would give it', () => {
    const table = suppressTable([[3, 40], [20, 30], [25, 35]], 2, 5);
    expect(shown(table).cells[0]).toEqual(['<5', '..']);
    expect(table.cells[0][1]).toEqual({ value: null, suppressed: true, display: '..' });
    expect(shown(table).rowTotals).toEqual(['43', '50', '60']);
  });

  it('shows a small row partner as small, not as secondary', () => {
    const table = suppressTable([[3, 2], [20, 30], [25, 35]], 2, 5);
    expect(shown(table).cells[0]).toEqual(['<5', '<5']);
    expect(shown(table).rowTotals[0]).toBe('5');
  });

  it("hides another municipality's cell in a column with one hidden: the smallest nonzero", () => {
    // Column 0: the 2 is small; 0 is skipped (hiding it protects nothing), 9 beats the total 11.
    // Column 1: 60 beats 70 and the total 180.
    const table = suppressTable([[2, 50], [0, 70], [9, 60]], 2, 5);
    expect(shown(table)).toEqual({
      cells: [['<5', '..'], ['0', '70'], ['..', '..']],
      rowTotals: ['52', '70', '69'],
      columnTotals: ['11', '180'],
      total: '191',
    });
  });

  it('keeps going until no equation has a lone hidden member', () => {
    // Column 1 hides the 7 after row 1 was checked; then row 1 needs its total hidden, and that
    // leaves a lone hidden row total, which hides row 0's total. One pass would stop early.
    const table = suppressTable([[2, 50], [0, 7], [9, 60]], 2, 5);
    expect(shown(table)).toEqual({
      cells: [['<5', '..'], ['0', '..'], ['..', '..']],
      rowTotals: ['..', '..', '69'],
      columnTotals: ['11', '117'],
      total: '128',
    });
  });

  it('hides a second row total when one is hidden, since the grand total would give it', () => {
    const table = suppressTable([[2, 1], [10, 20], [30, 40]], 2, 5);
    expect(shown(table)).toEqual({
      cells: [['<5', '<5'], ['..', '..'], ['30', '40']],
      rowTotals: ['<5', '..', '70'],
      columnTotals: ['42', '61'],
      total: '103',
    });
  });

  it('gives zero column totals and a zero total when there are no rows', () => {
    const table = suppressTable([], 2, 5);
    const zero = { value: 0, suppressed: false, display: '0' };
    expect(table).toEqual({ cells: [], rowTotals: [], columnTotals: [zero, zero], total: zero });
  });

  it('uses the threshold it is given', () => {
    const cells = [[4, 30], [10, 20]];
    expect(shown(suppressTable(cells, 2, 3))).toEqual({
      cells: [['4', '30'], ['10', '20']],
      rowTotals: ['34', '30'],
      columnTotals: ['14', '50'],
      total: '64',
    });
    expect(shown(suppressTable(cells, 2, 5))).toEqual({
      cells: [['<5', '..'], ['..', '..']],
      rowTotals: ['34', '30'],
      columnTotals: ['14', '50'],
      total: '64',
    });
  });

  it('never leaves a lone hidden member in any equation of random tables', () => {
    // mulberry32: a fixed seed keeps failures reproducible.
    let seed = 20240611;
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const int = (n: number) => Math.floor(random() * n);
    let secondary = 0;

    for (let run = 0; run < 400; run++) {
      const threshold = run % 2 === 0 ? 5 : 3;
      const columns = 1 + int(3);
      // Mostly small counts, so suppression cascades often.
      const cells = Array.from({ length: int(6) }, () =>
        Array.from({ length: columns }, () => (random() < 0.8 ? int(8) : int(60))),
      );
      const table = suppressTable(cells, columns, threshold);

      const rowTotals = cells.map((row) => row.reduce((s, x) => s + x, 0));
      const columnTotals = Array.from({ length: columns }, (_, c) => cells.reduce((s, row) => s + row[c], 0));
      const total = rowTotals.reduce((s, x) => s + x, 0);
      const pairs: [SuppressedCount, number][] = [
        ...table.cells.flatMap((row, r) => row.map((c, j): [SuppressedCount, number] => [c, cells[r][j]])),
        ...table.rowTotals.map((c, r): [SuppressedCount, number] => [c, rowTotals[r]]),
        ...table.columnTotals.map((c, j): [SuppressedCount, number] => [c, columnTotals[j]]),
        [table.total, total],
      ];
      expect(pairs).toHaveLength(cells.length * columns + cells.length + columns + 1);
      for (const [count, value] of pairs) {
        const small = value > 0 && value < threshold;
        expect(count.display === `<${threshold}`).toBe(small);
        if (count.suppressed) {
          expect(count.value).toBeNull();
          if (!small) expect(count.display).toBe('..');
        } else {
          expect(count).toEqual({ value, suppressed: false, display: String(value) });
        }
        if (count.display === '..') secondary++;
      }

      const equations: SuppressedCount[][] = [
        ...table.cells.map((row, r) => [...row, table.rowTotals[r]]),
        ...table.columnTotals.map((c, j) => [...table.cells.map((row) => row[j]), c]),
        [...table.columnTotals, table.total],
        [...table.rowTotals, table.total],
      ];
      for (const members of equations) {
        expect(members.filter((m) => m.suppressed).length).not.toBe(1);
      }
    }
    // Guards against a generator too tame to exercise secondary suppression.
    expect(secondary).toBeGreaterThan(100);
  });
});
