import { Client } from 'pg';
import { seededOrganisationId } from '../../entities/seed/seed';
import { verifyAccessLogChain } from '../../server/access/access-log-chain';
import { openingStatement } from '../../server/access/tenant-db';
import { APP_ROLE, BenchDatabase, createBenchDatabase, databaseSettled, dropBenchDatabase, openCluster } from './database';
import { fillAccessLog } from './access-log-fill';
import { accessLogPlans, LogPlan, seqScansOf, SEQ_SCAN_LIMIT, SeqScan } from './explain';
import { measureLogInserts } from './log-insert';
import { benchPlans, fill } from './fill';
import { fillRehabPlans } from '../../server/database/synthetic/rehab-fill';
import { BENCH_PATIENT_DATA_KEY } from './identities';
import { startIdentityProvider } from './identity-provider';
import { BenchFacts, benchQueries, monthsBack } from './queries';
import { IDLE_SECONDS, LoadResult, load, ServerProcess } from './server-process';
import { StatementCapture } from './statement-capture';

/*
 * npm run bench:growth: the reads of issue 14 at 10,000 and 100,000 hand-offs on PostgreSQL,
 * against the built server in production mode. Per size: a fresh database migrated by the app,
 * filled with synthetic data (fill.ts), its access-log chain verified; then each read once through
 * a statement-capturing proxy (statements per request, and an EXPLAIN of each statement as the
 * app role under the viewer's tenant), then under load at each connection count on a server
 * without the proxy. Env: BENCH_SIZES (default "10000,100000"), BENCH_SECONDS (default 10),
 * BENCH_CONNECTIONS (default "1,10"), BENCH_QUERIES (substrings of read names to run; default all),
 * BENCH_KEEP=1 (keep each database as growth<size/1000>k, or <BENCH_KEEP_PREFIX><size/1000>k, so that
 * runs side by side on one cluster keep their own), BENCH_REUSE=1 (with BENCH_KEEP: measure a kept
 * database of that name again, migrated but not refilled, when it exists), DATABASE_URL (a superuser's URL of the
 * cluster to use; else a PostgreSQL 15 of its own), ACCESS_LOG_ROWS (the access log's size: the fill
 * chains the rows beyond its own in SQL first, access-log-fill.ts, or grows a reused database; then
 * the chain is verified over the last month only, the cost of one log write is measured, and the
 * access-log reads are EXPLAINed with ANALYZE).
 */
const sizes = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connectionCounts = (process.env.BENCH_CONNECTIONS ?? '1,10').split(',').map(Number);
const only = process.env.BENCH_QUERIES?.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean) ?? null;
const keep = process.env.BENCH_KEEP === '1';
const keptPrefix = process.env.BENCH_KEEP_PREFIX ?? 'growth';
const reuse = keep && process.env.BENCH_REUSE === '1';
const accessLogRows = process.env.ACCESS_LOG_ROWS ? Number(process.env.ACCESS_LOG_ROWS) : null;
if (accessLogRows !== null && !(Number.isInteger(accessLogRows) && accessLogRows > 0)) throw new Error(`ACCESS_LOG_ROWS must be a whole number of rows, got ${process.env.ACCESS_LOG_ROWS}`);

interface Row extends LoadResult {
  size: number;
  query: string;
  connections: number;
  statements: number;
  /** Wall time of one request alone (the counted one, through the proxy): the figure for a read too slow to load. */
  aloneMs: number;
}

/** The server's resident size when idle: after one request of each read, and after every load run. */
interface Idle {
  warmMiB: number;
  afterLoadMiB: number;
}

const log = (line: string) => console.log(line);

async function facts(db: BenchDatabase): Promise<BenchFacts & { regionId: string; principalId: string }> {
  const client = new Client({ connectionString: db.adminUrl });
  await client.connect();
  try {
    const principalId = seededOrganisationId('20')!;
    const [{ today, region_id: regionId }] = (
      await client.query(`SELECT to_char(now() AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM-DD') AS today, region_id FROM organisation WHERE id = $1`, [principalId])
    ).rows;
    const [{ patient_id: loggedPatientId }] = (
      await client.query(
        `SELECT l.patient_id FROM access_log l JOIN patient p ON p.id = l.patient_id AND p.owner_organisation_id = $1
         GROUP BY l.patient_id ORDER BY count(*) DESC, l.patient_id LIMIT 1`,
        [principalId],
      )
    ).rows;
    const [{ provider_organisation_id: providerId }] = (
      await client.query(`SELECT provider_organisation_id FROM payment_commitment WHERE region_id = $1 GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`, [regionId])
    ).rows;
    return { today, moraId: seededOrganisationId('2062')!, loggedPatientId, regionId, principalId, providerId };
  } finally {
    await client.end();
  }
}

/** accessLogVerify's own check over the whole filled period, as the app role of Region Dalarna. */
async function verifyChain(db: BenchDatabase, regionId: string, organisationId: string, today: string, from = `${Number(today.slice(0, 4)) - 3}${today.slice(4)}`) {
  const client = new Client({ connectionString: db.adminUrl });
  await client.connect();
  try {
    await client.query(openingStatement(APP_ROLE, { regionId, organisationId }));
    return await verifyAccessLogChain({ query: async (sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as any }, regionId, { from, to: today }, 'Europe/Stockholm');
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
    await client.end();
  }
}

async function benchSize(cluster: Awaited<ReturnType<typeof openCluster>>, size: number, idp: Awaited<ReturnType<typeof startIdentityProvider>>) {
  const name = keep ? `${keptPrefix}${size / 1000}k` : `samrehab_growth_${size}_${process.pid}`;
  log(`\n== ${size.toLocaleString('en')} hand-offs: database ${name}`);
  const db = await createBenchDatabase(cluster, name, reuse);
  const rows: Row[] = [];
  let idle: Idle | null = null;
  const scans = new Map<string, { explained: number; scans: SeqScan[] }>();
  const logPlans = new Map<string, LogPlan[]>();
  try {
    if (db.reused) {
      // As the fill ends: a migration may have rewritten rows (a new column filled), and the planner needs their statistics.
      const admin = new Client({ connectionString: db.adminUrl });
      await admin.connect();
      try {
        // A database kept from before the rehabilitation plans gets them, as a fill now makes them.
        const [{ n: plans }] = (await admin.query('SELECT count(*)::int AS n FROM rehab_plan')).rows;
        if (plans === 0) {
          await fillRehabPlans(admin, benchPlans(size, new Date()), async (step, work) => {
            const start = performance.now();
            await work();
            log(`  ${step.padEnd(26)} ${((performance.now() - start) / 1000).toFixed(1).padStart(6)} s`);
          });
        }
        await admin.query('VACUUM ANALYZE');
      } finally {
        await admin.end();
      }
      log('  reused as filled (BENCH_REUSE=1): migrated, vacuumed and analysed');
    } else {
      const filled = await fill(db.adminUrl, size, new Date(), log, accessLogRows);
      log(`  filled in ${filled.steps.reduce((s, [, t]) => s + t, 0).toFixed(0)} s; access log ${filled.accessLogRows.toLocaleString('en')} rows through its triggers, ${filled.accessLogMicrosPerRow.toFixed(0)} µs per row`);
      log(`  rows: ${Object.entries(filled.rows).filter(([, n]) => n >= 1000).map(([t, n]) => `${t} ${n.toLocaleString('en')}`).join(', ')}`);
    }
    if (accessLogRows !== null) {
      if (db.reused) {
        const grown = await fillAccessLog(db.adminUrl, accessLogRows, new Date(), log);
        log(`  access log grown from ${grown.before.toLocaleString('en')} by ${grown.added.toLocaleString('en')} rows in ${grown.seconds.toFixed(0)} s, ${grown.microsPerRow.toFixed(0)} µs per row, chained in SQL`);
      }
      const [{ n, partitions }] = (
        await withAdmin(db, (c) => c.query(`SELECT (SELECT count(*)::int FROM access_log) AS n, (SELECT count(*)::int FROM pg_inherits WHERE inhparent = 'access_log'::regclass) AS partitions`))
      ).rows;
      log(`  access log: ${n.toLocaleString('en')} rows in ${partitions} partitions`);
    }
    const f = await facts(db);
    // At ACCESS_LOG_ROWS the last month only: the whole chain is the tests' (a full recomputation of millions of rows is minutes).
    const verifyFrom = accessLogRows !== null ? monthsBack(f.today, 1) : undefined;
    const verifyStart = performance.now();
    const chain = await verifyChain(db, f.regionId, f.principalId, f.today, verifyFrom);
    log(
      `  access-log chain${verifyFrom ? ` since ${verifyFrom}` : ''}: ${chain.rowsChecked.toLocaleString('en')} rows checked in ${((performance.now() - verifyStart) / 1000).toFixed(1)} s, ${chain.breakKind === null ? 'intact' : `BROKEN (${chain.breakKind}) at row ${chain.firstBrokenRowId}`}`,
    );
    if (chain.breakKind !== null) throw new Error('the filled access-log chain does not verify');

    const queries = benchQueries(f).filter((q) => !only || only.some((o) => q.name.toLowerCase().includes(o)));
    const env = { NODE_ENV: 'production', DATABASE_MIGRATION_URL: db.ownerUrl, PATIENT_DATA_KEY: BENCH_PATIENT_DATA_KEY, DATA_DIR: `/tmp/${name}-data`, ...idp.env };
    const tokens = new Map<string, string>();
    const tokenOf = async (q: (typeof queries)[number]) => {
      const key = `${q.viewer.organisation}:${q.viewer.role}`;
      if (!tokens.has(key)) tokens.set(key, await idp.token(q.viewer));
      return tokens.get(key)!;
    };

    // Statements per request and the EXPLAIN check, through the proxy: each read twice, the second counted.
    const capture = new StatementCapture();
    const app = new URL(db.appUrl);
    const proxyPort = await capture.start(app.hostname, Number(app.port));
    app.host = `127.0.0.1:${proxyPort}`;
    const counted = await ServerProcess.start({ ...env, DATABASE_URL: app.toString() });
    const statements = new Map<string, { count: number; aloneMs: number }>();
    try {
      for (const q of queries) {
        q.check(await counted.post(await tokenOf(q), q.query, q.variables));
        const before = capture.statements;
        const token = await tokenOf(q);
        capture.recording = true;
        const start = performance.now();
        await counted.post(token, q.query, q.variables);
        const aloneMs = performance.now() - start;
        capture.recording = false;
        statements.set(q.name, { count: capture.statements - before, aloneMs });
        scans.set(q.name, await seqScansOf(db.adminUrl, capture.recorded));
        if (accessLogRows !== null && /accessLog/i.test(q.name)) logPlans.set(q.name, await accessLogPlans(db.adminUrl, capture.recorded));
        capture.recorded = [];
      }
    } finally {
      await counted.stop();
      await capture.stop();
    }

    if (accessLogRows !== null) {
      for (const [query, plans] of logPlans) {
        for (const p of plans) {
          log(`  EXPLAIN ${query}: ${p.partitions} partition(s) read (${p.scans || 'none'}), planning ${p.planningMs.toFixed(1)} ms, execution ${p.executionMs.toFixed(1)} ms, ${p.buffers} buffers: ${p.statement}`);
        }
      }
      const insert = await measureLogInserts(db.adminUrl, { regionId: f.regionId, organisationId: f.principalId }, f.loggedPatientId);
      log(`  one access-log write (app role, audit writer's INSERT, own transaction) × ${insert.writes}: p50 ${insert.p50Ms.toFixed(2)} ms, p99 ${insert.p99Ms.toFixed(2)} ms, ${insert.statements} statements`);
    }

    const server = await ServerProcess.start({ ...env, DATABASE_URL: db.appUrl });
    try {
      log(`  server RSS at start ${server.rssMiB().toFixed(0)} MiB`);
      // The idle size to come back to: every read once (code compiled, plans and caches filled), then idle.
      for (const q of queries) await server.post(await tokenOf(q), q.query, q.variables);
      const warmIdleMiB = await server.idleRssMiB();
      log(`  server RSS idle after one request of each read ${warmIdleMiB.toFixed(0)} MiB`);
      for (const q of queries) {
        const body = JSON.stringify({ query: q.query, variables: q.variables });
        for (const connections of connectionCounts) {
          const waited = await databaseSettled(db.adminUrl);
          if (waited > 1000) log(`  (waited ${(waited / 1000).toFixed(1)} s for statements of the previous run still running in PostgreSQL)`);
          const r = await load(server, await tokenOf(q), body, connections, seconds, () => databaseSettled(db.adminUrl));
          rows.push({ ...r, size, query: q.name, connections, statements: statements.get(q.name)!.count, aloneMs: statements.get(q.name)!.aloneMs });
          log(`  ${q.name} × ${connections}: ${r.rps.toFixed(1)} req/s, p99 ${r.p99} ms, ${r.cpuMsPerRequest.toFixed(1)} ms CPU${r.failed ? `, ${r.failed} failed` : ''}`);
        }
      }
      idle = { warmMiB: warmIdleMiB, afterLoadMiB: await server.idleRssMiB() };
      log(`  server RSS idle after every run ${idle.afterLoadMiB.toFixed(0)} MiB (${idle.warmMiB.toFixed(0)} MiB before them)`);
    } finally {
      await server.stop();
    }
  } finally {
    if (!keep) await dropBenchDatabase(cluster, name);
  }
  return { rows, scans, idle };
}

async function withAdmin<T>(db: BenchDatabase, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: db.adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function printTable(rows: Row[]) {
  const header = ['size', 'query', 'conn', 'req/s', 'p50 ms', 'p99 ms', 'alone ms', 'SQL/req', 'CPU ms/req', 'RSS peak MiB', 'RSS after MiB', 'failed'];
  const cells = rows.map((r) => [
    r.size.toLocaleString('en'),
    r.query,
    String(r.connections),
    r.rps.toFixed(1),
    String(r.p50),
    String(r.p99),
    r.aloneMs.toFixed(0),
    String(r.statements),
    r.cpuMsPerRequest.toFixed(1),
    r.rssPeakMiB.toFixed(0),
    r.rssAfterMiB.toFixed(0),
    String(r.failed),
  ]);
  console.log(`\n| ${header.join(' | ')} |\n|${header.map((_, i) => (i === 1 ? '---' : '---:')).join('|')}|`);
  for (const c of cells) console.log(`| ${c.join(' | ')} |`);
}

function printIdle(results: { size: number; idle: Idle | null }[]) {
  console.log(`\nServer RSS when idle (${IDLE_SECONDS} s without requests): after one request of each read, and after all the runs above`);
  for (const { size, idle } of results) {
    if (idle) console.log(`  ${size.toLocaleString('en')}: ${idle.warmMiB.toFixed(0)} MiB before, ${idle.afterLoadMiB.toFixed(0)} MiB after (${((idle.afterLoadMiB / idle.warmMiB - 1) * 100).toFixed(0)} %)`);
  }
}

function printScans(results: { size: number; scans: Map<string, { explained: number; scans: SeqScan[] }> }[]) {
  console.log(`\nEXPLAIN check (each statement of each read, as the app role with the viewer's tenant): sequential scans of tables over ${SEQ_SCAN_LIMIT.toLocaleString('en')} rows`);
  let total = 0;
  for (const { size, scans } of results) {
    for (const [query, { explained, scans: found }] of scans) {
      total += found.length;
      const tables = [...new Set(found.map((s) => `${s.table} (${s.rows.toLocaleString('en')} rows)`))];
      console.log(`  ${size.toLocaleString('en')} ${query} (${explained} statements): ${found.length ? `Seq Scan on ${tables.join(', ')}` : 'none'}`);
      for (const s of found) console.log(`      in: ${s.statement}`);
    }
  }
  console.log(total ? `SUMMARY: ${total} sequential scan(s) of large tables in benchmarked statements` : 'SUMMARY: no sequential scan of a table over 10,000 rows in any benchmarked statement');
}

async function main() {
  const cluster = await openCluster();
  const idp = await startIdentityProvider();
  const results: { size: number; rows: Row[]; scans: Map<string, { explained: number; scans: SeqScan[] }>; idle: Idle | null }[] = [];
  try {
    log(`PostgreSQL: ${process.env.DATABASE_URL ? 'DATABASE_URL' : 'a PostgreSQL 15 of its own'}; sizes ${sizes.join(', ')}; ${seconds} s per run at ${connectionCounts.join(' and ')} connection(s)`);
    for (const size of sizes) results.push({ size, ...(await benchSize(cluster, size, idp)) });
  } finally {
    await idp.stop();
    cluster.stop();
  }
  printTable(results.flatMap((r) => r.rows));
  printIdle(results);
  printScans(results);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
