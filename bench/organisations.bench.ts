import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { signDevToken } from '../server/auth/dev-keys';
import { freePort } from '../server/free-port';
import { seededOrganisationId } from '../entities/seed/seed';
import { ORGANISATIONS_QUERY } from './query';

/**
 * npm run bench: the organisations query through the whole stack (Apollo, type-graphql, shield,
 * DataLoader, TypeORM/pg) against a minimal node:http + pg handler answering the same data, both on
 * the same database in one run, driven by autocannon on loopback. Prints requests/s, p50, p99 and
 * the ratios. BENCH_SECONDS (default 10) and BENCH_CONNECTIONS (default 10) tune the load.
 */
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const root = path.resolve(__dirname, '..', '..');

async function startServer(script: string, env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; port: number }> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(root, 'dist', script)], { env: { ...process.env, ...env, PORT: String(port), LOG_LEVEL: 'warn' }, stdio: ['ignore', 'ignore', 'inherit'] });
  for (let i = 0; i < 300; i++) {
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok, () => false);
    if (ready) return { child, port };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error(`${script} did not become ready`);
}

async function stop(child: ChildProcess) {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

async function load(url: string, headers: Record<string, string>) {
  const body = JSON.stringify({ query: ORGANISATIONS_QUERY });
  // Warm up (JIT, caches), then measure.
  await autocannon({ url, method: 'POST', headers, body, connections, duration: 2 });
  const r = await autocannon({ url, method: 'POST', headers, body, connections, duration: seconds });
  if (r.non2xx > 0 || r.errors > 0) throw new Error(`${url}: ${r.non2xx} non-2xx answers, ${r.errors} errors`);
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99 };
}

async function main() {
  const dataDir = process.env.DATABASE_URL ? path.resolve('data') : fs.mkdtempSync(path.join(os.tmpdir(), 'samrehab-bench-'));
  const env = { DATA_DIR: dataDir, NODE_ENV: 'development' };
  console.log(`database: ${process.env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${dataDir}`}; ${connections} connections, ${seconds} s each`);

  const app = await startServer('server/main.js', env);
  const token = await signDevToken(dataDir, { userId: 'bench', organisationId: seededOrganisationId('2062')!, roles: ['INTEGRATION'] });
  const appHeaders = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  const check: any = await (await fetch(`http://127.0.0.1:${app.port}/graphql`, { method: 'POST', headers: appHeaders, body: JSON.stringify({ query: ORGANISATIONS_QUERY }) })).json();
  if (check.errors || check.data.organisations.edges.length !== 20) throw new Error(`unexpected answer: ${JSON.stringify(check).slice(0, 300)}`);
  const stack = await load(`http://127.0.0.1:${app.port}/graphql`, appHeaders);
  await stop(app.child);

  const raw = await startServer('bench/raw-pg-server.js', env);
  const rawCheck: any = await (await fetch(`http://127.0.0.1:${raw.port}/graphql`, { method: 'POST' })).json();
  if (JSON.stringify(rawCheck.data.organisations.edges.map((e: any) => e.node.id)) !== JSON.stringify(check.data.organisations.edges.map((e: any) => e.node.id))) {
    throw new Error('the raw handler answers other organisations than the app');
  }
  const baseline = await load(`http://127.0.0.1:${raw.port}/graphql`, { 'content-type': 'application/json' });
  await stop(raw.child);
  if (!process.env.DATABASE_URL) fs.rmSync(dataDir, { recursive: true, force: true });

  const row = (name: string, r: { rps: number; p50: number; p99: number }) =>
    `${name.padEnd(34)} ${r.rps.toFixed(0).padStart(8)} ${r.p50.toFixed(1).padStart(8)} ${r.p99.toFixed(1).padStart(8)}`;
  console.log(`\n${'server'.padEnd(34)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)}`);
  console.log(row('samrehab (GraphQL stack)', stack));
  console.log(row('node:http + pg, one statement', baseline));
  console.log(`\nratio stack / raw: throughput ${(stack.rps / baseline.rps).toFixed(2)}, p50 ${(stack.p50 / baseline.p50).toFixed(2)}×, p99 ${(stack.p99 / baseline.p99).toFixed(2)}×`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
