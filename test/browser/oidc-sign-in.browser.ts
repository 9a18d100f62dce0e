import { seededOrganisationId } from '../../entities/seed/seed';
import { type OidcIssuer, startOidcIssuer } from '../support/oidc-issuer';
import { close, type Dashboard, settle, startDashboard } from './harness';

const CLIENT_ID = 'samrehab-dashboard';
const PLANNER = { sub: 'planner-dalarna', org: seededOrganisationId('20')!, roles: ['PLANNER'] };
const thisMonth = new Date().toISOString().slice(0, 7);

/**
 * The production sign-in in a real browser: the server configured with a stand-in OpenID Connect
 * issuer (AUTH_ISSUER, AUTH_JWKS_URL, DASHBOARD_CLIENT_ID), the page running authorization code
 * with PKCE against it and calling the API with the access token it got.
 */
describe('the dashboard signs in at an OpenID Connect issuer in a browser', () => {
  let issuer: OidcIssuer;
  let dashboard: Dashboard;

  beforeAll(async () => {
    issuer = await startOidcIssuer({ clientId: CLIENT_ID, user: PLANNER });
    dashboard = await startDashboard({ env: issuer.env });
  });
  afterAll(async () => {
    await dashboard?.stop();
    await issuer?.stop();
  });

  it('goes to the issuer on request, comes back to the view asked for, and keeps the token in memory only', async () => {
    const opened = await dashboard.open(null, 'sip', { from: thisMonth, to: thisMonth });
    const { page } = opened;
    expect(await page.textContent('form.signin')).toContain(new URL(issuer.issuer).host);
    // The page's own address already names the view: wait for the issuer's redirect to the callback
    // first, else the sign-in form of the page being left counts as settled.
    await Promise.all([page.waitForURL(/\/dashboard\/callback\?/), page.click('form.signin button[type=submit]')]);
    await page.waitForURL(/\/dashboard\/\?view=sip/);
    const shown = await settle(page);
    expect(shown.messages).toEqual([]);
    expect(shown.cspViolations).toEqual([]);
    expect(shown.loadMs).not.toBeNull();
    expect(issuer.tokensIssued()).toBe(1);
    expect(await page.textContent('h1')).toBe('SIP');
    expect(await page.$$('[data-breakdown] table')).toHaveLength(2);
    // The address bar no longer holds the code; no token anywhere the browser keeps.
    expect(page.url()).not.toMatch(/code=|state=/);
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
    expect(await page.evaluate(() => Object.values(sessionStorage).some((v) => /access_token|eyJ/.test(v)))).toBe(false);
    // Signing out forgets the token: the page asks to sign in again.
    await page.click('header button');
    await page.waitForSelector('form.signin');
    await close(opened);
  });

  it('shows an expired token as "sign in again", and offers the issuer once more', async () => {
    issuer.signInAs(PLANNER, -60);
    try {
      const opened = await dashboard.open(null, 'sip', { from: thisMonth, to: thisMonth });
      await Promise.all([opened.page.waitForURL(/\/dashboard\/callback\?/), opened.page.click('form.signin button[type=submit]')]);
      await opened.page.waitForURL(/\/dashboard\/\?view=sip/);
      const shown = await settle(opened.page);
      expect(shown.messages).toEqual([expect.stringMatching(/logga in igen[\s\S]*UNAUTHENTICATED/i)]);
      await opened.page.click('#messages button');
      await opened.page.waitForSelector('form.signin');
      await close(opened);
    } finally {
      issuer.signInAs(PLANNER);
    }
  });

  it('logs no token and no person on the server', () => {
    const log = dashboard.serverLog();
    expect(log).toMatch(/"level":30/);
    expect(log).not.toMatch(/eyJ[\w-]+\.[\w-]+/);
    expect(log).not.toMatch(/(?<![\w-])(19|20)\d{6}-?\d{4}(?![\w-])/);
    expect(log).not.toMatch(/Demodata/);
  });
});
