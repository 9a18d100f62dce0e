import { APP_PRIVILEGES } from '../../server/database/app-role';
import { startTestApp, TestApp } from '../support/test-app';

/** Tables that belong to no tenant, each with the reason. Every other table is tenant-owned. */
const NOT_TENANT_OWNED: Record<string, string> = {
  region: 'the tenants themselves',
  intervention_group: 'the national intervention catalogue, the same for every region',
  intervention: 'the national intervention catalogue, the same for every region',
  kva_code: 'the national KVÅ code list (Socialstyrelsen)',
  therapy_form: 'the therapy forms a rehabilitation plan recommends, the same for every region',
  working_calendar: 'the Swedish working calendar (weekends and days off), the same for every region',
  funding_programme: 'national funding programmes (rehabiliteringsgarantin), the same for every region',
  funding_programme_form: 'the forms of the national funding programmes',
  controlled_clock: 'the clock of a non-production deployment (CLOCK=controlled): one per deployment',
  schema_migration: "the migrations' own bookkeeping, the owner's only",
};

/** Tenant-owned tables whose region may be empty, each with the reason. */
const REGION_MAY_BE_NULL: Record<string, string> = {
  rule_parameter: 'a parameter without a region is the national default every region falls back on',
  access_log: 'an unauthenticated attempt has no region (its patient_region_id may still name one)',
  access_log_chain_head: "the chain of the log's rows without a region has a head too",
  access_log_archived: "the chain of the log's rows without a region is archived too",
};

/** The patient-data tables: row-level security, forced, with a policy beside the owner's. */
const PATIENT_DATA = [
  'patient',
  'patient_participation',
  'consent',
  'handoff',
  'handoff_party',
  'handoff_message',
  'handoff_message_recipient',
  'handoff_discharge_summary',
  'sip',
  'sip_participant',
  'sip_intervention',
  'sip_meeting',
  'sip_meeting_attendee',
  'sip_follow_up',
  'rehab_plan',
  'gas_goal',
  'gas_score',
  'rehab_plan_evaluation',
  'payment_commitment',
  'therapy_visit',
  'therapy_report',
  'coordination_case',
  'coordination_status_change',
  'coordination_employer',
  'coordination_consent',
  'coordination_activity',
  'coordination_kva',
  'coordination_return_to_work_plan',
  'coordination_return_to_work_step',
  'access_log',
];

/**
 * The database's tenancy, checked on the schema itself, so that a new table cannot slip past it:
 * every table is tenant-owned (region_id) or named above with a reason, every patient-data table
 * is under forced row-level security with a tenant policy, and every table is named in the app
 * role's grants (server/database/app-role.ts).
 */
describe('tenancy guard over every table', () => {
  let app: TestApp;
  let tables: string[];
  beforeAll(async () => {
    app = await startTestApp();
    // A partition of the access log is checked with the log (the partitions' own test is in access-log-partitions.test.ts).
    tables = (
      await app.dataSource.query(
        `SELECT c.relname AS table_name FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY 1`,
      )
    ).map(
      (r: { table_name: string }) => r.table_name,
    );
  });
  afterAll(() => app?.stop());

  it('finds the tables', () => {
    expect(tables).toEqual(expect.arrayContaining([...Object.keys(NOT_TENANT_OWNED), ...PATIENT_DATA]));
  });

  it('finds region_id on every tenant-owned table, NOT NULL unless a reason says otherwise', async () => {
    const columns: { table_name: string; is_nullable: string }[] = await app.dataSource.query(
      `SELECT table_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'region_id'`,
    );
    const region = new Map(columns.map((c) => [c.table_name, c.is_nullable === 'YES']));
    const problems = tables
      .filter((t) => !(t in NOT_TENANT_OWNED))
      .flatMap((t) => {
        if (!region.has(t)) return [`${t}: no region_id`];
        if (region.get(t) && !(t in REGION_MAY_BE_NULL)) return [`${t}: region_id may be NULL`];
        return [];
      });
    expect(problems).toEqual([]);
  });

  it('finds row-level security enabled, forced and with a tenant policy on every patient-data table', async () => {
    const rows: { table: string; enabled: boolean; forced: boolean; policies: number }[] = await app.dataSource.query(
      `SELECT c.relname AS table, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced,
              (SELECT count(*)::int FROM pg_policies p WHERE p.schemaname = 'public' AND p.tablename = c.relname AND p.policyname <> c.relname || '_owner') AS policies
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relname = ANY($1::text[])`,
      [PATIENT_DATA],
    );
    const problems = PATIENT_DATA.flatMap((t) => {
      const row = rows.find((r) => r.table === t);
      if (!row) return [`${t}: missing`];
      return [...(row.enabled ? [] : [`${t}: RLS not enabled`]), ...(row.forced ? [] : [`${t}: RLS not forced`]), ...(row.policies > 0 ? [] : [`${t}: no tenant policy`])];
    });
    expect(problems).toEqual([]);
  });

  it("names every table in the app role's grants (schema_migration gets none)", () => {
    expect(tables.filter((t) => !(t in APP_PRIVILEGES) && t !== 'schema_migration')).toEqual([]);
    expect(Object.keys(APP_PRIVILEGES).filter((t) => !tables.includes(t))).toEqual([]);
  });
});
