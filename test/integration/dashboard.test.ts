import { randomBytes } from 'node:crypto';
import { startTestApp, TestApp } from '../support/test-app';

const ORGANISATION = '{ organisation(id: "58f81e5b-bccb-574c-b6eb-ffaf891c8e81") { name region { code } } }';
const devToken = (base: string, body: unknown) =>
  fetch(`${base}/dashboard/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('the dashboard in development', () => {
  let app: TestApp;
  let base: string;
  let regionDalarna: string;

  beforeAll(async () => {
    app = await startTestApp();
    base = app.url.replace(/\/graphql$/, '');
    const picker = (await (await fetch(`${base}/dashboard/dev/organisations`)).json()) as {
      roles: string[];
      regions: { region: { code: string }; organisations: { id: string; name: string; kind: string }[] }[];
    };
    regionDalarna = picker.regions.find((r) => r.region.code === '20')!.organisations.find((o) => o.kind === 'REGION')!.id;
  });
  afterAll(() => app?.stop());

  it('serves the built page at /dashboard/ under a strict Content-Security-Policy, with no inline script or style', async () => {
    const res = await fetch(`${base}/dashboard/`);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("connect-src 'self';");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    const page = await res.text();
    expect(page).toMatch(/<html lang="sv">/);
    expect(page.match(/<script\b[^>]*>/g)?.every((tag) => /\bsrc="[\w.-]+"/.test(tag))).toBe(true);
    expect(page).not.toMatch(/<style|style="|https?:\/\//);
    for (const asset of [...page.matchAll(/(?:src|href)="([\w.-]+)"/g)].map((m) => m[1])) {
      const file = await fetch(`${base}/dashboard/${asset}`);
      expect([asset, file.status]).toEqual([asset, 200]);
      expect(file.headers.get('content-security-policy')).toBe(csp);
      await file.arrayBuffer();
    }
  });

  it('links to it from /, and sends /dashboard on to /dashboard/', async () => {
    expect(await (await fetch(`${base}/`)).text()).toContain('href="/dashboard/"');
    const bare = await fetch(`${base}/dashboard`, { redirect: 'manual' });
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe('/dashboard/');
  });

  it('tells the page to sign in with development tokens', async () => {
    expect(await (await fetch(`${base}/dashboard/config.json`)).json()).toEqual({ mode: 'development' });
  });

  it('offers the regions and municipalities of the reference data with the dashboard roles, and signs a token that works', async () => {
    const picker = (await (await fetch(`${base}/dashboard/dev/organisations`)).json()) as { roles: string[]; regions: { region: { code: string }; organisations: { kind: string }[] }[] };
    expect(picker.roles).toEqual(['PLANNER', 'TENANT_ADMIN']);
    const dalarna = picker.regions.find((r) => r.region.code === '20')!;
    expect(dalarna.organisations.filter((o) => o.kind === 'MUNICIPALITY')).toHaveLength(15);
    const res = await devToken(base, { organisationId: regionDalarna, role: 'PLANNER' });
    expect(res.headers.get('cache-control')).toBe('no-store');
    const { token } = (await res.json()) as { token: string };
    expect((await app.gql(ORGANISATION, {}, token)).data).toEqual({ organisation: { name: 'Region Dalarna', region: { code: '20' } } });
  });

  it('refuses an organisation or role it does not offer, naming the field', async () => {
    const codes = async (body: unknown) => {
      const res = await devToken(base, body);
      const { errors } = (await res.json()) as { errors: { extensions: { code: string; field: string } }[] };
      return [res.status, errors[0].extensions.code, errors[0].extensions.field];
    };
    expect(await codes({ organisationId: 'no-such-id', role: 'PLANNER' })).toEqual([400, 'BAD_USER_INPUT', 'organisationId']);
    expect(await codes({ organisationId: regionDalarna, role: 'CARE_STAFF' })).toEqual([400, 'BAD_USER_INPUT', 'role']);
    expect(await codes({})).toEqual([400, 'BAD_USER_INPUT', 'organisationId']);
    const broken = await fetch(`${base}/dashboard/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"organisationId": "1985' });
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('BAD_REQUEST');
  });
});

describe('the dashboard in production', () => {
  let app: TestApp;
  let base: string;

  beforeAll(async () => {
    app = await startTestApp({
      NODE_ENV: 'production',
      AUTH_ISSUER: 'https://idp.region.example',
      AUTH_AUDIENCE: 'samrehab',
      AUTH_JWKS_URL: 'http://127.0.0.1:9/jwks',
      PATIENT_DATA_KEY: randomBytes(32).toString('base64'),
      DASHBOARD_CLIENT_ID: 'samrehab-dashboard',
    });
    base = app.url.replace(/\/graphql$/, '');
  });
  afterAll(() => app?.stop());

  it('has no development sign-in: neither the picker nor the token endpoint exists', async () => {
    expect((await fetch(`${base}/dashboard/dev/organisations`)).status).toBe(404);
    const res = await devToken(base, { organisationId: '58f81e5b-bccb-574c-b6eb-ffaf891c8e81', role: 'PLANNER' });
    expect(res.status).toBe(404);
    expect(await res.text()).not.toMatch(/eyJ/);
  });

  it('tells the page to sign in with OpenID Connect against the configured issuer, and still serves the page', async () => {
    expect(await (await fetch(`${base}/dashboard/config.json`)).json()).toEqual({ mode: 'oidc', issuer: 'https://idp.region.example', clientId: 'samrehab-dashboard' });
    const page = await fetch(`${base}/dashboard/`);
    expect(page.status).toBe(200);
    // The page may ask the issuer (discovery, token) and nothing else beyond this server.
    expect(page.headers.get('content-security-policy')).toContain("connect-src 'self' https://idp.region.example;");
  });
});
