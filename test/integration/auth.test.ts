import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Role } from '../../domain/enums';
import { signDevToken } from '../../server/auth/dev-keys';
import { seededOrganisationId } from '../../entities/seed/seed';
import { codes, startTestApp, TestApp } from '../support/test-app';

describe('authentication', () => {
  let app: TestApp;
  const query = `{ regions { edges { node { code } } } }`;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.stop());

  it('answers UNAUTHENTICATED without a token', async () => {
    const res = await app.gql(query);
    expect(codes(res)).toEqual(['UNAUTHENTICATED']);
    expect(res.data).toBeNull();
  });

  it('accepts a development token and reads the viewer\'s organisation', async () => {
    const res = await app.gql(query, {}, await app.token('2062', Role.INTEGRATION));
    expect(res.errors).toBeUndefined();
    expect(res.data.regions.edges.map((e: any) => e.node.code)).toEqual(expect.arrayContaining(['20', '19', '14', '21']));
  });

  it.each([
    ['a malformed token', async () => 'not.a.jwt', /malformed/],
    ['an expired token', async (a: TestApp) => signDevToken(a.config.dataDir, { userId: 'u', organisationId: seededOrganisationId('2062')!, roles: ['INTEGRATION'], expiresIn: '-1m' }), /expired/],
    [
      'a token signed by another key',
      async () => signDevToken(fs.mkdtempSync(path.join(os.tmpdir(), 'other-key-')), { userId: 'u', organisationId: seededOrganisationId('2062')!, roles: ['INTEGRATION'] }),
      /trusted key/,
    ],
    ['a token for an unknown organisation', async (a: TestApp) => signDevToken(a.config.dataDir, { userId: 'u', organisationId: '00000000-0000-4000-8000-000000000000', roles: ['INTEGRATION'] }), /not known/],
    ['a token without an organisation', async (a: TestApp) => signDevToken(a.config.dataDir, { userId: 'u', organisationId: 'Mora', roles: ['INTEGRATION'] }), /organisation id/],
  ])('refuses %s with UNAUTHENTICATED and HTTP 401', async (_name, make, message) => {
    const res = await app.gql(query, {}, await make(app));
    expect(res.status).toBe(401);
    expect(codes(res)).toEqual(['UNAUTHENTICATED']);
    expect(res.errors![0].message).toMatch(message);
    expect(res.data).toBeNull();
  });

  it.each([
    ['no token', async () => null],
    ['a malformed token', async () => 'not.a.jwt'],
    ['an expired token', async (a: TestApp) => signDevToken(a.config.dataDir, { userId: 'u', organisationId: seededOrganisationId('2062')!, roles: ['CARE_STAFF'], expiresIn: '-1m' })],
  ])('logs a request with %s that names a patient as an UNAUTHENTICATED attempt on that patient, under its x-request-id', async (_name, make) => {
    const patientId = '6f1c3a52-8f4e-4d7a-9b1e-2c3d4e5f6a7b';
    const res = await app.gql(`query($id: ID!) { patient(id: $id) { id } }`, { id: patientId }, await make(app));
    expect(res.status).toBe(401);
    expect(codes(res)).toEqual(['UNAUTHENTICATED']);
    expect(res.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await app.logRows(res.requestId)).toEqual([{ outcome: 'UNAUTHENTICATED', action: 'patient', patientId }]);
  });

  it('refuses an Authorization header that is not a bearer token', async () => {
    const res = await fetch(app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Basic dXNlcjpwYXNz' },
      body: JSON.stringify({ query }),
    });
    expect(res.status).toBe(401);
  });

  it('serves /healthz and /readyz', async () => {
    const base = app.url.replace('/graphql', '');
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });
});
