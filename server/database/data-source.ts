import { DataSource } from 'typeorm';
import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions';
import { ENTITIES, MIGRATIONS } from '../../entities';
import { seedReferenceData } from '../../entities/seed/seed';
import { prepareAccessLogMonths } from './access-log-partitions';
import { ensureAppRole, grantAppRole } from './app-role';
import { CountingLogger, StatementCounter } from './statement-counter';

/**
 * `applicationName` tells the server's sessions apart in pg_stat_activity (the owner's are
 * `samrehab-owner`, the read replica's `samrehab-replica`); `options` adds to the defaults.
 */
export function createDataSource(
  url: string,
  poolSize: number,
  counter: StatementCounter,
  applicationName = 'samrehab',
  options: Partial<Pick<PostgresDataSourceOptions, 'installExtensions' | 'connectTimeoutMS'>> = {},
): DataSource {
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
    ...options,
  });
}

/** Arbitrary, fixed key: instances starting together migrate one after another. */
export const MIGRATION_LOCK = 4_250_612;

/**
 * Runs, as the tables' owner, pending migrations, the access log's next months
 * (server/database/access-log-partitions.ts), the idempotent reference seed and the grants to
 * the app role (server/database/app-role.ts); `createAppRole` first creates that role when missing
 * (the embedded database, or one URL in development). On a shared server this happens under an
 * advisory lock held on a connection of its own while another connection works, so instances
 * starting together migrate one after another; the embedded database has a single connection and
 * a single process, and needs no lock.
 *
 * `transactionPooler`: the URL may go through a transaction-pooling proxy, which would leave a
 * session's lock behind on whichever server connection it happened to use, so the lock is taken
 * by a transaction that stays open until the work is done (pg_advisory_xact_lock): the proxy keeps
 * an open transaction on one server connection, and drops that connection, releasing the lock,
 * when the process dies. It takes no snapshot between statements, so a migration's CREATE INDEX
 * CONCURRENTLY does not wait for it. Not on the embedded database, whose socket serves no other
 * connection while one has a transaction open.
 */
export async function migrateAndSeed(
  dataSource: DataSource,
  { shared, appRole, createAppRole, transactionPooler = false }: { shared: boolean; appRole: string; createAppRole: boolean; transactionPooler?: boolean },
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
    if (transactionPooler) {
      await runner.query('BEGIN');
      await runner.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    } else {
      await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    }
    await run();
  } finally {
    const unlock = transactionPooler ? runner.query('ROLLBACK') : runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    await unlock.catch(() => undefined);
    await runner.release();
  }
}
