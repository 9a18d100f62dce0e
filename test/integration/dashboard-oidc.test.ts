import { randomBytes } from 'node:crypto';
import { InMemoryWebStorage, OidcClient, WebStorageStateStore } from 'oidc-client-ts';
import { oidcSettings } from '../../dashboard/src/auth/oidc-settings';
import { seededOrganisationId } from '../../entities/seed/seed';
import { OidcIssuer, startOidcIssuer } from '../support/oidc-issuer';
import { captureLog, CapturedLog, startTestApp, TestApp } from '../support/test-app';

const CLIENT_ID = 'samrehab-dashboard';
const PLANNER = { sub: 'planner-dalarna', org: seededOrganisationId('20')!, roles: ['PLANNER'] };
const SIPS = `query($period: PeriodInput!) { sipStatistics(regionCode: "20", period: $period) { from to region { started { total { display } } } } }`;
const PERIOD = { from: '2026-01-01', to: '2026-06-30' };

/**
 * The dashboard's production sign-in, run in Node with the page's own client settings: the
 * server tells the page its issuer and client id and lets it reach the issuer (CSP), the client
 * runs authorization code with PKCE against a stand-in issuer, and the API takes the token.
 */
describe('the dashboard signs in with OpenID Connect (authorization code with PKCE)', () => {
  let issuer: OidcIssuer;
  let app: TestApp;
  let log: CapturedLog;
  let dashboard: string;

  beforeAll(async () => {
    issuer = await startOidcIssuer({ clientId: CLIENT_ID, user: PLANNER });
    log = captureLog();
    app = await startTestApp({ NODE_ENV: 'production', LOG_LEVEL: 'info', PATIENT_DATA_KEY: randomBytes(32).toString('base64'), ...issuer.env }, { log });
    dashboard = app.url.replace(/\/graphql$/, '/dashboard/');
  });
  afterAll(async () => {
    await app?.stop();
    await issuer?.stop();
  });

  /** The page's client: its settings, its redirect and the issuer's answer followed as a browser would. */
  async function signIn(): Promise<{ accessToken: string; state: unknown }> {
    const config = (await (await fetch(`${dashboard}config.json`)).json()) as { issuer: string; clientId: string };
    const client = new OidcClient(oidcSettings(config, dashboard, new WebStorageStateStore({ store: new InMemoryWebStorage() })));
    const request = await client.createSigninRequest({ state: '?view=sip' });
    const authorize = new URL(request.url);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('redirect_uri')).toBe(`${dashboard}callback`);
    const answer = await fetch(request.url, { redirect: 'manual' });
    expect(answer.status).toBe(302);
    const response = await client.processSigninResponse(answer.headers.get('location')!);
    return { accessToken: response.access_token, state: response.userState };
  }

  it('tells the page the issuer and client id, and lets the page connect to that issuer only', async () => {
    expect(await (await fetch(`${dashboard}config.json`)).json()).toEqual({ mode: 'oidc', issuer: issuer.issuer, clientId: CLIENT_ID });
    const page = await fetch(dashboard);
    const connect = /connect-src ([^;]*)/.exec(page.headers.get('content-security-policy') ?? '')?.[1];
    expect(connect?.split(' ')).toEqual(["'self'", issuer.issuer]);
    // The callback is the dashboard's own page, under the same policy.
    const callback = await fetch(`${dashboard}callback?code=x&state=y`);
    expect(callback.headers.get('content-security-policy')).toBe(page.headers.get('content-security-policy'));
    expect((await fetch(`${dashboard}dev/organisations`)).status).toBe(404);
  });

  it('gets an access token by code and verifier, and the API answers a PLANNER with it', async () => {
    const { accessToken, state } = await signIn();
    expect(state).toBe('?view=sip');
    const res = await app.gql(SIPS, { period: PERIOD }, accessToken);
    expect(res.errors).toBeUndefined();
    expect(res.data.sipStatistics).toMatchObject({ from: PERIOD.from, to: PERIOD.to });
    expect(log.text()).not.toContain(accessToken);
  });

  it('refuses a code without the verifier it was issued for', async () => {
    const config = { issuer: issuer.issuer, clientId: CLIENT_ID };
    const client = new OidcClient(oidcSettings(config, dashboard, new WebStorageStateStore({ store: new InMemoryWebStorage() })));
    const request = await client.createSigninRequest({});
    const code = new URL((await fetch(request.url, { redirect: 'manual' })).headers.get('location')!).searchParams.get('code')!;
    const token = await fetch(`${issuer.issuer}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', code, client_id: CLIENT_ID, redirect_uri: `${dashboard}callback`, code_verifier: 'not-the-verifier' }),
    });
    expect(token.status).toBe(400);
    expect(await token.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('answers an expired token with UNAUTHENTICATED, and logs neither the token nor a person', async () => {
    issuer.signInAs(PLANNER, -60);
    try {
      const { accessToken } = await signIn();
      const res = await app.gql(SIPS, { period: PERIOD }, accessToken);
      expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
      expect(res.errors?.[0].message).toMatch(/expired/);
      expect(log.text()).not.toContain(accessToken);
      expect(log.text()).not.toMatch(/(?<![\w-])(19|20)\d{6}-?\d{4}(?![\w-])/);
    } finally {
      issuer.signInAs(PLANNER);
    }
  });
});

describe('the dashboard in development', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app?.stop());

  it('signs in with development tokens and connects to its own server only', async () => {
    const dashboard = app.url.replace(/\/graphql$/, '/dashboard/');
    expect(await (await fetch(`${dashboard}config.json`)).json()).toEqual({ mode: 'development' });
    const connect = /connect-src ([^;]*)/.exec((await fetch(dashboard)).headers.get('content-security-policy') ?? '')?.[1];
    expect(connect).toBe("'self'");
  });
});
