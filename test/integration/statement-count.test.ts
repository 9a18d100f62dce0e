import { Role } from '../../domain/enums';
import { seededOrganisationId } from '../../entities/seed/seed';
import { startTestApp, TestApp } from '../support/test-app';

/** Lists cost a constant number of SQL statements, whatever their length (no N+1). */
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
    app = await startTestApp();
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
    app = await startTestApp();
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
});
