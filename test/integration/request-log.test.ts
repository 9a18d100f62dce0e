import { Role } from '../../domain/enums';
import { captureLog, startTestApp, TestApp } from '../support/test-app';

/** What the server writes about each request, and the id that ties a response to it. */
describe('request ids and request logs', () => {
  let app: TestApp;
  const log = captureLog();
  beforeAll(async () => {
    app = await startTestApp({ LOG_LEVEL: 'debug' }, { log });
  });
  afterAll(() => app.stop());

  const base = () => app.url.replace('/graphql', '');
  const linesOf = (requestId: string | null) => log.lines.filter((l) => l.requestId === requestId);

  it('names every response in x-request-id: health routes, 401, 400, 413, 415 and 404 too, each id new', async () => {
    const answers = await Promise.all([
      fetch(`${base()}/healthz`),
      fetch(`${base()}/readyz`),
      fetch(app.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer not-a-token' }, body: '{"query":"{ regions { edges { cursor } } }"}' }),
      fetch(app.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":' }),
      fetch(app.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'x'.repeat(1_100_000) }) }),
      fetch(app.url, { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-16' }, body: '{}' }),
      fetch(`${base()}/nothing-here`),
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 401, 400, 413, 415, 404]);
    const ids = answers.map((a) => a.headers.get('x-request-id'));
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('logs one line per request: id, method, path without query string, status and duration; no headers, query or variables', async () => {
    const token = await app.token('2062', Role.INTEGRATION);
    const res = await fetch(`${app.url}?secret=19121212-1212`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: 'query($code: String!) { municipality(code: $code) { name } }', variables: { code: '2062' } }),
    });
    const id = res.headers.get('x-request-id');
    const lines = linesOf(id).filter((l) => l.msg === 'request');
    expect(lines).toEqual([{ level: 30, time: expect.any(Number), pid: expect.any(Number), hostname: expect.any(String), requestId: id, method: 'POST', path: '/graphql', status: 200, durationMs: expect.any(Number), msg: 'request' }]);
    const text = log.text();
    expect(text).not.toContain(token);
    expect(text).not.toContain('19121212');
    expect(text).not.toContain('municipality(code');
    // A path the server does not serve may carry anything: it is logged as "*".
    const unknown = await fetch(`${base()}/patients/19121212-1212`);
    expect(linesOf(unknown.headers.get('x-request-id'))).toEqual([expect.objectContaining({ path: '*', status: 404 })]);
    expect(log.text()).not.toContain('19121212');
  });

  it("tags every line written during a request with the request's id", async () => {
    const admin = await app.token('20', Role.TENANT_ADMIN);
    const res = await app.gql(`mutation($input: OrganisationCreateInput!) { organisationCreate(input: $input) { organisation { id } } }`, { input: { kind: 'EMPLOYER', name: `Logged employer ${Date.now()}` } }, admin);
    expect(res.errors).toBeUndefined();
    expect(linesOf(res.requestId).map((l) => l.msg)).toEqual(['organisation created', 'request']);
    expect(linesOf(res.requestId)[0]).toEqual(expect.objectContaining({ organisationId: res.data.organisationCreate.organisation.id }));
  });
});
