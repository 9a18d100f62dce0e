import { Country, Role } from '../../domain/enums';
import type { Access } from '../../server/access/access';
import type { RegionRow } from '../../server/access/rows';
import { BadUserInputError, NotFoundError } from '../../schema/common/errors';
import type { PeriodInput } from '../../schema/common/period.input';

const MAX_PERIOD_DAYS = 3 * 366;

/**
 * The region and period of a planner report, checked: PLANNER, a known region, a period that
 * ends on or after its start and spans at most three years. (The store checks it is the
 * planner's own region.)
 */
export async function plannerRegion(access: Access, regionCode: string, country: Country, period: PeriodInput): Promise<RegionRow> {
  access.requireRole(Role.PLANNER);
  const region = await access.reference.regionByCode(country, regionCode);
  if (!region) throw new NotFoundError(`No region with code ${regionCode}`, 'regionCode');
  if (period.to < period.from) throw new BadUserInputError('period.to: the period ends before it starts', 'period.to');
  if ((Date.parse(period.to) - Date.parse(period.from)) / 86400_000 > MAX_PERIOD_DAYS) {
    throw new BadUserInputError(`period: at most ${MAX_PERIOD_DAYS} days`, 'period');
  }
  return region;
}
