import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { Role } from '../../domain/enums';
import { seededOrganisationId } from '../../entities/seed/seed';
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

  it('refuses malformed and unknown region codes naming the argument', async () => {
    const malformed = await app.gql(`{ organisations(filter: { regionCode: "2" }) { edges { cursor } } }`, {}, token);
    expect(codes(malformed)).toEqual(['BAD_USER_INPUT']);
    expect(malformed.errors![0].extensions!.field).toBe('filter.regionCode');
    const unknown = await app.gql(`{ coordinationAssociations(regionCode: "25") { edges { cursor } } }`, {}, token);
    expect(codes(unknown)).toEqual(['BAD_USER_INPUT']);
    expect(unknown.errors![0]).toEqual(expect.objectContaining({ message: expect.stringMatching(/no region with code 25/), extensions: { code: 'BAD_USER_INPUT', field: 'regionCode' } }));
    const county = await app.gql(`{ region(code: "99") { name } }`, {}, token);
    expect(codes(county)).toEqual(['BAD_USER_INPUT']);
    const municipality = await app.gql(`{ municipality(code: "20620") { name } }`, {}, token);
    expect(codes(municipality)).toEqual(['BAD_USER_INPUT']);
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

  it('counts each item of a list argument: 15 aliases of 1,000 questions are refused before anything runs, one is answered', async () => {
    const questions = Array.from({ length: 1000 }, (_, i) => ({ municipalityCode: '2062', interventionCode: 'ASSISTIVE_DEVICE_FITTING', age: i % 100 }));
    const aliases = Array.from({ length: 15 }, (_, i) => `a${i}: responsibilities(inputs: $q) { status }`).join(' ');
    const statements = await app.countStatements(async () => {
      const res = await app.gql(`query($q: [ResponsibilityInput!]!) { ${aliases} }`, { q: questions }, token);
      expect(res.status).toBe(400);
      expect(codes(res)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      expect(res.errors![0].extensions).toEqual(expect.objectContaining({ cost: 15_000, maxCost: 10_000 }));
    });
    expect(statements).toBe(0);
    const one = await app.gql(`query($q: [ResponsibilityInput!]!) { responsibilities(inputs: $q) { status } }`, { q: questions }, token);
    expect(one.data.responsibilities).toHaveLength(1000);
  });

  it('refuses an 18-level fragment bomb with a coded 400, with or without a token', async () => {
    const fragments = ['fragment F0 on Region { name }', ...Array.from({ length: 18 }, (_, i) => `fragment F${i + 1} on Region { ...F${i} ...F${i} }`)].join(' ');
    for (const t of [null, token]) {
      const res = await app.gql(`{ region(code: "20") { ...F18 } } ${fragments}`, {}, t);
      expect(res.status).toBe(400);
      expect(codes(res)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      expect(res.errors![0].message).toMatch(/more than 10000 fields/);
    }
  });

  it('answers a missing or wrong-typed variable with BAD_USER_INPUT naming it, without the value', async () => {
    const query = `query($input: ResponsibilityInput!) { responsibility(input: $input) { status } }`;
    const missing = await app.gql(query, {}, token);
    expect(missing.status).toBe(400);
    expect(missing.errors).toEqual([expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: '$input' } })]);
    const wrong = await app.gql(query, { input: { municipalityCode: '2062', interventionCode: 'HOME_REHAB', age: '19380412-1234' } }, token);
    expect(wrong.status).toBe(400);
    expect(wrong.errors).toEqual([expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: '$input.age' } })]);
    expect(wrong.errors![0].message).not.toContain('19380412');
  });

  it('refuses NUL bytes and lone surrogates in text, in literals and variables, naming the argument path', async () => {
    const literal = await app.gql(`{ organisations(filter: { search: "Mora\\u0000" }) { edges { cursor } } }`, {}, token);
    expect(literal.status).toBe(400);
    expect(literal.errors).toEqual([expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'filter.search' } })]);
    const variable = await app.gql(`query($f: OrganisationFilter) { organisations(filter: $f) { edges { cursor } } }`, { f: { search: 'Mora\ud800' } }, token);
    expect(variable.errors).toEqual([expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: '$f.search' } })]);
    const paired = await app.gql(`query($f: OrganisationFilter) { organisations(filter: $f) { edges { cursor } } }`, { f: { search: 'Mora 🦽' } }, token);
    expect(paired.errors).toBeUndefined();
  });

  it('refuses a cursor whose parts are not of the list key types (here a name where a uuid belongs)', async () => {
    // ["x"] is a well-formed cursor of one part; the organisations list is keyed by (name, uuid).
    const wrongType = Buffer.from(JSON.stringify(['Mora kommun', 'x'])).toString('base64url');
    const res = await app.gql(`{ organisations(after: "${wrongType}") { edges { node { id } } } }`, {}, token);
    expect(res.errors).toEqual([expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'after' } })]);
    const first = await app.gql(`{ organisations(first: 1) { pageInfo { endCursor } } }`, {}, token);
    const next = await app.gql(`{ organisations(first: 1, after: "${first.data.organisations.pageInfo.endCursor}") { edges { node { id } } } }`, {}, token);
    expect(next.errors).toBeUndefined();
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
  let jwks: http.Server;
  let signIssuerToken: (claims: Record<string, unknown>, issuer?: string) => Promise<string>;
  const ISSUER = 'https://idp.region.example';

  beforeAll(async () => {
    // A stand-in OIDC issuer on loopback that publishes its signing key as a JWKS.
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    jwks = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] })));
    await new Promise<void>((r) => jwks.listen(0, '127.0.0.1', r));
    signIssuerToken = (claims, issuer = ISSUER) =>
      new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).setSubject('hsa-user-1').setIssuer(issuer).setAudience('samrehab').setIssuedAt().setExpirationTime('5m').sign(privateKey);
    const port = (jwks.address() as AddressInfo).port;
    app = await startTestApp({
      NODE_ENV: 'production',
      AUTH_ISSUER: ISSUER,
      AUTH_AUDIENCE: 'samrehab',
      AUTH_JWKS_URL: `http://127.0.0.1:${port}/jwks`,
      PATIENT_DATA_KEY: randomBytes(32).toString('base64'),
    });
  });
  afterAll(async () => {
    jwks.close();
    await app?.stop();
  });

  it('accepts tokens of the configured issuer, verified against its JWKS', async () => {
    const token = await signIssuerToken({ org: seededOrganisationId('2062'), roles: ['INTEGRATION'] });
    const res = await app.gql(`{ municipality(code: "2062") { name } }`, {}, token);
    expect(res.data).toEqual({ municipality: { name: 'Mora kommun' } });
  });

  it('refuses a token of that key but another issuer', async () => {
    const token = await signIssuerToken({ org: seededOrganisationId('2062'), roles: ['INTEGRATION'] }, 'https://elsewhere.example');
    expect(codes(await app.gql(`{ municipality(code: "2062") { name } }`, {}, token))).toEqual(['UNAUTHENTICATED']);
  });

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
