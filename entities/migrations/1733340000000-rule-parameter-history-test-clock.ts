import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rule parameters a region's TENANT_ADMIN sets through the API (issue 15 item 2), and the clock of
 * a non-production deployment that a TENANT_ADMIN moves forward (item 3).
 *
 * - `rule_parameter` keeps every value ever set as its own row (a new value ends the region's
 *   open-ended one the day before it starts, nothing is deleted), so the rows are the history; each
 *   row set through the API names who set it (user and organisation) and when. Seeded rows have none.
 * - `controlled_clock` is one row: how far the deployment's clock runs ahead of the real time
 *   (`offset_ms`), and the last instant it was moved to, by whom and when. Kept in the database so
 *   that a restart does not move the clock back, next to the data whose deadlines it drives. It
 *   belongs to no tenant: a deployment has one clock. Only a server started with CLOCK=controlled
 *   reads it.
 */
export class RuleParameterHistoryTestClock1733340000000 implements MigrationInterface {
  name = 'RuleParameterHistoryTestClock1733340000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE rule_parameter
        ADD COLUMN set_by_user_id text,
        ADD COLUMN set_by_organisation_id uuid REFERENCES organisation(id),
        ADD COLUMN set_at timestamptz,
        ADD CHECK ((set_by_user_id IS NULL) = (set_at IS NULL))`);
    await q.query(`CREATE INDEX rule_parameter_region_key_from_idx ON rule_parameter (region_id, key, valid_from DESC, id)`);
    await q.query(`
      CREATE TABLE controlled_clock (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        offset_ms bigint NOT NULL DEFAULT 0 CHECK (offset_ms >= 0),
        advanced_to timestamptz,
        advanced_at timestamptz,
        advanced_by_user_id text,
        advanced_by_organisation_id uuid REFERENCES organisation(id)
      )`);
    await q.query(`INSERT INTO controlled_clock (id) VALUES (true)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE controlled_clock`);
    await q.query(`DROP INDEX rule_parameter_region_key_from_idx`);
    await q.query(`ALTER TABLE rule_parameter DROP COLUMN set_by_user_id, DROP COLUMN set_by_organisation_id, DROP COLUMN set_at`);
  }
}
