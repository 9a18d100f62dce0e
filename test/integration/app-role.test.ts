import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { Role } from '../../domain/enums';
import { seededOrganisationId } from '../../entities/seed/seed';
import { DEFAULT_APP_ROLE } from '../../server/config';
import { testPersonnummer } from '../support/personnummer';
import { backend, startTestApp, TestApp, urlAs } from '../support/test-app';

const onPostgres = backend() === 'postgresql';
/** The access log's partition of the current month (UTC), made at start-up. */
const CURRENT_MONTH = `access_log_y${new Date().toISOString().slice(0, 4)}m${new Date().toISOString().slice(5, 7)}`;

/**
 * The application's database role, logged in as it (on PostgreSQL: PGlite has a single user, so
 * there is no second login to try there). It owns nothing: the access log is INSERT and SELECT only,
 * and neither the log's triggers nor row-level security can be switched off by it.
 */
(onPostgres ? describe : describe.skip)('the app role, logged in as itself (PostgreSQL only: PGlite has one user)', () => {
  let app: TestApp;
  let client: Client;
  let dalarna: string;

  beforeAll(async () => {
    // The suites' servers migrate and grant as the run's superuser, the owner here.
    app = await startTestApp();
    dalarna = (await app.dataSource.query('SELECT region_id FROM organisation WHERE id = $1', [seededOrganisationId('20')]))[0].region_id;
    client = new Client({ connectionString: urlAs(app.config.databaseUrl!, DEFAULT_APP_ROLE) });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
    await app?.stop();
  });

  /** Runs `sql` in a transaction of its own (rolled back) and returns the error code it fails with. */
  async function failure(sql: string): Promise<string | undefined> {
    await client.query('BEGIN');
    try {
      await client.query(sql);
      return undefined;
    } catch (error) {
      return (error as { code?: string }).code;
    } finally {
      await client.query('ROLLBACK');
    }
  }

  it('is not a superuser, cannot bypass row-level security and owns no table', async () => {
    const { rows } = await client.query(
      `SELECT r.rolsuper, r.rolbypassrls, (SELECT count(*)::int FROM pg_class c WHERE c.relowner = r.oid) AS owned FROM pg_roles r WHERE r.rolname = current_user`,
    );
    expect(rows).toEqual([{ rolsuper: false, rolbypassrls: false, owned: 0 }]);
  });

  it.each([
    ['UPDATE', `UPDATE access_log SET outcome = 'ALLOWED'`],
    ['DELETE', `DELETE FROM access_log`],
    ['TRUNCATE', `TRUNCATE access_log`],
    ['DROP TABLE', `DROP TABLE access_log`],
    ['ALTER TABLE … DISABLE TRIGGER', `ALTER TABLE access_log DISABLE TRIGGER access_log_no_change`],
    ['ALTER TABLE … DISABLE ROW LEVEL SECURITY', `ALTER TABLE access_log DISABLE ROW LEVEL SECURITY`],
    ['SET session_replication_role', `SET session_replication_role = replica`],
    ['DETACH a partition of', `ALTER TABLE access_log DETACH PARTITION ${CURRENT_MONTH}`],
    ['read a partition of', `SELECT 1 FROM ${CURRENT_MONTH}`],
    ['DELETE from a partition of', `DELETE FROM ${CURRENT_MONTH}`],
    ['TRUNCATE a partition of', `TRUNCATE ${CURRENT_MONTH}`],
    ['DROP a partition of', `DROP TABLE ${CURRENT_MONTH}`],
    ['DROP the DEFAULT partition of', `DROP TABLE access_log_default`],
    ['move the chain heads of', `UPDATE access_log_chain_head SET month = now()`],
    ['record an archive seal of', `INSERT INTO access_log_archived (partition, first_seq, last_seq, rows, last_hash, file, file_sha256) VALUES ('x', 1, 1, 1, '\\x00', 'x', 'x')`],
    ['make any month of', `SELECT access_log_create_partition('2040-01-01')`],
  ])('may not %s the access log', async (_what, sql) => {
    expect(await failure(sql)).toBe('42501');
  });

  it('writes and reads its region’s log rows, with the region set in the transaction', async () => {
    const requestId = randomUUID();
    await client.query('BEGIN');
    try {
      await client.query(`SELECT set_config('app.region_id', $1, true)`, [dalarna]);
      await client.query(`INSERT INTO access_log (request_id, region_id, action, record_type, outcome) VALUES ($1, $2, 'appRoleTest', 'PATIENT', 'ALLOWED')`, [requestId, dalarna]);
      const { rows } = await client.query(`SELECT action FROM access_log WHERE request_id = $1`, [requestId]);
      expect(rows).toEqual([{ action: 'appRoleTest' }]);
    } finally {
      await client.query('COMMIT');
    }
    // Outside a transaction with a region, not even its own rows.
    expect((await client.query(`SELECT 1 FROM access_log WHERE request_id = $1`, [requestId])).rows).toEqual([]);
  });

  it('serves the API when the server logs in as it and only the owner migrates (production)', async () => {
    const production = await startTestApp({ NODE_ENV: 'production', AUTH_ISSUER: 'https://issuer.invalid', AUTH_AUDIENCE: 'samrehab', AUTH_JWKS_URL: 'https://issuer.invalid/jwks', PATIENT_DATA_KEY: Buffer.alloc(32, 7).toString('base64') });
    try {
      expect(production.config.appRole).toBe(DEFAULT_APP_ROLE);
      expect(await production.dataSource.query('SELECT current_user AS user')).toEqual([{ user: DEFAULT_APP_ROLE }]);
      // The owner's connections are closed once it has migrated and granted (a closed session's
      // backend may linger in pg_stat_activity for a moment while it exits). Not behind a
      // transaction pooler (DATABASE_POOLER): there the server's sessions are the proxy's, kept open.
      const ownerSessions = async () =>
        (await app.dataSource.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'samrehab-owner'`))[0].n;
      if (!process.env.DATABASE_POOLER) {
        for (let i = 0; i < 50 && (await ownerSessions()) > 0; i += 1) await new Promise((r) => setTimeout(r, 100));
        expect(await ownerSessions()).toBe(0);
      }
      // A search under row-level security, and its access-log row, written as the app role.
      const access = (await production.accessAs('2062', Role.CARE_STAFF)).forOperation('appRoleTest');
      const found = await access.patients.list({ identityNumber: testPersonnummer('19990101') }, { first: 1, after: null });
      expect(found.nodes).toEqual([]);
      expect(await app.logRows(access.requestId)).toEqual([{ outcome: 'NOT_FOUND', action: 'appRoleTest', patientId: null }]);
    } finally {
      await production.stop();
    }
  });
});
