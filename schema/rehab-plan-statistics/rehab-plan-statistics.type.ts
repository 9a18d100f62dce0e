import { Field, ObjectType } from 'type-graphql';
import { CountBySex } from '../common/count-by-sex.type';
import { DerivedFigureBySex } from '../common/derived-figure.type';
import { plannerReportTypes } from '../common/planner-report.type';

@ObjectType({ description: 'Plans that recommend one therapy form (a plan recommending several counts under each).' })
export class PlansByTherapyForm {
  @Field({ description: 'The therapy form (code of the therapy form table), e.g. PHYSIOTHERAPY.' })
  therapyForm: string;

  @Field(() => CountBySex, { description: 'Plans created in the period that recommend it.' })
  plans: CountBySex;
}

@ObjectType({ description: 'Rehabilitation figures of one group of persons for a period.' })
export class RehabPlanFigures {
  @Field(() => CountBySex, { description: 'Plans created in the period for a short-term need (less than a year).' })
  shortTermPlans: CountBySex;

  @Field(() => CountBySex, { description: 'Plans created in the period for a long-term need (more than a year).' })
  longTermPlans: CountBySex;

  @Field(() => [PlansByTherapyForm], { description: 'Plans created in the period, by each therapy form of the code table they recommend, by code.' })
  plansByTherapyForm: PlansByTherapyForm[];

  @Field(() => CountBySex, { description: 'Payment commitments in effect on some day of the period (from their start to their last paid day: the validity, an end date in the intervention text or a revocation). One in effect through several months counts in each, so the months do not add up to the period.' })
  commitments: CountBySex;

  @Field(() => DerivedFigureBySex, { description: 'Visits those commitments allow, in all; hidden with their count.' })
  visitsAllowed: DerivedFigureBySex;

  @Field(() => DerivedFigureBySex, { description: 'Visits held under those commitments up to the last day of the period (of the month, in byMonth); hidden with their count.' })
  visitsUsed: DerivedFigureBySex;

  @Field(() => CountBySex, { description: 'Therapy reports due in the period that fell due: due before today (or already in), for commitments not revoked by their due date.' })
  reportsDue: CountBySex;

  @Field(() => CountBySex, { description: 'Of those, reports in on or before their due date.' })
  reportsOnTime: CountBySex;

  @Field(() => CountBySex, { description: 'Evaluations made in the period.' })
  evaluations: CountBySex;

  @Field(() => DerivedFigureBySex, {
    description: "Mean T-score change of those evaluations: the T-score each came to less the one its goal set's baselines give (same weights and ρ); hidden with their count.",
  })
  meanTScoreChange: DerivedFigureBySex;
}

const types = plannerReportTypes(
  RehabPlanFigures,
  { report: 'RehabPlanStatistics', municipality: 'RehabPlanMunicipalityFigures', month: 'RehabPlanMonthFigures' },
  'Rehabilitation plan figures (example data left out)',
);
export const RehabPlanStatistics = types.Report;
export type RehabPlanStatistics = InstanceType<typeof types.Report>;
