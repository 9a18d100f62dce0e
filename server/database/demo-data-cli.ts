import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { loadIdentityNumberCipher } from '../crypto/identity-number-cipher';
import { createDataSource, migrateAndSeed } from './data-source';
import { DEFAULT_DEMO_HANDOFFS, inOneSession, MAX_DEMO_HANDOFFS, removeDemoData, seedDemoData } from './demo-data';
import { DataDirInUseError } from './data-dir-lock';
import { EmbeddedDatabase, embeddedDatabaseUrl, startEmbeddedDatabase } from './embedded';
import { StatementCounter } from './statement-counter';

const USAGE = `usage: npm run seed:demo -- [--region 20] [--country SE] [--handoffs ${DEFAULT_DEMO_HANDOFFS}] [--remove]`;

/** Thrown for what the caller can put right: printed as one line, exit code 2. */
class UsageError extends Error {}

/**
 * npm run seed:demo -- [--region <code>] [--country SE] [--handoffs N] [--remove]
 * Replaces the region's demo data (server/database/demo-data.ts) by a new batch over the last 24
 * months, or with --remove only removes it, in the database the server uses: DATABASE_URL's
 * (as DATABASE_MIGRATION_URL's owner when set) or the embedded one under DATA_DIR: opened here when
 * no server runs on it, else reached through the running server's socket (its second connection
 * slot; the server's requests wait while the seed's transaction runs). Refused with NODE_ENV=production.
 */
async function main() {
  if (process.env.NODE_ENV === 'production') {
    throw new UsageError('Demo data is never written in production (NODE_ENV=production): it would mix invented patients into real statistics');
  }
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        region: { type: 'string', default: '20' },
        country: { type: 'string', default: 'SE' },
        handoffs: { type: 'string', default: String(DEFAULT_DEMO_HANDOFFS) },
        remove: { type: 'boolean', default: false },
      },
    }));
  } catch (e) {
    throw new UsageError(`${(e as Error).message}\n${USAGE}`);
  }
  const handoffs = Number(values.handoffs);
  if (!Number.isInteger(handoffs) || handoffs < 1 || handoffs > MAX_DEMO_HANDOFFS) throw new UsageError(`--handoffs must be a whole number from 1 to ${MAX_DEMO_HANDOFFS}\n${USAGE}`);
  const config = loadConfig();
  let embedded: EmbeddedDatabase | null = null;
  /** The embedded database of a running server, reached through its socket. */
  let served = false;
  if (!config.databaseUrl) {
    try {
      embedded = await startEmbeddedDatabase(config.dataDir);
    } catch (e) {
      if (!(e instanceof DataDirInUseError)) throw e;
      served = true;
    }
  }
  // As the tables' owner: the demo's rows are written as the migrations' owner writes the seed.
  const url = config.databaseMigrationUrl ?? config.databaseUrl ?? (embedded?.url || embeddedDatabaseUrl(config.dataDir));
  const embeddedOne = !config.databaseUrl;
  const dataSource = createDataSource(url, embeddedOne ? 1 : 2, new StatementCounter(), 'samrehab-demo');
  try {
    try {
      await dataSource.initialize();
      if (served) await dataSource.query('SELECT 1');
    } catch (e) {
      if (!served) throw e;
      // A server of an earlier version has one connection slot, its pool's.
      throw new UsageError(
        `The server running on DATA_DIR ${config.dataDir} lets no second connection in (${(e as Error).message}): stop it (Ctrl-C), run npm run seed:demo, and start it again; or start it with DEMO_DATA=true, which seeds at start.`,
      );
    }
    if (served) console.log('The server is running on this DATA_DIR: seeding through its database; its requests wait while the seed runs.');
    // A fresh install whose server never started: the tables and reference data first.
    await migrateAndSeed(dataSource, { shared: !embeddedOne, appRole: config.appRole, createAppRole: !config.databaseMigrationUrl });
    const region = `${values.country} ${values.region}`;
    if (values.remove) {
      const removed = await inOneSession(dataSource, (s) => removeDemoData(s, values.country!, values.region!));
      console.log(`Demo data of region ${region} removed: ${removed} demo patients and everything recorded about them.`);
      return;
    }
    const cipher = loadIdentityNumberCipher(config);
    const started = Date.now();
    const counts = await inOneSession(dataSource, (s) => seedDemoData(s, cipher, { country: values.country!, regionCode: values.region!, handoffs, now: new Date() }));
    console.log(
      `Demo data of region ${region} (previous batch replaced) in ${((Date.now() - started) / 1000).toFixed(0)} s: ${counts.patients} patients named "Demo Demodata …", ` +
        `${counts.handoffs} hand-offs, ${counts.sips} SIPs, ${counts.rehabPlans} rehabilitation plans, ${counts.coordinationCases} coordination cases over the last 24 months. Remove with npm run seed:demo -- --remove.`,
    );
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await embedded?.stop();
  }
}

main().catch((e) => {
  console.error(e instanceof UsageError ? e.message : `seed:demo failed: ${(e as Error).message}`);
  process.exit(e instanceof UsageError ? 2 : 1);
});
