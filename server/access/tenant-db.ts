import type { PoolClient } from 'pg';
import { DataSource, EntityManager, QueryFailedError, QueryRunner } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { isUuid } from '../../domain/uuid';
import { assertRoleName } from '../database/app-role';
import type { Viewer } from '../auth/viewer';
import { inlineParameters } from './inline-parameters';
import type { Queryable } from './sql';

/**
 * The opening of every unit of work, in one simple-protocol round trip: the transaction, the app
 * role (row-level security applies to it whichever login the pool uses: a no-op for the app role
 * itself, and the embedded database's superuser or an owner login become subject to the policies),
 * and the viewer's region and organisation, local to the transaction (set_config(…, true)), so a
 * transaction-pooling proxy never hands them to another client. No viewer sets no region, and the
 * policies then admit no tenant rows.
 */
export function openingStatement(appRole: string, viewer: Pick<Viewer, 'regionId' | 'organisationId'> | null): string {
  const begin = `BEGIN; SET LOCAL ROLE ${assertRoleName(appRole)}`;
  if (!viewer) return begin;
  // Inlined into SQL, so checked here: anything but a UUID never reaches the statement.
  if (!isUuid(viewer.regionId) || !isUuid(viewer.organisationId)) throw new Error("The viewer's region and organisation must be UUIDs");
  return `${begin}; SELECT set_config('app.region_id', '${viewer.regionId}', true), set_config('app.organisation_id', '${viewer.organisationId}', true)`;
}

/**
 * The per-request data handle: the DataSource's two methods, with the viewer's tenant set in every
 * transaction (see openingStatement). A plain query is BEGIN … statement … COMMIT in one
 * round trip; `transaction` hands `work` an EntityManager inside one such transaction. Stores get
 * this, never the DataSource.
 */
export class TenantDb implements Queryable {
  private readonly opening: string;

  constructor(
    private readonly dataSource: DataSource,
    appRole: string,
    viewer: Pick<Viewer, 'regionId' | 'organisationId'> | null,
  ) {
    this.opening = openingStatement(appRole, viewer);
  }

  /**
   * One statement in a transaction of its own. The opening, the statement (its parameters inlined
   * as literals, see inlineParameters) and the COMMIT travel as one simple-protocol message: one
   * round trip instead of three, the same transaction, role and region for row-level security.
   * Text the inliner does not read with certainty takes the three round trips. The answer is
   * TypeORM's (rows; [rows, count] for UPDATE and DELETE), errors are its QueryFailedError.
   */
  async query<T = any>(sql: string, parameters: unknown[] = []): Promise<T> {
    const inlined = inlineParameters(sql, parameters);
    if (inlined === null) return this.transaction((tx) => tx.query(sql, parameters));
    const [client, release] = await (this.dataSource.driver as PostgresDriver).obtainMasterConnection();
    // Counted as one statement: the server receives one message (see StatementCounter).
    this.dataSource.logger.logQuery(sql, parameters);
    let broken: unknown = undefined;
    try {
      const results = (await (client as PoolClient).query(`${this.opening};\n${inlined};\nCOMMIT`)) as unknown as { command: string; rows: unknown[]; rowCount: number }[];
      // The statement's result is the one before COMMIT's.
      const result = results[results.length - 2];
      return (result.command === 'UPDATE' || result.command === 'DELETE' ? [result.rows, result.rowCount] : result.rows) as T;
    } catch (error) {
      // The message stopped at the failing statement, inside its transaction.
      await (client as PoolClient).query('ROLLBACK').catch((e) => (broken = e));
      throw new QueryFailedError(sql, parameters, error as Error);
    } finally {
      release(broken);
    }
  }

  async transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    let broken: unknown = undefined;
    try {
      let result: T;
      try {
        await runner.query(this.opening);
        // TypeORM did not send the BEGIN: told so, it starts no transaction of its own inside this one.
        markInTransaction(runner, true);
        result = await work(runner.manager);
      } catch (error) {
        // A connection that cannot even roll back is not returned to the pool.
        await runner.query('ROLLBACK').catch((e) => (broken = e));
        throw error;
      } finally {
        markInTransaction(runner, false);
      }
      await runner.query('COMMIT');
      return result;
    } finally {
      await (runner as unknown as { releasePostgresConnection(err?: unknown): Promise<void> }).releasePostgresConnection(broken);
    }
  }
}

function markInTransaction(runner: QueryRunner, active: boolean): void {
  const state = runner as unknown as { isTransactionActive: boolean; transactionDepth: number };
  state.isTransactionActive = active;
  state.transactionDepth = active ? 1 : 0;
}
