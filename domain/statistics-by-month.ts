/**
 * Planner tables by calendar month: the same rows × sex table for the whole period and for each
 * month of it. A count hidden in one month must not be recoverable from the period's count less the
 * other months, so figures that add up over the months (a discharge or a follow-up belongs to one
 * month) are suppressed as one three-way table, month × row × sex, with every margin.
 */
import { complement, range, SuppressedCount, suppressSmall, SuppressedTable, suppressTable } from './statistics';

/** One figure's tables: the whole period's and each month's, in the order of the months. */
export interface MonthlyTables {
  period: SuppressedTable;
  months: SuppressedTable[];
}

/**
 * Suppresses a figure that adds up over the months: cells[month][row][column]. Every line of the
 * table along any of its three directions (the months of one cell, the rows of one month's column,
 * the columns of one month's row, margins included) is an equation `members = total`; as in
 * suppressTable, small counts are hidden ('<threshold') and then one more member of any equation
 * with exactly one hidden ('..'), until none is left. `hiddenMargin[month][column]` (month and
 * column may be the total, index months.length and columns) names the rows' totals another table
 * of the same population hides (see suppressByMonthTogether).
 */
export function suppressByMonth(
  cells: readonly (readonly (readonly number[])[])[],
  rows: number,
  columns: number,
  threshold: number,
  hiddenMargin: readonly (readonly boolean[])[] = [],
): MonthlyTables {
  const months = cells.length;
  const [M, R, C] = [months + 1, rows + 1, columns + 1];
  const at = (m: number, r: number, c: number) => (m * R + r) * C + c;
  const values = new Array<number>(M * R * C).fill(0);
  for (let m = 0; m < months; m++)
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < columns; c++) {
        const v = cells[m][r][c];
        values[at(m, r, c)] += v;
        values[at(m, r, columns)] += v;
        values[at(m, rows, c)] += v;
        values[at(m, rows, columns)] += v;
        values[at(months, r, c)] += v;
        values[at(months, r, columns)] += v;
        values[at(months, rows, c)] += v;
        values[at(months, rows, columns)] += v;
      }

  const { equations, linesOf } = linesOfShape(M, R, C);
  const primary = values.map((v) => suppressSmall(v, threshold).suppressed);
  const hidden = [...primary];
  hiddenMargin.forEach((row, m) => row.forEach((hide, c) => (hidden[at(m, rows, c)] ||= hide)));
  // Each line is checked once, and again whenever one of its members is hidden (a count is in three
  // lines): hidden only grows, so this ends, after far fewer checks than passes over every line.
  const pending = range(equations.length).reverse();
  const isPending = equations.map(() => true);
  while (pending.length > 0) {
    const e = pending.pop()!;
    isPending[e] = false;
    const members = equations[e];
    let hiddenMembers = 0;
    for (const i of members) if (hidden[i]) hiddenMembers++;
    if (hiddenMembers !== 1 || hiddenMembers === members.length) continue;
    const hide = complement(
      members,
      members.filter((i) => !hidden[i]),
      values,
    );
    hidden[hide] = true;
    for (const line of linesOf[hide]) {
      if (isPending[line]) continue;
      isPending[line] = true;
      pending.push(line);
    }
  }

  const count = (i: number): SuppressedCount => (hidden[i] && !primary[i] ? { value: null, suppressed: true, display: '..' } : suppressSmall(values[i], threshold));
  const slice = (m: number): SuppressedTable => ({
    cells: range(rows).map((r) => range(columns).map((c) => count(at(m, r, c)))),
    rowTotals: range(rows).map((r) => count(at(m, r, columns))),
    columnTotals: range(columns).map((c) => count(at(m, rows, c))),
    total: count(at(m, rows, columns)),
  });
  return { period: slice(months), months: range(months).map(slice) };
}

/**
 * The lines of a months × rows × columns table with its margins (sizes M, R, C including them) as
 * equations of cell indexes, and for each cell the lines it is in: the same for every figure of a
 * report (a report suppresses some dozens of such tables), so built once per shape.
 */
const shapes = new Map<string, { equations: number[][]; linesOf: number[][] }>();

function linesOfShape(M: number, R: number, C: number): { equations: number[][]; linesOf: number[][] } {
  const key = `${M}×${R}×${C}`;
  let shape = shapes.get(key);
  if (shape) return shape;
  const at = (m: number, r: number, c: number) => (m * R + r) * C + c;
  const equations: number[][] = [];
  for (let r = 0; r < R; r++) for (let c = 0; c < C; c++) equations.push(range(M).map((m) => at(m, r, c)));
  for (let m = 0; m < M; m++) for (let c = 0; c < C; c++) equations.push(range(R).map((r) => at(m, r, c)));
  for (let m = 0; m < M; m++) for (let r = 0; r < R; r++) equations.push(range(C).map((c) => at(m, r, c)));
  const linesOf: number[][] = Array.from({ length: M * R * C }, () => []);
  equations.forEach((members, e) => members.forEach((i) => linesOf[i].push(e)));
  // Bounded: the shapes are (months of a period + 1) × (rows + 1) × 3.
  if (shapes.size > 1000) shapes.clear();
  shapes.set(key, (shape = { equations, linesOf }));
  return shape;
}

/**
 * Suppresses by month several tables that break one population down in different ways (discharges
 * by home municipality and by hospital): they share the month × column margin, so a margin hidden
 * in one is hidden in all, repeated until none hides one the others show (as suppressTables does
 * for one period). Each table's rows must cover the whole population.
 */
export function suppressByMonthTogether(tables: readonly { cells: readonly (readonly (readonly number[])[])[]; rows: number }[], months: number, columns: number, threshold: number): MonthlyTables[] {
  let margin = range(months + 1).map(() => range(columns + 1).map(() => false));
  // The hidden margin only grows, so this ends.
  for (;;) {
    const suppressed = tables.map((t) => suppressByMonth(t.cells, t.rows, columns, threshold, margin));
    const marginOf = (t: SuppressedTable) => [...t.columnTotals, t.total].map((x) => x.suppressed);
    const next = range(months + 1).map((m) =>
      range(columns + 1).map((c) => suppressed.some((s) => marginOf(m === months ? s.period : s.months[m])[c])),
    );
    if (next.every((row, m) => row.every((hide, c) => hide === margin[m][c]))) return suppressed;
    margin = next;
  }
}

/**
 * Tables of a figure that does not add up over the months (plans running, commitments in effect:
 * one that runs through three months counts in each and once in the period). No month can be
 * subtracted from the period, so each table is suppressed on its own.
 */
export function suppressEachMonth(period: readonly (readonly number[])[], months: readonly (readonly (readonly number[])[])[], columns: number, threshold: number): MonthlyTables {
  return { period: suppressTable(period, columns, threshold), months: months.map((cells) => suppressTable(cells, columns, threshold)) };
}
