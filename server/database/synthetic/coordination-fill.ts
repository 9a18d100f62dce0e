import type { Session, Timed } from './handoff-fill';

/*
 * Synthetic rehabilitation-coordination cases (issue 18) for the demo (issue 16 item 6), on the
 * working-age patients a synthetic fill made (handoff-fill.ts, g_patient): `cases` cases opened
 * over the `days` up to `now` at the region's primary-care units (the patient's own health centre
 * mostly) and specialist units. Each case follows one path, chosen by a random number and bounded
 * by its age so that nothing lies in the future:
 *
 *   NONE        opened in the last 12 days, not yet contacted (an unanswered call for some);
 *   DECLINED    contacted, declined the next day;
 *   CONTACTED   contacted, no more yet;
 *   QUIT        contacted, closed two weeks later with NO_INTERVENTION (no GC001, as the rules say);
 *   ACTIVE      consent to coordination, then active two days after the first contact;
 *   FOLLOW_UP   as ACTIVE, followed up after 60 days;
 *   DONE        as FOLLOW_UP, closed 90–150 days after activation with an outcome.
 *
 * Activities of the cases with intervention: a meeting with the patient; for the employed, an
 * employer named in the case, the consent to tell it about work capacity and sick leave, a contact
 * (answered four times in five), more often for men than women (seed 003 warns of that gap), and
 * a return-to-work plan with a two-step ramp for half of those; a meeting with Försäkringskassan
 * under its own consent for four in ten; the follow-up. KVÅ codes as coordination.kvaRules gives
 * them: GC001 for what reached its actor while the case was ACTIVE or FOLLOW_UP, ZV506 for the
 * employer reached, DV077 for the plan, AW026 for the follow-up. Set-based and deterministic like
 * the other fills (pg_temp.rnd of a row number and a salt); temporary tables c_*.
 */

const SETUP = [
  `CREATE OR REPLACE FUNCTION pg_temp.rnd(n bigint, salt int) RETURNS float8 LANGUAGE sql IMMUTABLE AS
     $$ SELECT ('x' || substr(md5(n::text || ':' || salt::text), 1, 8))::bit(32)::bigint / 4294967296.0 $$`,
  `CREATE TEMP TABLE c_ctx AS
     SELECT r.id AS region_id, $1::timestamptz AS now, r.time_zone, $4::int AS days, $5::text AS actor
     FROM region r WHERE r.country = $2 AND r.code = $3`,
];

/** Days between two instants. */
const DAYS = (from: string, to: string) => `extract(epoch FROM ${to} - ${from}) / 86400`;

/** The steps, in order; $1 is the number of cases where a step takes it. */
const STEPS: [string, string][] = [
  [
    'c_unit',
    `CREATE TEMP TABLE c_unit AS
     SELECT u.id, u.organisation_id, row_number() OVER (ORDER BY u.name, u.id) AS idx FROM care_unit u, c_ctx c
     WHERE u.region_id = c.region_id AND u.care_level IN ('PRIMARY_CARE', 'SPECIALIST_CARE')`,
  ],
  [
    'c_patient',
    // Of working age (20–64) today: sick leave from work, studies or job seeking.
    `CREATE TEMP TABLE c_patient AS
     SELECT row_number() OVER (ORDER BY p.n) AS n, p.id, p.sex, p.birth, p.vc_id FROM g_patient p, c_ctx c
     WHERE date_part('year', age(c.now::date, p.birth)) BETWEEN 20 AND 64`,
  ],
  [
    'c_base',
    `CREATE TEMP TABLE c_base AS
     SELECT t.*, ${DAYS('t.opened_at', 't.now')} AS age_days, date_part('year', age(t.opened_at::date, t.birth)) AS age_years
     FROM (SELECT g.n, gen_random_uuid() AS id, p.id AS patient_id, p.sex, p.birth, c.region_id, c.now,
                  CASE WHEN pg_temp.rnd(g.n, 71) < 0.8 AND p.vc_id IN (SELECT u.id FROM c_unit u) THEN p.vc_id
                       ELSE (SELECT u.id FROM c_unit u WHERE u.idx = 1 + floor(pg_temp.rnd(g.n, 72) * (SELECT count(*) FROM c_unit))) END AS care_unit_id,
                  c.actor || (1 + floor(pg_temp.rnd(g.n, 70) * 8)::int) AS coordinator,
                  c.now - pg_temp.rnd(g.n, 73) * c.days * interval '1 day' AS opened_at,
                  (1 + pg_temp.rnd(g.n, 74) * 9) * interval '1 day' AS to_contact,
                  pg_temp.rnd(g.n, 75) AS s
           FROM generate_series(1, $1::int) AS g(n)
           JOIN c_patient p ON p.n = 1 + (g.n - 1) % (SELECT count(*) FROM c_patient)
           CROSS JOIN c_ctx c) t`,
  ],
  [
    'c_case',
    // Young adults study or seek work more often than others. Employer contact: women's employed
    // cases somewhat less often than men's (the gap the statistics are there to show).
    `CREATE TEMP TABLE c_case AS
     SELECT t.*, t.opened_at + t.to_contact AS contact_at, t.opened_at + t.to_contact + interval '2 days' AS active_at,
            t.path IN ('ACTIVE', 'FOLLOW_UP', 'DONE') AS intervened,
            t.path IN ('ACTIVE', 'FOLLOW_UP', 'DONE') AND t.occupation = 'EMPLOYED' AND pg_temp.rnd(t.n, 77) < CASE WHEN t.sex = 'FEMALE' THEN 0.5 ELSE 0.68 END AS has_employer,
            t.path IN ('ACTIVE', 'FOLLOW_UP', 'DONE') AND pg_temp.rnd(t.n, 79) < 0.4 AS meets_fk,
            t.opened_at + t.to_contact + (92 + pg_temp.rnd(t.n, 83) * 60) * interval '1 day' AS done_at
     FROM (SELECT b.*,
                  CASE WHEN b.age_days < 12 THEN 'NONE'
                       WHEN b.s < 0.12 THEN 'DECLINED'
                       WHEN b.age_days < 45 THEN CASE WHEN b.s < 0.4 THEN 'CONTACTED' ELSE 'ACTIVE' END
                       WHEN b.age_days < 180 THEN CASE WHEN b.s < 0.2 THEN 'CONTACTED' WHEN b.s < 0.28 THEN 'QUIT' WHEN b.s < 0.7 OR b.age_days < 75 THEN 'ACTIVE' ELSE 'FOLLOW_UP' END
                       ELSE CASE WHEN b.s < 0.2 THEN 'QUIT' WHEN b.s < 0.24 THEN 'ACTIVE' WHEN b.s < 0.3 THEN 'FOLLOW_UP' ELSE 'DONE' END END AS path,
                  CASE WHEN b.age_years < 30 THEN CASE WHEN pg_temp.rnd(b.n, 76) < 0.45 THEN 'EMPLOYED' WHEN pg_temp.rnd(b.n, 76) < 0.7 THEN 'JOB_SEEKING' WHEN pg_temp.rnd(b.n, 76) < 0.9 THEN 'STUDENT' ELSE 'OTHER' END
                       ELSE CASE WHEN pg_temp.rnd(b.n, 76) < 0.75 THEN 'EMPLOYED' WHEN pg_temp.rnd(b.n, 76) < 0.88 THEN 'JOB_SEEKING' WHEN pg_temp.rnd(b.n, 76) < 0.91 THEN 'STUDENT' ELSE 'OTHER' END END AS occupation,
                  CASE WHEN pg_temp.rnd(b.n, 84) < 0.5 THEN 100 WHEN pg_temp.rnd(b.n, 84) < 0.75 THEN 50 WHEN pg_temp.rnd(b.n, 84) < 0.87 THEN 75 ELSE 25 END AS degree,
                  (b.opened_at::date - 7 - floor(pg_temp.rnd(b.n, 85) * 50)::int) AS sick_from,
                  30 + floor(pg_temp.rnd(b.n, 86) * 300)::int AS sick_days
           FROM c_base b) t`,
  ],
  [
    'c_activity',
    // Every activity of every case, then only those already done (and not after a closing).
    `CREATE TEMP TABLE c_activity AS
     SELECT gen_random_uuid() AS id, a.*, NULL::uuid AS employer_id FROM (
       SELECT c.id AS case_id, 'PERSONAL_SUPPORT' AS area, 'CONTACT' AS kind, NULL AS actor_kind, false AS answered, NULL::boolean AS held, NULL AS mode,
              c.opened_at + c.to_contact / 2 AS occurred_at, false AS value_created
       FROM c_case c WHERE pg_temp.rnd(c.n, 82) < 0.3
       UNION ALL
       SELECT c.id, 'PERSONAL_SUPPORT', 'CONTACT', NULL, true, NULL, NULL, c.contact_at, false FROM c_case c WHERE c.path <> 'NONE'
       UNION ALL
       SELECT c.id, 'PERSONAL_SUPPORT', 'MEETING', NULL, NULL, true, 'IN_PERSON', c.active_at + interval '2 hours', true FROM c_case c WHERE c.intervened
       UNION ALL
       SELECT c.id, 'EXTERNAL_COLLABORATION', 'CONTACT', 'EMPLOYER', pg_temp.rnd(c.n, 78) < 0.8, NULL, NULL, c.active_at + interval '5 days', pg_temp.rnd(c.n, 78) < 0.8
       FROM c_case c WHERE c.has_employer
       UNION ALL
       SELECT c.id, 'EXTERNAL_COLLABORATION', 'MEETING', 'FK', NULL, pg_temp.rnd(c.n, 80) < 0.9, (ARRAY['VIDEO', 'PHONE', 'IN_PERSON'])[1 + floor(pg_temp.rnd(c.n, 87) * 3)::int],
              c.active_at + interval '10 days', pg_temp.rnd(c.n, 80) < 0.9
       FROM c_case c WHERE c.meets_fk
       UNION ALL
       SELECT c.id, 'PERSONAL_SUPPORT', 'RETURN_TO_WORK_PLAN', NULL, NULL, NULL, NULL, c.active_at + interval '20 days', true
       FROM c_case c WHERE c.has_employer AND pg_temp.rnd(c.n, 81) < 0.5
       UNION ALL
       SELECT c.id, 'FOLLOW_UP', 'FOLLOW_UP', NULL, NULL, NULL, NULL, c.active_at + interval '60 days', true FROM c_case c WHERE c.path IN ('FOLLOW_UP', 'DONE')
     ) a JOIN c_case c ON c.id = a.case_id
     WHERE a.occurred_at < c.now AND (c.path <> 'DONE' OR a.occurred_at < c.done_at)`,
  ],
  [
    'coordination_case',
    `INSERT INTO coordination_case (id, region_id, patient_id, owner_organisation_id, care_unit_id, coordinator_user_id, status, occupation, sick_leave_from, sick_leave_to,
                                    sick_leave_degree, version, opened_at, first_contact_at, last_activity_at, closed_at, outcome, created_by, updated_at)
     SELECT c.id, c.region_id, c.patient_id, u.organisation_id, c.care_unit_id, c.coordinator,
            CASE c.path WHEN 'QUIT' THEN 'CLOSED' WHEN 'DONE' THEN 'CLOSED' ELSE c.path END, c.occupation, c.sick_from, c.sick_from + c.sick_days, c.degree,
            CASE c.path WHEN 'NONE' THEN 1 WHEN 'CONTACTED' THEN 2 WHEN 'FOLLOW_UP' THEN 4 WHEN 'DONE' THEN 5 ELSE 3 END,
            c.opened_at, CASE WHEN c.path <> 'NONE' THEN c.contact_at END, l.last_at,
            CASE c.path WHEN 'QUIT' THEN c.contact_at + interval '14 days' WHEN 'DONE' THEN c.done_at END,
            CASE c.path WHEN 'QUIT' THEN 'NO_INTERVENTION'
                        WHEN 'DONE' THEN CASE WHEN pg_temp.rnd(c.n, 88) < 0.5 THEN 'RETURNED_TO_WORK' WHEN pg_temp.rnd(c.n, 88) < 0.75 THEN 'PARTLY_RETURNED_TO_WORK' ELSE 'OTHER_SUPPORT' END END,
            c.coordinator, greatest(l.last_at, CASE c.path WHEN 'QUIT' THEN c.contact_at + interval '14 days' WHEN 'DONE' THEN c.done_at WHEN 'DECLINED' THEN c.contact_at + interval '1 day' END)
     FROM c_case c JOIN c_unit u ON u.id = c.care_unit_id
     CROSS JOIN LATERAL (SELECT greatest(c.opened_at, max(a.occurred_at)) AS last_at FROM c_activity a WHERE a.case_id = c.id) l`,
  ],
  [
    'coordination_status_change',
    `INSERT INTO coordination_status_change (id, region_id, case_id, from_status, to_status, changed_at, changed_by)
     SELECT gen_random_uuid(), c.region_id, c.id, s.from_status, s.to_status, s.at, c.coordinator
     FROM c_case c CROSS JOIN LATERAL (VALUES
       (0, NULL, 'NONE', c.opened_at, true),
       (1, 'NONE', 'CONTACTED', c.contact_at, c.path <> 'NONE'),
       (2, 'CONTACTED', 'DECLINED', c.contact_at + interval '1 day', c.path = 'DECLINED'),
       (2, 'CONTACTED', 'CLOSED', c.contact_at + interval '14 days', c.path = 'QUIT'),
       (2, 'CONTACTED', 'ACTIVE', c.active_at, c.intervened),
       (3, 'ACTIVE', 'FOLLOW_UP', c.active_at + interval '60 days', c.path IN ('FOLLOW_UP', 'DONE')),
       (4, 'FOLLOW_UP', 'CLOSED', c.done_at, c.path = 'DONE')) AS s(k, from_status, to_status, at, happened)
     WHERE s.happened ORDER BY c.n, s.k`,
  ],
  [
    'coordination_employer',
    // Clearly fake employers: organisation numbers of the 559999 series, named as demo.
    `INSERT INTO coordination_employer (id, region_id, case_id, name, organisation_number, contact_name, added_by, added_at)
     SELECT gen_random_uuid(), c.region_id, c.id, 'Demoarbetsgivare ' || (1 + c.n % 40) || ' AB (testdata)', '559999-' || lpad((1 + c.n % 40)::text, 4, '0'), 'Demo Kontaktperson',
            c.coordinator, c.active_at + interval '4 days'
     FROM c_case c WHERE c.has_employer AND c.active_at + interval '4 days' < c.now`,
  ],
  ['c_activity employers', `UPDATE c_activity a SET employer_id = e.id FROM coordination_employer e WHERE e.case_id = a.case_id AND a.actor_kind = 'EMPLOYER'`],
  [
    'coordination_consent',
    // What the activities need: consent to coordination itself before activation, to the employer
    // and to Försäkringskassan before their first activity; valid through the sick leave, a year at least.
    `INSERT INTO coordination_consent (id, region_id, case_id, patient_id, actor_kind, employer_id, direction, categories, purpose, given_by, valid_from, valid_to, recorded_by, recorded_at)
     SELECT gen_random_uuid(), c.region_id, c.id, c.patient_id, k.actor_kind, k.employer_id, 'TO_ACTOR', k.categories, 'REHABILITATION_COORDINATION', 'PATIENT',
            k.at::date, greatest(c.sick_from + c.sick_days, k.at::date + 365), c.coordinator, k.at
     FROM c_case c CROSS JOIN LATERAL (VALUES
       (NULL, NULL::uuid, '{}'::text[], c.contact_at + interval '1 hour', c.intervened),
       ('EMPLOYER', (SELECT e.id FROM coordination_employer e WHERE e.case_id = c.id), '{WORK_CAPACITY,SICK_LEAVE}', c.active_at + interval '4 days', c.has_employer),
       ('FK', NULL, '{WORK_CAPACITY,SICK_LEAVE,FUNCTIONAL_ABILITY}', c.active_at + interval '9 days', c.meets_fk)) AS k(actor_kind, employer_id, categories, at, needed)
     WHERE k.needed AND k.at < c.now`,
  ],
  [
    'coordination_activity',
    `INSERT INTO coordination_activity (id, region_id, case_id, area, kind, actor_kind, employer_id, answered, held, mode, occurred_at, recorded_by, recorded_at)
     SELECT a.id, c.region_id, a.case_id, a.area, a.kind, a.actor_kind, a.employer_id, a.answered, a.held, a.mode, a.occurred_at, c.coordinator, a.occurred_at
     FROM c_activity a JOIN c_case c ON c.id = a.case_id`,
  ],
  [
    'coordination_kva',
    `INSERT INTO coordination_kva (id, region_id, case_id, activity_id, code, code_valid_from, occurred_at)
     SELECT gen_random_uuid(), c.region_id, a.case_id, a.id, k.code, (SELECT max(v.valid_from) FROM kva_code v WHERE v.code = k.code AND v.valid_from <= a.occurred_at::date), a.occurred_at
     FROM c_activity a JOIN c_case c ON c.id = a.case_id
     CROSS JOIN LATERAL (VALUES ('GC001', a.value_created), ('ZV506', a.actor_kind = 'EMPLOYER' AND a.answered), ('DV077', a.kind = 'RETURN_TO_WORK_PLAN'),
                                ('AW026', a.kind = 'FOLLOW_UP')) AS k(code, earned)
     WHERE k.earned`,
  ],
  [
    'coordination_return_to_work_plan',
    `INSERT INTO coordination_return_to_work_plan (id, region_id, case_id, activity_id, goal, set_by, set_at)
     SELECT gen_random_uuid(), c.region_id, a.case_id, a.id, 'Syntetiskt mål: åter i arbete', c.coordinator, a.occurred_at
     FROM c_activity a JOIN c_case c ON c.id = a.case_id WHERE a.kind = 'RETURN_TO_WORK_PLAN'`,
  ],
  [
    'coordination_return_to_work_step',
    // Half time for four weeks, then full time for four.
    `INSERT INTO coordination_return_to_work_step (id, region_id, plan_id, position, from_date, to_date, work_percent, responsibilities)
     SELECT gen_random_uuid(), p.region_id, p.id, s.k, p.set_at::date + 7 + (s.k - 1) * 28, p.set_at::date + 6 + s.k * 28, s.percent, 'Syntetisk ansvarsfördelning'
     FROM coordination_return_to_work_plan p JOIN c_case c ON c.id = p.case_id
     CROSS JOIN (VALUES (1, 50), (2, 100)) AS s(k, percent)`,
  ],
  [
    'patient_participation (coordination)',
    `INSERT INTO patient_participation (region_id, patient_id, organisation_id, care_unit_id, source_type, source_id, created_at)
     SELECT c.region_id, c.patient_id, u.organisation_id, c.care_unit_id, 'COORDINATION_CASE', c.id, c.opened_at FROM c_case c JOIN c_unit u ON u.id = c.care_unit_id`,
  ],
];

/** What to make: `cases` coordination cases over the `days` up to `now`. */
export interface SyntheticCoordination {
  country: string;
  regionCode: string;
  cases: number;
  now: Date;
  days: number;
  /** The prefix of the user ids written as actors (followed by a small number). */
  actor: string;
}

/** Adds the cases on the patients of the fillHandoffs before on this session (g_patient); `timed` runs and reports each step. */
export async function fillCoordinationCases(client: Session, o: SyntheticCoordination, timed: Timed): Promise<void> {
  if (!/^[a-z-]+$/.test(o.actor)) throw new Error(`The actor prefix ${JSON.stringify(o.actor)} must be lower-case letters and hyphens`);
  await client.query(SETUP[0]);
  await client.query(SETUP[1], [o.now, o.country, o.regionCode, o.days, o.actor]);
  for (const [name, sql] of STEPS) {
    await timed(name, async () => {
      await client.query(sql, sql.includes('$1') ? [o.cases] : []);
      if (name.startsWith('coordination_')) await client.query(`ANALYZE ${name}`);
    });
  }
}
