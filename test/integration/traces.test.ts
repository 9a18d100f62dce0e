import { ChildProcess, spawn } from 'node:child_process';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import { Role } from '../../domain/enums';
import { seededOrganisationId } from '../../entities/seed/seed';
import { signDevToken } from '../../server/auth/dev-keys';
import { testPersonnummer, withWrongCheckDigit } from '../support/personnummer';
import { backend } from '../support/test-app';

interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: { key: string; value: Record<string, unknown> }[];
}

const attribute = (span: OtlpSpan, key: string) => {
  const value = span.attributes.find((a) => a.key === key)?.value;
  return value ? Object.values(value)[0] : undefined;
};

/**
 * Tracing, as an operator turns it on: the server (`node dist/server/main.js`, as deployed, so
 * that the http and pg instrumentations load as they do there) exports its spans over OTLP/HTTP
 * to a collector, here a small HTTP server of the test reading the JSON export.
 */
describe('traces', () => {
  const bodies: string[] = [];
  let collector: http.Server;
  let server: ChildProcess;
  const logLines: Record<string, any>[] = [];
  let base = '';

  beforeAll(async () => {
    collector = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        if (req.url === '/v1/traces') bodies.push(body);
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    server = spawn(process.execPath, [path.resolve(__dirname, '../../dist/server/main.js')], {
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'test',
        PORT: '0',
        LOG_LEVEL: 'info',
        DATABASE_URL: process.env.SAMREHAB_TEST_DATABASE_URL,
        DATABASE_POOL_SIZE: backend() === 'pglite' ? '1' : '2',
        DATA_DIR: process.env.SAMREHAB_TEST_DATA_DIR,
        SHUTDOWN_GRACE_MS: '0',
        OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${(collector.address() as AddressInfo).port}`,
        // Every resolver gets a span, so that every resolver span is checked for personal data.
        TRACE_RESOLVER_MIN_MS: '0',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let pending = '';
    base = await new Promise<string>((resolve, reject) => {
      server.once('exit', (code) => reject(new Error(`the server ended with ${code}`)));
      server.stdout!.on('data', (chunk: Buffer) => {
        pending += chunk.toString();
        const lines = pending.split('\n');
        pending = lines.pop()!;
        for (const line of lines) {
          const entry = JSON.parse(line);
          logLines.push(entry);
          if (entry.msg === 'samrehab listening') resolve(entry.url.replace('/graphql', ''));
        }
      });
    });
  }, 120_000);

  afterAll(async () => {
    if (server.exitCode === null) server.kill('SIGKILL');
    await new Promise((resolve) => collector.close(resolve));
  });

  it("exports HTTP, GraphQL, resolver and pg spans tied to the request's id, logs the trace id, and exports no personal data", async () => {
    const token = await signDevToken(process.env.SAMREHAB_TEST_DATA_DIR!, { userId: 'test-tracing', organisationId: seededOrganisationId('2062')!, roles: [Role.CARE_STAFF] });
    const pnr = testPersonnummer('19121212', 'MALE');
    const post = (query: string, variables: Record<string, unknown>) =>
      fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
    const created = await post(`mutation PatientCreate($input: PatientCreateInput!) { patientCreate(input: $input) { patient { id givenName } } }`, {
      input: { personnummer: pnr, givenName: 'Tolvansdotter', familyName: 'Tolvansson', homeMunicipalityCode: '2062' },
    });
    expect(created.status).toBe(200);
    expect(await created.json()).toMatchObject({ data: { patientCreate: { patient: { givenName: 'Tolvansdotter' } } } });
    const requestId = created.headers.get('x-request-id')!;
    const refused = await post(`mutation PatientCreate($input: PatientCreateInput!) { patientCreate(input: $input) { patient { id } } }`, {
      input: { personnummer: withWrongCheckDigit(pnr), givenName: 'Tolvansdotter' },
    });
    expect(((await refused.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    // A name of the client's own, and a GET whose query string carries the variables.
    const aliased = await post(`query Tolvansson_${pnr.replace('-', '_')} { tolvansson: patients(filter: { personnummer: "${pnr}" }) { edges { node { id } } } }`, {});
    expect(aliased.status).toBe(200);
    const get = await fetch(`${base}/graphql?query=${encodeURIComponent('query($p: String!) { patients(filter: { personnummer: $p }) { edges { node { id } } } }')}&variables=${encodeURIComponent(JSON.stringify({ p: pnr }))}`, {
      headers: { authorization: `Bearer ${token}`, 'apollo-require-preflight': 'true' },
    });
    expect(get.status).toBe(200);

    // Stopping sends the spans still in the batch.
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    expect(await exited).toBe(0);

    const spans: OtlpSpan[] = bodies.flatMap((b) => JSON.parse(b).resourceSpans.flatMap((r: any) => r.scopeSpans.flatMap((s: any) => s.spans)));
    if (process.env.DUMP_SPANS) console.log(JSON.stringify(spans.map((s) => [s.name, s.kind, s.traceId.slice(0, 6), Object.fromEntries(s.attributes.map((a) => [a.key, Object.values(a.value)[0]]))])));
    const root = spans.find((s) => attribute(s, 'samrehab.request_id') === requestId)!;
    // The root: an incoming HTTP request (SERVER) with no parent.
    expect(root.kind).toBe(2);
    expect(root.parentSpanId).toBeFalsy();
    expect(attribute(root, 'url.path') ?? attribute(root, 'http.target')).toBe('/graphql');
    const ofTrace = spans.filter((s) => s.traceId === root.traceId);
    const operation = ofTrace.find((s) => s.name === 'graphql mutation PatientCreate')!;
    expect(operation.parentSpanId).toBe(root.spanId);
    expect(ofTrace.filter((s) => s.name === 'graphql.resolve Mutation.patientCreate')).toHaveLength(1);
    expect(ofTrace.some((s) => attribute(s, 'db.system') === 'postgresql' || attribute(s, 'db.system.name') === 'postgresql')).toBe(true);
    // The client's own operation name and its alias are not the span's.
    expect(spans.some((s) => s.name === 'graphql query other')).toBe(true);

    const linesOfRequest = logLines.filter((l) => l.requestId === requestId);
    expect(linesOfRequest.length).toBeGreaterThan(0);
    for (const line of linesOfRequest) expect(line.traceId).toBe(root.traceId);

    const exported = bodies.join('\n');
    for (const secret of [pnr, pnr.replace('-', ''), pnr.replace('-', '_'), pnr.slice(2), 'Tolvans', token, token.split('.')[2]]) expect(exported).not.toContain(secret);
  }, 60_000);
});
