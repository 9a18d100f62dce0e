import { Role } from '../../domain/enums';
import { seededOrganisationId } from '../../entities/seed/seed';
import { startTestApp, TestApp } from '../support/test-app';
import { sipThroughActivation } from '../support/sip-journey';

/**
 * Lists cost a constant number of SQL statements, whatever their length (no N+1). The servers run
 * with one pooled connection: with more, queries that finish at different moments split a
 * DataLoader batch nondeterministically, which measures the pool rather than the batching.
 */
describe('SQL statements per request', () => {
  let app: TestApp;
  let token: string;
  const query = `query($first: Int!) { organisations(first: $first) { edges { node {
    id name region { code name }
    members { financingShare note }
    memberships { financingShare association { name } }
    careUnits(first: 5) { edges { node { name careLevel } } }
  } } } }`;

  beforeAll(async () => {
    app = await startTestApp({ DATABASE_POOL_SIZE: '1' });
    token = await app.token('2062', Role.INTEGRATION);
    await app.gql(`{ regions { edges { cursor } } }`, {}, token); // warms the viewer cache
  });
  afterAll(() => app.stop());

  it('is the same small number for 10 and for 100 organisations with their region, memberships and care units', async () => {
    let ten: any;
    let hundred: any;
    const forTen = await app.countStatements(async () => (ten = await app.gql(query, { first: 10 }, token)));
    const forHundred = await app.countStatements(async () => (hundred = await app.gql(query, { first: 100 }, token)));
    expect(ten.errors).toBeUndefined();
    expect(hundred.errors).toBeUndefined();
    expect(hundred.data.organisations.edges).toHaveLength(100);
    // The list, its regions, members, memberships, care units, and the associations behind the
    // memberships: 6 statements, read with the page in one round trip and one transaction that carries
    // the viewer's tenant (server/access/tenant-db.ts, ReferenceStore.organisations).
    expect(forTen).toBe(forHundred);
    expect(forHundred).toBeLessThanOrEqual(6);
  });
});

describe('SQL statements for agreement lists', () => {
  let app: TestApp;
  let token: string;
  beforeAll(async () => {
    app = await startTestApp({ DATABASE_POOL_SIZE: '1' });
    token = await app.token('20', Role.RESPONSIBILITY_EDITOR);
    for (let i = 0; i < 3; i++) {
      await app.gql(
        `mutation($input: AgreementCreateInput!) { agreementCreate(input: $input) { agreement { id } } }`,
        { input: { title: `Statement count ${i}`, scenario: 'DRAFT', validFrom: '2026-01-01', partyOrganisationIds: [seededOrganisationId('20'), seededOrganisationId('2062')] } },
        token,
      );
    }
  });
  afterAll(() => app.stop());

  it('costs the same for 1 and for many agreements with their parties, rules and change logs', async () => {
    const query = `query($first: Int) { agreements(first: $first) { edges { node { id parties { name } rules(first: 2) { edges { node { id } } } changes(first: 2) { edges { node { action } } } } } } }`;
    let many: any;
    const one = await app.countStatements(() => app.gql(query, { first: 1 }, token));
    const forMany = await app.countStatements(async () => (many = await app.gql(query, { first: 5 }, token)));
    expect(many.data.agreements.edges.length).toBeGreaterThanOrEqual(4);
    expect(forMany).toBe(one);
  });

  it('costs the same for an inbox of 1 and of 6 hand-offs with their patients, parties, messages, recipients and deadlines', async () => {
    const { seededCareUnitId } = await import('../../entities/seed/seed');
    const { testPersonnummer } = await import('../support/personnummer');
    const ward = await app.unitToken('20', seededCareUnitId('20', 'mora-lasarett'), Role.CARE_STAFF);
    // Orsa kommun receives only these hand-offs.
    for (let i = 0; i < 6; i += 1) {
      const created = await app.gql(
        `mutation($p: String!) { patientCreate(input: { personnummer: $p, homeMunicipalityCode: "2034" }) { patient { id } } }`,
        { p: testPersonnummer(`1950010${i + 1}`) },
        ward,
      );
      expect(created.errors).toBeUndefined();
      const res = await app.gql(
        `mutation($input: HandoffCreateInput!) { handoffCreate(input: $input) { handoff { id } } }`,
        { input: { patientId: created.data.patientCreate.patient.id, kind: 'DISCHARGE_FROM_INPATIENT', sendingCareUnitId: seededCareUnitId('20', 'mora-lasarett'), admittedAt: new Date().toISOString() } },
        ward,
      );
      expect(res.errors).toBeUndefined();
    }
    const orsa = await app.token('2034', Role.INTEGRATION);
    const inbox = `query($first: Int) { handoffInbox(first: $first) { edges { node { id state patient { personnummer homeMunicipality { name } }
      sendingCareUnit { name } parties { side organisation { name } careUnit { name } }
      messages { kind sender { name } recipients { organisation { name } acknowledgedAt } }
      deadlines { admissionNotice { status due } dischargeReadyPeriods { liabilityDays } liabilityDays } } } } }`;
    await app.gql(inbox, { first: 1 }, orsa); // warms the viewer cache
    let many: any;
    const one = await app.countStatements(() => app.gql(inbox, { first: 1 }, orsa));
    const forMany = await app.countStatements(async () => (many = await app.gql(inbox, { first: 6 }, orsa)));
    expect(many.errors).toBeUndefined();
    expect(many.data.handoffInbox.edges).toHaveLength(6);
    expect(forMany).toBe(one);
  });

  it('costs the same for 1 and for 6 SIPs with their patients, participants, interventions, meetings and follow-ups', async () => {
    const { seededCareUnitId } = await import('../../entities/seed/seed');
    const { testPersonnummer } = await import('../support/personnummer');
    const DALARNA = seededOrganisationId('20')!;
    const MALUNG = seededOrganisationId('2023')!;
    const VC_MALUNG = seededCareUnitId('20', 'vc-malung');
    // Malung-Sälens kommun takes part only in these plans.
    const malung = await app.token('2023', Role.CARE_STAFF);
    const inDays = (days: number) => new Date(Date.now() + days * 86400_000).toISOString().slice(0, 10);
    const ok = (res: any, field: string) => {
      expect(res.errors).toBeUndefined();
      return res.data[field];
    };
    const sipStep = async (field: string, input: string, variables: Record<string, unknown>) =>
      ok(await app.gql(`mutation($input: ${input}!) { ${field}(input: $input) { sip { id version participants { id } meetings { id } } } }`, { input: variables }, malung), field).sip;
    // Each plan through the API, agreed at a meeting and activated: every list the query asks for has rows.
    const startSip = async (i: number) => {
      const created = await app.gql(
        `mutation($p: String!) { patientCreate(input: { personnummer: $p, homeMunicipalityCode: "2023" }) { patient { id } } }`,
        { p: testPersonnummer(`1946020${i + 1}`) },
        malung,
      );
      const patientId = ok(created, 'patientCreate').patient.id;
      const consent = await app.gql(
        `mutation($input: ConsentRecordInput!) { consentRecord(input: $input) { consent { id } } }`,
        { input: { patientId, recipientOrganisationId: DALARNA, categories: ['CARE_AND_REHAB_PLAN'], purpose: 'SIP', validTo: inDays(30) } },
        malung,
      );
      ok(consent, 'consentRecord');
      await sipThroughActivation(sipStep, { patientId, municipalityId: MALUNG, regionId: DALARNA, careUnitId: VC_MALUNG, meetingPlace: 'Vårdcentralen Malung' });
    };
    const list = `{ sips(first: 50) { edges { node { id status patient { personnummer } initiatingOrganisation { name }
      participants { kind organisation { name } careUnit { name } }
      interventions { description responsibleOrganisation { name } }
      meetings { present { id } kvaCode { code } }
      followUps { dueDate overdue }
      activationProblems { item } } } } }`;
    // Malung's follow-ups due within a month: each plan's open one, with its plan and person.
    const due = `query($org: ID!, $before: LocalDate) { sipFollowUpsDue(organisationId: $org, before: $before, first: 50) { edges { node { dueDate
      sip { id patient { personnummer } overallResponsibleOrganisation { name } participants { kind organisation { name } } } } } } }`;
    const dueVariables = { org: MALUNG, before: inDays(30) };
    await startSip(0);
    await app.gql(list, {}, malung); // warms the viewer cache
    let single: any;
    let many: any;
    let dueSingle: any;
    let dueMany: any;
    const one = await app.countStatements(async () => (single = await app.gql(list, {}, malung)));
    const dueOne = await app.countStatements(async () => (dueSingle = await app.gql(due, dueVariables, malung)));
    for (let i = 1; i < 6; i += 1) await startSip(i);
    const forMany = await app.countStatements(async () => (many = await app.gql(list, {}, malung)));
    const dueForMany = await app.countStatements(async () => (dueMany = await app.gql(due, dueVariables, malung)));
    expect(dueSingle.data.sipFollowUpsDue.edges).toHaveLength(1);
    expect(dueMany.data.sipFollowUpsDue.edges).toHaveLength(6);
    for (const { node } of dueMany.data.sipFollowUpsDue.edges) {
      expect(node.sip.overallResponsibleOrganisation).toEqual({ name: 'Malung-Sälens kommun' });
      expect(node.sip.participants.map((p: any) => p.organisation?.name ?? p.kind)).toEqual(['Malung-Sälens kommun', 'Region Dalarna', 'PERSON']);
    }
    expect(dueForMany).toBe(dueOne);
    expect(single.errors).toBeUndefined();
    expect(many.errors).toBeUndefined();
    expect(single.data.sips.edges).toHaveLength(1);
    expect(many.data.sips.edges).toHaveLength(6);
    // Every plan has rows in every list the query asks for.
    for (const { node } of many.data.sips.edges) {
      expect(node).toMatchObject({ status: 'ACTIVE', initiatingOrganisation: { name: 'Malung-Sälens kommun' }, activationProblems: [] });
      expect(node.participants.map((p: any) => p.careUnit?.name ?? null)).toContain('Vårdcentralen Malung');
      expect(node.interventions).toHaveLength(2);
      expect(node.meetings).toHaveLength(1);
      expect(node.meetings[0].kvaCode).toEqual({ code: 'AU124' });
      expect(node.meetings[0].present).toHaveLength(3);
      expect(node.followUps).toEqual([{ dueDate: expect.any(String), overdue: false }]);
    }
    expect(forMany).toBe(one);
  });
});

describe('SQL statements for rehabilitation plan lists', () => {
  let app: TestApp;
  let token: string;
  let patientId: string;
  const levels = [-2, -1, 0, 1, 2].map((level) => ({ level, description: `Nivå ${level}` }));

  /** A plan of the patient's, evaluated once with two scored goals, and active again with two scored goals of its second period. */
  async function evaluatedPlan(): Promise<void> {
    const step = async (field: string, input: string, variables: Record<string, unknown>) => {
      const res = await app.gql(`mutation($input: ${input}!) { ${field}(input: $input) { plan { id version goals { id } } } }`, { input: variables }, token);
      expect(res.errors).toBeUndefined();
      return res.data[field].plan;
    };
    const scoredPeriod = async (plan: any) => {
      plan = await step('rehabPlanGoalSet', 'RehabPlanGoalSetInput', { id: plan.id, version: plan.version, goals: ['Gå', 'Handla'].map((title) => ({ title, levels, baseline: -1 })) });
      plan = await step('rehabPlanActivate', 'RehabPlanStatusInput', { id: plan.id, version: plan.version });
      for (const goal of plan.goals) plan = await step('gasScoreRecord', 'GasScoreRecordInput', { id: plan.id, version: plan.version, goalId: goal.id, attainment: 1 });
      return plan;
    };
    let plan = await step('rehabPlanCreate', 'RehabPlanCreateInput', { patientId, need: 'LONG_TERM', therapyForms: ['PHYSIOTHERAPY', 'OCCUPATIONAL_THERAPY'] });
    plan = await scoredPeriod(plan);
    plan = await step('rehabPlanEvaluate', 'RehabPlanEvaluateInput', { id: plan.id, version: plan.version });
    await scoredPeriod(plan);
  }

  beforeAll(async () => {
    app = await startTestApp({ DATABASE_POOL_SIZE: '1' });
    const { testPersonnummer } = await import('../support/personnummer');
    token = await app.token('2039', Role.CARE_STAFF);
    const created = await app.gql(`mutation($p: String!) { patientCreate(input: { personnummer: $p, homeMunicipalityCode: "2039" }) { patient { id } } }`, { p: testPersonnummer('19520202') }, token);
    patientId = created.data.patientCreate.patient.id;
  });
  afterAll(() => app.stop());

  it('costs the same for 1 and for 5 plans with their goals, scores, T-scores, evaluations and therapy forms', async () => {
    const list = `query($p: ID) { rehabPlans(first: 100, filter: { patientId: $p }) { edges { node {
      id owner { name } patient { id } therapyForms { code }
      goals { title attainment levels { level } scores { attainment recordedBy { name } } }
      tScore { value rho terms { weight attainment } }
      evaluations { tScore { value terms { attainment } } goals { title scores { attainment } } }
      fpaEligibility { eligible }
    } } } }`;
    let single: any;
    let many: any;
    await evaluatedPlan();
    const one = await app.countStatements(async () => (single = await app.gql(list, { p: patientId }, token)));
    for (let i = 1; i < 5; i += 1) await evaluatedPlan();
    const forMany = await app.countStatements(async () => (many = await app.gql(list, { p: patientId }, token)));
    expect(single.errors).toBeUndefined();
    expect(many.errors).toBeUndefined();
    expect(single.data.rehabPlans.edges).toHaveLength(1);
    expect(many.data.rehabPlans.edges).toHaveLength(5);
    for (const { node } of many.data.rehabPlans.edges) {
      expect(node.goals.map((g: any) => [g.title, g.attainment, g.scores.length])).toEqual([['Gå', 1, 1], ['Handla', 1, 1]]);
      expect(node.tScore.value).toBe(62.4);
      expect(node.evaluations).toEqual([{ tScore: { value: 62.4, terms: [{ attainment: 1 }, { attainment: 1 }] }, goals: [{ title: 'Gå', scores: [{ attainment: 1 }] }, { title: 'Handla', scores: [{ attainment: 1 }] }] }]);
      expect(node.therapyForms.map((f: any) => f.code)).toEqual(['PHYSIOTHERAPY', 'OCCUPATIONAL_THERAPY']);
    }
    // The patient check, the page, its log rows, owners, therapy forms, the region (today), goals,
    // scores, evaluations and the rule parameters (ρ, FPA): 11, for 1 plan as for 5.
    expect(forMany).toBe(one);
    expect(forMany).toBeLessThanOrEqual(11);
  });
});
