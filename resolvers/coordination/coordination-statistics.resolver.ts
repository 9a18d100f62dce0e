import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { Country } from '../../domain/enums';
import type { Context } from '../../server/context';
import { PeriodInput } from '../../schema/common/period.input';
import { CoordinationStatistics } from '../../schema/coordination/coordination-statistics.type';
import { coordinationStatistics } from './coordination-statistics.service';

@Resolver()
export class CoordinationStatisticsResolver {
  @Query(() => CoordinationStatistics, {
    description:
      'Rehabilitation coordination of your region for a period (PLANNER, TENANT_ADMIN): cases opened, declined, closed with return to work, time to first contact, share with employer contact, activities and KVÅ codes per 100 cases, by care unit, home municipality and age band, for women and men side by side; and the employer-contact gap between women and men by age band and occupation. Aggregates only; small counts suppressed; example data left out.',
  })
  coordinationStatistics(
    @Arg('regionCode', { description: 'The region, e.g. 20 (Dalarna): your own.' }) regionCode: string,
    @Arg('period', () => PeriodInput, { description: 'The days whose opened cases are counted.' }) period: PeriodInput,
    @Arg('country', () => Country, { nullable: true, defaultValue: Country.SE, description: 'Country of the region code; default SE.' }) country: Country,
    @Ctx() { access }: Context,
  ) {
    return coordinationStatistics(access, regionCode, country, period);
  }
}
