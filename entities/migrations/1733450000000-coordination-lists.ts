import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The coordinator's lists (issue 18 item 4) read open cases of a care unit in attention order
 * (sick_leave_to, last_activity_at, id): one index per list shape, each in that order, so a page
 * is read from the index in order and stops at its limit, whatever the unit's size:
 *
 * - the unit's open cases;
 * - one coordinator's open cases at the unit, carrying status and opened_at so that the unit's
 *   workload (open cases per coordinator, by status and age) is read from it too.
 *
 * Filters on activity, sick-leave end and occupation narrow the same scans; closed cases (a
 * status filter naming CLOSED) use the case table's (care_unit_id, coordinator_user_id, status, id).
 */
export class CoordinationLists1733450000000 implements MigrationInterface {
  name = 'CoordinationLists1733450000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX coordination_case_unit_attention_idx ON coordination_case (care_unit_id, sick_leave_to, last_activity_at, id) WHERE closed_at IS NULL`);
    await q.query(
      `CREATE INDEX coordination_case_coordinator_attention_idx ON coordination_case (care_unit_id, coordinator_user_id, sick_leave_to, last_activity_at, id)
       INCLUDE (status, opened_at) WHERE closed_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX coordination_case_coordinator_attention_idx`);
    await q.query(`DROP INDEX coordination_case_unit_attention_idx`);
  }
}
