import { Role } from '../../domain/enums';
import { seededOrganisationId } from '../../entities/seed/seed';
import { addMonths, localDateOf } from '../../domain/local-date';
import { testPersonnummer } from '../support/personnummer';
import { GraphQLResponse, startTestApp, TestApp } from '../support/test-app';

/**
 * Rehabilitation plans through the API (issue 17, items 1–3): a principal's plan with its need,
 * therapy forms and evaluation date; GAS goals with five described levels, scored over time, and
 * the Kiresuk–Sherman T-score on the plan and on each evaluation; a goal set frozen from its first
 * score until the next period; FPA eligibility with its reasons. Bad input is a coded error naming
 * the field, and nothing is written.
 */
const PLAN = `id status version need evaluationDate evaluationPeriod therapyFormCodes therapyForms { code labelSv }
  goals { id title weight baseline attainment levels { level description } scores { attainment scoredOn recordedBy { name } } }
  tScore { value rho terms { goalId weight attainment } }
  evaluations { evaluationPeriod evaluatedOn tScore { value rho terms { weight attainment } } goals { title } }`;

const level = (title: string) => [-2, -1, 0, 1, 2].map((l) => ({ level: l, description: `${title}: nivå ${l}` }));
const goal = (title: string, weight = 1, baseline = -1) => ({ title, levels: level(title), weight, baseline });

describe('rehabilitation plans with GAS goals', () => {
  let app: TestApp;
  let mora: string;
  let patientId: string;

  const mutate = async (field: string, input: string, variables: Record<string, unknown>, token = mora): Promise<GraphQLResponse> =>
    app.gql(`mutation($input: ${input}!) { ${field}(input: $input) { plan { ${PLAN} } } }`, { input: variables }, token);
  const ok = async (field: string, input: string, variables: Record<string, unknown>, token = mora) => {
    const res = await mutate(field, input, variables, token);
    expect(res.errors).toBeUndefined();
    return res.data[field].plan;
  };
  const newPlan = (extra: Record<string, unknown> = {}) => ok('rehabPlanCreate', 'RehabPlanCreateInput', { patientId, need: 'LONG_TERM', therapyForms: ['PHYSIOTHERAPY'], ...extra });
  /** A plan made ACTIVE with `goals`, each then scored at its attainment. */
  async function scoredPlan(goals: ReturnType<typeof goal>[], attainments: number[]) {
    let plan = await newPlan();
    plan = await ok('rehabPlanGoalSet', 'RehabPlanGoalSetInput', { id: plan.id, version: plan.version, goals });
    plan = await ok('rehabPlanActivate', 'RehabPlanStatusInput', { id: plan.id, version: plan.version });
    for (const [i, attainment] of attainments.entries()) {
      plan = await ok('gasScoreRecord', 'GasScoreRecordInput', { id: plan.id, version: plan.version, goalId: plan.goals[i].id, attainment });
    }
    return plan;
  }
  /** What the database holds of a plan: a refused change must leave it as it was. */
  const stored = async (id: string) =>
    (
      await app.dataSource.query(
        `SELECT rp.version, rp.status, rp.evaluation_period, (SELECT count(*)::int FROM gas_goal g WHERE g.plan_id = rp.id) AS goals,
                (SELECT count(*)::int FROM gas_score s JOIN gas_goal g ON g.id = s.goal_id WHERE g.plan_id = rp.id) AS scores,
                (SELECT count(*)::int FROM rehab_plan_evaluation e WHERE e.plan_id = rp.id) AS evaluations
         FROM rehab_plan rp WHERE rp.id = $1`,
        [id],
      )
    )[0];
  const expectRefused = (res: GraphQLResponse, code: string, field: string) => {
    expect(res.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([[code, field]]);
  };

  beforeAll(async () => {
    app = await startTestApp();
    mora = await app.token('2062', Role.CARE_STAFF);
    const created = await app.gql(`mutation($p: String!) { patientCreate(input: { personnummer: $p, homeMunicipalityCode: "2062" }) { patient { id } } }`, { p: testPersonnummer('19700315') }, mora);
    patientId = created.data.patientCreate.patient.id;
  });
  afterAll(() => app.stop());

  it('starts a DRAFT plan owned by the principal, evaluated a year on by default, with its therapy forms', async () => {
    const today = localDateOf(new Date(), 'Europe/Stockholm');
    const plan = await newPlan({ therapyForms: ['PHYSIOTHERAPY', 'SPEECH_THERAPY'] });
    expect(plan).toMatchObject({ status: 'DRAFT', version: 1, need: 'LONG_TERM', evaluationPeriod: 1, therapyFormCodes: ['PHYSIOTHERAPY', 'SPEECH_THERAPY'], goals: [], tScore: null, evaluations: [] });
    expect(plan.therapyForms).toEqual([{ code: 'PHYSIOTHERAPY', labelSv: 'Fysioterapi' }, { code: 'SPEECH_THERAPY', labelSv: 'Talterapi' }]);
    expect(plan.evaluationDate).toBe(addMonths(today, 12));
    const listed = await app.gql(`{ rehabPlans(first: 100) { edges { node { id owner { name } } } } }`, {}, mora);
    expect(listed.data.rehabPlans.edges.map((e: any) => e.node)).toContainEqual({ id: plan.id, owner: { name: 'Mora kommun' } });
  });

  it('holds the T-score examples: all goals at 0 → 50.00, three equal-weight goals at +1 → 63.69, two at −2 → 25.19', async () => {
    const atZero = await scoredPlan([goal('Gå till affären'), goal('Laga frukost')], [0, 0]);
    expect(atZero.tScore).toEqual({ value: 50, rho: 0.3, terms: atZero.goals.map((g: any) => ({ goalId: g.id, weight: 1, attainment: 0 })) });
    const atPlusOne = await scoredPlan([goal('Gå 500 m'), goal('Klä på sig'), goal('Duscha själv')], [1, 1, 1]);
    expect(atPlusOne.tScore.value).toBe(63.69);
    const atMinusTwo = await scoredPlan([goal('Cykla'), goal('Handla')], [-2, -2]);
    expect(atMinusTwo.tScore.value).toBe(25.19);
    // The evaluation keeps the score with its inputs.
    const evaluated = await ok('rehabPlanEvaluate', 'RehabPlanEvaluateInput', { id: atPlusOne.id, version: atPlusOne.version, note: 'Målen överträffade' });
    expect(evaluated).toMatchObject({ status: 'EVALUATED', evaluationPeriod: 2, goals: [], tScore: null });
    expect(evaluated.evaluations).toEqual([
      {
        evaluationPeriod: 1,
        evaluatedOn: expect.any(String),
        tScore: { value: 63.69, rho: 0.3, terms: [1, 1, 1].map(() => ({ weight: 1, attainment: 1 })) },
        goals: [{ title: 'Gå 500 m' }, { title: 'Klä på sig' }, { title: 'Duscha själv' }],
      },
    ]);
  });

  it('weighs goals by their weights, and a goal’s attainment is its latest score', async () => {
    let plan = await scoredPlan([goal('Gå i trappor', 2), goal('Bära kassar', 1)], [-1, 2]);
    plan = await ok('gasScoreRecord', 'GasScoreRecordInput', { id: plan.id, version: plan.version, goalId: plan.goals[0].id, attainment: 1 });
    expect(plan.goals[0].scores.map((s: any) => s.attainment)).toEqual([-1, 1]);
    expect(plan.goals[0].scores[1].recordedBy).toEqual({ name: 'Mora kommun' });
    // T = 50 + 10·(2·1 + 1·2) / √(0.7·5 + 0.3·9) = 50 + 40 / √6.2
    expect(plan.tScore.value).toBe(Math.round((50 + 40 / Math.sqrt(6.2)) * 100) / 100);
    expect(plan.tScore.terms.map((t: any) => [t.weight, t.attainment])).toEqual([[2, 1], [1, 2]]);
  });

  it('freezes a goal set from its first score until the next evaluation period', async () => {
    let plan = await scoredPlan([goal('Gå 500 m'), goal('Klä på sig')], [0]);
    const before = await stored(plan.id);
    expectRefused(await mutate('rehabPlanGoalSet', 'RehabPlanGoalSetInput', { id: plan.id, version: plan.version, goals: [goal('Något annat')] }), 'CONFLICT', 'goals');
    // Evaluation needs every goal scored.
    expectRefused(await mutate('rehabPlanEvaluate', 'RehabPlanEvaluateInput', { id: plan.id, version: plan.version }), 'CONFLICT', 'id');
    expect(await stored(plan.id)).toEqual(before);
    plan = await ok('gasScoreRecord', 'GasScoreRecordInput', { id: plan.id, version: plan.version, goalId: plan.goals[1].id, attainment: 1 });
    const firstGoalId = plan.goals[0].id;
    plan = await ok('rehabPlanEvaluate', 'RehabPlanEvaluateInput', { id: plan.id, version: plan.version });
    // The next period takes a new set; the evaluated period's goals take no more scores.
    plan = await ok('rehabPlanGoalSet', 'RehabPlanGoalSetInput', { id: plan.id, version: plan.version, goals: [goal('Gå 1 km')] });
    plan = await ok('rehabPlanActivate', 'RehabPlanStatusInput', { id: plan.id, version: plan.version });
    expect(plan).toMatchObject({ status: 'ACTIVE', evaluationPeriod: 2, goals: [{ title: 'Gå 1 km', attainment: null }] });
    expectRefused(await mutate('gasScoreRecord', 'GasScoreRecordInput', { id: plan.id, version: plan.version, goalId: firstGoalId, attainment: 2 }), 'CONFLICT', 'goalId');
    // Before any score, a set may still be replaced.
    plan = await ok('rehabPlanGoalSet', 'RehabPlanGoalSetInput', { id: plan.id, version: plan.version, goals: [goal('Gå 2 km'), goal('Cykla')] });
    expect(plan.goals.map((g: any) => g.title)).toEqual(['Gå 2 km', 'Cykla']);
  });

  it('refuses every bad input of the issue with a coded error naming the field, and writes nothing', async () => {
    const plan = await ok('rehabPlanGoalSet', 'RehabPlanGoalSetInput', { id: (await newPlan()).id, version: 1, goals: [goal('Gå 500 m')] });
    const before = await stored(plan.id);
    const attempt = (goals: unknown[]) => mutate('rehabPlanGoalSet', 'RehabPlanGoalSetInput', { id: plan.id, version: plan.version, goals });
    // Four levels; five in the wrong order; weights 0 and below; a baseline off the scale.
    expectRefused(await attempt([{ ...goal('A'), levels: level('A').slice(0, 4) }]), 'BAD_USER_INPUT', 'goals[0].levels');
    expectRefused(await attempt([goal('A'), { ...goal('B'), levels: level('B').reverse() }]), 'BAD_USER_INPUT', 'goals[1].levels');
    expectRefused(await attempt([goal('A', 0)]), 'BAD_USER_INPUT', 'goals[0].weight');
    expectRefused(await attempt([goal('A', -1.5)]), 'BAD_USER_INPUT', 'goals[0].weight');
    expectRefused(await attempt([goal('A', 1, 3)]), 'BAD_USER_INPUT', 'goals[0].baseline');
    expectRefused(await attempt([]), 'BAD_USER_INPUT', 'goals');
    const active = await ok('rehabPlanActivate', 'RehabPlanStatusInput', { id: plan.id, version: plan.version });
    const activeBefore = await stored(plan.id);
    for (const attainment of [3, -3]) {
      expectRefused(await mutate('gasScoreRecord', 'GasScoreRecordInput', { id: plan.id, version: active.version, goalId: active.goals[0].id, attainment }), 'BAD_USER_INPUT', 'attainment');
    }
    expectRefused(await mutate('gasScoreRecord', 'GasScoreRecordInput', { id: plan.id, version: active.version, goalId: active.goals[0].id, attainment: 1, scoredOn: '2999-01-01' }), 'BAD_USER_INPUT', 'scoredOn');
    expect(await stored(plan.id)).toEqual(activeBefore);
    expect(before).toMatchObject({ goals: 1, scores: 0 });
    expectRefused(await mutate('rehabPlanCreate', 'RehabPlanCreateInput', { patientId, need: 'LONG_TERM', therapyForms: ['MASSAGE'] }), 'BAD_USER_INPUT', 'therapyForms[0]');
    expectRefused(await mutate('rehabPlanCreate', 'RehabPlanCreateInput', { patientId, need: 'LONG_TERM', therapyForms: ['PHYSIOTHERAPY', 'PHYSIOTHERAPY'] }), 'BAD_USER_INPUT', 'therapyForms[1]');
    expectRefused(await mutate('rehabPlanCreate', 'RehabPlanCreateInput', { patientId, need: 'LONG_TERM', evaluationDate: '2001-01-01' }), 'BAD_USER_INPUT', 'evaluationDate');
    // A stale version (who may change a plan is in the access matrix, access-matrix/rehab-plan.rows.ts).
    expectRefused(await mutate('rehabPlanUpdate', 'RehabPlanUpdateInput', { id: plan.id, version: plan.version, ownGoals: 'Gammal' }), 'CONFLICT', 'version');
    expect(await stored(plan.id)).toEqual(activeBefore);
  });

  it('answers FPA eligibility with its reasons: on Åland by the dated rule, nowhere else, never for a short-term need', async () => {
    const ahs = await app.token('FI:21', Role.CARE_STAFF);
    const patient = async (birthDate: string) =>
      (await app.gql(`mutation($p: String!) { patientCreate(input: { personnummer: $p }) { patient { id } } }`, { p: testPersonnummer(birthDate) }, ahs)).data.patientCreate.patient.id;
    const ask = (id: string, need: string, onDate: string, token = ahs) =>
      app.gql(`query($id: ID!, $need: RehabNeed!, $on: LocalDate) { fpaEligibility(patientId: $id, need: $need, onDate: $on) { eligible onDate age reasons { criterion met } } }`, { id, need, on: onDate }, token);
    const younger = await patient('19610601');
    const under = await ask(younger, 'LONG_TERM', '2026-05-31');
    expect(under.data.fpaEligibility).toEqual({
      eligible: true,
      onDate: '2026-05-31',
      age: 64,
      reasons: [{ criterion: 'RULE_IN_FORCE', met: true }, { criterion: 'LONG_TERM_NEED', met: true }, { criterion: 'AGE', met: true }],
    });
    // The day the person turns 65.
    const turned = await ask(younger, 'LONG_TERM', '2026-06-01');
    expect(turned.data.fpaEligibility).toMatchObject({ eligible: false, age: 65, reasons: [{ met: true }, { met: true }, { criterion: 'AGE', met: false }] });
    expectRefused(await ask(younger, 'SHORT_TERM', '2026-05-31'), 'BAD_USER_INPUT', 'need');
    // In Dalarna no FPA rule applies.
    const inDalarna = await ask(patientId, 'LONG_TERM', '2026-05-31', mora);
    expect(inDalarna.data.fpaEligibility).toEqual({ eligible: false, onDate: '2026-05-31', age: 56, reasons: [{ criterion: 'RULE_IN_FORCE', met: false }] });
    // A plan lists it; a short-term plan has none.
    const plan = await ok('rehabPlanCreate', 'RehabPlanCreateInput', { patientId: younger, need: 'LONG_TERM' }, ahs);
    const read = await app.gql(`query($id: ID!) { rehabPlan(id: $id) { owner { name } fpaEligibility(onDate: "2026-05-31") { eligible } } }`, { id: plan.id }, ahs);
    expect(read.data.rehabPlan).toEqual({ owner: { name: 'Ålands hälso- och sjukvård (ÅHS)' }, fpaEligibility: { eligible: true } });
    const shortTerm = await ok('rehabPlanCreate', 'RehabPlanCreateInput', { patientId: younger, need: 'SHORT_TERM' }, ahs);
    const readShort = await app.gql(`query($id: ID!) { rehabPlan(id: $id) { fpaEligibility { eligible } } }`, { id: shortTerm.id }, ahs);
    expect(readShort).toMatchObject({ data: { rehabPlan: { fpaEligibility: null } } });
    expect(readShort.errors).toBeUndefined();
  });

  it('lists its own active plans due for evaluation, oldest evaluation date first, until they are evaluated', async () => {
    const today = localDateOf(new Date(), 'Europe/Stockholm');
    const due = (before: string, organisationId = seededOrganisationId('2062')) =>
      app.gql(`query($org: ID!, $before: LocalDate) { rehabPlanEvaluationsDue(organisationId: $org, before: $before, first: 100) { edges { node { id evaluationDate } } } }`, { org: organisationId, before }, mora);
    const planDue = async (evaluationDate: string) => {
      let plan = await newPlan({ evaluationDate });
      plan = await ok('rehabPlanGoalSet', 'RehabPlanGoalSetInput', { id: plan.id, version: plan.version, goals: [goal('Gå')] });
      return ok('rehabPlanActivate', 'RehabPlanStatusInput', { id: plan.id, version: plan.version });
    };
    const later = await planDue(addMonths(today, 3));
    const sooner = await planDue(addMonths(today, 2));
    const draft = await newPlan({ evaluationDate: addMonths(today, 1) });
    const listed = async (before: string) => (await due(before)).data.rehabPlanEvaluationsDue.edges.map((e: any) => e.node.id).filter((id: string) => [later.id, sooner.id, draft.id].includes(id));
    expect(await listed(addMonths(today, 4))).toEqual([sooner.id, later.id]);
    expect(await listed(addMonths(today, 3))).toEqual([sooner.id]);
    let evaluated = await ok('gasScoreRecord', 'GasScoreRecordInput', { id: sooner.id, version: sooner.version, goalId: sooner.goals[0].id, attainment: 0 });
    evaluated = await ok('rehabPlanEvaluate', 'RehabPlanEvaluateInput', { id: sooner.id, version: evaluated.version });
    expect(await listed(addMonths(today, 4))).toEqual([later.id]);
    expectRefused(await due(addMonths(today, 4), seededOrganisationId('20')), 'FORBIDDEN', 'organisationId');
  });

  it('lists the therapy forms valid on a day', async () => {
    const res = await app.gql(`{ therapyForms(onDate: "2026-01-01") { code labelEn validTo } }`, {}, mora);
    expect(res.data.therapyForms).toEqual([
      { code: 'OCCUPATIONAL_THERAPY', labelEn: 'Occupational therapy', validTo: null },
      { code: 'PHYSIOTHERAPY', labelEn: 'Physiotherapy', validTo: null },
      { code: 'PSYCHOTHERAPY', labelEn: 'Psychotherapy', validTo: null },
      { code: 'SPEECH_THERAPY', labelEn: 'Speech therapy', validTo: null },
    ]);
  });
});
