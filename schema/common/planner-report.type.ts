import { ClassType, Field, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { Organisation } from '../organisation/organisation.type';

/**
 * The one shape of the planners' statistics (SIPs, rehabilitation plans): for the period and for
 * each calendar month of it, the whole region and every municipality of the region, each with the
 * report's figures for women and men together and apart. Built per report from its figures type,
 * so the reports differ only in their figures.
 */
export function plannerReportTypes<F extends object>(Figures: ClassType<F>, name: { report: string; municipality: string; month: string }, what: string) {
  @ObjectType(name.municipality, { description: `${what} of one municipality's residents.` })
  class MunicipalityFigures {
    @Field(() => Organisation, { nullable: true, description: 'The home municipality of the persons; null for persons with none recorded.' })
    municipality: Organisation | null;

    @Field(() => Figures, { description: 'The figures.' })
    figures: F;
  }

  @ObjectType(name.month, { description: `${what} of one calendar month of the period: the same rows as the period's, zeros included.` })
  class MonthFigures {
    @Field({ description: 'The month, e.g. "2026-03".' })
    month: string;

    @Field(() => LocalDateResolver, { description: 'First day counted in it: the 1st, or the first day of the period.' })
    from: string;

    @Field(() => LocalDateResolver, { description: 'Last day counted in it: its last day, or the last day of the period.' })
    to: string;

    @Field(() => Figures, { description: 'The whole region in that month.' })
    region: F;

    @Field(() => [MunicipalityFigures], { description: 'The municipalities in the order of the period’s byMunicipality.' })
    byMunicipality: MunicipalityFigures[];
  }

  @ObjectType(name.report, { description: `${what} of a region for planners: aggregates by home municipality, sex and month, never patient rows.` })
  class Report {
    @Field(() => LocalDateResolver, { description: 'First day counted.' })
    from: string;

    @Field(() => LocalDateResolver, { description: 'Last day counted.' })
    to: string;

    @Field(() => Int, {
      description:
        'Counts from 1 up to this value less one are shown as "<threshold"; counts hidden so that those cannot be worked out (from the other rows, the other sex or the other months) are shown as "..".',
    })
    smallCellThreshold: number;

    @Field(() => Figures, { description: 'The whole region.' })
    region: F;

    @Field(() => [MunicipalityFigures], {
      description: 'Every municipality of the region by name, zeros included (then persons with no municipality recorded, if any); only the one asked for with municipalityCode.',
    })
    byMunicipality: MunicipalityFigures[];

    @Field(() => [MonthFigures], { description: 'Since 2026-12: every calendar month of the period, oldest first, zeros included, with the same rows.' })
    byMonth: MonthFigures[];
  }

  return { MunicipalityFigures, MonthFigures, Report };
}
