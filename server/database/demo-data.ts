import type { DataSource } from 'typeorm';
import type { IdentityNumberCipher } from '../crypto/identity-number-cipher';
import { fillHandoffs, Session, SyntheticHandoffs } from './synthetic/handoff-fill';
import { fillCoordinationCases } from './synthetic/coordination-fill';
import { fillRehabPlans } from './synthetic/rehab-fill';

/*
 * Demo data (issue 16 item 6): a region filled with synthetic hand-offs, SIPs, rehabilitation
 * plans and rehabilitation-coordination cases over the last 24 months, so that a fresh install shows a living planners' dashboard. Never
 * in production (the CLI and DEMO_DATA refuse there).
 *
 * How it is marked. Example data (Åland's worked example) is flagged `example` and statistics leave
 * it out; demo data must stay IN the planners' statistics, so it is not flagged: it is recognised
 * by its patients, which are all named "Demo Demodata NNNNNN" and carry personnummer from
 * Skatteverket's test series (birth numbers 980–999, numbers 560,001 on of the synthetic fill's,
 * apart from the growth bench's), while every actor column of its records reads "demo-user-N".
 * Removal deletes those patients and everything recorded about them (the API never deletes
 * clinical records, so this is the only way out); access-log rows of anyone who read them stay, as
 * the log is append-only.
 */

/** The demo patients' names and the actors of their records. */
const DEMO_GIVEN_NAME = 'Demo';
const DEMO_FAMILY_PREFIX = 'Demodata ';
const DEMO_ACTOR = 'demo-user-';
/** The demo's range of fake personnummer (server/database/synthetic/identities.ts): 20,000 numbers. */
const DEMO_FIRST_PATIENT = 560_001;
/** Demo hand-offs at most: about 0.9 patient each, within the range. */
export const MAX_DEMO_HANDOFFS = 22_000;
/** Dalarna's default: some 4,000 discharges a year, so that most municipalities show every month. */
export const DEFAULT_DEMO_HANDOFFS = 8000;

export interface DemoRequest {
  country: string;
  regionCode: string;
  /** Hand-offs over the 24 months; rehabilitation plans are a quarter of that, coordination cases a fifth. */
  handoffs: number;
  now: Date;
}

/** What a region holds of demo data. */
export interface DemoCounts {
  patients: number;
  handoffs: number;
  sips: number;
  rehabPlans: number;
  coordinationCases: number;
}

const demoFill = (r: DemoRequest): SyntheticHandoffs => ({
  country: r.country,
  regionCode: r.regionCode,
  handoffs: r.handoffs,
  now: r.now,
  days: 730,
  firstPatient: DEMO_FIRST_PATIENT,
  givenName: DEMO_GIVEN_NAME,
  familyPrefix: DEMO_FAMILY_PREFIX,
  actor: DEMO_ACTOR,
  // A SIP for three in ten discharges; one admission notice in ten late, one SIP call-out in
  // twelve; one first follow-up in six missed (the second is left open, overdue once due).
  sipShare: 0.3,
  lateAdmissionNoticeShare: 0.1,
  lateCallOutShare: 0.08,
  missedFollowUpShare: 0.16,
  sexDifferences: true,
  // A demo is nobody's access to a patient; the log is append-only and removal could not take it back.
  accessLog: false,
});

/** The region's demo patients, as a temporary table `d_patient` of this session. */
const DEMO_PATIENTS = `
  CREATE TEMP TABLE d_patient AS
  SELECT p.id FROM patient p JOIN region r ON r.id = p.region_id
  WHERE p.given_name = '${DEMO_GIVEN_NAME}' AND p.family_name LIKE '${DEMO_FAMILY_PREFIX}%' AND r.country = $1 AND r.code = $2`;

/** Everything recorded about the demo patients, children first. */
const REMOVE = [
  `CREATE TEMP TABLE d_handoff AS SELECT id FROM handoff WHERE patient_id IN (SELECT id FROM d_patient)`,
  `CREATE TEMP TABLE d_sip AS SELECT id FROM sip WHERE patient_id IN (SELECT id FROM d_patient)`,
  `CREATE TEMP TABLE d_plan AS SELECT id FROM rehab_plan WHERE patient_id IN (SELECT id FROM d_patient)`,
  `CREATE TEMP TABLE d_case AS SELECT id FROM coordination_case WHERE patient_id IN (SELECT id FROM d_patient)`,
  `CREATE TEMP TABLE d_commitment AS SELECT id FROM payment_commitment WHERE patient_id IN (SELECT id FROM d_patient) OR plan_id IN (SELECT id FROM d_plan)`,
  `DELETE FROM coordination_kva WHERE case_id IN (SELECT id FROM d_case)`,
  `DELETE FROM coordination_return_to_work_step WHERE plan_id IN (SELECT p.id FROM coordination_return_to_work_plan p WHERE p.case_id IN (SELECT id FROM d_case))`,
  `DELETE FROM coordination_return_to_work_plan WHERE case_id IN (SELECT id FROM d_case)`,
  `DELETE FROM coordination_activity WHERE case_id IN (SELECT id FROM d_case)`,
  `DELETE FROM coordination_consent WHERE case_id IN (SELECT id FROM d_case)`,
  `DELETE FROM coordination_employer WHERE case_id IN (SELECT id FROM d_case)`,
  `DELETE FROM coordination_status_change WHERE case_id IN (SELECT id FROM d_case)`,
  `DELETE FROM coordination_case WHERE id IN (SELECT id FROM d_case)`,
  `DELETE FROM therapy_visit WHERE commitment_id IN (SELECT id FROM d_commitment)`,
  `DELETE FROM therapy_report WHERE commitment_id IN (SELECT id FROM d_commitment)`,
  `DELETE FROM payment_commitment WHERE id IN (SELECT id FROM d_commitment)`,
  `DELETE FROM gas_score WHERE goal_id IN (SELECT g.id FROM gas_goal g WHERE g.plan_id IN (SELECT id FROM d_plan))`,
  `DELETE FROM gas_goal WHERE plan_id IN (SELECT id FROM d_plan)`,
  `DELETE FROM rehab_plan_evaluation WHERE plan_id IN (SELECT id FROM d_plan)`,
  `DELETE FROM rehab_plan WHERE id IN (SELECT id FROM d_plan)`,
  `DELETE FROM sip_meeting_attendee WHERE meeting_id IN (SELECT m.id FROM sip_meeting m WHERE m.sip_id IN (SELECT id FROM d_sip))`,
  `DELETE FROM sip_follow_up WHERE sip_id IN (SELECT id FROM d_sip)`,
  `DELETE FROM sip_meeting WHERE sip_id IN (SELECT id FROM d_sip)`,
  `DELETE FROM sip_intervention WHERE sip_id IN (SELECT id FROM d_sip)`,
  `DELETE FROM sip_participant WHERE sip_id IN (SELECT id FROM d_sip)`,
  `DELETE FROM sip WHERE id IN (SELECT id FROM d_sip)`,
  `DELETE FROM handoff_message_recipient WHERE message_id IN (SELECT m.id FROM handoff_message m WHERE m.handoff_id IN (SELECT id FROM d_handoff))`,
  `DELETE FROM handoff_message WHERE handoff_id IN (SELECT id FROM d_handoff)`,
  `DELETE FROM handoff_party WHERE handoff_id IN (SELECT id FROM d_handoff)`,
  // The discharge summaries go with their hand-offs (ON DELETE CASCADE).
  `DELETE FROM handoff WHERE id IN (SELECT id FROM d_handoff)`,
  `DELETE FROM consent WHERE patient_id IN (SELECT id FROM d_patient)`,
  `DELETE FROM patient_participation WHERE patient_id IN (SELECT id FROM d_patient)`,
  `DELETE FROM patient WHERE id IN (SELECT id FROM d_patient)`,
  // The synthetic fill's providers (rehab-fill.ts), once nothing refers to them.
  `DELETE FROM organisation o USING region r
    WHERE r.id = o.region_id AND r.country = $1 AND r.code = $2 AND o.kind = 'PRIVATE_PROVIDER' AND o.name LIKE 'Syntetisk vårdgivare % (testdata)'
      AND NOT EXISTS (SELECT 1 FROM payment_commitment c WHERE c.provider_organisation_id = o.id)
      AND NOT EXISTS (SELECT 1 FROM patient_participation pp WHERE pp.organisation_id = o.id)
      AND NOT EXISTS (SELECT 1 FROM care_unit u WHERE u.organisation_id = o.id)`,
];

/** Temporary tables and functions of a fill and a removal: dropped, so that the session can do another. */
const DROP_WORK = `DROP TABLE IF EXISTS d_patient, d_handoff, d_sip, d_plan, d_case, d_commitment, g_ctx, g_muni, g_unit, g_patient, g_handoff, g_message, g_sip,
                   r_ctx, r_provider, r_patient, r_plan, r_commitment, c_ctx, c_unit, c_patient, c_base, c_case, c_activity;
                   DROP FUNCTION IF EXISTS pg_temp.rnd(bigint, int), pg_temp.g_actor(bigint), pg_temp.r_actor(bigint)`;

/** Removes the region's demo data; answers how many demo patients there were. Runs as the tables' owner, inside the caller's transaction. */
export async function removeDemoData(session: Session, country: string, regionCode: string): Promise<number> {
  await session.query(DEMO_PATIENTS, [country, regionCode]);
  const patients = (await session.query('SELECT count(*)::int AS n FROM d_patient')).rows[0].n as number;
  for (const sql of REMOVE) await session.query(sql, sql.includes('$1') ? [country, regionCode] : []);
  await session.query(DROP_WORK);
  return patients;
}

/** The region's demo data now. */
export async function countDemoData(session: Session, country: string, regionCode: string): Promise<DemoCounts> {
  await session.query(DEMO_PATIENTS, [country, regionCode]);
  const [counts] = (
    await session.query(`SELECT (SELECT count(*)::int FROM d_patient) AS patients,
                                (SELECT count(*)::int FROM handoff WHERE patient_id IN (SELECT id FROM d_patient)) AS handoffs,
                                (SELECT count(*)::int FROM sip WHERE patient_id IN (SELECT id FROM d_patient)) AS sips,
                                (SELECT count(*)::int FROM rehab_plan WHERE patient_id IN (SELECT id FROM d_patient)) AS "rehabPlans",
                                (SELECT count(*)::int FROM coordination_case WHERE patient_id IN (SELECT id FROM d_patient)) AS "coordinationCases"`)
  ).rows;
  await session.query(DROP_WORK);
  return counts;
}

/**
 * Replaces the region's demo data by a new batch over the 24 months up to `now`: the previous
 * batch is removed first, so seeding twice leaves one batch. Runs as the tables' owner (or a
 * superuser), inside the caller's transaction.
 */
export async function seedDemoData(session: Session, cipher: IdentityNumberCipher, request: DemoRequest): Promise<DemoCounts> {
  if (!Number.isInteger(request.handoffs) || request.handoffs < 1 || request.handoffs > MAX_DEMO_HANDOFFS) {
    throw new Error(`Demo hand-offs must be a whole number from 1 to ${MAX_DEMO_HANDOFFS}, got ${request.handoffs}`);
  }
  await removeDemoData(session, request.country, request.regionCode);
  const quietly = async (_name: string, work: () => Promise<unknown>) => void (await work());
  const fill = demoFill(request);
  await fillHandoffs(session, cipher, fill, quietly);
  await fillRehabPlans(
    session,
    { country: fill.country, regionCode: fill.regionCode, plans: Math.ceil(request.handoffs / 4), now: request.now, days: fill.days, actor: DEMO_ACTOR, onlyFilledPatients: true },
    quietly,
  );
  await fillCoordinationCases(
    session,
    { country: fill.country, regionCode: fill.regionCode, cases: Math.ceil(request.handoffs / 5), now: request.now, days: fill.days, actor: DEMO_ACTOR },
    quietly,
  );
  await session.query(DROP_WORK);
  return countDemoData(session, request.country, request.regionCode);
}

/** A TypeORM data source's session (one connection), in one transaction: `work` sees it as a `pg` session. */
export async function inOneSession<T>(dataSource: DataSource, work: (session: Session) => Promise<T>): Promise<T> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.startTransaction();
    try {
      const result = await work({ query: async (sql, parameters) => ({ rows: (await runner.query(sql, parameters, true)).records }) });
      await runner.commitTransaction();
      return result;
    } catch (e) {
      await runner.rollbackTransaction();
      throw e;
    }
  } finally {
    await runner.release();
  }
}
