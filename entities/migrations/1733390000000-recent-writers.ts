import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Read-your-writes across instances (issue 19): with a read replica, a viewer whose request wrote
 * reads the primary for a while after it (server/access/read-routing.ts). Who wrote when is kept
 * here, on the primary, so that every instance behind a load balancer knows it, not only the one
 * that served the write.
 *
 * UNLOGGED: written on every mutation while a replica is configured, so it skips the WAL (cheap) and
 * is not replicated (only the primary reads it). A crash empties it, which only shortens the window
 * of seconds in which a viewer's reports come from the primary. One row per user and organisation,
 * overwritten by each write: it stays as small as the users who ever wrote. Row-level security: a
 * viewer reads and writes only their own organisation's rows.
 */
export class RecentWriters1733390000000 implements MigrationInterface {
  name = 'RecentWriters1733390000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE UNLOGGED TABLE recent_writer (
        organisation_id uuid NOT NULL,
        user_id text NOT NULL,
        region_id uuid NOT NULL,
        wrote_at timestamptz NOT NULL,
        PRIMARY KEY (organisation_id, user_id)
      )`);
    await q.query(`ALTER TABLE recent_writer ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE recent_writer FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY recent_writer_owner ON recent_writer TO CURRENT_USER USING (true) WITH CHECK (true)`);
    await q.query(`CREATE POLICY recent_writer_tenant ON recent_writer
      USING (organisation_id = (SELECT app_organisation_id()) AND region_id = (SELECT app_region_id()))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE recent_writer`);
  }
}
