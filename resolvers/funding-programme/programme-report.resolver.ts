import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { Country } from '../../domain/enums';
import type { Context } from '../../server/context';
import { ProgrammeReport } from '../../schema/funding-programme/programme-report.type';
import { programmeReport } from './programme-report.service';

@Resolver()
export class ProgrammeReportResolver {
  @Query(() => ProgrammeReport, {
    description: "Your region's report to a funding programme for a quarter: treatments completed and their amounts by form and sex (PLANNER). Aggregates only; small counts suppressed.",
  })
  programmeReport(
    @Arg('regionCode', { description: 'The region, e.g. 20 (Dalarna): your own.' }) regionCode: string,
    @Arg('programme', { description: 'The programme code, e.g. REHABILITERINGSGARANTIN.' }) programme: string,
    @Arg('quarter', { description: 'The calendar quarter, YYYY-Qn, e.g. 2015-Q2.' }) quarter: string,
    @Arg('country', () => Country, { nullable: true, defaultValue: Country.SE, description: 'Country of the region code; default SE.' }) country: Country,
    @Ctx() { access }: Context,
  ) {
    return programmeReport(access, regionCode, country, programme, quarter);
  }
}
