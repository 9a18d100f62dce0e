import { Client } from 'pg';
import { OWNER } from './database';

/*
 * ACCESS_LOG_ROWS: the access log grown to that many rows (issue 19), on top of what fill.ts wrote,
 * through the log's own triggers (resolve, seal), so every row is chained as a server would write
 * it. One SQL statement per batch, from generate_series: rows in time order over the two years up to
 * `now`, one region (Dalarna, the fill's), by 300 users of the region or the patient's home
 * municipality, one in a hundred refused. Patients are drawn with a skew (rnd^1.5 over the region's
 * patients): a few long-stay patients collect thousands of rows, most a few dozen.
 */

/** Rows per INSERT (one statement, through the triggers). */
const BATCH = 250_000;
/** Months of partitions made back from `now`: the fill's two years and its patients' 800 days. */
export const PAST_MONTHS = 30;

/** The months from PAST_MONTHS before `now` to `now`, made as the server makes the next ones: by the owner. */
export async function preparePastMonths(client: Client, now: Date): Promise<void> {
  await client.query(`SET ROLE ${OWNER}`);
  await client.query(
    `SELECT access_log_create_partition((date_trunc('month', $1::timestamptz AT TIME ZONE 'UTC') - make_interval(months => i))::date) FROM generate_series(0, $2::int) i`,
    [now, PAST_MONTHS],
  );
  await client.query('RESET ROLE');
}

const SETUP = [
  `CREATE TEMP TABLE g_lp AS
     SELECT row_number() OVER (ORDER BY p.id) AS n, p.id, p.home_municipality_id AS home_id, p.listed_care_unit_id AS vc_id
     FROM patient p JOIN region r ON r.id = p.region_id WHERE r.country = 'SE' AND r.code = '20'`,
  `CREATE UNIQUE INDEX ON g_lp (n)`,
  `CREATE TEMP TABLE g_lctx AS
     SELECT r.id AS region_id, o.id AS principal_id, (SELECT count(*) FROM g_lp) AS patients
     FROM region r JOIN organisation o ON o.region_id = r.id AND o.kind = 'REGION' WHERE r.country = 'SE' AND r.code = '20'`,
];

const BATCH_SQL = `
  INSERT INTO access_log (at, request_id, region_id, user_id, organisation_id, care_unit_id, roles, patient_id, action, record_type, record_id, outcome)
  SELECT $3::timestamptz - interval '730 days' * (1 - i::float8 / $4), gen_random_uuid(), c.region_id,
         'bench-user-' || (i * 7919 % 300),
         CASE WHEN i % 5 < 3 THEN c.principal_id ELSE p.home_id END, CASE WHEN i % 5 < 3 THEN p.vc_id END,
         '{CARE_STAFF}', p.id,
         (ARRAY['patient', 'handoff', 'sip', 'rehabPlan'])[1 + i % 4], CASE WHEN i % 4 = 0 THEN 'PATIENT' ELSE 'HANDOFF' END,
         CASE WHEN i % 4 = 0 THEN p.id END, CASE WHEN i % 100 = 17 THEN 'DENIED' ELSE 'ALLOWED' END
  FROM generate_series($1::bigint, $2::bigint) AS i
  CROSS JOIN g_lctx c
  JOIN g_lp p ON p.n = 1 + floor(c.patients * power(('x' || substr(md5(i::text), 1, 8))::bit(32)::bigint / 4294967296.0, 1.5))::bigint
  ORDER BY i`;

export interface AccessLogFill {
  before: number;
  added: number;
  seconds: number;
  microsPerRow: number;
}

/** Adds rows until the log holds `target` (nothing when it holds that many already). */
export async function fillAccessLog(adminUrl: string, target: number, now: Date, progress: (line: string) => void): Promise<AccessLogFill> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const [{ n: before }] = (await client.query('SELECT count(*)::int AS n FROM access_log')).rows;
    const added = Math.max(0, target - before);
    if (added === 0) return { before, added, seconds: 0, microsPerRow: 0 };
    await preparePastMonths(client, now);
    for (const sql of SETUP) await client.query(sql);
    const start = process.hrtime.bigint();
    for (let from = 1; from <= added; from += BATCH) {
      const to = Math.min(added, from + BATCH - 1);
      const batchStart = process.hrtime.bigint();
      await client.query(BATCH_SQL, [from, to, now, added]);
      const micros = Number(process.hrtime.bigint() - batchStart) / 1e3 / (to - from + 1);
      progress(`    access_log rows ${(before + to).toLocaleString('en')} of ${target.toLocaleString('en')}: ${micros.toFixed(0)} µs per row`);
    }
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const vacuumStart = process.hrtime.bigint();
    await client.query('VACUUM ANALYZE access_log');
    progress(`    vacuum analyze access_log: ${(Number(process.hrtime.bigint() - vacuumStart) / 1e9).toFixed(0)} s`);
    return { before, added, seconds, microsPerRow: (seconds * 1e6) / added };
  } finally {
    await client.end();
  }
}
