import { Country, Role } from '../../domain/enums';
import { quarterPeriod } from '../../domain/funding-programme';
import { PARAMETER } from '../../domain/rule-parameters';
import { sumsHiddenLike, suppressTable } from '../../domain/statistics';
import type { Access } from '../../server/access/access';
import { BadUserInputError, NotFoundError } from '../../schema/common/errors';
import { bySex, FigureGrid } from '../common/figure-grid';
import { plannerRegion } from '../common/planner-region';

/**
 * A region's quarterly report to a funding programme (PLANNER of that region): treatments and
 * amounts by form and sex, counted in SQL, as a form × sex table suppressed as a whole
 * (domain/statistics.ts), amounts hidden with their counts.
 */
export async function programmeReport(access: Access, regionCode: string, country: Country, programmeCode: string, quarter: string) {
  access.requireRole(Role.PLANNER);
  const period = quarterPeriod(quarter);
  if (!period) throw new BadUserInputError('quarter: a calendar quarter as YYYY-Qn, e.g. 2015-Q2', 'quarter');
  const region = await plannerRegion(access, regionCode, country, period);
  const versions = (await access.fundingProgrammes.all()).filter((p) => p.code === programmeCode);
  if (!versions.length) throw new NotFoundError(`No funding programme ${programmeCode}`, 'programme');
  const forms = [...new Set(versions.flatMap((v) => v.forms.map((f) => f.code)))].sort();
  const today = await access.today();
  const [groups, threshold] = await Promise.all([
    access.rehabPlanStatistics.programmeFigures(region.id, programmeCode, period.from, period.to, today),
    access.reference.parameter<number>(PARAMETER.STATISTICS_SMALL_CELL_THRESHOLD, today, region.id),
  ]);
  const grid = new FigureGrid(forms);
  const byForm = (g: { key: string | null }) => g.key;
  const treatments = suppressTable(grid.table(groups, byForm, 'n'), 2, threshold);
  const amounts = sumsHiddenLike(treatments, grid.table(groups, byForm, 'total'));
  return {
    programme: programmeCode,
    quarter,
    ...period,
    smallCellThreshold: threshold,
    forms: forms.map((form, i) => ({ form, figures: { treatments: bySex(treatments.rowTotals[i], treatments.cells[i]), amountSek: bySex(amounts.rowTotals[i], amounts.cells[i]) } })),
    total: { treatments: bySex(treatments.total, treatments.columnTotals), amountSek: bySex(amounts.total, amounts.columnTotals) },
  };
}
