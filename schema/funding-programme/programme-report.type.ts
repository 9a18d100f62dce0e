import { Field, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { DerivedFigureBySex } from '../common/derived-figure.type';
import { CountBySex } from '../common/count-by-sex.type';

@ObjectType({ description: 'Treatments of one form (or of all) completed in the quarter, and what they earn.' })
export class ProgrammeFigures {
  @Field(() => CountBySex, { description: 'Treatments or series completed in the quarter that earn under the programme.' })
  treatments: CountBySex;

  @Field(() => DerivedFigureBySex, { description: "What they earn in SEK (each at its form's amount on its first visit); hidden with their count." })
  amountSek: DerivedFigureBySex;
}

@ObjectType({ description: "One form's figures in a programme report." })
export class ProgrammeFormFigures {
  @Field({ description: 'The form, e.g. KBT.' })
  form: string;

  @Field(() => ProgrammeFigures, { description: 'Its figures.' })
  figures: ProgrammeFigures;
}

@ObjectType({
  description:
    "A region's report to a funding programme for one quarter (PLANNER): treatments completed and amounts by form and sex, counted from the payment commitments that name the programme; small counts suppressed; example data left out.",
})
export class ProgrammeReport {
  @Field({ description: 'The programme, e.g. REHABILITERINGSGARANTIN.' })
  programme: string;

  @Field({ description: 'The quarter, YYYY-Qn.' })
  quarter: string;

  @Field(() => LocalDateResolver, { description: "The quarter's first day." })
  from: string;

  @Field(() => LocalDateResolver, { description: "The quarter's last day." })
  to: string;

  @Field(() => Int, { description: 'Counts from 1 up to this value less one are shown as "<threshold"; counts hidden so that those cannot be worked out are shown as "..".' })
  smallCellThreshold: number;

  @Field(() => [ProgrammeFormFigures], { description: "Every form of the programme, by code. A commitment's treatment is counted in the quarter of its last paid day (once that day has passed), if its visits meet the form's band of sessions or weeks and the person was inside the age band at the first visit." })
  forms: ProgrammeFormFigures[];

  @Field(() => ProgrammeFigures, { description: 'All forms together.' })
  total: ProgrammeFigures;
}
