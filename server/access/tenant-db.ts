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
 * transaction (see openingStatement). Plain queries of one turn of the event loop share one
 * transaction and one round trip (see query); `transaction` hands `work` an EntityManager inside one
 * such transaction. Stores get this, never the DataSource.
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
   * Statements asked for in the same turn of the event loop (the DataLoaders of one level of a
   * query dispatch together), sent as one message at its end.
   */
  private pending: Pending[] = [];

  /**
   * One statement, answered as TypeORM answers (rows; [rows, count] for UPDATE and DELETE; errors
   * are its QueryFailedError). The statements of one turn of the event loop share one transaction
   * and one round trip: the opening, the statements (their parameters inlined as literals, see
   * inlineParameters) and COMMIT travel as one simple-protocol message, with the same role and
   * region for row-level security as before. When such a message fails, each of its statements is
   * sent again alone, so a statement fails only by its own fault. Text the inliner does not read
   * with certainty is bound as usual, in a transaction of its own.
   */
  query<T = any>(sql: string, parameters: unknown[] = []): Promise<T> {
    const inlined = inlineParameters(sql, parameters);
    if (inlined === null) return this.transaction((tx) => tx.query(sql, parameters));
    // Counted per statement, as a bound statement is (see StatementCounter).
    this.dataSource.logger.logQuery(sql, parameters);
    return new Promise<T>((resolve, reject) => {
      if (this.pending.push({ sql, parameters, inlined, resolve, reject }) === 1) setImmediate(() => void this.flush());
    });
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    try {
      const results = await this.send(batch.map((p) => p.inlined));
      batch.forEach((p, i) => p.resolve(answerOf(results[i])));
    } catch (error) {
      if (batch.length === 1) return batch[0].reject(new QueryFailedError(batch[0].sql, batch[0].parameters, error as Error));
      for (const p of batch) {
        await this.send([p.inlined]).then(
          ([result]) => p.resolve(answerOf(result)),
          (e) => p.reject(new QueryFailedError(p.sql, p.parameters, e as Error)),
        );
      }
    }
  }

  /** The statements' results, from one message: opening, the statements, COMMIT. */
  private async send(statements: string[]): Promise<PgResult[]> {
    const [client, release] = await (this.dataSource.driver as PostgresDriver).obtainMasterConnection();
    let broken: unknown = undefined;
    try {
      const results = (await (client as PoolClient).query(`${this.opening};\n${statements.join(';\n')};\nCOMMIT`)) as unknown as PgResult[];
      // The opening's results come first and COMMIT's last.
      return results.slice(results.length - 1 - statements.length, results.length - 1);
    } catch (error) {
      // The message stopped at the failing statement, inside its transaction.
      await (client as PoolClient).query('ROLLBACK').catch((e) => (broken = e));
      throw error;
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

interface PgResult {
  command: string;
  rows: unknown[];
  rowCount: number;
}

interface Pending {
  sql: string;
  parameters: unknown[];
  inlined: string;
  resolve(answer: any): void;
  reject(error: unknown): void;
}

/** A statement's answer in TypeORM's shape, which the stores were written against. */
function answerOf(result: PgResult): unknown {
  return result.command === 'UPDATE' || result.command === 'DELETE' ? [result.rows, result.rowCount] : result.rows;
}

function markInTransaction(runner: QueryRunner, active: boolean): void {
  const state = runner as unknown as { isTransactionActive: boolean; transactionDepth: number };
  state.isTransactionActive = active;
  state.transactionDepth = active ? 1 : 0;
}
