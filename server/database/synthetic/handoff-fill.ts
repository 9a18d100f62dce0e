import type { IdentityNumberCipher } from '../../crypto/identity-number-cipher';
import { recomputeSummariesFrom } from '../../access/discharge-summary.sql';
import { FAKE_PATIENTS, fakePatient } from './identities';

/*
 * Synthetic hand-offs for one region (the growth bench's volume and the demo data, see
 * server/database/demo-data.ts): discharge hand-offs over `days` up to `now`, each with its
 * messages, recipients, parties (their inbox copies by the triggers) and the participation they
 * give; plans (SIP) with participants, follow-ups (some overdue) and consents for a share of them;
 * optionally about ten access-log rows per hand-off, written through the log's own triggers
 * (resolve, seal); and each discharge's summary, which the planners' report reads. Set-based:
 * temporary tables `g_*` hold the choices, one INSERT … SELECT per table. Every choice is a
 * deterministic pseudo-random number of a row number and a salt (pg_temp.rnd), so two fills of one
 * size have the same shape. Runs as a superuser or the tables' owner (whose policies let it write
 * every region), on one session: the g_* tables are that session's.
 */

/** What to make; the bench and the demo data differ in size, span, marks and proportions. */
export interface SyntheticHandoffs {
  /** The region, by country and code (e.g. SE 20, Dalarna). */
  country: string;
  regionCode: string;
  handoffs: number;
  /** Admissions spread evenly over the `days` before `now`. */
  now: Date;
  days: number;
  /** fakePatient's number of the first patient: fills of different purposes use different ranges. */
  firstPatient: number;
  /** Patients' names: `givenName`, and `familyPrefix` followed by the patient's six-digit number. */
  givenName: string;
  familyPrefix: string;
  /** The prefix of the user ids written as actors (followed by a small number). */
  actor: string;
  /** Shares (0–1) of hand-offs with a SIP, with a late admission notice, with a late SIP call-out; of SIPs whose first follow-up is missed. */
  sipShare: number;
  lateAdmissionNoticeShare: number;
  lateCallOutShare: number;
  missedFollowUpShare: number;
  /** Men are more often in psychiatric care (7 % of their discharges against 3 %), women more often get a SIP (1.2 × the share against 0.8 ×); else alike (5 %, the share). */
  sexDifferences: boolean;
  accessLog: boolean;
  /**
   * Runs before the access-log rows are written through the triggers, told how many there will be:
   * the growth bench makes the log's past months and its volume there, so that these rows are the
   * chain's last.
   */
  beforeAccessLog?: (rows: number) => Promise<void>;
}

/** Reports a step's work (the bench times each one). */
export type Timed = (name: string, work: () => Promise<unknown>) => Promise<void>;

/** One session of `pg` (a Client) or an adapter to it. */
export interface Session {
  query(sql: string, parameters?: unknown[]): Promise<{ rows: any[] }>;
}

const SETUP = [
  `CREATE FUNCTION pg_temp.rnd(n bigint, salt int) RETURNS float8 LANGUAGE sql IMMUTABLE AS
     $$ SELECT ('x' || substr(md5(n::text || ':' || salt::text), 1, 8))::bit(32)::bigint / 4294967296.0 $$`,
  `CREATE TEMP TABLE g_ctx AS
     SELECT r.id AS region_id, o.id AS principal_id, $1::timestamptz AS now, $4::int AS days, $5::text AS actor, $6::float8 AS sip_share,
            $7::float8 AS late_notice_share, $8::float8 AS late_call_out_share, $9::float8 AS missed_follow_up_share, $10::boolean AS sex_differences
     FROM region r JOIN organisation o ON o.region_id = r.id AND o.kind = 'REGION'
     WHERE r.country = $2 AND r.code = $3`,
  `CREATE FUNCTION pg_temp.g_actor(n bigint) RETURNS text LANGUAGE sql STABLE AS $$ SELECT actor || n FROM g_ctx $$`,
  // Home municipalities weighted by population (thousands of inhabitants, rounded: Dalarna's
  // official ones; another region's municipalities with a code weigh 10 each), each with one unit.
  `CREATE TEMP TABLE g_muni AS
     WITH w(code, weight) AS (VALUES ('2080', 59), ('2081', 52), ('2085', 26), ('2084', 23), ('2062', 20), ('2029', 15), ('2083', 15),
                                     ('2082', 11), ('2061', 11), ('2031', 11), ('2026', 10), ('2023', 10), ('2039', 7), ('2034', 7), ('2021', 7)),
     o AS (SELECT o.id, o.municipality_code FROM organisation o
           WHERE o.kind = 'MUNICIPALITY' AND o.municipality_code IS NOT NULL AND NOT o.example AND o.region_id = (SELECT region_id FROM g_ctx)),
     m AS (SELECT o.id, (SELECT c.id FROM care_unit c WHERE c.organisation_id = o.id ORDER BY c.id LIMIT 1) AS unit_id, coalesce(w.weight, 10) AS weight
           FROM o LEFT JOIN w ON w.code = o.municipality_code
           WHERE w.code IS NOT NULL OR NOT EXISTS (SELECT 1 FROM o JOIN w ON w.code = o.municipality_code))
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
     SELECT p.id, c.region_id, p.owner_id, p.hash, p.enc, 'PERSONNUMMER', p.birth, p.sex, $1, $2 || lpad(p.n::text, 6, '0'),
            p.home_id, p.vc_id, c.now - (c.days + 70) * interval '1 day', c.now - (c.days + 70) * interval '1 day'
     FROM g_patient p, g_ctx c`,
  ],
  [
    'g_handoff',
    // Admitted uniformly over the span; ready for discharge after 1–10 days; most leave within a
    // day or two, a few wait up to six (the municipality's payment liability). A share has its
    // admission notice a day or two late (past its 24 hours), a share its SIP call-out late.
    `CREATE TEMP TABLE g_handoff AS
     SELECT t.*, t.ready_at + (pg_temp.rnd(t.n, 13) ^ 3) * 6 * interval '1 day' AS discharged_at,
            pg_temp.rnd(t.n, 14) < t.sip_share * CASE WHEN NOT t.sex_differences THEN 1 WHEN t.sex = 'FEMALE' THEN 1.2 ELSE 0.8 END AND t.ready_at < t.now AS has_sip,
            -- Late, but before the discharge-ready notice.
            CASE WHEN pg_temp.rnd(t.n, 18) < t.late_notice_share THEN least((1 + pg_temp.rnd(t.n, 19)) * interval '1 day', t.ready_at - t.admitted_at - interval '1 hour')
                 ELSE interval '0' END AS notice_delay,
            CASE WHEN pg_temp.rnd(t.n, 22) < t.late_call_out_share THEN (3 + pg_temp.rnd(t.n, 23) * 3) * interval '1 day' ELSE interval '0' END AS call_out_delay,
            pg_temp.rnd(t.n, 24) < t.missed_follow_up_share AS missed_follow_up
     FROM (SELECT g.n, gen_random_uuid() AS id, p.id AS patient_id, p.home_id, p.home_unit_id, p.vc_id, c.now, c.sip_share, c.late_notice_share,
                  c.late_call_out_share, c.missed_follow_up_share, c.sex_differences, p.sex,
                  pg_temp.rnd(g.n, 12) < CASE WHEN NOT c.sex_differences THEN 0.05 WHEN p.sex = 'MALE' THEN 0.07 ELSE 0.03 END AS psychiatric,
                  c.now - pg_temp.rnd(g.n, 10) * c.days * interval '1 day' AS admitted_at,
                  c.now - pg_temp.rnd(g.n, 10) * c.days * interval '1 day' + (1 + pg_temp.rnd(g.n, 11) * 9) * interval '1 day' AS ready_at
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
            pg_temp.g_actor(h.n % 300), h.admitted_at, least(h.discharged_at, c.now)
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
     CROSS JOIN LATERAL (VALUES ('ADMISSION_NOTICE', h.admitted_at + h.notice_delay, NULL::date, NULL::timestamptz),
                                ('DISCHARGE_READY_NOTICE', h.ready_at, (h.ready_at + interval '1 day')::date, NULL),
                                ('SIP_CALL_OUT', CASE WHEN h.has_sip THEN h.ready_at + h.call_out_delay + interval '3 hours' END, NULL, h.ready_at + h.call_out_delay + interval '2 days'),
                                ('DISCHARGE_NOTICE', h.discharged_at, NULL, NULL)) AS m(kind, sent_at, planned_discharge_date, meeting_at)
     WHERE m.sent_at <= h.now`,
  ],
  [
    'handoff_message',
    `INSERT INTO handoff_message (id, handoff_id, region_id, kind, sender_organisation_id, sender_care_unit_id, sender_user_id, sent_at, occurred_at, needs,
                                  planned_discharge_date, meeting_at, meeting_place)
     SELECT m.id, m.handoff_id, c.region_id, m.kind, c.principal_id, m.sending_care_unit_id, pg_temp.g_actor(m.seq % 300), m.sent_at, m.sent_at, '{}',
            m.planned_discharge_date, m.meeting_at, CASE WHEN m.meeting_at IS NOT NULL THEN 'Video' END
     FROM g_message m, g_ctx c`,
  ],
  [
    'handoff_message_recipient',
    // Acknowledged within hours, except half of the last two weeks' messages.
    `INSERT INTO handoff_message_recipient (id, message_id, region_id, organisation_id, care_unit_id, acknowledged_at, acknowledged_by)
     SELECT gen_random_uuid(), m.id, c.region_id, r.organisation_id, r.care_unit_id, a.at, CASE WHEN a.at IS NOT NULL THEN pg_temp.g_actor(m.seq % 97) END
     FROM g_message m CROSS JOIN g_ctx c
     CROSS JOIN LATERAL (VALUES (1, m.home_id, NULL::uuid), (2, c.principal_id, m.vc_id)) AS r(k, organisation_id, care_unit_id)
     CROSS JOIN LATERAL (SELECT CASE WHEN m.sent_at > c.now - interval '14 days' AND pg_temp.rnd(m.seq * 2 + r.k, 20) < 0.5 THEN NULL
                                     ELSE least(m.sent_at + pg_temp.rnd(m.seq * 2 + r.k, 21) * interval '8 hours', c.now) END AS at) a`,
  ],
  [
    'g_sip',
    // Closed about four months after discharge (most), else running; a follow-up done after a
    // month (or missed: a share), and the next one open (overdue when its date has passed).
    `CREATE TEMP TABLE g_sip AS
     SELECT t.*, CASE WHEN t.closes_at <= t.now THEN 'CLOSED' WHEN t.activated_at + interval '30 days' <= t.now THEN 'FOLLOW_UP' ELSE 'ACTIVE' END AS status
     FROM (SELECT gen_random_uuid() AS id, h.n, h.id AS handoff_id, h.patient_id, h.home_id, h.vc_id, h.now,
                  h.ready_at + h.call_out_delay + interval '3 hours' AS called_at, h.ready_at + h.call_out_delay + interval '2 days' AS activated_at, h.missed_follow_up,
                  CASE WHEN pg_temp.rnd(h.n, 16) < 0.7 THEN h.discharged_at + interval '120 days' END AS closes_at
           FROM g_handoff h WHERE h.has_sip) t`,
  ],
  [
    'sip',
    `INSERT INTO sip (id, region_id, patient_id, status, version, initiating_organisation_id, handoff_id, overall_responsible_organisation_id,
                      meeting_planned_at, meeting_planned_place, created_by, created_at, updated_at, called_at, activated_at, ended_at, end_reason)
     SELECT s.id, c.region_id, s.patient_id, s.status, 3, c.principal_id, s.handoff_id, s.home_id, s.activated_at, 'Video',
            pg_temp.g_actor(s.n % 300), s.called_at, least(coalesce(s.closes_at, s.activated_at), s.now), s.called_at, s.activated_at,
            CASE WHEN s.status = 'CLOSED' THEN s.closes_at END, CASE WHEN s.status = 'CLOSED' THEN 'Målen uppnådda' END
     FROM g_sip s, g_ctx c`,
  ],
  [
    'sip_participant',
    `INSERT INTO sip_participant (id, sip_id, region_id, kind, organisation_id, care_unit_id, basis, added_at, added_by)
     SELECT gen_random_uuid(), s.id, c.region_id, p.kind, p.organisation_id, p.care_unit_id, p.basis, s.called_at, pg_temp.g_actor(s.n % 300)
     FROM g_sip s CROSS JOIN g_ctx c
     CROSS JOIN LATERAL (VALUES ('ORGANISATION', c.principal_id, s.vc_id, 'INITIATOR'), ('ORGANISATION', s.home_id, NULL, 'PRINCIPAL'),
                                ('PERSON', NULL, NULL, NULL)) AS p(kind, organisation_id, care_unit_id, basis)`,
  ],
  [
    'sip_follow_up',
    `INSERT INTO sip_follow_up (id, sip_id, region_id, due_date, done_at, occurred_at, done_by, created_at)
     SELECT gen_random_uuid(), s.id, c.region_id, f.due_date, f.done_at, f.done_at, CASE WHEN f.done_at IS NOT NULL THEN pg_temp.g_actor(s.n % 300) END, s.activated_at
     FROM g_sip s CROSS JOIN g_ctx c
     CROSS JOIN LATERAL (VALUES (1, (s.activated_at + interval '30 days')::date,
                                 CASE WHEN NOT s.missed_follow_up THEN s.activated_at + (25 + pg_temp.rnd(s.n, 17) * 15) * interval '1 day' END),
                                (2, (s.activated_at + interval '90 days')::date, NULL)) AS f(k, due_date, done_at)
     -- A missed first follow-up stays the plan's one open follow-up (overdue); no second then.
     WHERE ((f.done_at IS NOT NULL AND f.done_at <= s.now) OR (f.done_at IS NULL AND s.status <> 'CLOSED')) AND (f.k = 1 OR NOT s.missed_follow_up)`,
  ],
  [
    'consent',
    `INSERT INTO consent (id, region_id, patient_id, source_organisation_id, recipient_organisation_id, categories, purpose, given_by,
                          valid_from, valid_to, recorded_by, recorded_at, given_at)
     SELECT gen_random_uuid(), c.region_id, s.patient_id, c.principal_id, s.home_id, '{HEALTH_STATUS,FUNCTIONAL_ABILITY,SOCIAL_SITUATION}', 'SIP', 'PATIENT',
            s.called_at::date, (s.called_at + interval '1 year')::date, pg_temp.g_actor(s.n % 300), s.called_at, s.called_at
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
];

// Ten reads per hand-off while it runs (and a week after): the patient, the hand-off, the
// inbox; by the region's staff or the home municipality's; one in a hundred refused.
const ACCESS_LOG_CHOICES = `
  CREATE TEMP TABLE g_log AS
     SELECT row_number() OVER (ORDER BY x.at, x.k, x.handoff_id) AS seq, x.*
     FROM (SELECT h.id AS handoff_id, h.patient_id, k,
                  h.admitted_at + (least(h.discharged_at + interval '7 days', h.now) - h.admitted_at) * pg_temp.rnd(h.n * 16 + k, 30) AS at,
                  pg_temp.rnd(h.n * 16 + k, 31) < 0.6 AS by_region, h.home_id, h.home_unit_id, h.vc_id,
                  pg_temp.g_actor(floor(pg_temp.rnd(h.n * 16 + k, 32) * 300)::bigint) AS user_id,
                  pg_temp.rnd(h.n * 16 + k, 33) < 0.01 AS denied
           FROM g_handoff h CROSS JOIN generate_series(1, 10) AS k) x`;

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

/** What fillHandoffs wrote through the access log's triggers (none unless `accessLog`). */
export interface AccessLogFill {
  accessLogRows: number;
  /** Microseconds per row through the triggers. */
  accessLogMicrosPerRow: number;
}

/** Fills `o.handoffs` hand-offs (about 0.9 patient each) on one session; `progress` hears the access log's batches. */
export async function fillHandoffs(client: Session, cipher: IdentityNumberCipher, o: SyntheticHandoffs, timed: Timed, progress: (line: string) => void = () => undefined): Promise<AccessLogFill> {
  if (!/^[a-z-]+$/.test(o.actor)) throw new Error(`The actor prefix ${JSON.stringify(o.actor)} must be lower-case letters and hyphens`);
  const patients = Math.ceil(o.handoffs * 0.9);
  if (o.firstPatient < 1 || o.firstPatient - 1 + patients > FAKE_PATIENTS) throw new Error(`Fake patients ${o.firstPatient}–${o.firstPatient - 1 + patients} are out of the ${FAKE_PATIENTS} there are`);
  await client.query(SETUP[0]);
  await client.query(SETUP[1], [o.now, o.country, o.regionCode, o.days, o.actor, o.sipShare, o.lateAdmissionNoticeShare, o.lateCallOutShare, o.missedFollowUpShare, o.sexDifferences]);
  if ((await client.query('SELECT count(*)::int AS n FROM g_ctx')).rows[0].n !== 1) throw new Error(`No region ${o.country} ${o.regionCode} with a principal organisation`);
  for (const sql of SETUP.slice(2)) await client.query(sql);
  const [units] = (
    await client.query(`SELECT (SELECT count(*)::int FROM g_muni) AS municipalities, (SELECT count(*)::int FROM g_unit WHERE care_level = 'INPATIENT_CARE' AND psychiatric) AS psychiatric,
                               (SELECT count(*)::int FROM g_unit WHERE care_level = 'INPATIENT_CARE' AND NOT psychiatric) AS somatic`)
  ).rows;
  if (!units.municipalities || !units.psychiatric || !units.somatic) throw new Error(`Region ${o.country} ${o.regionCode} needs municipalities and inpatient care units (somatic and psychiatric) for synthetic hand-offs`);
  await timed('g_patient (identities)', async () => {
    for (let first = 1; first <= patients; first += 10_000) {
      const chunk = Array.from({ length: Math.min(10_000, patients - first + 1) }, (_, i) => ({ ...fakePatient(cipher, o.firstPatient + first - 1 + i), n: first + i }));
      await client.query(PATIENTS, [chunk.map((p) => p.n), chunk.map((p) => p.hash), chunk.map((p) => p.encrypted), chunk.map((p) => p.birthDate), chunk.map((p) => p.legalSex)]);
    }
  });
  for (const [name, sql] of FILL) {
    await timed(name, async () => {
      await client.query(sql, name === 'g_handoff' ? [o.handoffs, patients] : name === 'patient' ? [o.givenName, o.familyPrefix] : []);
      // Statistics before the next step's triggers plan their joins: on a freshly loaded, unanalysed
      // table PostgreSQL guesses a few rows and the recipients' statement-level trigger went quadratic (minutes at 100k).
      await client.query(`ANALYZE ${name}`);
    });
  }
  let logRows = 0;
  let logMicros = 0;
  if (o.accessLog) {
    await timed('g_log', async () => {
      await client.query(ACCESS_LOG_CHOICES);
      await client.query('ANALYZE g_log');
    });
    logRows = (await client.query('SELECT count(*)::int AS n FROM g_log')).rows[0].n;
    await o.beforeAccessLog?.(logRows);
    const logStart = process.hrtime.bigint();
    await timed('access_log (triggers)', async () => {
      for (let from = 0; from < logRows; from += LOG_BATCH_ROWS) {
        const start = process.hrtime.bigint();
        await client.query(ACCESS_LOG_BATCH, [from, from + LOG_BATCH_ROWS]);
        const micros = Number(process.hrtime.bigint() - start) / 1e3 / Math.min(LOG_BATCH_ROWS, logRows - from);
        progress(`    access_log rows ${from + 1}–${Math.min(from + LOG_BATCH_ROWS, logRows)}: ${micros.toFixed(0)} µs per row`);
      }
    });
    logMicros = Number(process.hrtime.bigint() - logStart) / 1e3 / logRows;
  }
  // What the hand-offs' writes keep beside them: each discharge's summary for the planners' report.
  await timed('handoff_discharge_summary', async () => {
    const rows = async <T = any>(sql: string, parameters?: unknown[]): Promise<T> => (await client.query(sql, parameters)).rows as T;
    const [region] = await rows<{ id: string; timeZone: string }[]>(`SELECT r.id, r.time_zone AS "timeZone" FROM region r WHERE r.id = (SELECT region_id FROM g_ctx)`);
    const parameters = await rows(
      `SELECT key, region_id AS "regionId", value, valid_from::text AS "validFrom", valid_to::text AS "validTo" FROM rule_parameter WHERE region_id = $1 OR region_id IS NULL`,
      [region.id],
    );
    const [{ from }] = await rows<{ from: string }[]>(`SELECT ((now - (days + 1) * interval '1 day') AT TIME ZONE $1)::date::text AS from FROM g_ctx`, [region.timeZone]);
    await recomputeSummariesFrom({ query: rows }, region, parameters, from);
  });
  return { accessLogRows: logRows, accessLogMicrosPerRow: logMicros };
}
