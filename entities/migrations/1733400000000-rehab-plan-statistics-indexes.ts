import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * rehabPlanStatistics at 100,000 plans (issue 17's figures, issue 14's rule: no statement reads a
 * table of over 10,000 rows whole). The statements now choose a period's rows by range and look each
 * one's patient up by key (server/access/rehab-plan-statistics.store.ts); these indexes answer them:
 *
 * - evaluations by (region, evaluated_on), for the evaluations made in the period;
 * - commitments by (region, valid_to), carrying every column the figures read (the region for the
 *   row-level security policy), so that those valid up to the period's start or later are read from
 *   the index alone: in the growth fill they are over half of the region's commitments, which the
 *   planner would otherwise read with the whole table;
 * - commitments by (region, report_due_on), for the earlier ones whose report falls due in the period;
 * - patients by id, carrying the region, the example flag, the home municipality and the sex: the
 *   group of each plan, evaluation and commitment from the index alone.
 */
export class RehabPlanStatisticsIndexes1733400000000 implements MigrationInterface {
  name = 'RehabPlanStatisticsIndexes1733400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX rehab_plan_evaluation_region_evaluated_idx ON rehab_plan_evaluation (region_id, evaluated_on)`);
    await q.query(
      `CREATE INDEX payment_commitment_region_valid_to_idx ON payment_commitment (region_id, valid_to)
       INCLUDE (valid_from, intervention_end_date, revoked_from, report_due_on, patient_id, visits, id)`,
    );
    await q.query(`CREATE INDEX payment_commitment_region_report_due_idx ON payment_commitment (region_id, report_due_on)`);
    await q.query(`CREATE INDEX patient_figures_idx ON patient (id) INCLUDE (region_id, example, home_municipality_id, legal_sex)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX patient_figures_idx`);
    await q.query(`DROP INDEX payment_commitment_region_report_due_idx`);
    await q.query(`DROP INDEX payment_commitment_region_valid_to_idx`);
    await q.query(`DROP INDEX rehab_plan_evaluation_region_evaluated_idx`);
  }
}
