import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { RehabNeed, RehabPlanStatus } from '../../domain/rehab-plan';
import './rehab-plan.enums';

@InputType({ description: 'Which rehabilitation plans.' })
export class RehabPlanFilter {
  @Field(() => ID, { nullable: true, description: 'One patient’s plans (a patient you may see).' })
  patientId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Plans owned by this principal; default your own organisation’s when no patient is named.' })
  ownerOrganisationId?: string | null;

  @Field(() => RehabPlanStatus, { nullable: true, description: 'Plans in this status.' })
  status?: RehabPlanStatus | null;
}

@InputType({ description: 'A new rehabilitation plan, owned by your organisation (a region or municipality, ÅHS on Åland).' })
export class RehabPlanCreateInput {
  @Field(() => ID, { description: 'The person (a patient you may see).' })
  patientId: string;

  @Field(() => RehabNeed, { description: 'Short-term or long-term need.' })
  need: RehabNeed;

  @Field(() => String, { nullable: true, description: 'The person’s own goals (at most 4,000 characters).' })
  ownGoals?: string | null;

  @Field(() => String, { nullable: true, description: 'Functional ability as assessed (at most 4,000 characters).' })
  functionalAbility?: string | null;

  @Field(() => [String], { nullable: true, description: 'Therapy forms recommended: codes valid today (therapyForms), each once.' })
  therapyForms?: string[] | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'When to evaluate; default a year from today (a dated parameter). Not in the past.' })
  evaluationDate?: string | null;

  @Field(() => ID, { nullable: true, description: 'The funding programme version that pays for it (fundingProgrammes): one that applies today, with the person inside its age band.' })
  fundingProgrammeId?: string | null;
}

@InputType({ description: 'A change of a plan’s content, with the version you read. Fields left out stay as they are.' })
export class RehabPlanUpdateInput {
  @Field(() => ID, { description: 'The plan.' })
  id: string;

  @Field(() => Int, { description: 'The version you read.' })
  version: number;

  @Field(() => RehabNeed, { nullable: true, description: 'Short-term or long-term need.' })
  need?: RehabNeed | null;

  @Field(() => String, { nullable: true, description: 'The person’s own goals (at most 4,000 characters; empty clears).' })
  ownGoals?: string | null;

  @Field(() => String, { nullable: true, description: 'Functional ability (at most 4,000 characters; empty clears).' })
  functionalAbility?: string | null;

  @Field(() => [String], { nullable: true, description: 'Therapy forms recommended: codes valid today, each once (replaces the list).' })
  therapyForms?: string[] | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'When to evaluate the current period. Not in the past.' })
  evaluationDate?: string | null;
}

@InputType({ description: 'A change of a plan’s status, with the version you read.' })
export class RehabPlanStatusInput {
  @Field(() => ID, { description: 'The plan.' })
  id: string;

  @Field(() => Int, { description: 'The version you read.' })
  version: number;
}

@InputType({ description: 'Closing a plan, with the version you read.' })
export class RehabPlanCloseInput {
  @Field(() => ID, { description: 'The plan.' })
  id: string;

  @Field(() => Int, { description: 'The version you read.' })
  version: number;

  @Field(() => String, { nullable: true, description: 'Why (at most 1,000 characters).' })
  reason?: string | null;
}

@InputType({ description: 'One described level of a GAS goal.' })
export class GasLevelInput {
  @Field(() => Int, { description: 'The level: the five are given as −2, −1, 0, +1, +2, in that order.' })
  level: number;

  @Field({ description: 'What attaining it looks like (1 to 1,000 characters).' })
  description: string;
}

@InputType({ description: 'A GAS goal.' })
export class GasGoalInput {
  @Field({ description: 'The goal (1 to 500 characters).' })
  title: string;

  @Field(() => [GasLevelInput], { description: 'Exactly five levels, −2 … +2 in order; 0 is the expected outcome.' })
  levels: GasLevelInput[];

  @Field(() => Float, { nullable: true, defaultValue: 1, description: 'Weight in the T-score, greater than 0; default 1.' })
  weight: number;

  @Field(() => Int, { description: 'The level the person is at now (−2 … +2).' })
  baseline: number;
}

@InputType({ description: 'The goals of the plan’s current evaluation period, replacing any set before (allowed until the first score).' })
export class RehabPlanGoalSetInput {
  @Field(() => ID, { description: 'The plan.' })
  id: string;

  @Field(() => Int, { description: 'The version you read.' })
  version: number;

  @Field(() => [GasGoalInput], { description: 'The goals, in order (1 to 20).' })
  goals: GasGoalInput[];
}

@InputType({ description: 'An attainment scored on one of an active plan’s current goals.' })
export class GasScoreRecordInput {
  @Field(() => ID, { description: 'The plan.' })
  id: string;

  @Field(() => Int, { description: 'The version you read.' })
  version: number;

  @Field(() => ID, { description: 'The goal, of the current evaluation period.' })
  goalId: string;

  @Field(() => Int, { description: 'The level attained, −2 … +2.' })
  attainment: number;

  @Field(() => LocalDateResolver, { nullable: true, description: 'The day it was assessed; default today. Not in the future.' })
  scoredOn?: string | null;

  @Field(() => String, { nullable: true, description: 'A note (at most 1,000 characters).' })
  note?: string | null;
}

@InputType({ description: 'Evaluating an active plan: closes its evaluation period with the T-score of its goals.' })
export class RehabPlanEvaluateInput {
  @Field(() => ID, { description: 'The plan.' })
  id: string;

  @Field(() => Int, { description: 'The version you read.' })
  version: number;

  @Field(() => LocalDateResolver, { nullable: true, description: 'The day of the evaluation; default today. Not in the future.' })
  evaluatedOn?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'When to evaluate the next period; default the evaluation interval (a dated parameter, 12 months) after the evaluation.' })
  nextEvaluationDate?: string | null;

  @Field(() => String, { nullable: true, description: 'A note (at most 4,000 characters).' })
  note?: string | null;
}
