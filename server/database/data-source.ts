import { DataSource } from 'typeorm';
import { ENTITIES, MIGRATIONS } from '../../entities';
import { seedReferenceData } from '../../entities/seed/seed';
import { prepareAccessLogMonths } from './access-log-partitions';
import { ensureAppRole, grantAppRole } from './app-role';
import { CountingLogger, StatementCounter } from './statement-counter';

/** `applicationName` tells the server's sessions apart in pg_stat_activity (the owner's are `samrehab-owner`). */
export function createDataSource(url: string, poolSize: number, counter: StatementCounter, applicationName = 'samrehab'): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migration',
    synchronize: false,
    migrationsRun: false,
    poolSize,
    applicationName,
    logger: new CountingLogger(counter),
  });
}

/** Arbitrary, fixed key: instances starting together migrate one after another. */
const MIGRATION_LOCK = 4_250_612;

/**
 * Runs, as the tables' owner, pending migrations, the access log's next months
 * (server/database/access-log-partitions.ts), the idempotent reference seed and the grants to
 * the app role (server/database/app-role.ts); `createAppRole` first creates that role when missing
 * (the embedded database, or one URL in development). On a shared server this happens under an
 * advisory lock, so instances starting together migrate one after another; the embedded database
 * has a single connection and a single process, and needs no lock.
 */
export async function migrateAndSeed(
  dataSource: DataSource,
  { shared, appRole, createAppRole }: { shared: boolean; appRole: string; createAppRole: boolean },
): Promise<void> {
  const run = async () => {
    if (createAppRole) await ensureAppRole(dataSource, appRole);
    await dataSource.runMigrations({ transaction: 'each' });
    await prepareAccessLogMonths(dataSource);
    await dataSource.transaction((manager) => seedReferenceData(manager));
    await grantAppRole(dataSource, appRole);
  };
  if (!shared) return run();
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await run();
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
}
