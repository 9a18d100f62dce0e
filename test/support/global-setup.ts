import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { DEFAULT_APP_ROLE } from '../../server/config';
import { startEmbeddedDatabase } from '../../server/database/embedded';

/**
 * Starts the database for the whole run. With DATABASE_URL the suites use a scratch database the
 * run creates on that PostgreSQL server (and drops at the end), so every run starts empty, as the
 * suites' counts expect, and no data already there is touched; without it, an embedded PGlite in a
 * fresh temporary directory (it cannot start inside a test VM).
 */
export default async function globalSetup() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samrehab-test-'));
  process.env.SAMREHAB_TEST_DATA_DIR = dataDir;
  if (process.env.DATABASE_URL) {
    const server = new URL(process.env.DATABASE_URL);
    const scratch = `samrehab_test_${process.pid}_${Date.now()}`;
    const admin = new Client({ connectionString: server.toString() });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${scratch}`);
      await ensureLoginAppRole(admin);
    } finally {
      await admin.end();
    }
    server.pathname = `/${scratch}`;
    process.env.SAMREHAB_TEST_DATABASE_URL = server.toString();
    process.env.SAMREHAB_TEST_BACKEND = 'postgresql';
    return;
  }
  // Each suite starts its own app with a pool of one; the second slot admits the next suite's
  // connection while the previous suite's is still closing, and a production-mode suite's owner
  // holds two while it migrates (the advisory lock and the work) next to a closing one; and
  // `npm run seed:demo` (test/integration/demo-data.test.ts) comes in through the socket beside them.
  const embedded = await startEmbeddedDatabase(dataDir, { maxConnections: 4 });
  (globalThis as Record<string, unknown>).__samrehabEmbedded = embedded;
  process.env.SAMREHAB_TEST_DATABASE_URL = embedded.url;
  // A production-mode suite names the app role in its URL: it must exist before its start-up.
  const client = new Client({ connectionString: embedded.url });
  await client.connect();
  try {
    await ensureLoginAppRole(client);
  } finally {
    await client.end();
  }
  process.env.SAMREHAB_TEST_BACKEND = 'pglite';
}

/**
 * The app role the suites' servers act as (SET LOCAL ROLE), able to log in so that the role test
 * and production-mode suites can connect as it. Roles are cluster-wide and other runs may create
 * it at the same moment.
 */
async function ensureLoginAppRole(admin: Client): Promise<void> {
  const exists = async () => (await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [DEFAULT_APP_ROLE])).rowCount! > 0;
  if (await exists()) {
    await admin.query(`ALTER ROLE ${DEFAULT_APP_ROLE} LOGIN NOSUPERUSER NOBYPASSRLS`);
    return;
  }
  try {
    await admin.query(`CREATE ROLE ${DEFAULT_APP_ROLE} LOGIN NOSUPERUSER NOBYPASSRLS`);
  } catch (error) {
    if (!(await exists())) throw error;
  }
}
