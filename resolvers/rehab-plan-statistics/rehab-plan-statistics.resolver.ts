import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { Country } from '../../domain/enums';
import type { Context } from '../../server/context';
import { MUNICIPALITY_FILTER, PeriodInput } from '../../schema/common/period.input';
import { RehabPlanStatistics } from '../../schema/rehab-plan-statistics/rehab-plan-statistics.type';
import { rehabPlanStatistics } from './rehab-plan-statistics.service';

@Resolver()
export class RehabPlanStatisticsResolver {
  @Query(() => RehabPlanStatistics, {
    description:
      'Rehabilitation plans of your region for a period: plans by need and therapy form, commitments and visits used against allowed, therapy reports on time, evaluations and their mean T-score change; per home municipality (every one, zeros included), by sex and by month (PLANNER or TENANT_ADMIN). Aggregates only; small counts suppressed; example data left out.',
  })
  rehabPlanStatistics(
    @Arg('regionCode', { description: 'The region, e.g. 21 (Åland) with country FI: your own.' }) regionCode: string,
    @Arg('period', () => PeriodInput, { description: 'The days to count.' }) period: PeriodInput,
    @Arg('country', () => Country, { nullable: true, defaultValue: Country.SE, description: 'Country of the region code; default SE.' }) country: Country,
    @Arg('municipalityCode', () => String, MUNICIPALITY_FILTER) municipalityCode: string | null,
    @Ctx() { access }: Context,
  ) {
    return rehabPlanStatistics(access, regionCode, country, period, municipalityCode);
  }
}
