import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { localDateOf } from '../../domain/local-date';
import { RehabNeed, therapyFormOn } from '../../domain/rehab-plan';
import { PageArgs, pageRequest, toConnection } from '../../schema/common/page';
import { Organisation } from '../../schema/organisation/organisation.type';
import { Patient } from '../../schema/patient/patient.type';
import {
  GasScoreRecordInput,
  RehabPlanCloseInput,
  RehabPlanCreateInput,
  RehabPlanEvaluateInput,
  RehabPlanFilter,
  RehabPlanGoalSetInput,
  RehabPlanStatusInput,
  RehabPlanUpdateInput,
} from '../../schema/rehab-plan/rehab-plan.input';
import {
  FpaEligibility,
  GasGoal,
  GasLevel,
  GasScore,
  GasTScore,
  RehabPlan,
  RehabPlanConnection,
  RehabPlanEvaluation,
  RehabPlanPayload,
  TherapyForm,
} from '../../schema/rehab-plan/rehab-plan.type';
import type { Access } from '../../server/access/access';
import type { GasGoalRow, GasScoreRow, RehabPlanEvaluationRow, RehabPlanRow } from '../../server/access/rehab-plan.store';
import type { Context } from '../../server/context';
import { idArg } from '../common/args';
import {
  activateRehabPlan,
  closeRehabPlan,
  createRehabPlan,
  evaluateRehabPlan,
  fpaEligibilityOf,
  recordGasScore,
  rehabPlanEvaluationsDue,
  setRehabPlanGoals,
  tScoreOf,
  updateRehabPlan,
} from './rehab-plan.service';

const INPUT = { description: 'The change, with the version you read.' };

/** Today in a region. */
async function todayIn(access: Access, regionId: string): Promise<string> {
  return localDateOf(access.now(), (await access.reference.region(regionId))!.timeZone);
}

/** The goals of one evaluation period of a plan. */
async function goalsOfPeriod(access: Access, plan: { id: string; regionId: string }, period: number): Promise<GasGoalRow[]> {
  return (await access.rehabPlans.goals(plan)).filter((g) => g.evaluationPeriod === period);
}

@Resolver(() => RehabPlan)
export class RehabPlanResolver {
  @Query(() => RehabPlan, { nullable: true, description: 'A rehabilitation plan of a patient you may see; NOT_FOUND otherwise. Logged.' })
  rehabPlan(@Arg('id', () => ID, { description: 'The plan.' }) id: string, @Ctx() { access }: Context) {
    return access.rehabPlans.get(id);
  }

  @Query(() => RehabPlanConnection, { description: 'Rehabilitation plans, newest first: one patient’s, or one principal’s (your own organisation’s by default), of patients you may see. Logged per plan.' })
  async rehabPlans(
    @Args() page: PageArgs,
    @Arg('filter', () => RehabPlanFilter, { nullable: true, description: 'Which plans.' }) filter: RehabPlanFilter | null,
    @Ctx() { access }: Context,
  ) {
    const query = {
      patientId: filter?.patientId ? idArg(filter.patientId, 'filter.patientId') : null,
      ownerOrganisationId: filter?.ownerOrganisationId ? idArg(filter.ownerOrganisationId, 'filter.ownerOrganisationId') : null,
      status: filter?.status ?? null,
    };
    const rows = await access.rehabPlans.list(query, pageRequest(page, ['timestamp', 'uuid']));
    return toConnection(rows, (p: RehabPlanRow) => [p.createdAt.toISOString(), p.id]);
  }

  @FieldResolver(() => Patient, { nullable: true, description: 'The person the plan is for; null when you may not (or no longer) see the patient, with a NOT_FOUND error at this path.' })
  async patient(@Root() p: RehabPlanRow, @Ctx() { access }: Context) {
    return access.patients.view(await access.patients.requireVisible(p.patientId, 'patientId'));
  }

  @FieldResolver(() => Organisation, { nullable: true, description: 'The principal that owns the plan; null only if it cannot be read.' })
  owner(@Root() p: RehabPlanRow, @Ctx() { access }: Context) {
    return access.reference.organisation(p.ownerOrganisationId);
  }

  @FieldResolver(() => [String], { description: 'Codes of the therapy forms recommended (see therapyForms).' })
  therapyFormCodes(@Root() p: RehabPlanRow) {
    return p.therapyForms;
  }

  @FieldResolver(() => [TherapyForm], { description: 'The therapy forms recommended, each in the version valid today (or its last version, if it has since ended).' })
  async therapyForms(@Root() p: RehabPlanRow, @Ctx() { access }: Context) {
    const forms = await access.rehabPlans.therapyForms();
    const date = await todayIn(access, p.regionId);
    return p.therapyForms.flatMap((code) => therapyFormOn(forms, code, date) ?? forms.filter((f) => f.code === code).slice(-1));
  }

  @FieldResolver(() => [GasGoal], { description: 'The GAS goals of the current evaluation period, in order.' })
  goals(@Root() p: RehabPlanRow, @Ctx() { access }: Context) {
    return goalsOfPeriod(access, p, p.evaluationPeriod);
  }

  @FieldResolver(() => GasTScore, { nullable: true, description: 'The T-score of the current goals with its inputs, ρ as in force today; null while the period has no goals.' })
  async tScore(@Root() p: RehabPlanRow, @Ctx() { access }: Context) {
    const goals = await goalsOfPeriod(access, p, p.evaluationPeriod);
    return goals.length ? tScoreOf(access, p.regionId, goals, await todayIn(access, p.regionId)) : null;
  }

  @FieldResolver(() => [RehabPlanEvaluation], { description: 'The evaluations, by period.' })
  evaluations(@Root() p: RehabPlanRow, @Ctx() { access }: Context) {
    return access.rehabPlans.evaluations(p);
  }

  @FieldResolver(() => FpaEligibility, {
    nullable: true,
    description: 'Whether FPA may pay for demanding medical rehabilitation under this plan, with the reasons (what an application needs); null for a short-term need, which FPA does not pay for.',
  })
  fpaEligibility(
    @Root() p: RehabPlanRow,
    @Arg('onDate', () => LocalDateResolver, { nullable: true, description: 'The day asked about; default today in the patient’s region.' }) onDate: string | null,
    @Ctx() { access }: Context,
  ) {
    return p.need === RehabNeed.SHORT_TERM ? null : fpaEligibilityOf(access, p.patientId, p.need, onDate);
  }

  @Mutation(() => RehabPlanPayload, { description: 'Starts a DRAFT rehabilitation plan owned by your organisation (a region or municipality) for a patient you may see.' })
  async rehabPlanCreate(@Arg('input', () => RehabPlanCreateInput, { description: 'The new plan.' }) input: RehabPlanCreateInput, @Ctx() { access }: Context) {
    return { plan: await createRehabPlan(access, input) };
  }

  @Mutation(() => RehabPlanPayload, { description: 'Changes the plan’s content (its owner, while it is open).' })
  async rehabPlanUpdate(@Arg('input', () => RehabPlanUpdateInput, INPUT) input: RehabPlanUpdateInput, @Ctx() { access }: Context) {
    return { plan: await updateRehabPlan(access, input) };
  }

  @Mutation(() => RehabPlanPayload, {
    description: 'Sets the GAS goals of the current evaluation period, replacing those set before. Refused once a goal of the period has been scored: the next set comes with the next period (rehabPlanEvaluate).',
  })
  async rehabPlanGoalSet(@Arg('input', () => RehabPlanGoalSetInput, INPUT) input: RehabPlanGoalSetInput, @Ctx() { access }: Context) {
    return { plan: await setRehabPlanGoals(access, input) };
  }

  @Mutation(() => RehabPlanPayload, { description: 'Activates a plan with its goals set (DRAFT or EVALUATED → ACTIVE).' })
  async rehabPlanActivate(@Arg('input', () => RehabPlanStatusInput, INPUT) input: RehabPlanStatusInput, @Ctx() { access }: Context) {
    return { plan: await activateRehabPlan(access, input) };
  }

  @Mutation(() => RehabPlanPayload, { description: 'Scores a goal of an active plan’s current period (its owner, or an organisation giving therapy under the plan).' })
  async gasScoreRecord(@Arg('input', () => GasScoreRecordInput, INPUT) input: GasScoreRecordInput, @Ctx() { access }: Context) {
    return { plan: await recordGasScore(access, input) };
  }

  @Mutation(() => RehabPlanPayload, {
    description: 'Evaluates an active plan whose goals are all scored (ACTIVE → EVALUATED): the period closes with its T-score, and the next period begins, to be evaluated after the interval.',
  })
  async rehabPlanEvaluate(@Arg('input', () => RehabPlanEvaluateInput, INPUT) input: RehabPlanEvaluateInput, @Ctx() { access }: Context) {
    return { plan: await evaluateRehabPlan(access, input) };
  }

  @Mutation(() => RehabPlanPayload, { description: 'Closes an open plan (→ CLOSED, final).' })
  async rehabPlanClose(@Arg('input', () => RehabPlanCloseInput, INPUT) input: RehabPlanCloseInput, @Ctx() { access }: Context) {
    return { plan: await closeRehabPlan(access, input) };
  }
}

/** FPA eligibility asked of a patient, and the therapy form code table. */
@Resolver()
export class RehabPlanQueryResolver {
  @Query(() => RehabPlanConnection, {
    description: 'Your organisation’s ACTIVE plans whose evaluation date is before a day (default today): the yearly GAS evaluation not yet made. Oldest evaluation date first; logged per plan.',
  })
  async rehabPlanEvaluationsDue(
    @Arg('organisationId', () => ID, { description: 'Your organisation.' }) organisationId: string,
    @Arg('before', () => LocalDateResolver, { nullable: true, description: 'Due before this day; default today (overdue ones).' }) before: string | null,
    @Args() page: PageArgs,
    @Ctx() { access }: Context,
  ) {
    const rows = await rehabPlanEvaluationsDue(access, organisationId, before, pageRequest(page, ['date', 'uuid']));
    return toConnection(rows, (p: RehabPlanRow) => [p.evaluationDate, p.id]);
  }

  @Query(() => FpaEligibility, {
    description: 'Whether FPA may pay for demanding medical rehabilitation for a patient you may see (Åland: long-term need, under 65 on the date), with the reasons. A short-term need is BAD_USER_INPUT on need. Logged.',
  })
  async fpaEligibility(
    @Arg('patientId', () => ID, { description: 'The patient.' }) patientId: string,
    @Arg('need', () => RehabNeed, { description: 'The need for rehabilitation.' }) need: RehabNeed,
    @Arg('onDate', () => LocalDateResolver, { nullable: true, description: 'The day asked about; default today in the patient’s region.' }) onDate: string | null,
    @Ctx() { access }: Context,
  ) {
    access.rehabPlans.requireRole();
    const answer = await fpaEligibilityOf(access, patientId, need, onDate);
    await access.rehabPlans.logRead([], patientId);
    return answer;
  }

  @Query(() => [TherapyForm], { description: 'The therapy forms a plan may recommend: the versions valid on a day (default today), by code. Reference data.' })
  async therapyForms(
    @Arg('onDate', () => LocalDateResolver, { nullable: true, description: 'The day; default today in your region.' }) onDate: string | null,
    @Ctx() { access }: Context,
  ) {
    const forms = await access.rehabPlans.therapyForms();
    const date = onDate ?? (await access.today());
    return [...new Set(forms.map((f) => f.code))].flatMap((code) => therapyFormOn(forms, code, date) ?? []);
  }
}

@Resolver(() => GasGoal)
export class GasGoalResolver {
  @FieldResolver(() => [GasLevel], { description: 'The five levels described, −2 … +2.' })
  levels(@Root() g: GasGoalRow): GasLevel[] {
    return g.levels.map((description, i) => ({ level: i - 2, description }));
  }

  @FieldResolver(() => [GasScore], { description: 'Its scores, oldest first.' })
  scores(@Root() g: GasGoalRow, @Ctx() { access }: Context) {
    return access.rehabPlans.scores(g);
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Its attainment: the latest score’s level; null until it is scored.' })
  async attainment(@Root() g: GasGoalRow, @Ctx() { access }: Context) {
    return (await access.rehabPlans.scores(g)).at(-1)?.attainment ?? null;
  }
}

@Resolver(() => GasScore)
export class GasScoreResolver {
  @FieldResolver(() => Organisation, { nullable: true, description: 'The organisation that recorded it; null only if it cannot be read.' })
  recordedBy(@Root() s: GasScoreRow, @Ctx() { access }: Context) {
    return access.reference.organisation(s.recordedByOrganisationId);
  }
}

@Resolver(() => RehabPlanEvaluation)
export class RehabPlanEvaluationResolver {
  @FieldResolver(() => [GasGoal], { description: 'The goals of the period it closed, in order.' })
  goals(@Root() e: RehabPlanEvaluationRow, @Ctx() { access }: Context) {
    return goalsOfPeriod(access, { id: e.planId, regionId: e.regionId }, e.evaluationPeriod);
  }

  @FieldResolver(() => GasTScore, { description: 'The T-score the period came to, with its inputs: each goal’s weight and attainment at the evaluation, and ρ as in force on the evaluation day.' })
  async tScore(@Root() e: RehabPlanEvaluationRow, @Ctx() { access }: Context) {
    // A period's goals take no score after its evaluation: their latest attainments are those it weighed.
    const goals = await goalsOfPeriod(access, { id: e.planId, regionId: e.regionId }, e.evaluationPeriod);
    const { terms } = await tScoreOf(access, e.regionId, goals, e.evaluatedOn);
    return { value: e.tScore, rho: e.rho, terms };
  }
}
