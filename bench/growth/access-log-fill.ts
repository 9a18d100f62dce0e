import { Client } from 'pg';
import { OWNER } from './database';

/*
 * ACCESS_LOG_ROWS: the access log grown to that many rows (issue 19), on top of what fill.ts wrote,
 * chained in SQL as the seal would chain them (fillAccessLog). Two SQL statements per batch, from
 * generate_series: rows in time order over the two years up to
 * `now`, one region (Dalarna, the fill's), by 300 users of the region or the patient's home
 * municipality, one in a hundred refused. Patients are drawn with a skew (rnd^1.5 over the region's
 * patients): a few long-stay patients collect thousands of rows, most a few dozen.
 */

/** Rows per batch (one INSERT). */
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
     SELECT row_number() OVER (ORDER BY p.id) AS n, p.id, p.region_id, p.home_municipality_id AS home_id, p.listed_care_unit_id AS vc_id
     FROM patient p JOIN region r ON r.id = p.region_id WHERE r.country = 'SE' AND r.code = '20'`,
  `CREATE UNIQUE INDEX ON g_lp (n)`,
  `CREATE TEMP TABLE g_lctx AS
     SELECT r.id AS region_id, o.id AS principal_id, (SELECT count(*) FROM g_lp) AS patients
     FROM region r JOIN organisation o ON o.region_id = r.id AND o.kind = 'REGION' WHERE r.country = 'SE' AND r.code = '20'`,
  // The log's columns but the chain's, so that a row of it hashes as the log's row will.
  `CREATE TEMP TABLE g_lbatch (id bigint PRIMARY KEY, at timestamptz, request_id uuid, region_id uuid, user_id text, organisation_id uuid, care_unit_id uuid,
     roles text[], patient_id uuid, action text, record_type text, record_id uuid, purpose text, outcome text, patient_region_id uuid)`,
];

/** A batch's rows, in time order, with ids from the log's own sequence (consecutive: the fill is its only user). */
const BATCH_ROWS = `
  INSERT INTO g_lbatch
  SELECT nextval(pg_get_serial_sequence('access_log', 'id')), $3::timestamptz - interval '730 days' * (1 - i::float8 / $4), gen_random_uuid(), c.region_id,
         'bench-user-' || (i * 7919 % 300),
         CASE WHEN i % 5 < 3 THEN c.principal_id ELSE p.home_id END, CASE WHEN i % 5 < 3 THEN p.vc_id END,
         '{CARE_STAFF}', p.id,
         (ARRAY['patient', 'handoff', 'sip', 'rehabPlan'])[1 + i % 4], CASE WHEN i % 4 = 0 THEN 'PATIENT' ELSE 'HANDOFF' END,
         CASE WHEN i % 4 = 0 THEN p.id END, NULL, CASE WHEN i % 100 = 17 THEN 'DENIED' ELSE 'ALLOWED' END, p.region_id
  FROM generate_series($1::bigint, $2::bigint) AS i
  CROSS JOIN g_lctx c
  JOIN g_lp p ON p.n = 1 + floor(c.patients * power(('x' || substr(md5(i::text), 1, 8))::bit(32)::bigint / 4294967296.0, 1.5))::bigint
  ORDER BY i`;

/**
 * The batch chained after the region's last row ($1 position, $2 hash) by the log's own
 * access_log_chain_hash, one row after the other (a recursive query), and written with the
 * positions and hashes the seal would have given them.
 */
const CHAIN_BATCH = `
  INSERT INTO access_log (id, at, request_id, region_id, user_id, organisation_id, care_unit_id, roles, patient_id, action, record_type, record_id, purpose, outcome,
                          patient_region_id, chain_seq, prev_hash, hash) OVERRIDING SYSTEM VALUE
  WITH RECURSIVE chain AS (
    SELECT b.id, $1::bigint + 1 AS seq, $2::bytea AS prev, access_log_chain_hash($2::bytea, b) AS hash
      FROM g_lbatch b WHERE b.id = (SELECT min(id) FROM g_lbatch)
    UNION ALL
    SELECT b.id, c.seq + 1, c.hash, access_log_chain_hash(c.hash, b)
      FROM chain c JOIN g_lbatch b ON b.id = c.id + 1
  )
  SELECT b.id, b.at, b.request_id, b.region_id, b.user_id, b.organisation_id, b.care_unit_id, b.roles, b.patient_id, b.action, b.record_type, b.record_id, b.purpose,
         b.outcome, b.patient_region_id, c.seq, c.prev, c.hash
  FROM chain c JOIN g_lbatch b ON b.id = c.id
  ORDER BY c.seq
  RETURNING chain_seq, hash`;

export interface AccessLogFill {
  before: number;
  added: number;
  seconds: number;
  microsPerRow: number;
}

/**
 * Adds rows until the log holds `target` (nothing when it holds that many already). Written with
 * the seal and resolve triggers off and chained in SQL instead (CHAIN_BATCH): through the triggers
 * a row costs the seal's look-up and planning (hundreds of µs here), ten million rows hours.
 * verifyAccessLogChain checks the result afterwards like any other part of the log.
 */
export async function fillAccessLog(adminUrl: string, target: number, now: Date, progress: (line: string) => void): Promise<AccessLogFill> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const [{ n: before }] = (await client.query('SELECT count(*)::int AS n FROM access_log')).rows;
    const added = Math.max(0, target - before);
    if (added === 0) return { before, added, seconds: 0, microsPerRow: 0 };
    await preparePastMonths(client, now);
    for (const sql of SETUP) await client.query(sql);
    const [{ region_id: regionId }] = (await client.query('SELECT region_id FROM g_lctx')).rows;
    let [tip] = (await client.query(`SELECT chain_seq AS seq, hash FROM access_log WHERE region_id = $1 ORDER BY chain_seq DESC LIMIT 1`, [regionId])).rows;
    tip ??= { seq: 0, hash: null };
    const start = process.hrtime.bigint();
    await client.query('ALTER TABLE access_log DISABLE TRIGGER access_log_seal');
    await client.query('ALTER TABLE access_log DISABLE TRIGGER access_log_resolve');
    try {
      for (let from = 1; from <= added; from += BATCH) {
        const to = Math.min(added, from + BATCH - 1);
        const batchStart = process.hrtime.bigint();
        await client.query('TRUNCATE g_lbatch');
        await client.query(BATCH_ROWS, [from, to, now, added]);
        const { rows } = await client.query(CHAIN_BATCH, [tip.seq, tip.hash]);
        if (rows.length !== to - from + 1) throw new Error(`chained ${rows.length} of ${to - from + 1} rows`);
        tip = rows.reduce((a: { seq: string }, b: { chain_seq: string; hash: Buffer }) => (Number(b.chain_seq) > Number(a.seq) ? { seq: b.chain_seq, hash: b.hash } : a), tip);
        const micros = Number(process.hrtime.bigint() - batchStart) / 1e3 / (to - from + 1);
        progress(`    access_log rows ${(before + to).toLocaleString('en')} of ${target.toLocaleString('en')}: ${micros.toFixed(0)} µs per row`);
      }
    } finally {
      await client.query('ALTER TABLE access_log ENABLE TRIGGER access_log_seal');
      await client.query('ALTER TABLE access_log ENABLE TRIGGER access_log_resolve');
    }
    // The seal's guide: the month of the chain's last row, as the seal would have left it.
    await client.query(
      `INSERT INTO access_log_chain_head (region_id, month) VALUES ($1, date_trunc('month', $2::timestamptz AT TIME ZONE 'UTC') AT TIME ZONE 'UTC')
       ON CONFLICT (region_id) DO UPDATE SET month = EXCLUDED.month`,
      [regionId, now],
    );
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const vacuumStart = process.hrtime.bigint();
    await client.query('VACUUM ANALYZE access_log');
    progress(`    vacuum analyze access_log: ${(Number(process.hrtime.bigint() - vacuumStart) / 1e9).toFixed(0)} s`);
    return { before, added, seconds, microsPerRow: (seconds * 1e6) / added };
  } finally {
    await client.end();
  }
}
