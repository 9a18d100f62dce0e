import { Occupation } from '../../domain/coordination';
import { KvaRule } from '../../domain/coordination-activity';
import { coordinationReport } from '../../domain/coordination-statistics';
import { Country, Role } from '../../domain/enums';
import { reportPeriodProblem } from '../../domain/report-period';
import { PARAMETER } from '../../domain/rule-parameters';
import type { Access } from '../../server/access/access';
import { BadUserInputError, NotFoundError } from '../../schema/common/errors';
import type { PeriodInput } from '../../schema/common/period.input';
import { regionMunicipalities } from '../common/planner-region';
import { youngAdultBand } from './coordination-lists.service';

/**
 * Rehabilitation coordination figures of a region for planners: the database groups the cases
 * opened in the period (care unit, municipality, age band, occupation, sex); domain/coordination-
 * statistics.ts builds the suppressed tables. The young-adult band, the threshold and the KVÅ
 * rules are those in force on the period's last day (or today, when earlier).
 */
export async function coordinationStatistics(access: Access, regionCode: string, country: Country, period: PeriodInput) {
  access.requireRole(Role.PLANNER, Role.TENANT_ADMIN);
  const region = await access.reference.regionByCode(country, regionCode);
  if (!region) throw new NotFoundError(`No region with code ${regionCode}`, 'regionCode');
  const today = await access.today();
  const maxMonths = await access.reference.parameter<number>(PARAMETER.REPORTS_MAX_PERIOD_MONTHS, today, region.id);
  const problem = reportPeriodProblem(period, maxMonths);
  if (problem) throw new BadUserInputError(problem.message, problem.field);
  const onDate = period.to < today ? period.to : today;
  const [band, threshold, rules] = await Promise.all([
    youngAdultBand(access, region.id, onDate),
    access.reference.parameter<number>(PARAMETER.STATISTICS_SMALL_CELL_THRESHOLD, today, region.id),
    access.reference.parameter<KvaRule[]>(PARAMETER.COORDINATION_KVA_RULES, onDate, region.id),
  ]);
  const [groups, { municipalities }] = await Promise.all([
    access.coordinationStatistics.groups(region.id, region.timeZone, period.from, period.to, band),
    regionMunicipalities(access, region, null),
  ]);
  const municipalityIds: (string | null)[] = municipalities.map((m) => m.id);
  if (groups.some((g) => !municipalityIds.includes(g.municipalityId))) municipalityIds.push(null);
  const units = (await Promise.all([...new Set(groups.map((g) => g.careUnitId))].map((id) => access.reference.careUnit(id)))).flatMap((u) => (u ? [u] : []));
  units.sort((a, b) => a.name.localeCompare(b.name, 'sv') || a.id.localeCompare(b.id));
  const kvaCodes = [...new Set([...(rules ?? []).map((r) => r.code), ...groups.flatMap((g) => Object.keys(g.kva))])].sort();
  const report = coordinationReport(groups, { careUnitIds: units.map((u) => u.id), municipalityIds, occupations: Object.values(Occupation), kvaCodes }, threshold);
  const byId = new Map<string | null, unknown>([...units, ...municipalities].map((r) => [r.id, r]));
  return {
    from: period.from,
    to: period.to,
    smallCellThreshold: threshold,
    youngAdultAgeBand: band,
    region: report.region,
    byCareUnit: report.byCareUnit.map((r) => ({ careUnit: byId.get(r.careUnitId), figures: r.figures })),
    byMunicipality: report.byMunicipality.map((r) => ({ municipality: byId.get(r.municipalityId) ?? null, figures: r.figures })),
    byAgeBand: report.byAgeBand,
    employerContactGap: report.employerContactGap,
  };
}
