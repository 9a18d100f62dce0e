import { randomBytes } from 'node:crypto';
import { loadConfig } from '../../server/config';
import { startTestApp, TestApp } from '../support/test-app';

const BROWSER = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };
const DASHBOARD = 'https://dashboard.region.example';
const ELSEWHERE = 'https://elsewhere.example';

/** What a browser sends before a cross-origin POST with a JSON body and a bearer token. */
const preflight = (url: string, origin: string) =>
  fetch(url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' } });
const post = (url: string, origin: string) =>
  fetch(url, { method: 'POST', headers: { origin, 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });

describe('the GraphQL explorer and CORS in development', () => {
  let app: TestApp;
  let base: string;

  beforeAll(async () => {
    app = await startTestApp({ CORS_ORIGINS: `${DASHBOARD}, http://localhost:5173` });
    base = app.url.replace(/\/graphql$/, '');
  });
  afterAll(() => app?.stop());

  it('serves GraphiQL at GET /graphql to a browser, without inline scripts, under a strict Content-Security-Policy', async () => {
    const res = await fetch(app.url, { headers: BROWSER });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    const page = await res.text();
    // Every script has a src: none inline, and nothing from another host.
    expect(page.match(/<script\b[^>]*>/g)?.every((tag) => /\bsrc="\/[^/]/.test(tag))).toBe(true);
    expect(page).not.toMatch(/https?:\/\//);
  });

  it('serves every file the page and its bootstrap refer to, with its content type', async () => {
    const page = await (await fetch(app.url, { headers: BROWSER })).text();
    const assets = [...page.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(assets).toEqual(expect.arrayContaining(['/graphiql/bootstrap.js', '/graphiql/ruru.css']));
    const bootstrap = await (await fetch(`${base}/graphiql/bootstrap.js`)).text();
    // The modules and workers it loads, relative to itself.
    const loaded = [...bootstrap.matchAll(/'(\.\/)?([\w.-]+\.js)'/g)].map((m) => `/graphiql/${m[2]}`);
    expect(loaded).toEqual(expect.arrayContaining(['/graphiql/ruru.js', '/graphiql/jsonWorker.js', '/graphiql/graphqlWorker.js', '/graphiql/editorWorker.js']));
    for (const asset of [...assets, ...loaded]) {
      const res = await fetch(`${base}${asset}`);
      expect([asset, res.status]).toEqual([asset, 200]);
      expect([asset, res.headers.get('content-type')]).toEqual([asset, expect.stringMatching(asset.endsWith('.css') ? /^text\/css/ : /^(text|application)\/javascript/)]);
      await res.arrayBuffer();
    }
  });

  it('still answers GraphQL over GET and POST at /graphql', async () => {
    const get = await fetch(`${app.url}?query=${encodeURIComponent('{ __typename }')}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(await get.json()).toEqual({ data: { __typename: 'Query' } });
    expect((await app.gql('{ __typename }')).data).toEqual({ __typename: 'Query' });
  });

  it('answers the preflight of a named origin and lets it read the answer, without credentials', async () => {
    const res = await preflight(app.url, DASHBOARD);
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(DASHBOARD);
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    expect(res.headers.get('access-control-allow-headers')).toEqual(expect.stringContaining('authorization'));
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    const answer = await post(app.url, DASHBOARD);
    expect(answer.headers.get('access-control-allow-origin')).toBe(DASHBOARD);
    expect(answer.headers.get('vary')).toMatch(/Origin/i);
    expect(await answer.json()).toEqual({ data: { __typename: 'Query' } });
    expect((await preflight(app.url, 'http://localhost:5173')).headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
  });

  it('gives any other origin no CORS header, so the browser refuses the answer to its page', async () => {
    for (const origin of [ELSEWHERE, `${DASHBOARD}.evil.example`, 'http://dashboard.region.example']) {
      const res = await preflight(app.url, origin);
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
      expect((await post(app.url, origin)).headers.get('access-control-allow-origin')).toBeNull();
    }
  });
});

describe('CORS_ORIGINS', () => {
  it('takes exact origins, none by default, and refuses * in production', () => {
    const production = { NODE_ENV: 'production', AUTH_ISSUER: 'x', AUTH_AUDIENCE: 'y', AUTH_JWKS_URL: 'https://idp.example/jwks', PATIENT_DATA_KEY: 'k' };
    expect(loadConfig({}).corsOrigins).toEqual([]);
    expect(loadConfig({ CORS_ORIGINS: ' https://a.example ,http://localhost:5173' }).corsOrigins).toEqual(['https://a.example', 'http://localhost:5173']);
    expect(loadConfig({ CORS_ORIGINS: '*' }).corsOrigins).toEqual(['*']);
    expect(() => loadConfig({ ...production, CORS_ORIGINS: '*' })).toThrow(/CORS_ORIGINS=\* is refused/);
    for (const bad of ['https://a.example/', 'https://a.example/path', 'a.example', 'ftp://a.example']) {
      expect(() => loadConfig({ CORS_ORIGINS: bad })).toThrow(/CORS_ORIGINS must list origins/);
    }
  });
});

describe('the GraphQL explorer in production', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({
      NODE_ENV: 'production',
      AUTH_ISSUER: 'https://idp.region.example',
      AUTH_AUDIENCE: 'samrehab',
      AUTH_JWKS_URL: 'http://127.0.0.1:9/jwks',
      PATIENT_DATA_KEY: randomBytes(32).toString('base64'),
      CORS_ORIGINS: DASHBOARD,
    });
  });
  afterAll(() => app?.stop());

  it('is not there: a browser at /graphql gets no page, and none of its files are served', async () => {
    const res = await fetch(app.url, { headers: BROWSER });
    expect(res.headers.get('content-type')).not.toMatch(/text\/html/);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(await res.text()).not.toMatch(/<html|graphiql|ruru|sandbox/i);
    for (const asset of ['/graphiql/bootstrap.js', '/graphiql/ruru.js']) expect((await fetch(app.url.replace(/\/graphql$/, asset))).status).toBe(404);
  });

  it('answers the named origin there too', async () => {
    expect((await preflight(app.url, DASHBOARD)).headers.get('access-control-allow-origin')).toBe(DASHBOARD);
    expect((await preflight(app.url, ELSEWHERE)).headers.get('access-control-allow-origin')).toBeNull();
  });
});
