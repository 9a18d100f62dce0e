import { Country, LegalSex, OrganisationKind } from '../../domain/enums';
import { PARAMETER } from '../../domain/rule-parameters';
import { SipFigures, sipFigures } from '../../domain/sip-statistics';
import { SuppressedCount, suppressTable } from '../../domain/statistics';
import type { Access } from '../../server/access/access';
import type { OrganisationRow } from '../../server/access/rows';
import type { PeriodInput } from '../../schema/common/period.input';
import { plannerRegion } from '../common/planner-region';

const MEASURES: (keyof SipFigures)[] = ['started', 'active', 'followUpsDue', 'followedUpOnTime', 'closed'];
const SEXES = [LegalSex.FEMALE, LegalSex.MALE];
const ALL_MUNICIPALITIES = { first: 100, after: null };

type CountBySex = { total: SuppressedCount; female: SuppressedCount; male: SuppressedCount };

/**
 * SIP figures of a region's plans for a period, per home municipality and sex (PLANNER of that
 * region). Each figure is a municipality × sex table suppressed as a whole (domain/statistics.ts),
 * so no hidden count can be worked out from the totals.
 */
export async function sipStatistics(access: Access, regionCode: string, country: Country, period: PeriodInput) {
  const region = await plannerRegion(access, regionCode, country, period);
  const rows = await access.sips.statisticsRows(region.id, region.timeZone, period.from, period.to);
  const today = await access.today();
  const threshold = await access.reference.parameter<number>(PARAMETER.STATISTICS_SMALL_CELL_THRESHOLD, today, region.id);
  const municipalities: (OrganisationRow | null)[] = (await access.reference.organisations({ regionId: region.id, kind: OrganisationKind.MUNICIPALITY }, ALL_MUNICIPALITIES)).nodes;
  if (rows.some((r) => r.homeMunicipalityId === null)) municipalities.push(null);
  const index = new Map(municipalities.map((m, i) => [m?.id ?? null, i]));

  // counts[measure][municipality][sex]
  const counts = Object.fromEntries(MEASURES.map((m) => [m, municipalities.map(() => SEXES.map(() => 0))])) as Record<keyof SipFigures, number[][]>;
  for (const row of rows) {
    const figures = sipFigures(row, row.followUps, period, today);
    const m = index.get(row.homeMunicipalityId) ?? index.get(null)!;
    for (const measure of MEASURES) counts[measure][m][SEXES.indexOf(row.legalSex)] += figures[measure];
  }
  const tables = Object.fromEntries(MEASURES.map((m) => [m, suppressTable(counts[m], SEXES.length, threshold)]));
  const bySex = (total: SuppressedCount, cells: SuppressedCount[]): CountBySex => ({ total, female: cells[0], male: cells[1] });
  const figuresOf = (pick: (table: ReturnType<typeof suppressTable>) => CountBySex) => Object.fromEntries(MEASURES.map((m) => [m, pick(tables[m])]));
  return {
    from: period.from,
    to: period.to,
    smallCellThreshold: threshold,
    region: figuresOf((t) => bySex(t.total, t.columnTotals)),
    byMunicipality: municipalities.map((municipality, i) => ({ municipality, figures: figuresOf((t) => bySex(t.rowTotals[i], t.cells[i])) })),
  };
}
