import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The rehabilitation-plan reads at 100,000 plans (issue 17): the lists each read from an index that starts
 * from the viewer's organisation and is in the list's order, so that a page stops after its own rows:
 *
 * - rehabPlanEvaluationsDue (ACTIVE plans of the owner, evaluation date before a day, oldest first):
 *   a partial index of the ACTIVE plans by (owner, evaluation date, id). Without it the list read all
 *   the owner's plans (14,482 of Falun's in the growth fill), checked each one's patient and sorted
 *   the 4,338 due: 63 ms and 34,600 buffers, against under a millisecond for a page now.
 * - rehabPlans filtered by status (newest first): (owner, status, created_at, id), so that a rare
 *   status (the drafts, the closed) does not walk the owner's newer plans of other statuses.
 * - rehabPlanStatistics' evaluations sum each evaluated goal set's weights and baselines, one
 *   look-up per evaluation (15,000 in a year of the growth fill): an index of the goals by (plan,
 *   period) carrying the columns summed (and the region the row-level security policy reads) answers
 *   each from the index alone, without visiting the table: 220 ms to 142 ms for that statement (the
 *   fastest of five runs each).
 */
export class RehabPlanListIndexes1733360000000 implements MigrationInterface {
  name = 'RehabPlanListIndexes1733360000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX rehab_plan_evaluation_due_idx ON rehab_plan (owner_organisation_id, evaluation_date, id) WHERE status = 'ACTIVE'`);
    await q.query(`CREATE INDEX rehab_plan_owner_status_list_idx ON rehab_plan (owner_organisation_id, status, created_at, id)`);
    await q.query(`CREATE INDEX gas_goal_plan_period_sums_idx ON gas_goal (plan_id, evaluation_period) INCLUDE (region_id, weight, baseline)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX gas_goal_plan_period_sums_idx`);
    await q.query(`DROP INDEX rehab_plan_owner_status_list_idx`);
    await q.query(`DROP INDEX rehab_plan_evaluation_due_idx`);
  }
}
