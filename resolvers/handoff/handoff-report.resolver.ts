import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { Country } from '../../domain/enums';
import '../../schema/common/enums';
import { MUNICIPALITY_FILTER, PeriodInput } from '../../schema/common/period.input';
import { HandoffDeadlineReport } from '../../schema/handoff/handoff-report.type';
import type { Context } from '../../server/context';
import { handoffDeadlineReport } from './handoff-report.service';

@Resolver()
export class HandoffReportResolver {
  @Query(() => HandoffDeadlineReport, {
    description:
      "Coordinated-discharge deadlines and payment liability of your region's discharges admitted in a period, per municipality and per hospital (every one of the region, zeros included), by sex and by month (PLANNER or TENANT_ADMIN). Aggregates only; small groups suppressed.",
  })
  handoffDeadlineReport(
    @Arg('regionCode', { description: 'The region, e.g. 20 (Dalarna): your own.' }) regionCode: string,
    @Arg('period', () => PeriodInput, { description: 'Admission dates to count.' }) period: PeriodInput,
    @Arg('country', () => Country, { nullable: true, defaultValue: Country.SE, description: 'Country of the region code; default SE.' }) country: Country,
    @Arg('municipalityCode', () => String, MUNICIPALITY_FILTER) municipalityCode: string | null,
    @Ctx() { access }: Context,
  ) {
    return handoffDeadlineReport(access, regionCode, country, period, municipalityCode);
  }
}
