import type { Session, Timed } from './handoff-fill';

/*
 * Synthetic rehabilitation plans for a region (issue 17; Dalarna in the growth bench), on patients
 * a synthetic fill made (handoff-fill.ts): `plans` plans over the `days` up to `now`, owned by the patient's home municipality (seven
 * in ten: the large municipalities own most) or the region, statuses mixed, evaluation dates a year
 * after creation (so spread over three years); three GAS goals each, scored once the plan is
 * active, an evaluation for the evaluated and closed; as many payment commitments to five clearly
 * fake provider organisations, visits for three in ten and reports for four in ten of those due, one in ten naming a funding programme;
 * and the participation the API writes with them (the owner through its plan, the provider through
 * its commitment). Set-based and deterministic like fill.ts (pg_temp.rnd of a row number and a
 * salt). Runs as a superuser, on its own connection's temporary tables (r_*).
 */

const SETUP = [
  `CREATE OR REPLACE FUNCTION pg_temp.rnd(n bigint, salt int) RETURNS float8 LANGUAGE sql IMMUTABLE AS
     $$ SELECT ('x' || substr(md5(n::text || ':' || salt::text), 1, 8))::bit(32)::bigint / 4294967296.0 $$`,
  `CREATE TEMP TABLE r_ctx AS
     SELECT r.id AS region_id, o.id AS principal_id, $1::timestamptz AS now, r.time_zone, $4::int AS days, $5::text AS actor
     FROM region r JOIN organisation o ON o.region_id = r.id AND o.kind = 'REGION'
     WHERE r.country = $2 AND r.code = $3`,
  `CREATE FUNCTION pg_temp.r_actor(n bigint) RETURNS text LANGUAGE sql STABLE AS $$ SELECT actor || n FROM r_ctx $$`,
];

const FORMS = `ARRAY['PHYSIOTHERAPY', 'OCCUPATIONAL_THERAPY', 'SPEECH_THERAPY', 'PSYCHOTHERAPY']`;

/** The steps, in order; $1 is the number of plans (and of commitments) where a step takes it. */
const STEPS: [string, string][] = [
  [
    'provider organisations',
    `INSERT INTO organisation (id, region_id, kind, name, created_at, updated_at)
     SELECT gen_random_uuid(), c.region_id, 'PRIVATE_PROVIDER', 'Syntetisk vårdgivare ' || k || ' (testdata)', c.now - interval '4 years', c.now - interval '4 years'
     FROM r_ctx c CROSS JOIN generate_series(1, 5) AS k
     WHERE NOT EXISTS (SELECT 1 FROM organisation o WHERE o.region_id = c.region_id AND o.name = 'Syntetisk vårdgivare ' || k || ' (testdata)')`,
  ],
  [
    'r_provider',
    `CREATE TEMP TABLE r_provider AS
     SELECT o.id, row_number() OVER (ORDER BY o.name) - 1 AS idx FROM organisation o, r_ctx c
     WHERE o.region_id = c.region_id AND o.kind = 'PRIVATE_PROVIDER' AND o.name LIKE 'Syntetisk vårdgivare %'`,
  ],
  [
    'r_patient',
    `CREATE TEMP TABLE r_patient AS
     SELECT row_number() OVER (ORDER BY p.id) AS n, p.id, p.home_municipality_id AS home_id FROM patient p, r_ctx c
     WHERE p.region_id = c.region_id AND NOT p.example AND p.home_municipality_id IS NOT NULL AND PATIENTS_OF_FILL`,
  ],
  [
    'r_plan',
    // Created uniformly over the span; statuses by age: young plans are drafts or active, an
    // evaluated or closed plan had its evaluation date come.
    `CREATE TEMP TABLE r_plan AS
     SELECT t.*, CASE WHEN t.s < 0.1 THEN 'DRAFT'
                      WHEN t.evaluation_date >= t.now::date OR t.s < 0.55 THEN 'ACTIVE'
                      WHEN t.s < 0.8 THEN 'EVALUATED' ELSE 'CLOSED' END AS status
     FROM (SELECT g.n, gen_random_uuid() AS id, p.id AS patient_id, c.now, c.region_id,
                  CASE WHEN pg_temp.rnd(g.n, 41) < 0.7 THEN p.home_id ELSE c.principal_id END AS owner_id,
                  c.now - pg_temp.rnd(g.n, 42) * c.days * interval '1 day' AS created_at,
                  ((c.now - pg_temp.rnd(g.n, 42) * c.days * interval '1 day') AT TIME ZONE c.time_zone)::date + 365 AS evaluation_date,
                  pg_temp.rnd(g.n, 43) AS s
           FROM generate_series(1, $1::int) AS g(n)
           JOIN r_patient p ON p.n = 1 + (g.n - 1) % (SELECT count(*) FROM r_patient)
           CROSS JOIN r_ctx c) t`,
  ],
  [
    'rehab_plan',
    `INSERT INTO rehab_plan (id, region_id, patient_id, owner_organisation_id, need, own_goals, functional_ability, therapy_forms, evaluation_date, status,
                             evaluation_period, version, created_by, created_at, updated_at, activated_at, closed_at, close_reason)
     SELECT r.id, r.region_id, r.patient_id, r.owner_id, CASE WHEN pg_temp.rnd(r.n, 44) < 0.6 THEN 'LONG_TERM' ELSE 'SHORT_TERM' END,
            'Syntetiskt mål', 'Syntetisk beskrivning',
            CASE WHEN pg_temp.rnd(r.n, 45) < 0.5 THEN ARRAY[(${FORMS})[1 + floor(pg_temp.rnd(r.n, 46) * 4)::int]]
                 ELSE ARRAY[(${FORMS})[1 + floor(pg_temp.rnd(r.n, 46) * 4)::int], (${FORMS})[1 + (floor(pg_temp.rnd(r.n, 46) * 4)::int + 1) % 4]] END,
            r.evaluation_date, r.status, 1, 2, pg_temp.r_actor(r.n % 300), r.created_at, r.created_at,
            CASE WHEN r.status <> 'DRAFT' THEN r.created_at + interval '2 days' END,
            CASE WHEN r.status = 'CLOSED' THEN least(r.created_at + interval '400 days', r.now) END,
            CASE WHEN r.status = 'CLOSED' THEN 'Målen uppnådda' END
     FROM r_plan r`,
  ],
  [
    'gas_goal',
    `INSERT INTO gas_goal (id, region_id, plan_id, evaluation_period, position, title, levels, weight, baseline, created_by, created_at)
     SELECT gen_random_uuid(), r.region_id, r.id, 1, k, 'Syntetiskt mål ' || k, ARRAY['−2', '−1', '0', '+1', '+2'], 1 + floor(pg_temp.rnd(r.n * 4 + k, 47) * 3),
            CASE WHEN pg_temp.rnd(r.n * 4 + k, 48) < 0.7 THEN -1 ELSE -2 END, pg_temp.r_actor(r.n % 300), r.created_at
     FROM r_plan r CROSS JOIN generate_series(1, 3) AS k`,
  ],
  [
    'gas_score',
    // Scored half a year into an active plan (when that day has come), and at the evaluation.
    `INSERT INTO gas_score (id, region_id, goal_id, attainment, scored_on, recorded_by, recorded_by_organisation_id, recorded_at)
     SELECT gen_random_uuid(), r.region_id, g.id, floor(pg_temp.rnd(r.n * 4 + g.position, 49) * 5)::int - 2, s.on_date, pg_temp.r_actor(r.n % 300), r.owner_id, s.on_date::timestamptz
     FROM r_plan r JOIN gas_goal g ON g.plan_id = r.id
     CROSS JOIN LATERAL (VALUES (r.evaluation_date - 182), (r.evaluation_date)) AS s(on_date)
     WHERE r.status <> 'DRAFT' AND s.on_date < r.now::date AND (s.on_date < r.evaluation_date OR r.status IN ('EVALUATED', 'CLOSED'))`,
  ],
  [
    'rehab_plan_evaluation',
    `INSERT INTO rehab_plan_evaluation (id, region_id, plan_id, evaluation_period, evaluated_on, rho, t_score, evaluated_by, evaluated_at)
     SELECT gen_random_uuid(), r.region_id, r.id, 1, r.evaluation_date, 0.3, round((35 + pg_temp.rnd(r.n, 50) * 30)::numeric, 2), pg_temp.r_actor(r.n % 300), r.evaluation_date::timestamptz
     FROM r_plan r WHERE r.status IN ('EVALUATED', 'CLOSED')`,
  ],
  [
    'r_commitment',
    // One commitment per plan, over the plans that left draft; valid for half a year to a year from
    // a week after its issue, the report due two months before its end.
    `CREATE TEMP TABLE r_commitment AS
     SELECT t.*, t.valid_from + t.days AS valid_to, (t.valid_from + t.days - interval '2 months')::date AS report_due_on
     FROM (SELECT g.n, gen_random_uuid() AS id, r.id AS plan_id, r.patient_id, r.region_id, r.owner_id, r.now,
                  (SELECT v.id FROM r_provider v WHERE v.idx = floor(pg_temp.rnd(g.n, 51) * 5)) AS provider_id,
                  (${FORMS})[1 + floor(pg_temp.rnd(g.n, 52) * 4)::int] AS therapy_form,
                  (r.created_at::date + 7 + floor(pg_temp.rnd(g.n, 53) * 30)::int) AS valid_from,
                  182 + floor(pg_temp.rnd(g.n, 54) * 183)::int AS days,
                  pg_temp.rnd(g.n, 55) < 0.05 AS revoked
           FROM generate_series(1, $1::int) AS g(n)
           JOIN (SELECT row_number() OVER (ORDER BY p.n) AS k, p.* FROM r_plan p WHERE p.status <> 'DRAFT') r
             ON r.k = 1 + (g.n - 1) % (SELECT count(*) FROM r_plan WHERE status <> 'DRAFT')) t`,
  ],
  [
    'payment_commitment',
    `INSERT INTO payment_commitment (id, region_id, plan_id, patient_id, payer_organisation_id, provider_organisation_id, number, therapy_form, visits,
                                     visit_minutes, valid_from, valid_to, issued_on, report_due_on, revoked_from, revoked_by, funding_programme_id, funding_form,
                                     version, created_by, created_at, updated_at)
     SELECT c.id, c.region_id, c.plan_id, c.patient_id, c.owner_id, c.provider_id, 'SYNT-' || c.n, c.therapy_form, 10 + floor(pg_temp.rnd(c.n, 56) * 11)::int,
            45, c.valid_from, c.valid_to, c.valid_from - 7, c.report_due_on,
            CASE WHEN c.revoked THEN c.valid_from + 30 END, CASE WHEN c.revoked THEN pg_temp.r_actor(c.n % 300) END,
            -- One in ten names a programme (outside its years: programmeReport reads them and counts none).
            CASE WHEN pg_temp.rnd(c.n, 61) < 0.1 THEN (SELECT f.id FROM funding_programme f WHERE f.code = 'REHABILITERINGSGARANTIN' ORDER BY f.valid_from DESC LIMIT 1) END,
            CASE WHEN pg_temp.rnd(c.n, 61) < 0.1 THEN 'KBT' END,
            1, pg_temp.r_actor(c.n % 300), (c.valid_from - 7)::timestamptz, (c.valid_from - 7)::timestamptz
     FROM r_commitment c`,
  ],
  [
    'therapy_visit',
    `INSERT INTO therapy_visit (id, region_id, commitment_id, visit_date, minutes, recorded_by, recorded_at)
     SELECT gen_random_uuid(), c.region_id, c.id, c.valid_from + k * 14, 45, pg_temp.r_actor(c.n % 300), (c.valid_from + k * 14)::timestamptz
     FROM r_commitment c CROSS JOIN generate_series(0, 9) AS k
     WHERE pg_temp.rnd(c.n, 57) < 0.3 AND k < 1 + floor(pg_temp.rnd(c.n, 58) * 10) AND c.valid_from + k * 14 < c.now::date
       AND (NOT c.revoked OR k * 14 < 30)`,
  ],
  [
    'therapy_report',
    `INSERT INTO therapy_report (id, region_id, commitment_id, therapist_name, therapist_contact, functional_ability, goals, assessments,
                                 continued_therapy_needed, patient_motivation, submitted_by, submitted_at, submitted_on)
     SELECT gen_random_uuid(), c.region_id, c.id, 'Syntetisk terapeut', 'testdata@example.invalid', 'Syntetisk beskrivning', '[]', '[]', false, 'Syntetisk',
            pg_temp.r_actor(c.n % 300), s.on_date::timestamptz, s.on_date
     FROM r_commitment c CROSS JOIN LATERAL (SELECT c.report_due_on - 10 + floor(pg_temp.rnd(c.n, 60) * 20)::int AS on_date) s
     WHERE NOT c.revoked AND pg_temp.rnd(c.n, 59) < 0.4 AND s.on_date < c.now::date`,
  ],
  [
    'patient_participation (plans)',
    `INSERT INTO patient_participation (region_id, patient_id, organisation_id, source_type, source_id, created_at)
     SELECT r.region_id, r.patient_id, r.owner_id, 'REHAB_PLAN', r.id, r.created_at FROM r_plan r
     UNION ALL
     SELECT c.region_id, c.patient_id, c.provider_id, 'PAYMENT_COMMITMENT', c.id, (c.valid_from - 7)::timestamptz FROM r_commitment c`,
  ],
  ['revoked commitments leave', `UPDATE patient_participation pp SET ended_at = (c.valid_from + 30)::timestamptz FROM r_commitment c WHERE c.revoked AND pp.source_id = c.id`],
];

/** What to make: `plans` plans (and as many commitments) over the `days` up to `now`. */
export interface SyntheticPlans {
  country: string;
  regionCode: string;
  plans: number;
  now: Date;
  days: number;
  /** The prefix of the user ids written as actors (followed by a small number). */
  actor: string;
  /** Only the patients of the fillHandoffs before on this session (g_patient), else every patient of the region not marked example. */
  onlyFilledPatients: boolean;
}

/** Adds the plans; `timed` runs and reports each step. */
export async function fillRehabPlans(client: Session, o: SyntheticPlans, timed: Timed): Promise<void> {
  if (!/^[a-z-]+$/.test(o.actor)) throw new Error(`The actor prefix ${JSON.stringify(o.actor)} must be lower-case letters and hyphens`);
  await client.query(SETUP[0]);
  await client.query(SETUP[1], [o.now, o.country, o.regionCode, o.days, o.actor]);
  for (const sql of SETUP.slice(2)) await client.query(sql);
  for (const [name, sql] of STEPS) {
    await timed(name, async () => {
      await client.query(sql.replace('PATIENTS_OF_FILL', o.onlyFilledPatients ? 'p.id IN (SELECT g.id FROM g_patient g)' : 'true'), sql.includes('$1') ? [o.plans] : []);
      const table = name.split(' ')[0];
      if (/^[a-z_]+$/.test(table) && table !== 'provider' && table !== 'revoked') await client.query(`ANALYZE ${table}`);
    });
  }
}
