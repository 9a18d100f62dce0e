import { Field, InputType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';

@InputType({ description: 'A period of local dates, both days included.' })
export class PeriodInput {
  @Field(() => LocalDateResolver, { description: 'First day.' })
  from: string;

  @Field(() => LocalDateResolver, { description: 'Last day: on or after the first (else BAD_USER_INPUT naming period.to); a planner report spans at most the months of the rule parameter reports.maxPeriodMonths (36 by default; else BAD_USER_INPUT naming period).' })
  to: string;
}

/** The planner reports' optional filter argument, described once. */
export const MUNICIPALITY_FILTER = {
  nullable: true,
  description:
    "Since 2026-12: only this municipality's row (official code, e.g. 2080) in byMunicipality, in the period and every month, with the same figures and suppression as in the whole region's report (the region's figures and the hand-off report's hospitals stay); a municipality of another region is NOT_FOUND.",
} as const;
