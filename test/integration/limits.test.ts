import { Role } from '../../domain/enums';
import { codes, startTestApp, TestApp } from '../support/test-app';

/** Protections against expensive or abusive queries, and what a client sees when it hits one. */
describe('query limits', () => {
  let app: TestApp;
  let token: string;
  beforeAll(async () => {
    app = await startTestApp();
    token = await app.token('2062', Role.INTEGRATION);
  });
  afterAll(() => app.stop());

  it('refuses a page size over 100 naming `first`', async () => {
    const res = await app.gql(`{ organisations(first: 101) { edges { node { id } } } }`, {}, token);
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].extensions!.field).toBe('first');
    expect(codes(await app.gql(`{ organisations(first: 0) { edges { node { id } } } }`, {}, token))).toEqual(['BAD_USER_INPUT']);
  });

  it('refuses a cursor that is not one of the list', async () => {
    const res = await app.gql(`{ organisations(after: "bm90LWEtY3Vyc29y") { edges { node { id } } } }`, {}, token);
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].extensions!.field).toBe('after');
  });

  it('counts `first` into the cost: nested pages of 100 × 100 are refused before anything runs', async () => {
    const statements = await app.countStatements(async () => {
      const res = await app.gql(`{ organisations(first: 100) { edges { node { careUnits(first: 100) { edges { node { id } } } } } } }`, {}, token);
      expect(codes(res)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      expect(res.errors![0].message).toMatch(/cost \d+ exceeds the limit of 10000/);
    });
    expect(statements).toBe(0);
    const huge = await app.gql(`query($n: Int) { organisations(first: $n) { edges { node { id } } } }`, { n: 99999999 }, token);
    expect(codes(huge)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('refuses a query deeper than 10 levels', async () => {
    const deep = `{ organisations { edges { node { memberships { association { memberships { association { members { member { region { name } } } } } } } } } } }`;
    const res = await app.gql(deep, {}, token);
    expect(codes(res)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(res.errors![0].message).toMatch(/depth limit of 10/);
  });

  it('refuses more than 15 aliases', async () => {
    const aliases = Array.from({ length: 16 }, (_, i) => `a${i}: regions(first: 1) { edges { cursor } }`).join(' ');
    const res = await app.gql(`{ ${aliases} }`, {}, token);
    expect(codes(res)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(res.errors![0].message).toMatch(/Aliases limit of 15/);
  });

  it('refuses batched operations in one HTTP request', async () => {
    const res = await fetch(app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify([{ query: '{ regions { edges { cursor } } }' }, { query: '{ regions { edges { cursor } } }' }]),
    });
    expect(res.status).toBe(400);
  });

  it('suggests field names outside production', async () => {
    const res = await app.gql(`{ organisatons { edges { cursor } } }`, {}, token);
    expect(res.errors![0].message).toMatch(/Did you mean/);
  });
});

describe('in production', () => {
  let app: TestApp;
  beforeAll(async () => {
    // Production verifies tokens against an OIDC issuer's JWKS; the introspection and suggestion
    // checks below come before authentication, so the JWKS is never fetched here.
    app = await startTestApp({ NODE_ENV: 'production', AUTH_ISSUER: 'https://idp.invalid', AUTH_AUDIENCE: 'samrehab', AUTH_JWKS_URL: 'https://idp.invalid/jwks' });
  });
  afterAll(() => app.stop());

  it('turns introspection off', async () => {
    const res = await app.gql(`{ __schema { types { name } } }`);
    expect(codes(res)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(res.errors![0].message).toMatch(/introspection/i);
  });

  it('hides field suggestions', async () => {
    const res = await app.gql(`{ organisatons { edges { cursor } } }`);
    expect(res.errors![0].message).not.toMatch(/Did you mean/);
  });

  it('refuses development tokens', async () => {
    const res = await app.gql(`{ regions { edges { cursor } } }`, {}, await app.token('2062', Role.INTEGRATION));
    expect(codes(res)).toEqual(['UNAUTHENTICATED']);
  });
});
