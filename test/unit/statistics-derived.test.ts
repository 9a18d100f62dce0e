import { DerivedTable, meansHiddenLike, suppressTable, sumsHiddenLike } from '../../domain/statistics';

const shown = (t: DerivedTable) => ({ cells: t.cells.map((r) => r.map((f) => f.display)), rowTotals: t.rowTotals.map((f) => f.display), columnTotals: t.columnTotals.map((f) => f.display), total: t.total.display });

describe('figures that belong to suppressed counts (sums and means)', () => {
  // Municipality × sex: commitments, and the visits used under them.
  const commitments = [[3, 40], [20, 30], [25, 35]];
  const visits = [[21, 400], [150, 280], [260, 300]];

  it('shows every sum where its count is shown, with its totals', () => {
    const counts = suppressTable([[10, 40], [20, 30]], 2, 5);
    expect(shown(sumsHiddenLike(counts, [[100, 400], [150, 280]]))).toEqual({ cells: [['100', '400'], ['150', '280']], rowTotals: ['500', '430'], columnTotals: ['250', '680'], total: '930' });
  });

  it('hides a sum wherever its count is hidden, secondary suppression included, so no sum is given away by subtraction', () => {
    const counts = suppressTable(commitments, 2, 5);
    const sums = sumsHiddenLike(counts, visits);
    expect(shown(sums).cells[0]).toEqual(['..', '..']);
    expect(sums.cells[0][0]).toEqual({ value: null, suppressed: true, display: '..' });
    // The same places as the counts: every row and column equation keeps zero or at least two hidden.
    expect(sums.cells.map((r) => r.map((f) => f.suppressed))).toEqual(counts.cells.map((r) => r.map((c) => c.suppressed)));
    expect(sums.columnTotals.map((f) => f.suppressed)).toEqual(counts.columnTotals.map((c) => c.suppressed));
    expect(sums.total).toEqual({ value: 1411, suppressed: counts.total.suppressed, display: counts.total.suppressed ? '..' : '1411' });
  });

  it('gives means to two decimals over each cell’s count, hidden with it, and none over nobody', () => {
    const evaluations = [[0, 20], [6, 3], [10, 12]];
    const changes = [[0, 250], [60, 30], [100, 120]];
    const counts = suppressTable(evaluations, 2, 5);
    const means = meansHiddenLike(counts, evaluations, changes);
    expect(means.cells[0][0]).toEqual({ value: null, suppressed: false, display: '–' });
    expect(means.cells[0][1]).toEqual({ value: 12.5, suppressed: false, display: '12.50' });
    expect(means.cells[1][1]).toMatchObject({ suppressed: true, display: '..' });
    // Hidden beside it, since the row total less the partner would give it away.
    expect(means.cells[1][0].suppressed).toBe(true);
    expect(means.rowTotals[0]).toEqual({ value: 12.5, suppressed: false, display: '12.50' });
    expect(means.total).toEqual({ value: 10.98, suppressed: false, display: '10.98' });
  });
});
