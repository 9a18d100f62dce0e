// The compose topology (README "Operations → Topology") from Debian's packages: two server instances on
// the primary, reading the planners' aggregates from the hot standby, behind HAProxy with
// docker/haproxy.cfg (its servers pointed at the two local ports). Through the proxy: both instances
// answer, /readyz says reads go to the replica, writes made through the proxy are read back, and while
// one instance is stopped (SIGTERM: /readyz turns 503, the proxy takes it out, in-flight requests
// finish) every request keeps being answered; /metrics then lists the named series.
// Usage: node .ci/topology.mjs <primary port> <standby port>   (run by .ci/replica.sh)
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

const [primaryPort, standbyPort] = process.argv.slice(2);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'samrehab-ci-topology-'));
const children = [];
const freePort = () => new Promise((resolve) => { const s = net.createServer(); s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); }); });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const fail = (message) => { console.error(`topology: ${message}`); process.exitCode = 1; throw new Error(message); };

const metricsToken = 'ci-metrics-token-0123456789';
const env = {
  PATH: process.env.PATH,
  DATABASE_URL: `postgres://samrehab_app@127.0.0.1:${primaryPort}/samrehab`,
  DATABASE_MIGRATION_URL: `postgres://samrehab_owner@127.0.0.1:${primaryPort}/samrehab`,
  DATABASE_READ_URL: `postgres://samrehab_app@127.0.0.1:${standbyPort}/samrehab`,
  DATA_DIR: path.join(work, 'data'), // one DATA_DIR for both, as in compose: the development keys are shared
  SHUTDOWN_GRACE_MS: '6000', // longer than the proxy's 2 failed checks 2 s apart
  METRICS_TOKEN: metricsToken,
  LOG_LEVEL: 'warn',
};

function startServer(port) {
  const child = spawn(process.execPath, [path.join(root, 'dist/server/main.js')], { env: { ...env, PORT: String(port) }, stdio: ['ignore', 'inherit', 'inherit'] });
  children.push(child);
  return child;
}

async function until(what, check, ms = 30_000) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await sleep(200);
  }
  fail(`timed out waiting for ${what}`);
}

async function gql(url, query, variables, token) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
  const body = await res.json();
  if (!res.ok || body.errors) throw new Error(`HTTP ${res.status} ${JSON.stringify(body.errors?.map((e) => e.extensions?.code))}`);
  return body.data;
}

try {
  const [port1, port2, proxyPort] = [await freePort(), await freePort(), await freePort()];
  const app1 = startServer(port1);
  startServer(port2);
  for (const port of [port1, port2]) await until(`instance on ${port}`, async () => (await fetch(`http://127.0.0.1:${port}/readyz`)).ok, 120_000);

  if (!fs.existsSync('/usr/sbin/haproxy')) execFileSync('apt-get', ['install', '-y', '-qq', 'haproxy'], { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  const config = fs.readFileSync(path.join(root, 'docker/haproxy.cfg'), 'utf8')
    .replace('bind :8080', `bind 127.0.0.1:${proxyPort}`)
    .replace('app1:4000', `127.0.0.1:${port1}`)
    .replace('app2:4000', `127.0.0.1:${port2}`)
    .replace('log stdout format raw local0', '');
  fs.writeFileSync(path.join(work, 'haproxy.cfg'), config);
  children.push(spawn('/usr/sbin/haproxy', ['-db', '-f', path.join(work, 'haproxy.cfg')], { stdio: ['ignore', 'ignore', 'inherit'] }));
  const proxy = `http://127.0.0.1:${proxyPort}`;
  await until('the proxy', async () => (await fetch(`${proxy}/readyz`)).ok);

  const readyz = await (await fetch(`${proxy}/readyz`)).json();
  if (readyz.reads !== 'replica') fail(`/readyz through the proxy: ${JSON.stringify(readyz)}, expected reads on the replica`);
  const token = execFileSync(process.execPath, [path.join(root, 'dist/server/auth/token-cli.js'), '--org', '2062', '--role', 'CARE_STAFF'], { env }).toString().trim();
  const planner = execFileSync(process.execPath, [path.join(root, 'dist/server/auth/token-cli.js'), '--org', '20', '--role', 'PLANNER'], { env }).toString().trim();

  // Requests through the proxy while instance 1 stops: none may fail.
  const CREATE = 'mutation($input: PatientCreateInput!) { patientCreate(input: $input) { patient { id } } }';
  const READ = 'query($id: ID!) { patient(id: $id) { id } }';
  const REPORT = 'query($p: PeriodInput!) { sipStatistics(regionCode: "20", period: $p) { region { started { total { display } } } } }';
  const { luhnCheckDigit } = createRequire(import.meta.url)(path.join(root, 'dist/domain/personnummer.js'));
  const personnummer = (n) => { const nnn = String(100 + n).padStart(3, '0'); return `19470303-${nnn}${luhnCheckDigit(`470303${nnn}`)}`; };
  const created = [];
  let failures = 0;
  let stopped = false;
  const exited = new Promise((resolve) => app1.once('exit', resolve));
  const load = (async () => {
    for (let n = 0; !stopped || n < 40; n++) {
      try {
        const { patientCreate } = await gql(`${proxy}/graphql`, CREATE, { input: { personnummer: personnummer(n), familyName: 'Topologi' } }, token);
        created.push(patientCreate.patient.id);
        await gql(`${proxy}/graphql`, REPORT, { p: { from: '2026-01-01', to: '2026-12-31' } }, planner);
      } catch (e) {
        failures++;
        console.error(`topology: request ${n} failed: ${e.message}`);
      }
      await sleep(100);
    }
  })();
  await sleep(1000);
  app1.kill('SIGTERM');
  await exited;
  stopped = true;
  await load;
  if (failures > 0) fail(`${failures} request(s) through the proxy failed while an instance stopped`);
  for (const id of created) await gql(`${proxy}/graphql`, READ, { id }, token);
  console.log(`topology: ${created.length} writes through the proxy while instance 1 stopped, none failed, all read back`);

  const metrics = await fetch(`http://127.0.0.1:${port2}/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } });
  const text = await metrics.text();
  const series = ['samrehab_graphql_requests_total', 'samrehab_graphql_request_duration_seconds', 'samrehab_db_pool_connections', 'samrehab_db_statements_per_request', 'samrehab_dataloader_batch_size', 'samrehab_replica_lag_seconds'];
  const missing = series.filter((name) => !text.includes(`\n${name}`));
  if (!metrics.ok || missing.length) fail(`/metrics (${metrics.status}) lacks ${missing.join(', ')}`);
  console.log(`topology: /metrics lists ${series.length} named series`);
} finally {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  fs.rmSync(work, { recursive: true, force: true });
}
