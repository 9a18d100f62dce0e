import { Role } from '../../domain/enums';
import { seededOrganisationId } from '../../entities/seed/seed';
import { ALAND_EXAMPLE_IDS, seedExampleData } from '../../server/database/example-data';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Åland's worked example (issue 17 item 8), written at start-up outside production: ÅHS's plan for an
 * example person with three GAS goals, and a payment commitment to an example provider, all
 * marked as example data and readable through the API by those who take part.
 */
const PLAN = `query($id: ID!) { rehabPlan(id: $id) {
  status need therapyForms { code } fundingProgramme { code }
  owner { name } patient { example }
  goals { title weight baseline attainment levels { level description } }
  tScore { value rho }
  fpaEligibility(onDate: "2026-06-01") { eligible age }
} }`;
const COMMITMENT = `query($id: ID!) { paymentCommitment(id: $id) { number therapyForm visits visitsUsed validFrom validTo reportDueOn provider { name example } } }`;
const TABLES = ['organisation', 'patient', 'rehab_plan', 'gas_goal', 'gas_score', 'payment_commitment', 'therapy_visit', 'patient_participation'];

describe("Åland's example data", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app?.stop());

  it("shows ÅHS the example person's plan: goals at their levels make T = 50.00, FPA eligible at 58", async () => {
    const ahs = await app.token('FI:21', Role.CARE_STAFF);
    const res = await app.gql(PLAN, { id: ALAND_EXAMPLE_IDS.plan }, ahs);
    expect(res.errors).toBeUndefined();
    const plan = res.data.rehabPlan;
    expect(plan).toMatchObject({ status: 'ACTIVE', need: 'LONG_TERM', therapyForms: [{ code: 'PHYSIOTHERAPY' }], fundingProgramme: null, owner: { name: 'Ålands hälso- och sjukvård (ÅHS)' }, patient: { example: true } });
    expect(plan.goals.map((g: any) => [g.weight, g.baseline, g.attainment, g.levels.length])).toEqual([[2, -1, 0, 5], [1, -1, 1, 5], [1, -2, -1, 5]]);
    // Σwᵢxᵢ = 2·0 + 1·1 + 1·(−1) = 0.
    expect(plan.tScore).toEqual({ value: 50, rho: 0.3 });
    expect(plan.fpaEligibility).toEqual({ eligible: true, age: 58 });
  });

  it('shows the example provider its commitment, itself marked as example data', async () => {
    const provider = await app.token(ALAND_EXAMPLE_IDS.provider, Role.CARE_STAFF);
    const res = await app.gql(COMMITMENT, { id: ALAND_EXAMPLE_IDS.commitment }, provider);
    expect(res.errors).toBeUndefined();
    expect(res.data.paymentCommitment).toEqual({
      number: 'EX-2026-001',
      therapyForm: 'PHYSIOTHERAPY',
      visits: 20,
      visitsUsed: 5,
      validFrom: '2026-01-15',
      validTo: '2026-12-31',
      reportDueOn: '2026-10-31',
      provider: { name: 'Exempelfysio Ab (exempeldata)', example: true },
    });
    // Nobody else of the region sees it.
    const mariehamn = await app.token(seededOrganisationId('478')!, Role.CARE_STAFF);
    expect((await app.gql(COMMITMENT, { id: ALAND_EXAMPLE_IDS.commitment }, mariehamn)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('is written once: seeding again changes nothing', async () => {
    const count = async () => Promise.all(TABLES.map(async (t) => Number((await app.dataSource.query(`SELECT count(*) FROM ${t}`))[0].count)));
    const before = await count();
    await app.dataSource.transaction((manager) => seedExampleData(manager, app.services.cipher));
    expect(await count()).toEqual(before);
  });
});
