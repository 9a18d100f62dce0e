import { randomUUID } from 'node:crypto';
import { Role } from '../../domain/enums';
import { testPersonnummer } from '../support/personnummer';
import { rehabPlanThrough } from '../support/rehab-plan-journey';
import { codes, GraphQLResponse, startTestApp, TestApp } from '../support/test-app';

/**
 * A plan or a commitment names the funding programme that pays for it, through the API. The seeded
 * rehabiliteringsgarantin closed in 2015 and a commitment is never retroactive, so the test adds a
 * programme of its own that runs from 2028 (reference data, written by the tables' owner) and sets
 * the server's clock into it. Orsa's care staff plan and pay (the plan made through its API); a private physiotherapist provides.
 */
const PLAN = `mutation($input: RehabPlanCreateInput!) { rehabPlanCreate(input: $input) { plan { id fundingProgramme { code } } } }`;
const ISSUE = `mutation($input: PaymentCommitmentIssueInput!) { paymentCommitmentIssue(input: $input) { commitment { id fundingForm fundingProgramme { code forms { code amountSek } } } } }`;
const VISIT = `mutation($input: TherapyVisitRecordInput!) { therapyVisitRecord(input: $input) { visit { visitDate } } }`;
const REPORT = `query($code: String!, $quarter: String!) { programmeReport(regionCode: "20", programme: $code, quarter: $quarter) {
  forms { form figures { treatments { female { display } } amountSek { female { display } } } } total { treatments { total { display } } } } }`;

describe('plans and commitments name the funding programme that pays for them', () => {
  let app: TestApp;
  let staff: string;
  let provider: string;
  let providerId: string;
  let patientId: string;
  let planId: string;
  let programmeId: string;
  let garantinId: string;
  const code = `TEST_${randomUUID().slice(0, 8).toUpperCase()}`;
  const field = (res: GraphQLResponse) => [codes(res)[0], res.errors?.[0].extensions?.field];

  beforeAll(async () => {
    app = await startTestApp();
    app.setNow('2028-01-10T09:00:00Z');
    programmeId = randomUUID();
    await app.dataSource.query(
      `INSERT INTO funding_programme (id, code, name, valid_from, valid_to, age_min, age_max, conditions, reporting_cadence) VALUES ($1, $2, 'Testprogrammet', '2028-01-01', NULL, 18, 64, 'Test', 'QUARTERLY')`,
      [programmeId, code],
    );
    await app.dataSource.query(
      `INSERT INTO funding_programme_form (id, programme_id, code, name, unit, sessions_min, sessions_max, indications, amount_sek, valid_from) VALUES ($1, $2, 'KBT', 'KBT', 'TREATMENT', 2, 20, '{ANXIETY}', 12000, '2028-01-01')`,
      [randomUUID(), programmeId],
    );
    staff = await app.token('2034', Role.CARE_STAFF);
    const viewer = await app.token('2034', Role.CARE_STAFF);
    garantinId = (await app.gql(`{ fundingProgrammes { id code } }`, {}, viewer)).data.fundingProgrammes.find((p: any) => p.code === 'REHABILITERINGSGARANTIN').id;
    const admin = await app.token('20', Role.TENANT_ADMIN);
    const created = await app.gql(`mutation($name: String!) { organisationCreate(input: { kind: PRIVATE_PROVIDER, name: $name }) { organisation { id } } }`, { name: `KBT ${randomUUID().slice(0, 8)} AB` }, admin);
    providerId = created.data.organisationCreate.organisation.id;
    provider = await app.token(providerId, Role.CARE_STAFF);
    const patient = await app.gql(`mutation($p: String!) { patientCreate(input: { personnummer: $p }) { patient { id } } }`, { p: testPersonnummer('19820314', 'FEMALE') }, staff);
    patientId = patient.data.patientCreate.patient.id;
    planId = await rehabPlanThrough(app, { patientId, ownerToken: staff, therapyForms: ['PSYCHOTHERAPY'] });
  });
  afterAll(() => app?.stop());

  const commitment = (over: Record<string, unknown>) => ({
    planId,
    providerOrganisationId: providerId,
    number: `BF-${randomUUID().slice(0, 8)}`,
    therapyForm: 'PSYCHOTHERAPY',
    visits: 3,
    visitMinutes: 45,
    validFrom: '2028-01-10',
    validTo: '2028-02-29',
    ...over,
  });

  it('names the programme on a new plan, and refuses one that does not apply today', async () => {
    const res = await app.gql(PLAN, { input: { patientId, need: 'LONG_TERM', fundingProgrammeId: programmeId } }, staff);
    expect(res.errors).toBeUndefined();
    expect(res.data.rehabPlanCreate.plan.fundingProgramme).toEqual({ code });
    const none = await app.gql(PLAN, { input: { patientId, need: 'SHORT_TERM' } }, staff);
    expect(none.data.rehabPlanCreate.plan.fundingProgramme).toBeNull();
    const before = (await app.dataSource.query(`SELECT count(*)::int AS n FROM rehab_plan`))[0].n;
    const closed = await app.gql(PLAN, { input: { patientId, need: 'LONG_TERM', fundingProgrammeId: garantinId } }, staff);
    expect(field(closed)).toEqual(['BAD_USER_INPUT', 'fundingProgrammeId']);
    expect(closed.errors![0].message).toContain('does not apply on 2028-01-10');
    expect((await app.dataSource.query(`SELECT count(*)::int AS n FROM rehab_plan`))[0].n).toBe(before);
  });

  it('reads the programmes of a list of plans at a constant cost, whatever its length', async () => {
    const list = (first: number, withProgramme: boolean) => () =>
      app.gql(`{ rehabPlans(first: ${first}) { edges { node { id ${withProgramme ? 'fundingProgramme { code forms { code } }' : ''} } } } }`, {}, staff);
    const extra = async (first: number) => (await app.countStatements(list(first, true))) - (await app.countStatements(list(first, false)));
    // The commitments' plan names the programme too: two of the three do, so any two of them include one.
    await app.dataSource.query(`UPDATE rehab_plan SET funding_programme_id = $1 WHERE id = $2`, [programmeId, planId]);
    const page = await list(3, true)();
    expect(page.data.rehabPlans.edges.map((e: any) => e.node.fundingProgramme?.code ?? '').sort()).toEqual(['', code, code]);
    expect(await extra(3)).toBe(await extra(2));
  });

  it('names the programme and form on a commitment, refusing a missing or foreign form and an unknown programme', async () => {
    expect(field(await app.gql(ISSUE, { input: commitment({ fundingProgrammeId: programmeId }) }, staff))).toEqual(['BAD_USER_INPUT', 'fundingForm']);
    expect(field(await app.gql(ISSUE, { input: commitment({ fundingForm: 'KBT' }) }, staff))).toEqual(['BAD_USER_INPUT', 'fundingForm']);
    expect(field(await app.gql(ISSUE, { input: commitment({ fundingProgrammeId: programmeId, fundingForm: 'MMR1' }) }, staff))).toEqual(['BAD_USER_INPUT', 'fundingForm']);
    expect(field(await app.gql(ISSUE, { input: commitment({ fundingProgrammeId: randomUUID(), fundingForm: 'KBT' }) }, staff))).toEqual(['NOT_FOUND', 'fundingProgrammeId']);
    expect(field(await app.gql(ISSUE, { input: commitment({ fundingProgrammeId: garantinId, fundingForm: 'KBT' }) }, staff))).toEqual(['BAD_USER_INPUT', 'fundingProgrammeId']);
    expect((await app.dataSource.query(`SELECT count(*)::int AS n FROM payment_commitment WHERE plan_id = $1`, [planId]))[0].n).toBe(0);
  });

  it('counts the treatment in the programme report of the quarter its commitment ends in', async () => {
    const issued = await app.gql(ISSUE, { input: commitment({ fundingProgrammeId: programmeId, fundingForm: 'KBT' }) }, staff);
    expect(issued.errors).toBeUndefined();
    const c = issued.data.paymentCommitmentIssue.commitment;
    expect(c).toMatchObject({ fundingForm: 'KBT', fundingProgramme: { code, forms: [{ code: 'KBT', amountSek: 12000 }] } });
    app.setNow('2028-03-05T09:00:00Z');
    for (const date of ['2028-01-10', '2028-01-31', '2028-02-20']) {
      const visit = await app.gql(VISIT, { input: { commitmentId: c.id, date, minutes: 45 } }, provider);
      expect(visit.errors).toBeUndefined();
    }
    const planner = await app.token('20', Role.PLANNER);
    const report = await app.gql(REPORT, { code, quarter: '2028-Q1' }, planner);
    expect(report.errors).toBeUndefined();
    // One treatment: counted, and shown only as fewer than five, its amount hidden with it.
    expect(report.data.programmeReport.forms).toEqual([{ form: 'KBT', figures: { treatments: { female: { display: '<5' } }, amountSek: { female: { display: '..' } } } }]);
    expect(report.data.programmeReport.total.treatments.total.display).toBe('<5');
    const nextQuarter = await app.gql(REPORT, { code, quarter: '2028-Q2' }, planner);
    expect(nextQuarter.data.programmeReport.total.treatments.total.display).toBe('0');
  });
});
