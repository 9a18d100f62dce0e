import { Country, OrganisationKind } from '../../domain/enums';
import { PARAMETER } from '../../domain/rule-parameters';
import { RehabNeed } from '../../domain/rehab-plan';
import { meansHiddenLike, sumsHiddenLike, suppressTable } from '../../domain/statistics';
import type { Access } from '../../server/access/access';
import type { GroupedFigure } from '../../server/access/rehab-plan-statistics.store';
import type { OrganisationRow } from '../../server/access/rows';
import type { PeriodInput } from '../../schema/common/period.input';
import { bySex, FigureGrid } from '../common/figure-grid';
import { plannerRegion } from '../common/planner-region';

const ALL_MUNICIPALITIES = { first: 100, after: null };
const byMunicipality = (g: GroupedFigure) => g.municipalityId;

/**
 * Rehabilitation plan figures of a region for a period, per home municipality and sex (PLANNER
 * of that region). The database returns counts and sums per group; each figure is a municipality ×
 * sex table suppressed as a whole (domain/statistics.ts), and what belongs to a count (a mean) is
 * hidden with it.
 */
export async function rehabPlanStatistics(access: Access, regionCode: string, country: Country, period: PeriodInput) {
  const region = await plannerRegion(access, regionCode, country, period);
  const today = await access.today();
  const [figures, threshold, page] = await Promise.all([
    access.rehabPlanStatistics.planFigures(region.id, region.timeZone, period.from, period.to, today),
    access.reference.parameter<number>(PARAMETER.STATISTICS_SMALL_CELL_THRESHOLD, today, region.id),
    access.reference.organisations({ regionId: region.id, kind: OrganisationKind.MUNICIPALITY }, ALL_MUNICIPALITIES),
  ]);
  const municipalities: (OrganisationRow | null)[] = [...page.nodes];
  const groups = [...figures.plansByNeed, ...figures.plansByTherapyForm, ...figures.evaluations, ...figures.commitments, ...figures.reportsDue];
  if (groups.some((g) => !municipalities.some((m) => m?.id === g.municipalityId))) municipalities.push(null);
  const grid = new FigureGrid(municipalities.map((m) => m?.id ?? null));
  const counts = (rows: GroupedFigure[], key?: string) => suppressTable(grid.table(rows, byMunicipality, 'n', key), 2, threshold);

  const shortTerm = counts(figures.plansByNeed, RehabNeed.SHORT_TERM);
  const longTerm = counts(figures.plansByNeed, RehabNeed.LONG_TERM);
  const forms = figures.therapyForms.map((code) => ({ code, table: counts(figures.plansByTherapyForm, code) }));
  const evaluationCounts = grid.table(figures.evaluations, byMunicipality, 'n');
  const evaluations = suppressTable(evaluationCounts, 2, threshold);
  const meanChange = meansHiddenLike(evaluations, evaluationCounts, grid.table(figures.evaluations, byMunicipality, 'total'));

  const commitments = counts(figures.commitments);
  const visitsAllowed = sumsHiddenLike(commitments, grid.table(figures.commitments, byMunicipality, 'total'));
  const visitsUsed = sumsHiddenLike(commitments, grid.table(figures.visitsUsed, byMunicipality, 'total'));
  const reportsDue = counts(figures.reportsDue);
  const reportsOnTime = counts(figures.reportsDue, 'ON_TIME');

  // The figures of the whole region (the tables' totals) or of one municipality (row i).
  const pick = <T>(table: { total: T; columnTotals: T[]; rowTotals: T[]; cells: T[][] }, i: number | null) =>
    i === null ? bySex(table.total, table.columnTotals) : bySex(table.rowTotals[i], table.cells[i]);
  const figuresOf = (i: number | null) => ({
    shortTermPlans: pick(shortTerm, i),
    longTermPlans: pick(longTerm, i),
    plansByTherapyForm: forms.map((f) => ({ therapyForm: f.code, plans: pick(f.table, i) })),
    commitments: pick(commitments, i),
    visitsAllowed: pick(visitsAllowed, i),
    visitsUsed: pick(visitsUsed, i),
    reportsDue: pick(reportsDue, i),
    reportsOnTime: pick(reportsOnTime, i),
    evaluations: pick(evaluations, i),
    meanTScoreChange: pick(meanChange, i),
  });
  return {
    from: period.from,
    to: period.to,
    smallCellThreshold: threshold,
    region: figuresOf(null),
    byMunicipality: municipalities.map((municipality, i) => ({ municipality, figures: figuresOf(i) })),
  };
}
