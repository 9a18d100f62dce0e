import { Client } from 'pg';
import { IdentityNumberCipher } from '../../server/crypto/identity-number-cipher';
import { recomputeSummariesFrom } from '../../server/access/discharge-summary.sql';
import { BENCH_PATIENT_DATA_KEY, fakePatient } from './identities';
import { fillAccessLog, preparePastMonths } from './access-log-fill';
import { fillRehabPlans } from './rehab-fill';

/*
 * Synthetic data for one region (Dalarna, code 20): discharge hand-offs over the two years up to
 * `now`, each with its messages, recipients, parties and the participation they give; plans (SIP)
 * with participants, follow-ups (some overdue) and consents for about one hand-off in ten; and
 * about ten access-log rows per hand-off, written through the log's own triggers (resolve, seal).
 * Set-based: temporary tables `g_*` hold the choices, one INSERT … SELECT per table. Every choice
 * is a deterministic pseudo-random number of a row number and a salt (pg_temp.rnd), so two fills
 * of one size have the same shape. Runs as a superuser (no row-level security for the fill).
 */

const SETUP = [
  `CREATE FUNCTION pg_temp.rnd(n bigint, salt int) RETURNS float8 LANGUAGE sql IMMUTABLE AS
     $$ SELECT ('x' || substr(md5(n::text || ':' || salt::text), 1, 8))::bit(32)::bigint / 4294967296.0 $$`,
  `CREATE TEMP TABLE g_ctx AS
     SELECT r.id AS region_id, o.id AS principal_id, $1::timestamptz AS now
     FROM region r JOIN organisation o ON o.region_id = r.id AND o.kind = 'REGION'
     WHERE r.country = 'SE' AND r.code = '20'`,
  // Home municipalities weighted by population (thousands of inhabitants, rounded).
  `CREATE TEMP TABLE g_muni AS
     WITH w(code, weight) AS (VALUES ('2080', 59), ('2081', 52), ('2085', 26), ('2084', 23), ('2062', 20), ('2029', 15), ('2083', 15),
                                     ('2082', 11), ('2061', 11), ('2031', 11), ('2026', 10), ('2023', 10), ('2039', 7), ('2034', 7), ('2021', 7)),
     m AS (SELECT o.id, c.id AS unit_id, w.weight FROM w
             JOIN organisation o ON o.municipality_code = w.code AND o.kind = 'MUNICIPALITY' AND o.region_id = (SELECT region_id FROM g_ctx)
             LEFT JOIN care_unit c ON c.organisation_id = o.id)
     SELECT id, unit_id, (sum(weight) OVER (ORDER BY id) - weight)::float8 / sum(weight) OVER () AS lo,
            sum(weight) OVER (ORDER BY id)::float8 / sum(weight) OVER () AS hi
     FROM m`,
  `CREATE TEMP TABLE g_unit AS
     SELECT c.id, c.care_level, c.name ILIKE '%psykiatri%' AS psychiatric, row_number() OVER (PARTITION BY c.care_level, c.name ILIKE '%psykiatri%' ORDER BY c.id) AS idx
     FROM care_unit c WHERE c.organisation_id = (SELECT principal_id FROM g_ctx)`,
  `CREATE TEMP TABLE g_patient (n int PRIMARY KEY, id uuid, hash text, enc text, birth date, sex text, home_id uuid, home_unit_id uuid, vc_id uuid, owner_id uuid)`,
];

/** Picks a row of g_unit of one kind by a random number in [0, 1). */
const unitPick = (level: string, psychiatric: string, r: string) =>
  `(SELECT u.id FROM g_unit u WHERE u.care_level = '${level}' AND u.psychiatric = ${psychiatric}
     AND u.idx = 1 + floor(${r} * (SELECT count(*) FROM g_unit v WHERE v.care_level = '${level}' AND v.psychiatric = ${psychiatric})))`;

const PATIENTS = `
  INSERT INTO g_patient (n, id, hash, enc, birth, sex, home_id, home_unit_id, vc_id, owner_id)
  SELECT p.n, gen_random_uuid(), p.hash, p.enc, p.birth, p.sex, m.id, m.unit_id, ${unitPick('PRIMARY_CARE', 'false', 'pg_temp.rnd(p.n, 3)')},
         -- Most patients' records are kept by the region (the hospital); some by their municipality.
         CASE WHEN pg_temp.rnd(p.n, 2) < 0.8 THEN (SELECT principal_id FROM g_ctx) ELSE m.id END
  FROM unnest($1::int[], $2::text[], $3::text[], $4::date[], $5::text[]) AS p(n, hash, enc, birth, sex)
  JOIN g_muni m ON pg_temp.rnd(p.n, 1) >= m.lo AND pg_temp.rnd(p.n, 1) < m.hi`;

/** The rest, in order: each statement reads the g_* tables made before it. */
const FILL: [string, string][] = [
  [
    'patient',
    `INSERT INTO patient (id, region_id, owner_organisation_id, identity_number_hash, identity_number_encrypted, identity_kind, birth_date, legal_sex,
                          given_name, family_name, home_municipality_id, listed_care_unit_id, created_at, updated_at)
     SELECT p.id, c.region_id, p.owner_id, p.hash, p.enc, 'PERSONNUMMER', p.birth, p.sex, 'Testperson', lpad(p.n::text, 6, '0'),
            p.home_id, p.vc_id, c.now - interval '800 days', c.now - interval '800 days'
     FROM g_patient p, g_ctx c`,
  ],
  [
    'g_handoff',
    // Admitted uniformly over two years; ready for discharge after 1–10 days; most leave within a
    // day or two, a few wait up to six (the municipality's payment liability).
    `CREATE TEMP TABLE g_handoff AS
     SELECT t.*, t.ready_at + (pg_temp.rnd(t.n, 13) ^ 3) * 6 * interval '1 day' AS discharged_at,
            pg_temp.rnd(t.n, 14) < 0.1 AND t.ready_at < t.now AS has_sip
     FROM (SELECT g.n, gen_random_uuid() AS id, p.id AS patient_id, p.home_id, p.home_unit_id, p.vc_id, c.now,
                  pg_temp.rnd(g.n, 12) < 0.05 AS psychiatric,
                  c.now - pg_temp.rnd(g.n, 10) * 730 * interval '1 day' AS admitted_at,
                  c.now - pg_temp.rnd(g.n, 10) * 730 * interval '1 day' + (1 + pg_temp.rnd(g.n, 11) * 9) * interval '1 day' AS ready_at
           FROM generate_series(1, $1::int) AS g(n)
           JOIN g_patient p ON p.n = 1 + (g.n - 1) % $2::int
           CROSS JOIN g_ctx c) t`,
  ],
  [
    'handoff',
    `INSERT INTO handoff (id, region_id, patient_id, kind, state, version, sending_organisation_id, sending_care_unit_id, home_municipality_id,
                          psychiatric, admitted_at, next_due_at, created_by, created_at, updated_at)
     SELECT h.id, c.region_id, h.patient_id, 'DISCHARGE_FROM_INPATIENT',
            CASE WHEN h.discharged_at <= c.now THEN 'DISCHARGED' WHEN h.ready_at > c.now THEN 'ADMITTED' WHEN h.has_sip THEN 'PLANNING' ELSE 'DISCHARGE_READY' END,
            1 + (h.ready_at <= c.now)::int + h.has_sip::int + (h.discharged_at <= c.now)::int,
            c.principal_id,
            CASE WHEN h.psychiatric THEN ${unitPick('INPATIENT_CARE', 'true', '0')} ELSE ${unitPick('INPATIENT_CARE', 'false', 'pg_temp.rnd(h.n, 15)')} END,
            h.home_id, h.psychiatric, h.admitted_at,
            CASE WHEN h.discharged_at <= c.now THEN NULL WHEN h.ready_at > c.now THEN h.admitted_at + interval '1 day' ELSE h.ready_at + interval '3 days' END,
            'bench-user-' || (h.n % 300), h.admitted_at, least(h.discharged_at, c.now)
     FROM g_handoff h, g_ctx c`,
  ],
  [
    'handoff_party',
    `INSERT INTO handoff_party (id, handoff_id, region_id, organisation_id, care_unit_id, side, basis, added_at)
     SELECT gen_random_uuid(), h.id, c.region_id, p.organisation_id, p.care_unit_id, p.side, p.basis, h.admitted_at
     FROM g_handoff h JOIN handoff x ON x.id = h.id CROSS JOIN g_ctx c
     CROSS JOIN LATERAL (VALUES (c.principal_id, x.sending_care_unit_id, 'SENDER', NULL),
                                (h.home_id, NULL, 'RECIPIENT', 'HOME_MUNICIPALITY'),
                                (c.principal_id, h.vc_id, 'RECIPIENT', 'LISTED_PRIMARY_CARE')) AS p(organisation_id, care_unit_id, side, basis)`,
  ],
  [
    'g_message',
    // The discharge's messages as far as it has come by now; a SIP call-out for those with a plan.
    `CREATE TEMP TABLE g_message AS
     SELECT row_number() OVER () AS seq, gen_random_uuid() AS id, h.id AS handoff_id, h.home_id, h.vc_id, x.sending_care_unit_id, m.*
     FROM g_handoff h JOIN handoff x ON x.id = h.id
     CROSS JOIN LATERAL (VALUES ('ADMISSION_NOTICE', h.admitted_at, NULL::date, NULL::timestamptz),
                                ('DISCHARGE_READY_NOTICE', h.ready_at, (h.ready_at + interval '1 day')::date, NULL),
                                ('SIP_CALL_OUT', CASE WHEN h.has_sip THEN h.ready_at + interval '3 hours' END, NULL, h.ready_at + interval '2 days'),
                                ('DISCHARGE_NOTICE', h.discharged_at, NULL, NULL)) AS m(kind, sent_at, planned_discharge_date, meeting_at)
     WHERE m.sent_at <= h.now`,
  ],
  [
    'handoff_message',
    `INSERT INTO handoff_message (id, handoff_id, region_id, kind, sender_organisation_id, sender_care_unit_id, sender_user_id, sent_at, occurred_at, needs,
                                  planned_discharge_date, meeting_at, meeting_place)
     SELECT m.id, m.handoff_id, c.region_id, m.kind, c.principal_id, m.sending_care_unit_id, 'bench-user-' || (m.seq % 300), m.sent_at, m.sent_at, '{}',
            m.planned_discharge_date, m.meeting_at, CASE WHEN m.meeting_at IS NOT NULL THEN 'Video' END
     FROM g_message m, g_ctx c`,
  ],
  [
    'handoff_message_recipient',
    // Acknowledged within hours, except half of the last two weeks' messages.
    `INSERT INTO handoff_message_recipient (id, message_id, region_id, organisation_id, care_unit_id, acknowledged_at, acknowledged_by)
     SELECT gen_random_uuid(), m.id, c.region_id, r.organisation_id, r.care_unit_id, a.at, CASE WHEN a.at IS NOT NULL THEN 'bench-user-' || (m.seq % 97) END
     FROM g_message m CROSS JOIN g_ctx c
     CROSS JOIN LATERAL (VALUES (1, m.home_id, NULL::uuid), (2, c.principal_id, m.vc_id)) AS r(k, organisation_id, care_unit_id)
     CROSS JOIN LATERAL (SELECT CASE WHEN m.sent_at > c.now - interval '14 days' AND pg_temp.rnd(m.seq * 2 + r.k, 20) < 0.5 THEN NULL
                                     ELSE least(m.sent_at + pg_temp.rnd(m.seq * 2 + r.k, 21) * interval '8 hours', c.now) END AS at) a`,
  ],
  [
    'g_sip',
    // Closed about four months after discharge (most), else running; a follow-up done after a
    // month, and the next one open (overdue when its date has passed).
    `CREATE TEMP TABLE g_sip AS
     SELECT t.*, CASE WHEN t.closes_at <= t.now THEN 'CLOSED' WHEN t.activated_at + interval '30 days' <= t.now THEN 'FOLLOW_UP' ELSE 'ACTIVE' END AS status
     FROM (SELECT gen_random_uuid() AS id, h.n, h.id AS handoff_id, h.patient_id, h.home_id, h.vc_id, h.now,
                  h.ready_at + interval '3 hours' AS called_at, h.ready_at + interval '2 days' AS activated_at,
                  CASE WHEN pg_temp.rnd(h.n, 16) < 0.7 THEN h.discharged_at + interval '120 days' END AS closes_at
           FROM g_handoff h WHERE h.has_sip) t`,
  ],
  [
    'sip',
    `INSERT INTO sip (id, region_id, patient_id, status, version, initiating_organisation_id, handoff_id, overall_responsible_organisation_id,
                      meeting_planned_at, meeting_planned_place, created_by, created_at, updated_at, called_at, activated_at, ended_at, end_reason)
     SELECT s.id, c.region_id, s.patient_id, s.status, 3, c.principal_id, s.handoff_id, s.home_id, s.activated_at, 'Video',
            'bench-user-' || (s.n % 300), s.called_at, least(coalesce(s.closes_at, s.activated_at), s.now), s.called_at, s.activated_at,
            CASE WHEN s.status = 'CLOSED' THEN s.closes_at END, CASE WHEN s.status = 'CLOSED' THEN 'Målen uppnådda' END
     FROM g_sip s, g_ctx c`,
  ],
  [
    'sip_participant',
    `INSERT INTO sip_participant (id, sip_id, region_id, kind, organisation_id, care_unit_id, basis, added_at, added_by)
     SELECT gen_random_uuid(), s.id, c.region_id, p.kind, p.organisation_id, p.care_unit_id, p.basis, s.called_at, 'bench-user-' || (s.n % 300)
     FROM g_sip s CROSS JOIN g_ctx c
     CROSS JOIN LATERAL (VALUES ('ORGANISATION', c.principal_id, s.vc_id, 'INITIATOR'), ('ORGANISATION', s.home_id, NULL, 'PRINCIPAL'),
                                ('PERSON', NULL, NULL, NULL)) AS p(kind, organisation_id, care_unit_id, basis)`,
  ],
  [
    'sip_follow_up',
    `INSERT INTO sip_follow_up (id, sip_id, region_id, due_date, done_at, occurred_at, done_by, created_at)
     SELECT gen_random_uuid(), s.id, c.region_id, f.due_date, f.done_at, f.done_at, CASE WHEN f.done_at IS NOT NULL THEN 'bench-user-' || (s.n % 300) END, s.activated_at
     FROM g_sip s CROSS JOIN g_ctx c
     CROSS JOIN LATERAL (VALUES ((s.activated_at + interval '30 days')::date, s.activated_at + (25 + pg_temp.rnd(s.n, 17) * 15) * interval '1 day'),
                                ((s.activated_at + interval '90 days')::date, NULL)) AS f(due_date, done_at)
     WHERE (f.done_at IS NOT NULL AND f.done_at <= s.now) OR (f.done_at IS NULL AND s.status <> 'CLOSED')`,
  ],
  [
    'consent',
    `INSERT INTO consent (id, region_id, patient_id, source_organisation_id, recipient_organisation_id, categories, purpose, given_by,
                          valid_from, valid_to, recorded_by, recorded_at, given_at)
     SELECT gen_random_uuid(), c.region_id, s.patient_id, c.principal_id, s.home_id, '{HEALTH_STATUS,FUNCTIONAL_ABILITY,SOCIAL_SITUATION}', 'SIP', 'PATIENT',
            s.called_at::date, (s.called_at + interval '1 year')::date, 'bench-user-' || (s.n % 300), s.called_at, s.called_at
     FROM g_sip s, g_ctx c`,
  ],
  [
    'patient_participation',
    // The recipients of the hand-offs' messages and the plans' organisations take part in the case.
    `INSERT INTO patient_participation (region_id, patient_id, organisation_id, care_unit_id, source_type, source_id, created_at)
     SELECT c.region_id, h.patient_id, p.organisation_id, p.care_unit_id, 'HANDOFF', h.id, h.admitted_at
     FROM g_handoff h CROSS JOIN g_ctx c
     CROSS JOIN LATERAL (VALUES (h.home_id, NULL::uuid), (c.principal_id, h.vc_id)) AS p(organisation_id, care_unit_id)
     UNION ALL
     SELECT c.region_id, s.patient_id, p.organisation_id, p.care_unit_id, 'SIP', s.id, s.called_at
     FROM g_sip s CROSS JOIN g_ctx c
     CROSS JOIN LATERAL (VALUES (s.home_id, NULL::uuid), (c.principal_id, s.vc_id)) AS p(organisation_id, care_unit_id)`,
  ],
  [
    'g_log',
    // Ten reads per hand-off while it runs (and a week after): the patient, the hand-off, the
    // inbox; by the region's staff or the home municipality's; one in a hundred refused.
    `CREATE TEMP TABLE g_log AS
     SELECT row_number() OVER (ORDER BY x.at, x.k, x.handoff_id) AS seq, x.*
     FROM (SELECT h.id AS handoff_id, h.patient_id, k,
                  h.admitted_at + (least(h.discharged_at + interval '7 days', h.now) - h.admitted_at) * pg_temp.rnd(h.n * 16 + k, 30) AS at,
                  pg_temp.rnd(h.n * 16 + k, 31) < 0.6 AS by_region, h.home_id, h.home_unit_id, h.vc_id,
                  'bench-user-' || floor(pg_temp.rnd(h.n * 16 + k, 32) * 300) AS user_id,
                  pg_temp.rnd(h.n * 16 + k, 33) < 0.01 AS denied
           FROM g_handoff h CROSS JOIN generate_series(1, 10) AS k) x`,
  ],
];

const ACCESS_LOG_BATCH = `
  INSERT INTO access_log (at, request_id, region_id, user_id, organisation_id, care_unit_id, roles, patient_id, action, record_type, record_id, outcome)
  SELECT l.at, gen_random_uuid(), c.region_id, l.user_id,
         CASE WHEN l.by_region THEN c.principal_id ELSE l.home_id END, CASE WHEN l.by_region THEN l.vc_id ELSE l.home_unit_id END,
         '{CARE_STAFF}', l.patient_id,
         (ARRAY['patient', 'handoff', 'handoffInbox'])[1 + l.k % 3], CASE WHEN l.k % 3 = 0 THEN 'PATIENT' ELSE 'HANDOFF' END,
         CASE WHEN l.k % 3 = 0 THEN l.patient_id ELSE l.handoff_id END, CASE WHEN l.denied THEN 'DENIED' ELSE 'ALLOWED' END
  FROM g_log l, g_ctx c WHERE l.seq > $1 AND l.seq <= $2 ORDER BY l.seq`;

/** Rows per INSERT of access-log rows (through the seal trigger). */
const LOG_BATCH_ROWS = 50_000;

export interface FillReport {
  /** Seconds per step, in order. */
  steps: [string, number][];
  /** Access-log rows written through the triggers, and the microseconds they took per row. */
  accessLogRows: number;
  accessLogMicrosPerRow: number;
  rows: Record<string, number>;
}

/** Fills the database at `adminUrl` with `handoffs` hand-offs (about 0.9 patient each) up to `now`. */
export async function fill(adminUrl: string, handoffs: number, now: Date, progress: (line: string) => void, accessLogRows: number | null = null): Promise<FillReport> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  const steps: [string, number][] = [];
  const timed = async (name: string, work: () => Promise<unknown>) => {
    const start = process.hrtime.bigint();
    await work();
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    steps.push([name, seconds]);
    progress(`  ${name.padEnd(26)} ${seconds.toFixed(1).padStart(6)} s`);
  };
  try {
    await client.query(SETUP[0]);
    await client.query(SETUP[1], [now]);
    for (const sql of SETUP.slice(2)) await client.query(sql);
    const patients = Math.ceil(handoffs * 0.9);
    const cipher = new IdentityNumberCipher(Buffer.from(BENCH_PATIENT_DATA_KEY, 'base64'));
    await timed('g_patient (identities)', async () => {
      for (let first = 1; first <= patients; first += 10_000) {
        const chunk = Array.from({ length: Math.min(10_000, patients - first + 1) }, (_, i) => fakePatient(cipher, first + i));
        await client.query(PATIENTS, [chunk.map((p) => p.n), chunk.map((p) => p.hash), chunk.map((p) => p.encrypted), chunk.map((p) => p.birthDate), chunk.map((p) => p.legalSex)]);
      }
    });
    for (const [name, sql] of FILL) {
      await timed(name, async () => {
        await client.query(sql, name === 'g_handoff' ? [handoffs, patients] : []);
        // Statistics before the next step's triggers plan their joins: on a freshly loaded, unanalysed
        // table PostgreSQL guesses a few rows and the recipients' statement-level trigger went quadratic (minutes at 100k).
        await client.query(`ANALYZE ${name}`);
      });
    }
    // The log's months back to the oldest row, as a server running all along would have made them.
    await preparePastMonths(client, now);
    const [{ n: logRows }] = (await client.query('SELECT count(*)::int AS n FROM g_log')).rows;
    // ACCESS_LOG_ROWS: the log's volume first, so the rows written through the triggers next are
    // the chain's last and a month's verification spans that month, not the whole volume.
    if (accessLogRows !== null) {
      await timed('access_log (volume)', async () => {
        const grown = await fillAccessLog(adminUrl, accessLogRows - logRows, now, progress);
        progress(`    ${grown.added.toLocaleString('en')} rows chained in SQL, ${grown.microsPerRow.toFixed(0)} µs per row`);
      });
    }
    const logStart = process.hrtime.bigint();
    await timed('access_log (triggers)', async () => {
      for (let from = 0; from < logRows; from += LOG_BATCH_ROWS) {
        const start = process.hrtime.bigint();
        await client.query(ACCESS_LOG_BATCH, [from, from + LOG_BATCH_ROWS]);
        const micros = Number(process.hrtime.bigint() - start) / 1e3 / Math.min(LOG_BATCH_ROWS, logRows - from);
        progress(`    access_log rows ${from + 1}–${Math.min(from + LOG_BATCH_ROWS, logRows)}: ${micros.toFixed(0)} µs per row`);
      }
    });
    const logMicros = Number(process.hrtime.bigint() - logStart) / 1e3 / logRows;
    // What the hand-offs' writes keep beside them: each discharge's summary for the planners' report.
    await timed('handoff_discharge_summary', async () => {
      const rows = async <T = any>(sql: string, parameters?: unknown[]): Promise<T> => (await client.query(sql, parameters)).rows as T;
      const [region] = await rows<{ id: string; timeZone: string }[]>(`SELECT r.id, r.time_zone AS "timeZone" FROM region r WHERE r.id = (SELECT region_id FROM g_ctx)`);
      const parameters = await rows(
        `SELECT key, region_id AS "regionId", value, valid_from::text AS "validFrom", valid_to::text AS "validTo" FROM rule_parameter WHERE region_id = $1 OR region_id IS NULL`,
        [region.id],
      );
      await recomputeSummariesFrom({ query: rows }, region, parameters, '2000-01-01');
    });
    // As many rehabilitation plans as hand-offs, on the same patients (issue 17's lists at volume).
    await fillRehabPlans(client, handoffs, now, timed);
    await timed('vacuum analyze', () => client.query('VACUUM ANALYZE'));
    const counted = await client.query(
      `SELECT relname AS table, n_live_tup::int AS n FROM pg_stat_user_tables WHERE schemaname = 'public' AND n_live_tup > 0 ORDER BY n_live_tup DESC`,
    );
    return { steps, accessLogRows: logRows, accessLogMicrosPerRow: logMicros, rows: Object.fromEntries(counted.rows.map((r) => [r.table, r.n])) };
  } finally {
    await client.end();
  }
}
