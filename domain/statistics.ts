/** Planner statistics: small counts identify people, so they are shown only as "fewer than". */

export interface SuppressedCount {
  /** null when suppressed. */
  value: number | null;
  suppressed: boolean;
  /** What a report shows: the count, or '<threshold'. */
  display: string;
}

/**
 * Hides counts from 1 to threshold - 1. Zero is shown: it identifies nobody. The threshold (5 by
 * practice) is configuration, passed in.
 */
export function suppressSmall(count: number, threshold: number): SuppressedCount {
  return count > 0 && count < threshold
    ? { value: null, suppressed: true, display: `<${threshold}` }
    : { value: count, suppressed: false, display: String(count) };
}

/** A two-way table of counts after primary and secondary suppression. */
export interface SuppressedTable {
  /** [row][column], e.g. [municipality][sex]. */
  cells: SuppressedCount[][];
  rowTotals: SuppressedCount[];
  columnTotals: SuppressedCount[];
  total: SuppressedCount;
}

/** Totals a table must hide whatever its own counts: hidden already in another table that shares them. */
export interface HiddenMargins {
  columnTotals?: readonly boolean[];
  total?: boolean;
}

/**
 * Suppresses a table of counts with its row, column and grand totals. Hiding small counts alone
 * (primary suppression, as suppressSmall) is not enough: every row, every column, the totals row
 * and the totals column sum up, so a count hidden alone in one of them can be worked out by
 * subtraction. Secondary suppression therefore hides one more member of any such equation with
 * exactly one hidden, until none is left. It shows '..' rather than '<threshold', because the count
 * it hides may be large. `columns` gives the column count even when there are no rows.
 */
export function suppressTable(
  cells: readonly (readonly number[])[],
  columns: number,
  threshold: number,
  hiddenMargins: HiddenMargins = {},
): SuppressedTable {
  const rows = cells.length;
  // All counts in one list: cells row by row, then row totals, column totals, grand total.
  const cell = (r: number, c: number) => r * columns + c;
  const rowTotal = (r: number) => rows * columns + r;
  const columnTotal = (c: number) => rows * columns + rows + c;
  const grandTotal = rows * columns + rows + columns;

  const values: number[] = [];
  for (const row of cells) for (let c = 0; c < columns; c++) values.push(row[c]);
  for (let r = 0; r < rows; r++) values.push(sum(range(columns).map((c) => values[cell(r, c)])));
  for (let c = 0; c < columns; c++) values.push(sum(range(rows).map((r) => values[cell(r, c)])));
  values.push(sum(range(rows).map((r) => values[rowTotal(r)])));

  // Each equation lists its members, the total last.
  const equations: number[][] = [
    ...range(rows).map((r) => [...range(columns).map((c) => cell(r, c)), rowTotal(r)]),
    ...range(columns).map((c) => [...range(rows).map((r) => cell(r, c)), columnTotal(c)]),
    [...range(columns).map(columnTotal), grandTotal],
    [...range(rows).map(rowTotal), grandTotal],
  ];

  const primary = values.map((v) => suppressSmall(v, threshold).suppressed);
  const hidden = [...primary];
  hiddenMargins.columnTotals?.forEach((hide, c) => (hidden[columnTotal(c)] ||= hide));
  hidden[grandTotal] ||= hiddenMargins.total ?? false;
  // Hidden only grows, so this ends.
  for (let changed = true; changed; ) {
    changed = false;
    for (const members of equations) {
      const visible = members.filter((i) => !hidden[i]);
      if (members.length - visible.length !== 1 || visible.length === 0) continue;
      hidden[complement(members, visible, values)] = true;
      changed = true;
    }
  }

  const count = (i: number): SuppressedCount =>
    hidden[i] && !primary[i]
      ? { value: null, suppressed: true, display: '..' }
      : suppressSmall(values[i], threshold);
  return {
    cells: range(rows).map((r) => range(columns).map((c) => count(cell(r, c)))),
    rowTotals: range(rows).map((r) => count(rowTotal(r))),
    columnTotals: range(columns).map((c) => count(columnTotal(c))),
    total: count(grandTotal),
  };
}

/**
 * Suppresses tables that break one population down in different ways (say discharges by home
 * municipality and by hospital, each by sex). They share the column totals and the grand total, so
 * a total hidden in one is hidden in all, else another table would show it; and hiding it may call
 * for more secondary suppression there. Repeated until no table hides a shared total the others
 * show. Each table's rows must cover the whole population (a row for "unknown" included).
 */
export function suppressTables(tables: readonly (readonly (readonly number[])[])[], columns: number, threshold: number): SuppressedTable[] {
  let margins = { columnTotals: range(columns).map(() => false), total: false };
  // The hidden margins only grow, so this ends.
  for (;;) {
    const suppressed = tables.map((cells) => suppressTable(cells, columns, threshold, margins));
    const next = {
      columnTotals: range(columns).map((c) => suppressed.some((t) => t.columnTotals[c].suppressed)),
      total: suppressed.some((t) => t.total.suppressed),
    };
    if (next.total === margins.total && next.columnTotals.every((hide, c) => hide === margins.columnTotals[c])) return suppressed;
    margins = next;
  }
}

/**
 * A figure that is not a count of persons but belongs to one (visits used by the commitments of a
 * cell, an amount paid for its treatments, a mean over its evaluations).
 */
export interface DerivedFigure {
  /** null when hidden, or for a mean over nobody. */
  value: number | null;
  suppressed: boolean;
  /** The value (a mean to two decimals), '..' when hidden, '–' for a mean over nobody. */
  display: string;
}

export interface DerivedTable {
  cells: DerivedFigure[][];
  rowTotals: DerivedFigure[];
  columnTotals: DerivedFigure[];
  total: DerivedFigure;
}

/**
 * Sums that belong to a suppressed table of counts (visits of its commitments, amounts of its
 * treatments), hidden wherever the count is: a sum over fewer persons than the threshold speaks of
 * them as well as their number would. The counts' suppression already leaves no equation of the
 * table with a lone hidden member, so the sums, hidden in the same places, give none away either.
 */
export function sumsHiddenLike(counts: SuppressedTable, sums: readonly (readonly number[])[]): DerivedTable {
  const columns = counts.columnTotals.length;
  const rowTotals = sums.map((row) => sum(row));
  const columnTotals = range(columns).map((c) => sum(sums.map((row) => row[c])));
  const figure = (count: SuppressedCount, value: number): DerivedFigure =>
    count.suppressed ? { value: null, suppressed: true, display: '..' } : { value, suppressed: false, display: String(value) };
  return {
    cells: sums.map((row, r) => row.map((v, c) => figure(counts.cells[r][c], v))),
    rowTotals: rowTotals.map((v, r) => figure(counts.rowTotals[r], v)),
    columnTotals: columnTotals.map((v, c) => figure(counts.columnTotals[c], v)),
    total: figure(counts.total, sum(columnTotals)),
  };
}

/**
 * Means over the persons of a suppressed table of counts (e.g. the T-score change of the
 * evaluations counted): each mean is its cell's sum over its count, hidden wherever the count is,
 * rounded to two decimals; a mean over nobody is null.
 */
export function meansHiddenLike(counts: SuppressedTable, countValues: readonly (readonly number[])[], sums: readonly (readonly number[])[]): DerivedTable {
  const columns = counts.columnTotals.length;
  const mean = (count: SuppressedCount, n: number, total: number): DerivedFigure => {
    if (count.suppressed) return { value: null, suppressed: true, display: '..' };
    if (n === 0) return { value: null, suppressed: false, display: '–' };
    const value = Math.round((total / n) * 100) / 100;
    return { value, suppressed: false, display: value.toFixed(2) };
  };
  const rowOf = (m: readonly (readonly number[])[], r: number) => sum(m[r]);
  const columnOf = (m: readonly (readonly number[])[], c: number) => sum(m.map((row) => row[c]));
  return {
    cells: sums.map((row, r) => row.map((v, c) => mean(counts.cells[r][c], countValues[r][c], v))),
    rowTotals: sums.map((_, r) => mean(counts.rowTotals[r], rowOf(countValues, r), rowOf(sums, r))),
    columnTotals: range(columns).map((c) => mean(counts.columnTotals[c], columnOf(countValues, c), columnOf(sums, c))),
    total: mean(counts.total, sum(countValues.map((row) => sum(row))), sum(sums.map((row) => sum(row)))),
  };
}

/**
 * The member to hide beside a lone hidden one: the smallest visible count above zero (the first on
 * ties), so the table loses least. If every visible member is zero, the lone hidden value equals
 * the total, so the total goes (or the first visible member when the total is the hidden one).
 * Since totals are computed here, a lone hidden count is always above zero and this fallback is
 * not reached; it keeps the rule complete.
 */
export function complement(members: readonly number[], visible: readonly number[], values: readonly number[]): number {
  const positive = visible.filter((i) => values[i] > 0);
  if (positive.length > 0) return positive.reduce((best, i) => (values[i] < values[best] ? i : best));
  const total = members[members.length - 1];
  return visible.includes(total) ? total : visible[0];
}

export function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

function sum(xs: readonly number[]): number {
  return xs.reduce((s, x) => s + x, 0);
}
