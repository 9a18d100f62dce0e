import { DataSource } from 'typeorm';
import { ENTITIES, MIGRATIONS } from '../../entities';
import { seedReferenceData } from '../../entities/seed/seed';
import { CountingLogger, StatementCounter } from './statement-counter';

export function createDataSource(url: string, poolSize: number, counter: StatementCounter): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migration',
    synchronize: false,
    migrationsRun: false,
    poolSize,
    applicationName: 'samrehab',
    logger: new CountingLogger(counter),
  });
}

/** Arbitrary, fixed key: instances starting together migrate one after another. */
const MIGRATION_LOCK = 4_250_612;

/**
 * Runs pending migrations and the idempotent reference seed. On a shared server this happens under
 * an advisory lock, so instances starting together migrate one after another; the embedded
 * database has a single connection and a single process, and needs no lock.
 */
export async function migrateAndSeed(dataSource: DataSource, { shared }: { shared: boolean }): Promise<void> {
  const run = async () => {
    await dataSource.runMigrations({ transaction: 'each' });
    await dataSource.transaction((manager) => seedReferenceData(manager));
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
