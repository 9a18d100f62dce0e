import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse } from 'graphql';
import { createClient, MunicipalityDocument, OrganisationCreateDocument, pages, RegionsDocument, SamrehabError, SamrehabHttpError } from '../../client-sdk/src';
import { Role } from '../../domain/enums';
import { startTestApp, TestApp } from '../support/test-app';

/** What a partner's program relies on beyond the typed methods: partial data, paging, bad answers, time-outs, retries. */
describe('client SDK behaviour against the server', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.stop());

  it('runs a typed document node and returns data beside errors', async () => {
    const client = createClient({ url: app.url, token: await app.token('2062', Role.CARE_STAFF) });
    const mora = await client.execute(MunicipalityDocument, { code: '2062' });
    expect(mora.data?.municipality?.name).toBe('Mora kommun');
    expect(mora.errors).toBeUndefined();

    // One refused record does not lose the rest of the answer.
    const mixed = parse(`{ region(code: "20") { name } sip(id: "00000000-0000-4000-8000-000000000000") { id } }`);
    const result = await client.execute<{ region: { name: string } | null; sip: unknown }, Record<string, never>>(mixed, {});
    expect(result.data?.region?.name).toBe('Dalarna');
    expect(result.data?.sip).toBeNull();
    expect(result.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('keeps the partial data in the error a method throws', async () => {
    const anonymous = createClient({ url: app.url });
    const failure = await anonymous.Regions({}).catch((e) => e);
    expect(failure).toBeInstanceOf(SamrehabError);
    expect(failure.code).toBe('UNAUTHENTICATED');
    expect(failure.status).toBe(401);
    const staff = createClient({ url: app.url, token: await app.token('20', Role.CARE_STAFF) });
    const refused = await staff.OrganisationCreate({ input: { kind: 'EMPLOYER', name: 'x' } }).catch((e) => e);
    expect(refused.code).toBe('FORBIDDEN');
    expect(refused.data).toBeNull();
  });

  it('walks every page of a connection', async () => {
    const client = createClient({ url: app.url, token: await app.token('2062', Role.INTEGRATION) });
    const names: string[] = [];
    for await (const o of pages((after) => client.Organisations({ filter: { regionCode: '20', kind: 'MUNICIPALITY' }, first: 4, after }).then((r) => r.organisations))) {
      names.push(o.name);
    }
    expect(names).toHaveLength(15);
    expect(new Set(names).size).toBe(15);
    expect(names).toContain('Mora kommun');
  });
});

describe('client SDK behaviour against a misbehaving server', () => {
  let server: http.Server;
  let url: string;
  let answer: (req: http.IncomingMessage, res: http.ServerResponse) => void;
  let requests = 0;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      requests++;
      answer(req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(() => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))));
  beforeEach(() => (requests = 0));

  const gatewayPage = (_req: http.IncomingMessage, res: http.ServerResponse) => {
    res.writeHead(502, { 'content-type': 'text/html' });
    res.end('<html><body>Bad gateway</body></html>');
  };

  it('says clearly that an answer is not JSON, after retrying a query, and never retries a mutation', async () => {
    answer = gatewayPage;
    const client = createClient({ url, retries: 2 });
    const query = await client.execute(RegionsDocument, {}).catch((e) => e);
    expect(query).toBeInstanceOf(SamrehabHttpError);
    expect(query.status).toBe(502);
    expect(query.message).toContain('not a GraphQL response');
    expect(requests).toBe(3);

    requests = 0;
    const mutation = await client.execute(OrganisationCreateDocument, { input: { kind: 'EMPLOYER', name: 'x' } }).catch((e) => e);
    expect(mutation).toBeInstanceOf(SamrehabHttpError);
    expect(requests).toBe(1);
  });

  it('retries a query the server could not answer for now, and returns the answer that came', async () => {
    answer = (req, res) => {
      if (requests === 1) {
        res.writeHead(503, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ errors: [{ message: 'The database cannot be reached now', extensions: { code: 'SERVICE_UNAVAILABLE' } }] }));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ data: { regions: { edges: [], pageInfo: { hasNextPage: false, endCursor: null } } } }));
    };
    const result = await createClient({ url }).execute(RegionsDocument, {});
    expect(result.data).toEqual({ regions: { edges: [], pageInfo: { hasNextPage: false, endCursor: null } } });
    expect(requests).toBe(2);
  });

  it('gives up after the timeout, and on the caller\'s abort', async () => {
    answer = () => undefined; // never answers
    const timedOut = await createClient({ url, retries: 0 }).execute(RegionsDocument, {}, { timeoutMs: 200 }).catch((e) => e);
    expect(timedOut.name).toBe('TimeoutError');
    const controller = new AbortController();
    const pending = createClient({ url }).execute(RegionsDocument, {}, { signal: controller.signal }).catch((e) => e);
    controller.abort();
    expect((await pending).name).toBe('AbortError');
  });
});
