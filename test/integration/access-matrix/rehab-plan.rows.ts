import { seededOrganisationId } from '../../../entities/seed/seed';
import { TestApp } from '../../support/test-app';
import { DENIED_TO_OUTSIDERS, Fixture, inDays, MatrixRows, MORA, Operation, pagesUntil, VIEWERS } from './matrix';

type PlanFixtureStatus = 'DRAFT' | 'DRAFT_WITH_GOALS' | 'ACTIVE' | 'SCORED';
interface FixturePlan {
  id: string;
  version: number;
  goals: { id: string }[];
}

interface RehabPlanFixture {
  /** Mora's ACTIVE long-term plan for the patient, with two GAS goals. */
  planId: string;
  planVersion(): Promise<number>;
  planGoalId: string;
  /** Another plan of Mora's for the patient, made for one attempt at a change. */
  newPlan(status: PlanFixtureStatus): Promise<FixturePlan>;
}

/** Only the plan's owner changes it; the participant sees it and is refused. */
const OWNER_WRITES = { owner: 'DATA', participant: 'FORBIDDEN', ...DENIED_TO_OUTSIDERS } as const;
/** Lists of one's own organisation's plans: outsiders get theirs, without the patient's. */
const OWN_LIST_READERS = { owner: 'DATA', participant: 'DATA', nonParticipant: 'DATA', otherRegion: 'DATA', planner: 'FORBIDDEN', integration: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' } as const;

const levels = [-2, -1, 0, 1, 2].map((level) => ({ level, description: `Nivå ${level}` }));
const GOALS = [
  { title: 'Gå till affären själv', levels, weight: 1, baseline: -1 },
  { title: 'Laga frukost', levels, weight: 2, baseline: -2 },
];

/** Mora, the principal keeping the patient's record, makes the plans; Region Dalarna takes part in the case. */
async function setUp(app: TestApp, { patientId, tokens }: Fixture): Promise<RehabPlanFixture> {
  const step = async (field: string, input: string, variables: Record<string, unknown>): Promise<FixturePlan> => {
    const res = await app.gql(`mutation($input: ${input}!) { ${field}(input: $input) { plan { id version goals { id } } } }`, { input: variables }, tokens.owner);
    expect(res.errors).toBeUndefined();
    return res.data[field].plan;
  };
  const newPlan = async (status: PlanFixtureStatus) => {
    let plan = await step('rehabPlanCreate', 'RehabPlanCreateInput', { patientId, need: 'LONG_TERM', therapyForms: ['PHYSIOTHERAPY'], ownGoals: 'Klara vardagen hemma' });
    if (status === 'DRAFT') return plan;
    plan = await step('rehabPlanGoalSet', 'RehabPlanGoalSetInput', { id: plan.id, version: plan.version, goals: GOALS });
    if (status === 'DRAFT_WITH_GOALS') return plan;
    plan = await step('rehabPlanActivate', 'RehabPlanStatusInput', { id: plan.id, version: plan.version });
    if (status === 'ACTIVE') return plan;
    for (const goal of plan.goals) plan = await step('gasScoreRecord', 'GasScoreRecordInput', { id: plan.id, version: plan.version, goalId: goal.id, attainment: 1 });
    return plan;
  };
  const plan = await newPlan('ACTIVE');
  return {
    planId: plan.id,
    planGoalId: plan.goals[0].id,
    newPlan,
    async planVersion() {
      return (await app.dataSource.query('SELECT version FROM rehab_plan WHERE id = $1', [plan.id]))[0].version;
    },
  };
}

/** A change of a fresh plan of Mora's, by its owner only. */
function change(field: string, input: string, from: PlanFixtureStatus, to: string, extra: (plan: FixturePlan) => Record<string, unknown> = () => ({})): Operation<RehabPlanFixture> {
  return {
    name: field,
    run: async (app, token, f) => {
      const plan = await f.newPlan(from);
      return app.gql(`mutation($input: ${input}!) { ${field}(input: $input) { plan { id status } } }`, { input: { id: plan.id, version: plan.version, ...extra(plan) } }, token);
    },
    check: (data) => expect(data[field].plan.status).toBe(to),
    expected: OWNER_WRITES,
  };
}

/** Rehabilitation plans: Mora's plan for the patient, fresh plans for each change, and FPA eligibility. */
export const rows: MatrixRows<RehabPlanFixture> = {
  setUp,
  operations: [
    {
      name: 'rehabPlan',
      run: (app, token, f) => app.gql(`query($id: ID!) { rehabPlan(id: $id) { id patient { id } owner { id } goals { title } tScore { rho } } }`, { id: f.planId }, token),
      check: (data, f) => expect(data.rehabPlan).toEqual({ id: f.planId, patient: { id: f.patientId }, owner: { id: MORA }, goals: GOALS.map((g) => ({ title: g.title })), tScore: { rho: 0.3 } }),
      expected: { owner: 'DATA', participant: 'DATA', ...DENIED_TO_OUTSIDERS },
    },
    {
      name: 'rehabPlans (list)',
      run: (app, token, f) =>
        pagesUntil(app, token, `query($after: String) { rehabPlans(first: 100, after: $after) { edges { node { id patient { id } } } pageInfo { hasNextPage endCursor } } }`, 'rehabPlans', (n) => n.id === f.planId),
      // Each organisation lists its own plans: only Mora owns the patient's.
      check: (data, f, viewer) => {
        const nodes = data.rehabPlans.edges.map((e: any) => e.node);
        expect(nodes.some((n: any) => n.id === f.planId)).toBe(viewer === 'owner');
        if (viewer !== 'owner' && viewer !== 'participant') expect(nodes.map((n: any) => n.patient?.id)).not.toContain(f.patientId);
      },
      expected: OWN_LIST_READERS,
      concernsPatient: false,
    },
    {
      name: 'rehabPlans (filter on the patient)',
      run: (app, token, f) => app.gql(`query($p: ID) { rehabPlans(first: 100, filter: { patientId: $p }) { edges { node { id } } } }`, { p: f.patientId }, token),
      check: (data, f) => expect(data.rehabPlans.edges.map((e: any) => e.node.id)).toContain(f.planId),
      expected: { owner: 'DATA', participant: 'DATA', ...DENIED_TO_OUTSIDERS },
    },
    {
      name: 'rehabPlanEvaluationsDue',
      run: (app, token, f, viewer) =>
        app.gql(
          `query($org: ID!, $before: LocalDate) { rehabPlanEvaluationsDue(organisationId: $org, before: $before, first: 100) { edges { node { id evaluationDate } } } }`,
          // Each viewer asks for its own organisation's plans due within two years: the fixture's is due in one.
          { org: seededOrganisationId(VIEWERS[viewer]?.[0] ?? '2062'), before: inDays(730) },
          token,
        ),
      check: (data, f, viewer) => expect(data.rehabPlanEvaluationsDue.edges.some((e: any) => e.node.id === f.planId)).toBe(viewer === 'owner'),
      expected: OWN_LIST_READERS,
      concernsPatient: false,
    },
    {
      name: 'fpaEligibility',
      run: (app, token, f) => app.gql(`query($id: ID!) { fpaEligibility(patientId: $id, need: LONG_TERM) { eligible reasons { criterion met } } }`, { id: f.patientId }, token),
      // In Dalarna no FPA rule applies.
      check: (data) => expect(data.fpaEligibility).toEqual({ eligible: false, reasons: [{ criterion: 'RULE_IN_FORCE', met: false }] }),
      expected: { owner: 'DATA', participant: 'DATA', ...DENIED_TO_OUTSIDERS },
    },
    {
      name: 'rehabPlanCreate',
      run: (app, token, f) =>
        app.gql(`mutation($input: RehabPlanCreateInput!) { rehabPlanCreate(input: $input) { plan { id status owner { id } } } }`, { input: { patientId: f.patientId, need: 'SHORT_TERM' } }, token),
      // Either principal in the case makes a plan of its own.
      check: (data, f) => {
        expect(data.rehabPlanCreate.plan).toMatchObject({ status: 'DRAFT' });
        expect(data.rehabPlanCreate.plan.id).not.toBe(f.planId);
      },
      expected: { owner: 'DATA', participant: 'DATA', ...DENIED_TO_OUTSIDERS },
    },
    {
      name: 'rehabPlanUpdate',
      run: async (app, token, f, viewer) =>
        app.gql(
          `mutation($input: RehabPlanUpdateInput!) { rehabPlanUpdate(input: $input) { plan { id functionalAbility } } }`,
          { input: { id: f.planId, version: await f.planVersion(), functionalAbility: `Bedömd (${viewer})` } },
          token,
        ),
      check: (data, f) => expect(data.rehabPlanUpdate.plan).toEqual({ id: f.planId, functionalAbility: 'Bedömd (owner)' }),
      expected: OWNER_WRITES,
    },
    {
      name: 'gasScoreRecord',
      run: async (app, token, f) =>
        app.gql(
          `mutation($input: GasScoreRecordInput!) { gasScoreRecord(input: $input) { plan { id goals { id attainment } } } }`,
          { input: { id: f.planId, version: await f.planVersion(), goalId: f.planGoalId, attainment: 0 } },
          token,
        ),
      check: (data, f) => expect(data.gasScoreRecord.plan.goals).toContainEqual({ id: f.planGoalId, attainment: 0 }),
      // Region Dalarna takes part in the case, not in this plan's therapy: it cannot score.
      expected: OWNER_WRITES,
    },
    change('rehabPlanGoalSet', 'RehabPlanGoalSetInput', 'DRAFT', 'DRAFT', () => ({ goals: GOALS })),
    change('rehabPlanActivate', 'RehabPlanStatusInput', 'DRAFT_WITH_GOALS', 'ACTIVE'),
    change('rehabPlanEvaluate', 'RehabPlanEvaluateInput', 'SCORED', 'EVALUATED'),
    change('rehabPlanClose', 'RehabPlanCloseInput', 'ACTIVE', 'CLOSED', () => ({ reason: 'Målen nådda' })),
  ],
};
