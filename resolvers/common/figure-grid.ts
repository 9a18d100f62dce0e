import { LegalSex } from '../../domain/enums';
import type { GroupedFigure } from '../../server/access/rehab-plan-statistics.store';

/** The columns of every planner table: women, then men. */
export const SEXES = [LegalSex.FEMALE, LegalSex.MALE];

/** A figure for women and men together (the table's total or a row total) and apart (its cells). */
export const bySex = <T>(total: T, cells: readonly T[]) => ({ total, female: cells[0], male: cells[1] });

/**
 * Lays grouped aggregate rows out as tables of rows × sex for suppression (domain/statistics.ts).
 * Rows are named by key (a municipality id, a programme form); a group whose key is not among
 * them goes to the row keyed null ("not recorded"), which must then be there.
 */
export class FigureGrid {
  private readonly index: Map<string | null, number>;

  constructor(rowKeys: readonly (string | null)[]) {
    this.index = new Map(rowKeys.map((key, i) => [key, i]));
  }

  /**
   * The groups' counts (`n`) or sums (`total`), of those with breakdown value `key` when given, and
   * of those of `month` when given ('YYYY-MM'; null: the groups of the whole period).
   */
  table(groups: readonly GroupedFigure[], rowOf: (g: GroupedFigure) => string | null, figure: 'n' | 'total', key?: string, month?: string | null): number[][] {
    const table = [...this.index.keys()].map(() => SEXES.map(() => 0));
    for (const g of groups) {
      if (key !== undefined && g.key !== key) continue;
      if (month !== undefined && (g.month ?? null) !== month) continue;
      const row = this.index.get(rowOf(g)) ?? this.index.get(null);
      if (row === undefined) throw new Error('A group of the figures has no row in the table');
      table[row][SEXES.indexOf(g.sex)] += Number(g[figure]);
    }
    return table;
  }
}

/** A grid's tables for each month of a report, in the order of the months. */
export const byMonth = (months: readonly { month: string }[], table: (month: string) => number[][]) => months.map((m) => table(m.month));
