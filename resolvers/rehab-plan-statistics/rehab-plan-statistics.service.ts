import { Country } from '../../domain/enums';
import { PARAMETER } from '../../domain/rule-parameters';
import { RehabNeed } from '../../domain/rehab-plan';
import { reportMonths } from '../../domain/report-period';
import { meansHiddenLike, sumsHiddenLike } from '../../domain/statistics';
import { MonthlyTables, suppressByMonth, suppressEachMonth } from '../../domain/statistics-by-month';
import type { Access } from '../../server/access/access';
import type { GroupedFigure } from '../../server/access/rehab-plan-statistics.store';
import type { OrganisationRow } from '../../server/access/rows';
import type { PeriodInput } from '../../schema/common/period.input';
import { byMonth, FigureGrid } from '../common/figure-grid';
import { pick, plannerReport } from '../common/planner-report';
import { plannerRegion, regionMunicipalities } from '../common/planner-region';

const byMunicipality = (g: GroupedFigure) => g.municipalityId;

/**
 * Rehabilitation plan figures of a region for a period and each month of it, per home
 * municipality and sex (PLANNER or TENANT_ADMIN of that region). The database returns counts and sums per month
 * and group; a figure that adds up over the months (plans created, evaluations, reports due) is a
 * month × municipality × sex table suppressed as a whole, commitments in effect (which count in
 * every month they run) table by table (domain/statistics-by-month.ts); what belongs to a count (a
 * mean, visits) is hidden with it.
 */
export async function rehabPlanStatistics(access: Access, regionCode: string, country: Country, period: PeriodInput, municipalityCode?: string | null) {
  const region = await plannerRegion(access, regionCode, country, period);
  const today = await access.today();
  const [figures, threshold, { municipalities: named, only }] = await Promise.all([
    access.rehabPlanStatistics.planFigures(region.id, region.timeZone, period.from, period.to, today),
    access.reference.parameter<number>(PARAMETER.STATISTICS_SMALL_CELL_THRESHOLD, today, region.id),
    regionMunicipalities(access, region, municipalityCode),
  ]);
  const municipalities: (OrganisationRow | null)[] = [...named];
  const groups = [...figures.plansByNeed, ...figures.plansByTherapyForm, ...figures.evaluations, ...figures.commitments, ...figures.reportsDue];
  if (groups.some((g) => !municipalities.some((m) => m?.id === g.municipalityId))) municipalities.push(null);
  const grid = new FigureGrid(municipalities.map((m) => m?.id ?? null));
  const months = reportMonths(period);
  const monthly = (rows: GroupedFigure[], figure: 'n' | 'total', key?: string) => byMonth(months, (m) => grid.table(rows, byMunicipality, figure, key, m));
  // A figure that adds up over the months.
  const counts = (rows: GroupedFigure[], key?: string) => suppressByMonth(monthly(rows, 'n', key), municipalities.length, 2, threshold);
  // Figures of the same persons as `tables`, hidden with them: the period's and each month's.
  const alike = <T>(tables: MonthlyTables, derive: (table: MonthlyTables['period'], month: number | null) => T) => ({
    period: derive(tables.period, null),
    months: tables.months.map((t, m) => derive(t, m)),
  });

  const shortTerm = counts(figures.plansByNeed, RehabNeed.SHORT_TERM);
  const longTerm = counts(figures.plansByNeed, RehabNeed.LONG_TERM);
  const forms = figures.therapyForms.map((code) => ({ code, tables: counts(figures.plansByTherapyForm, code) }));
  const evaluations = counts(figures.evaluations);
  const [evaluationCounts, changeSums] = [monthly(figures.evaluations, 'n'), monthly(figures.evaluations, 'total')];
  const meanChange = alike(evaluations, (t, m) =>
    m === null ? meansHiddenLike(t, grid.table(figures.evaluations, byMunicipality, 'n'), grid.table(figures.evaluations, byMunicipality, 'total')) : meansHiddenLike(t, evaluationCounts[m], changeSums[m]),
  );

  // Commitments in effect count in every month they run: the period has rows of its own (month null).
  const ofPeriod = (rows: GroupedFigure[], figure: 'n' | 'total') => grid.table(rows, byMunicipality, figure, undefined, null);
  const commitments = suppressEachMonth(ofPeriod(figures.commitments, 'n'), monthly(figures.commitments, 'n'), 2, threshold);
  const sumsOf = (rows: GroupedFigure[]) => {
    const [whole, perMonth] = [ofPeriod(rows, 'total'), monthly(rows, 'total')];
    return alike(commitments, (t, m) => sumsHiddenLike(t, m === null ? whole : perMonth[m]));
  };
  const visitsAllowed = sumsOf(figures.commitments);
  const visitsUsed = sumsOf(figures.visitsUsed);
  const reportsDue = counts(figures.reportsDue);
  const reportsOnTime = counts(figures.reportsDue, 'ON_TIME');

  // The figures of a month (null: the period) for the whole region (row null) or one municipality.
  const figuresOf = (m: number | null, i: number | null) => ({
    shortTermPlans: pick(shortTerm, m, i),
    longTermPlans: pick(longTerm, m, i),
    plansByTherapyForm: forms.map((f) => ({ therapyForm: f.code, plans: pick(f.tables, m, i) })),
    commitments: pick(commitments, m, i),
    visitsAllowed: pick(visitsAllowed, m, i),
    visitsUsed: pick(visitsUsed, m, i),
    reportsDue: pick(reportsDue, m, i),
    reportsOnTime: pick(reportsOnTime, m, i),
    evaluations: pick(evaluations, m, i),
    meanTScoreChange: pick(meanChange, m, i),
  });
  return plannerReport(period, threshold, months, municipalities, only, figuresOf);
}
