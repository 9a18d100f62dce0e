import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
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
    } finally {
      await admin.end();
    }
    server.pathname = `/${scratch}`;
    process.env.SAMREHAB_TEST_DATABASE_URL = server.toString();
    process.env.SAMREHAB_TEST_BACKEND = 'postgresql';
    return;
  }
  // Each suite starts its own app with a pool of one; the second slot admits the next suite's
  // connection while the previous suite's is still closing.
  const embedded = await startEmbeddedDatabase(dataDir, { maxConnections: 2 });
  (globalThis as Record<string, unknown>).__samrehabEmbedded = embedded;
  process.env.SAMREHAB_TEST_DATABASE_URL = embedded.url;
  process.env.SAMREHAB_TEST_BACKEND = 'pglite';
}
