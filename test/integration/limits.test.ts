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
