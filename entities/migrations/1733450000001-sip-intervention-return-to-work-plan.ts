import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A SIP intervention may be a coordination case's return-to-work plan (issue 18 item 6): the
 * intervention names the plan, in the same region (the plan keeps its id when it is set again).
 */
export class SipInterventionReturnToWorkPlan1733450000001 implements MigrationInterface {
  name = 'SipInterventionReturnToWorkPlan1733450000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE sip_intervention ADD COLUMN return_to_work_plan_id uuid`);
    await q.query(
      `ALTER TABLE sip_intervention ADD CONSTRAINT sip_intervention_return_to_work_plan_fk
       FOREIGN KEY (return_to_work_plan_id, region_id) REFERENCES coordination_return_to_work_plan (id, region_id)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE sip_intervention DROP COLUMN return_to_work_plan_id`);
  }
}
