import fs from 'node:fs';
import type { EmbeddedDatabase } from '../../server/database/embedded';

export default async function globalTeardown() {
  const embedded = (globalThis as Record<string, unknown>).__samrehabEmbedded as EmbeddedDatabase | undefined;
  await embedded?.stop();
  const dataDir = process.env.SAMREHAB_TEST_DATA_DIR;
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
}
