import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import autocannon from 'autocannon';
import { Role } from '../domain/enums';
import { freePort } from '../server/free-port';
import { createBenchDatabase, dropBenchDatabase } from './growth/database';
import { BENCH_PATIENT_DATA_KEY } from './growth/identities';
import { startIdentityProvider } from './growth/identity-provider';
import { startOwnPostgres } from './own-postgres';
import { normalisePostGraphile, normaliseSamrehab, ORGANISATIONS_QUERY, POSTGRAPHILE_QUERY } from './query';

/**
 * npm run bench: the nested organisations list on PostgreSQL through three servers on the same
 * database: samrehab (the whole stack), PostGraphile 5 (amber preset) and a node:http + pg handler
 * sending one hand-written statement (the yardstick). It checks that all three answer the same
 * organisations, then loads them in turn (A B C A B C …, BENCH_ROUNDS rounds of BENCH_SECONDS
 * each, BENCH_CONNECTIONS connections, autocannon on loopback) and prints requests/s, p99 and the
 * server's CPU ms per request (utime + stime from /proc/<pid>/stat over the measured runs, divided
 * by the requests answered): on a shared machine CPU per request is the figure that holds.
 * DATABASE_URL (a superuser's URL) names the PostgreSQL; without it the bench starts its own, and
 * then also prints PostgreSQL's CPU per request (the postmaster and its backends).
 * samrehab runs as in production (NODE_ENV=production, tokens from a stand-in OIDC issuer, its own
 * app role under row-level security, migrations as the owner role) on a fresh database the bench
 * makes and drops; the other two read that database as the superuser.
 */
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const root = path.resolve(__dirname, '..', '..');
const ticksPerSecond = 100; // USER_HZ, the unit of /proc/<pid>/stat's times on Linux

interface Server {
  name: string;
  child: ChildProcess;
  url: string;
  headers: Record<string, string>;
  body: string;
  requests: number;
  cpuTicks: number;
  /** PostgreSQL's CPU over the measured runs, when the bench started it. */
  databaseTicks: number;
  latencies: number[];
  seconds: number;
}

async function startServer(script: string, env: NodeJS.ProcessEnv, preload: string[] = []): Promise<{ child: ChildProcess; port: number }> {
  const port = await freePort();
  const args = [...preload.flatMap((p) => ['--require', path.join(root, 'dist', p)]), path.join(root, 'dist', script)];
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env, PORT: String(port), LOG_LEVEL: 'warn' }, stdio: ['ignore', 'ignore', 'inherit'] });
  for (let i = 0; i < 600; i++) {
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok, () => false);
    if (ready) return { child, port };
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error(`${script} did not become ready`);
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

/** Fields of /proc/<pid>/stat after the parenthesised command name (field 3 onwards), or null when it is gone. */
function statOf(pid: number): string[] | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/** User plus system CPU time of a process so far (fields 14 and 15), in clock ticks. */
function cpuTicks(pid: number): number {
  const fields = statOf(pid);
  return fields ? Number(fields[11]) + Number(fields[12]) : 0;
}

/** CPU time so far of each process of a PostgreSQL server the bench started: the postmaster and its backends. */
function postgresTicks(postmaster: number): Map<number, number> {
  const ticks = new Map([[postmaster, cpuTicks(postmaster)]]);
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = statOf(Number(entry));
    if (fields && Number(fields[1]) === postmaster) ticks.set(Number(entry), Number(fields[11]) + Number(fields[12]));
  }
  return ticks;
}

/**
 * PostgreSQL's CPU between two snapshots: what each process running at the end spent since the
 * first (all of it, for a backend started in between). A backend that ended in between (another
 * server's idle connection closed by its pool) is left out rather than counted against this run.
 */
function postgresTicksSince(postmaster: number, before: Map<number, number>): number {
  let ticks = 0;
  for (const [pid, now] of postgresTicks(postmaster)) ticks += now - (before.get(pid) ?? 0);
  return ticks;
}

async function answer(server: Pick<Server, 'url' | 'headers' | 'body'>): Promise<any> {
  const response = await fetch(server.url, { method: 'POST', headers: server.headers, body: server.body });
  const body: any = await response.json();
  if (!response.ok || body.errors) throw new Error(`${server.url}: unexpected answer ${JSON.stringify(body).slice(0, 300)}`);
  return body;
}

function run(server: Server, duration: number, measure: boolean, postmaster: number | null): Promise<void> {
  return new Promise((resolve, reject) => {
    const before = cpuTicks(server.child.pid!);
    const databaseBefore = postmaster ? postgresTicks(postmaster) : new Map<number, number>();
    const instance = autocannon({ url: server.url, method: 'POST', headers: server.headers, body: server.body, connections, duration }, (error, result) => {
      if (error) return reject(error);
      if (result.non2xx > 0 || result.errors > 0) return reject(new Error(`${server.name}: ${result.non2xx} non-2xx answers, ${result.errors} errors`));
      if (measure) {
        server.cpuTicks += cpuTicks(server.child.pid!) - before;
        if (postmaster) server.databaseTicks += postgresTicksSince(postmaster, databaseBefore);
        server.requests += result.requests.total;
        server.seconds += duration;
      }
      resolve();
    });
    if (measure) instance.on('response', (_client, _status, _bytes, responseTime) => server.latencies.push(responseTime));
  });
}

function percentile(sortedValues: number[], p: number): number {
  return sortedValues[Math.min(sortedValues.length - 1, Math.ceil((p / 100) * sortedValues.length) - 1)];
}

async function main() {
  const own = process.env.DATABASE_URL ? null : await startOwnPostgres();
  const clusterUrl = new URL(process.env.DATABASE_URL ?? own!.url);
  clusterUrl.pathname = '/postgres';
  const cluster = { adminUrl: clusterUrl.toString(), stop: () => undefined };
  const databaseName = `samrehab_bench_${process.pid}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samrehab-bench-'));
  const children: ChildProcess[] = [];
  const idp = await startIdentityProvider();
  try {
    console.log(`database: PostgreSQL ${own ? 'started by the bench' : '(DATABASE_URL)'}; ${rounds} rounds of ${seconds} s per server, ${connections} connections`);
    // Migrated and seeded by the app's own migrations as the owner role, the way production runs.
    const db = await createBenchDatabase(cluster, databaseName);
    const app = await startServer('server/main.js', {
      ...idp.env,
      DATA_DIR: dataDir,
      NODE_ENV: 'production',
      DATABASE_URL: db.appUrl,
      DATABASE_MIGRATION_URL: db.ownerUrl,
      PATIENT_DATA_KEY: BENCH_PATIENT_DATA_KEY,
    });
    children.push(app.child);
    const env = { DATA_DIR: dataDir, NODE_ENV: 'development', DATABASE_URL: db.adminUrl };
    const graphile = await startServer('bench/postgraphile-server.js', { ...env, GRAPHILE_ENV: 'production' }, ['bench/promise-with-resolvers.js']);
    children.push(graphile.child);
    const raw = await startServer('bench/raw-pg-server.js', env);
    children.push(raw.child);

    const token = await idp.token({ organisation: '2062', role: Role.INTEGRATION });
    const json = { 'content-type': 'application/json' };
    const server = (name: string, child: ChildProcess, port: number, headers: Record<string, string>, query: string): Server => ({
      name,
      child,
      url: `http://127.0.0.1:${port}/graphql`,
      headers,
      body: JSON.stringify({ query }),
      requests: 0,
      cpuTicks: 0,
      databaseTicks: 0,
      latencies: [],
      seconds: 0,
    });
    const servers = [
      server('samrehab (GraphQL stack)', app.child, app.port, { ...json, authorization: `Bearer ${token}` }, ORGANISATIONS_QUERY),
      server('PostGraphile 5 (amber)', graphile.child, graphile.port, json, POSTGRAPHILE_QUERY),
      server('node:http + pg, one statement', raw.child, raw.port, json, ''),
    ];

    const expected = normaliseSamrehab(await answer(servers[0]));
    if (expected.length !== 20) throw new Error(`samrehab answered ${expected.length} organisations, not 20`);
    if (!isDeepStrictEqual(normalisePostGraphile(await answer(servers[1])), expected)) throw new Error('PostGraphile answers other organisations than samrehab');
    if (!isDeepStrictEqual(normaliseSamrehab(await answer(servers[2])), expected)) throw new Error('the raw handler answers other organisations than samrehab');
    console.log('all three answer the same 20 organisations (with region, members, memberships and care units)');

    // Warm up each (JIT, caches, pools), then interleave the measured runs.
    const postmaster = own?.pid ?? null;
    for (const s of servers) await run(s, 2, false, postmaster);
    for (let round = 1; round <= rounds; round++) {
      for (const s of servers) await run(s, seconds, true, postmaster);
      process.stdout.write(`round ${round}/${rounds} done\n`);
    }

    const figures = servers.map((s) => {
      const sortedLatencies = s.latencies.sort((a, b) => a - b);
      return {
        name: s.name,
        rps: s.requests / s.seconds,
        p50: percentile(sortedLatencies, 50),
        p99: percentile(sortedLatencies, 99),
        cpu: ((s.cpuTicks / ticksPerSecond) * 1000) / s.requests,
        databaseCpu: ((s.databaseTicks / ticksPerSecond) * 1000) / s.requests,
      };
    });
    const cell = (value: number, digits: number) => value.toFixed(digits).padStart(10);
    const database = (value: number) => (own ? value.toFixed(2).padStart(12) : '');
    console.log(`\n${'server'.padEnd(32)}${'req/s'.padStart(10)}${'p50 ms'.padStart(10)}${'p99 ms'.padStart(10)}${'CPU ms/req'.padStart(12)}${own ? 'PG CPU ms/req'.padStart(15) : ''}`);
    for (const f of figures) console.log(`${f.name.padEnd(32)}${cell(f.rps, 0)}${cell(f.p50, 1)}${cell(f.p99, 1)}${f.cpu.toFixed(2).padStart(12)}${database(f.databaseCpu).padStart(own ? 15 : 0)}`);
    const [samrehab, postgraphile, yardstick] = figures;
    const ratios = (other: typeof samrehab) =>
      `requests/s ${(samrehab.rps / other.rps).toFixed(2)}×, p99 ${(samrehab.p99 / other.p99).toFixed(2)}×, CPU per request ${(samrehab.cpu / other.cpu).toFixed(2)}×` +
      (own ? `, PG CPU per request ${(samrehab.databaseCpu / other.databaseCpu).toFixed(2)}×` : '');
    console.log(`\nsamrehab / PostGraphile: ${ratios(postgraphile)}`);
    console.log(`samrehab / raw handler:  ${ratios(yardstick)}`);
    console.log(`\nnotes: samrehab authenticates a bearer token, opens a transaction as the app role with the viewer's region for`);
    console.log(`row-level security and checks permissions (production mode); PostGraphile and the raw handler connect as ${own ? 'the superuser' : "DATABASE_URL's user"} and`);
    console.log(`read the tables past row-level security, with no authentication. Each server runs alone while measured; CPU is the`);
    console.log(`server process's; PG CPU is the PostgreSQL server's (only when the bench started it). Timings on a shared machine`);
    console.log(`are noisy: compare CPU per request.`);
  } finally {
    for (const child of children) await stop(child);
    await idp.stop();
    if (!own) await dropBenchDatabase(cluster, databaseName).catch(() => undefined);
    fs.rmSync(dataDir, { recursive: true, force: true });
    own?.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
