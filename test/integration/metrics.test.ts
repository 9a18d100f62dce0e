import express from 'express';
import { AddressInfo } from 'node:net';
import { Role } from '../../domain/enums';
import { metricsRoute } from '../../server/metrics/metrics-route';
import { setReplicaLagSource } from '../../server/metrics/registry';
import { testPersonnummer, withWrongCheckDigit } from '../support/personnummer';
import { codes, startTestApp, TestApp } from '../support/test-app';

const METRICS_TOKEN = 'scraper-secret-0123456789';

/** The samples of a Prometheus text answer: `name{labels}` → value. */
function samples(text: string): Map<string, number> {
  const map = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const at = line.lastIndexOf(' ');
    map.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return map;
}

/** `/metrics` of a running server, for the operators' Prometheus (see README "Metrics and traces"). */
describe('metrics', () => {
  let app: TestApp;
  const base = () => app.url.replace(/\/graphql$/, '');
  const scrape = async () => {
    const res = await fetch(`${base()}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return res.text();
  };

  beforeAll(async () => {
    app = await startTestApp({ METRICS_TOKEN });
  });
  afterAll(() => app.stop());

  it('counts requests by SDK operation and outcome, with durations, statements, pool and loader batches, and no personal data', async () => {
    const staff = await app.token('2062', Role.CARE_STAFF);
    const pnr = withWrongCheckDigit(testPersonnummer('19121212'));
    const ok = await app.gql(`query Municipality($code: String!) { municipality(code: $code) { name region { name } } }`, { code: '2062' }, staff);
    expect(ok.errors).toBeUndefined();
    const refused = await app.gql(
      `mutation PatientCreate($input: PatientCreateInput!) { patientCreate(input: $input) { patient { id } } }`,
      { input: { personnummer: pnr, givenName: 'Tolvansdotter', familyName: 'Tolvansson' } },
      staff,
    );
    expect(codes(refused)).toEqual(['BAD_USER_INPUT']);
    const anonymous = await app.gql(`query Regions { regions { edges { node { name } } } }`, {});
    expect(codes(anonymous)).toEqual(['UNAUTHENTICATED']);
    // A client may name its operation anything: a name outside the SDK is counted as "other".
    const named = await app.gql(`query Tolvansson_${pnr.replace('-', '_')} { municipality(code: "2062") { name } }`, {}, staff);
    expect(named.errors).toBeUndefined();

    const text = await scrape();
    const s = samples(text);
    expect(s.get('samrehab_graphql_requests_total{operation="Municipality",outcome="ok"}')).toBe(1);
    expect(s.get('samrehab_graphql_requests_total{operation="PatientCreate",outcome="BAD_USER_INPUT"}')).toBe(1);
    expect(s.get('samrehab_graphql_requests_total{operation="Regions",outcome="UNAUTHENTICATED"}')).toBe(1);
    expect(s.get('samrehab_graphql_requests_total{operation="other",outcome="ok"}')).toBe(1);
    expect(s.get('samrehab_graphql_request_duration_seconds_count{operation="Municipality"}')).toBe(1);
    expect(s.get('samrehab_graphql_request_duration_seconds_sum{operation="Municipality"}')).toBeGreaterThan(0);
    expect(s.get('samrehab_graphql_request_duration_seconds_bucket{le="+Inf",operation="PatientCreate"}')).toBe(1);
    // Every GraphQL request is observed once; the successful reads sent statements.
    expect(s.get('samrehab_db_statements_per_request_count')).toBe(4);
    expect(s.get('samrehab_db_statements_per_request_sum')).toBeGreaterThanOrEqual(2);
    expect(s.get('samrehab_db_pool_connections{state="total"}')).toBeGreaterThanOrEqual(1);
    expect(s.get('samrehab_db_pool_connections{state="total"}')).toBeLessThanOrEqual(app.config.poolSize);
    expect(s.has('samrehab_db_pool_connections{state="idle"}')).toBe(true);
    expect(s.get('samrehab_db_pool_connections{state="waiting"}')).toBe(0);
    // The municipality's region came through the reference loader, in one batch of one key.
    expect(s.get('samrehab_dataloader_batch_size_count{loader="reference.region"}')).toBeGreaterThanOrEqual(1);
    expect(s.get('samrehab_dataloader_batch_size_bucket{le="1",loader="reference.region"}')).toBeGreaterThanOrEqual(1);
    // Node's own series.
    expect(s.has('process_cpu_user_seconds_total')).toBe(true);
    expect(s.has('nodejs_eventloop_lag_seconds')).toBe(true);

    for (const secret of [pnr, pnr.replace('-', ''), pnr.replace('-', '_'), '19121212', 'Tolvans', staff]) expect(text).not.toContain(secret);
    // Label values are bounded: operations from the SDK or "other", outcomes are codes, loaders are named.
    const operations = new Set([...text.matchAll(/operation="([^"]*)"/g)].map((m) => m[1]));
    expect([...operations].sort()).toEqual(['Municipality', 'PatientCreate', 'Regions', 'other']);
  });

  it('reports replica lag only while a replica reports it', async () => {
    expect(await scrape()).not.toMatch(/^samrehab_replica_lag_seconds\{/m);
    setReplicaLagSource(() => 2.5);
    expect(samples(await scrape()).get('samrehab_replica_lag_seconds{replica="read"}')).toBe(2.5);
    setReplicaLagSource(async () => null);
    expect(await scrape()).not.toMatch(/^samrehab_replica_lag_seconds\{/m);
    setReplicaLagSource(() => {
      throw new Error('replica unreachable');
    });
    expect(await scrape()).not.toMatch(/^samrehab_replica_lag_seconds\{/m);
    setReplicaLagSource(null);
  });

  it('answers only a scraper with METRICS_TOKEN', async () => {
    const without = await fetch(`${base()}/metrics`);
    expect(without.status).toBe(401);
    expect(await without.json()).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'UNAUTHENTICATED' } }] });
    expect((await fetch(`${base()}/metrics`, { headers: { authorization: 'Bearer scraper-secret-wrong-guess' } })).status).toBe(401);
    expect((await fetch(`${base()}/metrics`, { headers: { authorization: METRICS_TOKEN } })).status).toBe(401);
  });

  it('is not served in production without METRICS_TOKEN, and open in development', async () => {
    const statusOf = async (production: boolean) => {
      const server = express().get('/metrics', metricsRoute({ token: null, production })).listen(0);
      try {
        await new Promise((resolve) => server.once('listening', resolve));
        return (await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`)).status;
      } finally {
        server.close();
      }
    };
    expect(await statusOf(true)).toBe(404);
    expect(await statusOf(false)).toBe(200);
  });
});
