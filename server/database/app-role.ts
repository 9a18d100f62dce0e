import { DataSource, QueryFailedError } from 'typeorm';

/** A role name that may be written into SQL as it is: lower-case letters, digits and underscores. */
const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function assertRoleName(role: string): string {
  if (!ROLE_NAME.test(role)) throw new Error(`The app role name must be lower-case letters, digits and underscores (got ${JSON.stringify(role)})`);
  return role;
}

/** The schema the migrations create their tables in. */
const SCHEMA = 'public';

const WRITES = 'SELECT, INSERT, UPDATE, DELETE';
/** Logs: a row once written is never changed by the application. */
const APPENDS = 'SELECT, INSERT';
const READS = 'SELECT';

/**
 * What the app role may do, table by table; a table not named here gets nothing (and the guard
 * test in test/integration/tenancy-guard.test.ts fails until it is named).
 */
export const APP_PRIVILEGES: Record<string, string> = {
  region: READS,
  intervention_group: READS,
  intervention: READS,
  kva_code: READS,
  therapy_form: READS,
  // A TENANT_ADMIN sets values (rows are never deleted: they are the history).
  rule_parameter: 'SELECT, INSERT, UPDATE',
  // A TENANT_ADMIN moves a controlled clock forward (the one row is never inserted or deleted by the app).
  controlled_clock: 'SELECT, UPDATE',
  working_calendar: READS,
  funding_programme: READS,
  funding_programme_form: READS,
  organisation: WRITES,
  association_membership: WRITES,
  care_unit: WRITES,
  agreement: WRITES,
  agreement_party: WRITES,
  responsibility_rule: WRITES,
  responsibility_change: APPENDS,
  patient: WRITES,
  patient_participation: WRITES,
  consent: WRITES,
  handoff: WRITES,
  handoff_party: WRITES,
  handoff_message: WRITES,
  handoff_message_recipient: WRITES,
  handoff_discharge_summary: WRITES,
  sip: WRITES,
  sip_participant: WRITES,
  sip_intervention: WRITES,
  sip_meeting: WRITES,
  sip_meeting_attendee: WRITES,
  sip_follow_up: WRITES,
  rehab_plan: WRITES,
  gas_goal: WRITES,
  // A score once recorded stands: a later score supersedes it, nothing changes it.
  gas_score: APPENDS,
  rehab_plan_evaluation: APPENDS,
  payment_commitment: WRITES,
  // A visit and a report, once recorded, stand: corrections are not part of the platform yet.
  therapy_visit: APPENDS,
  therapy_report: APPENDS,
  coordination_case: WRITES,
  // The status history and the activities with their codes stand as recorded.
  coordination_status_change: APPENDS,
  coordination_employer: WRITES,
  // Withdrawal sets withdrawn_at; rows are never deleted.
  coordination_consent: 'SELECT, INSERT, UPDATE',
  coordination_activity: APPENDS,
  coordination_kva: APPENDS,
  // Setting the plan again replaces its steps.
  coordination_return_to_work_plan: 'SELECT, INSERT, UPDATE',
  coordination_return_to_work_step: WRITES,
  access_log: APPENDS,
  // Nothing: only the seal (SECURITY DEFINER) reads and moves its chains' last position and hash.
  access_log_chain_head: '',
  // The seals of archived months, which accessLogVerify starts from (written by the owner's archive step).
  access_log_archived: READS,
  // Each viewer's last write, overwritten in place (server/access/recent-writers.ts).
  recent_writer: 'SELECT, INSERT, UPDATE',
  // schema_migration: nothing; migrations are the owner's.
};

/**
 * Functions of the owner's that the app role may call (SECURITY DEFINER): the daily making of the
 * access log's next months (server/database/access-log-partitions.ts).
 */
const APP_FUNCTIONS = ['access_log_prepare_months(int)'];

/**
 * Creates the app role when it is missing, as a role that cannot log in: on the embedded database
 * (one user) and in development on one URL the owner's session switches to it per transaction
 * (SET LOCAL ROLE), so the owner is made a member. Roles are cluster-wide: another server (or test
 * run) creating it at the same moment is not an error.
 */
export async function ensureAppRole(dataSource: DataSource, role: string): Promise<void> {
  const exists = async () => (await dataSource.query(`SELECT 1 FROM pg_roles WHERE rolname = $1`, [role])).length > 0;
  if (!(await exists())) {
    try {
      await dataSource.query(`CREATE ROLE ${assertRoleName(role)} NOLOGIN`);
    } catch (error) {
      if (!(error instanceof QueryFailedError) || !(await exists())) throw error;
    }
  }
  const [self] = await dataSource.query(
    `SELECT r.rolsuper AS super, pg_has_role(current_user, $1, 'MEMBER') AS member FROM pg_roles r WHERE r.rolname = current_user`,
    [role],
  );
  if (!self.super && !self.member) await dataSource.query(`GRANT ${role} TO current_user`);
}

/**
 * The owner's grants to the app role, converged on every start (idempotent, one transaction):
 * everything revoked, then USAGE on the schema, APP_PRIVILEGES, USAGE on the sequences behind
 * the identity columns of tables it inserts into, and APP_FUNCTIONS. Nothing else: it owns
 * nothing, so it cannot drop, alter, truncate or disable a trigger, it has no UPDATE or DELETE on
 * the logs, and no grant on the access log's partitions (it reaches their rows through the
 * partitioned table only).
 */
export async function grantAppRole(dataSource: DataSource, role: string): Promise<void> {
  const app = assertRoleName(role);
  await dataSource.transaction(async (tx) => {
    const tables: { name: string }[] = await tx.query(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE'`,
      [SCHEMA],
    );
    const sequences: { table: string; sequence: string }[] = await tx.query(
      `SELECT c.table_name AS table, pg_get_serial_sequence(quote_ident(c.table_name), c.column_name) AS sequence
       FROM information_schema.columns c
       WHERE c.table_schema = $1 AND (c.is_identity = 'YES' OR c.column_default LIKE 'nextval(%')`,
      [SCHEMA],
    );
    await tx.query(`REVOKE ALL ON ALL TABLES IN SCHEMA ${SCHEMA} FROM ${app}`);
    await tx.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA ${SCHEMA} FROM ${app}`);
    await tx.query(`GRANT USAGE ON SCHEMA ${SCHEMA} TO ${app}`);
    for (const { name } of tables) {
      const privileges = APP_PRIVILEGES[name];
      if (privileges) await tx.query(`GRANT ${privileges} ON TABLE ${quoteIdent(name)} TO ${app}`);
    }
    for (const { table, sequence } of sequences) {
      if (APP_PRIVILEGES[table]?.includes('INSERT')) await tx.query(`GRANT USAGE ON SEQUENCE ${sequence} TO ${app}`);
    }
    for (const fn of APP_FUNCTIONS) await tx.query(`GRANT EXECUTE ON FUNCTION ${fn} TO ${app}`);
  });
}


const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
