import type { ReportMonth } from '../../domain/report-period';
import type { OrganisationRow } from '../../server/access/rows';
import type { PeriodInput } from '../../schema/common/period.input';
import { bySex } from './figure-grid';

/** A suppressed table (or its sums or means), of a period or of one month. */
interface Table<T> {
  total: T;
  columnTotals: T[];
  rowTotals: T[];
  cells: T[][];
}

/** A figure's tables: the period's and each month's. */
export interface Monthly<T> {
  period: Table<T>;
  months: Table<T>[];
}

/** One figure by sex: of the period (month null) or a month, of the whole region (row null) or one row. */
export function pick<T>(tables: Monthly<T>, month: number | null, row: number | null) {
  const table = month === null ? tables.period : tables.months[month];
  return row === null ? bySex(table.total, table.columnTotals) : bySex(table.rowTotals[row], table.cells[row]);
}

/**
 * The one shape of the planners' statistics (schema/common/planner-report.type.ts): the period's
 * region and municipalities, then every month with the same rows. `figuresOf(month, row)` gives the
 * figures of a month (null: the period) and a row (null: the region); `only` narrows the rows shown
 * to one municipality, the figures and their suppression staying those of the whole region.
 */
export function plannerReport<F>(
  period: PeriodInput,
  smallCellThreshold: number,
  months: readonly ReportMonth[],
  municipalities: readonly (OrganisationRow | null)[],
  only: string | null,
  figuresOf: (month: number | null, row: number | null) => F,
) {
  const rows = municipalities.flatMap((municipality, i) => (only === null || municipality?.id === only ? [{ municipality, i }] : []));
  const byMunicipality = (month: number | null) => rows.map(({ municipality, i }) => ({ municipality, figures: figuresOf(month, i) }));
  return {
    from: period.from,
    to: period.to,
    smallCellThreshold,
    region: figuresOf(null, null),
    byMunicipality: byMunicipality(null),
    byMonth: months.map((month, m) => ({ ...month, region: figuresOf(m, null), byMunicipality: byMunicipality(m) })),
  };
}
