import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The planners' report at 100,000 hand-offs (issue 14): one summary row per discharge
 * (entities/handoff-discharge-summary.entity.ts), so the report adds up small rows instead of
 * replaying every message log. The rows are computed in TypeScript by the domain's functions
 * (domain/discharge-summary.ts), never in SQL: by the hand-off's writes in their own transaction,
 * and by the report for any discharge whose summary is missing or was computed from another
 * version of the hand-off or other parameters (existing hand-offs included: the first report over
 * them fills theirs, see server/access/discharge-summary.sql.ts).
 *
 * Patient data (a discharge of a person, with sex and municipality): forced row-level security
 * with the case tables' policy, and the owner's named way past it.
 */
export class DischargeSummaries1733260000000 implements MigrationInterface {
  name = 'DischargeSummaries1733260000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE handoff_discharge_summary (
        handoff_id uuid PRIMARY KEY,
        region_id uuid NOT NULL REFERENCES region(id),
        handoff_version integer NOT NULL,
        admitted_at timestamptz NOT NULL,
        home_municipality_id uuid REFERENCES organisation(id),
        sending_care_unit_id uuid NOT NULL REFERENCES care_unit(id),
        legal_sex text NOT NULL,
        parameters_key text,
        admission_notice_sent boolean NOT NULL,
        admission_notice_on_time boolean NOT NULL,
        admission_notice_due_after timestamptz,
        sip_call_outs_made integer NOT NULL,
        sip_call_outs_on_time integer NOT NULL,
        sip_call_outs_due_after timestamptz[] NOT NULL,
        closed_liability_days integer NOT NULL,
        open_liable_from date[] NOT NULL,
        daily_amount numeric,
        -- A summary goes with its hand-off.
        FOREIGN KEY (handoff_id, region_id) REFERENCES handoff (id, region_id) ON DELETE CASCADE
      )`);
    // The report reads a region's discharges by admission date.
    await q.query(`CREATE INDEX handoff_discharge_summary_region_admitted_idx ON handoff_discharge_summary (region_id, admitted_at)`);
    await q.query(`ALTER TABLE handoff_discharge_summary ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE handoff_discharge_summary FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY handoff_discharge_summary_owner ON handoff_discharge_summary TO CURRENT_USER USING (true) WITH CHECK (true)`);
    await q.query(`CREATE POLICY handoff_discharge_summary_tenant ON handoff_discharge_summary
      USING (region_id = (SELECT app_region_id()) OR region_id = ANY ((SELECT app_case_regions())::uuid[]))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE handoff_discharge_summary`);
  }
}
