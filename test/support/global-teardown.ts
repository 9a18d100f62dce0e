import fs from 'node:fs';
import { Client } from 'pg';
import type { EmbeddedDatabase } from '../../server/database/embedded';

export default async function globalTeardown() {
  const embedded = (globalThis as Record<string, unknown>).__samrehabEmbedded as EmbeddedDatabase | undefined;
  await embedded?.stop();
  const dataDir = process.env.SAMREHAB_TEST_DATA_DIR;
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  // The run's scratch database on a PostgreSQL server (global-setup.ts).
  if (process.env.SAMREHAB_TEST_BACKEND === 'postgresql' && process.env.DATABASE_URL) {
    const scratch = new URL(process.env.SAMREHAB_TEST_DATABASE_URL!).pathname.slice(1);
    const admin = new Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    try {
      // FORCE: a suite that failed may have left a connection open.
      await admin.query(`DROP DATABASE IF EXISTS ${scratch} WITH (FORCE)`);
    } finally {
      await admin.end();
    }
  }
}
