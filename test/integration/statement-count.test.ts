import { Role } from '../../domain/enums';
import { seededOrganisationId } from '../../entities/seed/seed';
import { startTestApp, TestApp } from '../support/test-app';

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
    // The list, its regions, members, memberships, care units, and the associations behind the memberships.
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
});
