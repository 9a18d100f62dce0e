import { Country, OrganisationKind, Role } from '../../domain/enums';
import { reportPeriodProblem } from '../../domain/report-period';
import { PARAMETER } from '../../domain/rule-parameters';
import type { Access } from '../../server/access/access';
import type { OrganisationRow, RegionRow } from '../../server/access/rows';
import { BadUserInputError, NotFoundError } from '../../schema/common/errors';
import type { PeriodInput } from '../../schema/common/period.input';

/** More than any region has (Västra Götaland: 49). */
const ALL_MUNICIPALITIES = { first: 100, after: null };

/**
 * The region and period of a planner report, checked: PLANNER or TENANT_ADMIN (each report's own
 * gate may narrow it), a known region, a period that ends on or after its start and spans at most the region's reports.maxPeriodMonths on today's
 * date. (The store checks it is the planner's own region.)
 */
export async function plannerRegion(access: Access, regionCode: string, country: Country, period: PeriodInput): Promise<RegionRow> {
  access.requireRole(Role.PLANNER, Role.TENANT_ADMIN);
  const region = await access.reference.regionByCode(country, regionCode);
  if (!region) throw new NotFoundError(`No region with code ${regionCode}`, 'regionCode');
  const maxMonths = await access.reference.parameter<number>(PARAMETER.REPORTS_MAX_PERIOD_MONTHS, await access.today(), region.id);
  const problem = reportPeriodProblem(period, maxMonths);
  if (problem) throw new BadUserInputError(problem.message, problem.field);
  return region;
}

/**
 * Every municipality of the region by name, and the one a report is narrowed to (null: all). A
 * code of no municipality of this region is NOT_FOUND, as another tenant's id is elsewhere.
 */
export async function regionMunicipalities(access: Access, region: RegionRow, municipalityCode: string | null | undefined): Promise<{ municipalities: OrganisationRow[]; only: string | null }> {
  const { nodes } = await access.reference.organisations({ regionId: region.id, kind: OrganisationKind.MUNICIPALITY }, ALL_MUNICIPALITIES);
  if (municipalityCode === null || municipalityCode === undefined) return { municipalities: nodes, only: null };
  const only = nodes.find((m) => m.municipalityCode === municipalityCode);
  if (!only) throw new NotFoundError(`No municipality with code ${municipalityCode} in region ${region.code}`, 'municipalityCode');
  return { municipalities: nodes, only: only.id };
}
