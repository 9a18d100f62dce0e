import { Country, LegalSex } from '../../domain/enums';
import { reportMonths } from '../../domain/report-period';
import { PARAMETER } from '../../domain/rule-parameters';
import { SipFigures, sipFigures } from '../../domain/sip-statistics';
import { suppressByMonth, suppressEachMonth } from '../../domain/statistics-by-month';
import type { Access } from '../../server/access/access';
import type { OrganisationRow } from '../../server/access/rows';
import type { PeriodInput } from '../../schema/common/period.input';
import { pick, plannerReport } from '../common/planner-report';
import { plannerRegion, regionMunicipalities } from '../common/planner-region';

const MEASURES: (keyof SipFigures)[] = ['started', 'active', 'followUpsDue', 'followedUpOnTime', 'closed'];
const SEXES = [LegalSex.FEMALE, LegalSex.MALE];

/**
 * SIP figures of a region's plans for a period and each month of it, per home municipality and
 * sex (PLANNER or TENANT_ADMIN of that region). A figure that adds up over the months (a plan starts, a follow-up
 * falls due, a plan closes in one month) is a month × municipality × sex table suppressed as a
 * whole, so no hidden count can be worked out from the totals or the other months; plans running
 * count in every month they run, so that figure's tables are suppressed one by one
 * (domain/statistics-by-month.ts).
 */
export async function sipStatistics(access: Access, regionCode: string, country: Country, period: PeriodInput, municipalityCode?: string | null) {
  const region = await plannerRegion(access, regionCode, country, period);
  const rows = await access.sips.statisticsRows(region.id, region.timeZone, period.from, period.to);
  const today = await access.today();
  const threshold = await access.reference.parameter<number>(PARAMETER.STATISTICS_SMALL_CELL_THRESHOLD, today, region.id);
  const { municipalities: named, only } = await regionMunicipalities(access, region, municipalityCode);
  const municipalities: (OrganisationRow | null)[] = [...named];
  if (rows.some((r) => r.homeMunicipalityId === null || !named.some((m) => m.id === r.homeMunicipalityId))) municipalities.push(null);
  const index = new Map(municipalities.map((m, i) => [m?.id ?? null, i]));
  const months = reportMonths(period);

  // counts[measure][month][municipality][sex], and the period's for the figure that does not add up.
  const table = () => municipalities.map(() => SEXES.map(() => 0));
  const counts = Object.fromEntries(MEASURES.map((m) => [m, months.map(table)])) as Record<keyof SipFigures, number[][][]>;
  const activeInPeriod = table();
  for (const row of rows) {
    const r = index.get(row.homeMunicipalityId) ?? index.get(null)!;
    const s = SEXES.indexOf(row.legalSex);
    months.forEach((month, m) => {
      const figures = sipFigures(row, row.followUps, month, today);
      for (const measure of MEASURES) counts[measure][m][r][s] += figures[measure];
    });
    activeInPeriod[r][s] += sipFigures(row, row.followUps, period, today).active;
  }
  const tables = Object.fromEntries(
    MEASURES.map((m) => [m, m === 'active' ? suppressEachMonth(activeInPeriod, counts.active, SEXES.length, threshold) : suppressByMonth(counts[m], municipalities.length, SEXES.length, threshold)]),
  );
  const figuresOf = (month: number | null, row: number | null) => Object.fromEntries(MEASURES.map((m) => [m, pick(tables[m], month, row)]));
  return plannerReport(period, threshold, months, municipalities, only, figuresOf);
}
