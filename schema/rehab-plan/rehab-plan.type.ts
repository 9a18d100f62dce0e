import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeISOResolver, LocalDateResolver } from 'graphql-scalars';
import { FpaCriterion } from '../../domain/fpa-eligibility';
import { RehabNeed, RehabPlanStatus } from '../../domain/rehab-plan';
import { ConnectionType } from '../common/page';
import './rehab-plan.enums';

@ObjectType({ description: 'A principal’s rehabilitation plan for one person (ÅHS): the need, the person’s own goals, functional ability, the therapy forms recommended, GAS goals per evaluation period and their evaluations.' })
export class RehabPlan {
  @Field(() => ID, { description: 'Stable identifier.' })
  id: string;

  @Field(() => RehabPlanStatus, { description: 'Where it stands.' })
  status: RehabPlanStatus;

  @Field(() => Int, { description: 'Raised by every change of the plan or of anything in it (goals, scores, evaluations); send the version you read, a stale one is a CONFLICT.' })
  version: number;

  @Field(() => RehabNeed, { description: 'Short-term (under a year) or long-term need.' })
  need: RehabNeed;

  @Field(() => String, { nullable: true, description: 'The person’s own goals, in their words.' })
  ownGoals: string | null;

  @Field(() => String, { nullable: true, description: 'The person’s functional ability as assessed.' })
  functionalAbility: string | null;

  @Field(() => LocalDateResolver, { description: 'When the current evaluation period is to be evaluated (by default a year after the start or the last evaluation, a dated parameter).' })
  evaluationDate: string;

  @Field(() => Int, { description: 'The evaluation period in force: 1, then one more after each evaluation.' })
  evaluationPeriod: number;

  @Field(() => DateTimeISOResolver, { description: 'When it was made.' })
  createdAt: Date;

  @Field(() => DateTimeISOResolver, { description: 'Its last change.' })
  updatedAt: Date;

  @Field(() => DateTimeISOResolver, { nullable: true, description: 'When it first became ACTIVE.' })
  activatedAt: Date | null;

  @Field(() => DateTimeISOResolver, { nullable: true, description: 'When it was closed.' })
  closedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Why it was closed, when said.' })
  closeReason: string | null;
}

@ObjectType({ description: 'One described level of a GAS goal.' })
export class GasLevel {
  @Field(() => Int, { description: 'The level: −2 (much less than expected), −1, 0 (the expected outcome), +1, +2 (much more than expected).' })
  level: number;

  @Field({ description: 'What attaining this level looks like.' })
  description: string;
}

@ObjectType({ description: 'A GAS goal of one evaluation period of a plan: concrete, measurable, with five described levels.' })
export class GasGoal {
  @Field(() => ID, { description: 'Stable identifier (name it when scoring).' })
  id: string;

  @Field(() => Int, { description: 'The evaluation period the goal belongs to.' })
  evaluationPeriod: number;

  @Field(() => Int, { description: 'Its place in the goal set, from 1.' })
  position: number;

  @Field({ description: 'The goal.' })
  title: string;

  @Field(() => Float, { description: 'Its weight in the T-score (greater than 0).' })
  weight: number;

  @Field(() => Int, { description: 'The level the person was at when the goal was set (−2 … +2).' })
  baseline: number;

  @Field(() => DateTimeISOResolver, { description: 'When it was set.' })
  createdAt: Date;
}

@ObjectType({ description: 'An attainment scored on a GAS goal.' })
export class GasScore {
  @Field(() => ID, { description: 'Stable identifier.' })
  id: string;

  @Field(() => Int, { description: 'The level attained (−2 … +2).' })
  attainment: number;

  @Field(() => LocalDateResolver, { description: 'The day it was assessed.' })
  scoredOn: string;

  @Field(() => String, { nullable: true, description: 'A note on the assessment.' })
  note: string | null;

  @Field(() => DateTimeISOResolver, { description: 'When it was recorded.' })
  recordedAt: Date;
}

@ObjectType({ description: 'One goal’s part in a T-score: its weight and attainment.' })
export class GasTScoreTerm {
  @Field(() => ID, { description: 'The goal.' })
  goalId: string;

  @Field(() => Float, { description: 'Its weight wᵢ.' })
  weight: number;

  @Field(() => Int, { nullable: true, description: 'Its attainment xᵢ (the latest score); null while it has none.' })
  attainment: number | null;
}

@ObjectType({ description: 'The Kiresuk–Sherman T-score of a goal set, T = 50 + 10·Σwᵢxᵢ / √((1−ρ)Σwᵢ² + ρ(Σwᵢ)²), with its inputs.' })
export class GasTScore {
  @Field(() => Float, { nullable: true, description: 'T, rounded to two decimals (50 when every goal is attained as expected); null until every goal has a score.' })
  value: number | null;

  @Field(() => Float, { description: 'ρ, the assumed correlation between goals (a dated parameter, 0.3 by default), as in force on the day of the score.' })
  rho: number;

  @Field(() => [GasTScoreTerm], { description: 'Each goal’s weight and attainment, in goal order.' })
  terms: GasTScoreTerm[];
}

@ObjectType({ description: 'The evaluation that closed one evaluation period of a plan.' })
export class RehabPlanEvaluation {
  @Field(() => ID, { description: 'Stable identifier.' })
  id: string;

  @Field(() => Int, { description: 'The period it closed.' })
  evaluationPeriod: number;

  @Field(() => LocalDateResolver, { description: 'The day of the evaluation.' })
  evaluatedOn: string;

  @Field(() => String, { nullable: true, description: 'A note on the evaluation.' })
  note: string | null;

  @Field(() => DateTimeISOResolver, { description: 'When it was recorded.' })
  evaluatedAt: Date;
}

@ObjectType({ description: 'One version of a therapy form of the dated code table.' })
export class TherapyForm {
  @Field({ description: 'The code, e.g. PHYSIOTHERAPY.' })
  code: string;

  @Field({ description: 'The Swedish label.' })
  labelSv: string;

  @Field({ description: 'The English label.' })
  labelEn: string;

  @Field(() => LocalDateResolver, { description: 'First day this version applies.' })
  validFrom: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Last day it applies; null while open-ended.' })
  validTo: string | null;
}

@ObjectType({ description: 'One criterion of FPA’s rule, weighed.' })
export class FpaReason {
  @Field(() => FpaCriterion, { description: 'The criterion.' })
  criterion: FpaCriterion;

  @Field({ description: 'Whether it is met.' })
  met: boolean;

  @Field({ description: 'What was weighed, in words the patient can be given.' })
  explanation: string;
}

@ObjectType({ description: 'Whether FPA may pay for demanding medical rehabilitation (Åland), with the reasons: what an application needs.' })
export class FpaEligibility {
  @Field({ description: 'Every criterion is met.' })
  eligible: boolean;

  @Field(() => LocalDateResolver, { description: 'The day asked about.' })
  onDate: string;

  @Field(() => Int, { description: 'The person’s age on that day.' })
  age: number;

  @Field(() => [FpaReason], { description: 'Each criterion weighed; only RULE_IN_FORCE when no rule applies in the region.' })
  reasons: FpaReason[];
}

export const RehabPlanConnection = ConnectionType(RehabPlan, 'RehabPlan', 'rehabilitation plan');

@ObjectType({ description: 'Result of a rehabilitation plan mutation: the plan as it is now.' })
export class RehabPlanPayload {
  @Field(() => RehabPlan, { description: 'The plan.' })
  plan: RehabPlan;
}
