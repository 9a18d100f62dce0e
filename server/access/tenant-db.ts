import type { PoolClient } from 'pg';
import { DataSource, EntityManager, QueryFailedError, QueryRunner } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { isUuid } from '../../domain/uuid';
import { assertRoleName } from '../database/app-role';
import type { Viewer } from '../auth/viewer';
import { PgResult, Pipeline, PipelinedStatement } from './pipeline';
import { tracePipeline } from '../tracing/tracer';
import { CountedRunnerData, RequestStatements } from '../database/statement-counter';
import type { Queryable } from './sql';

/**
 * The opening of every unit of work, in one simple-protocol round trip: the transaction, the app
 * role (row-level security applies to it whichever login the pool uses: a no-op for the app role
 * itself, and the embedded database's superuser or an owner login become subject to the policies),
 * and the viewer's region and organisation, local to the transaction (set_config(…, true)), so a
 * transaction-pooling proxy never hands them to another client. No viewer sets no region, and the
 * policies then admit no tenant rows. `readOnly` opens a read-only transaction (a streaming replica
 * runs nothing else), with the same role and settings.
 */
export function openingStatement(appRole: string, viewer: Pick<Viewer, 'regionId' | 'organisationId'> | null, readOnly = false): string {
  const begin = `${readOnly ? 'BEGIN READ ONLY' : 'BEGIN'}; SET LOCAL ROLE ${assertRoleName(appRole)}`;
  if (!viewer) return begin;
  // Inlined into SQL, so checked here: anything but a UUID never reaches the statement.
  if (!isUuid(viewer.regionId) || !isUuid(viewer.organisationId)) throw new Error("The viewer's region and organisation must be UUIDs");
  return `${begin}; SELECT set_config('app.region_id', '${viewer.regionId}', true), set_config('app.organisation_id', '${viewer.organisationId}', true)`;
}

/**
 * The opening of a pipelined unit of work (see TenantDb.query), as statements with bound values:
 * the same transaction, role and tenant settings as openingStatement. Kept, so each connection
 * parses them once.
 */
function openingStatements(appRole: string, viewer: Pick<Viewer, 'regionId' | 'organisationId'> | null, readOnly: boolean): PipelinedStatement[] {
  const role = assertRoleName(appRole);
  const statements: PipelinedStatement[] = [
    { reusePlan: true, text: readOnly ? 'BEGIN READ ONLY' : 'BEGIN' },
    { reusePlan: true, text: `SET LOCAL ROLE ${role}` },
  ];
  if (viewer) {
    statements.push({
      reusePlan: true,
      text: `SELECT set_config('app.region_id', $1, true), set_config('app.organisation_id', $2, true)`,
      values: [viewer.regionId, viewer.organisationId],
    });
  }
  return statements;
}

const COMMIT: PipelinedStatement = { reusePlan: true, text: 'COMMIT' };
const ROLLBACK: PipelinedStatement = { reusePlan: true, text: 'ROLLBACK' };

/**
 * The per-request data handle: the DataSource's two methods, with the viewer's tenant set in every
 * transaction (see openingStatement). Plain queries of one turn of the event loop share one
 * transaction and one round trip (see query); `transaction` hands `work` an EntityManager inside one
 * such transaction. Stores get this, never the DataSource.
 */
export class TenantDb implements Queryable {
  private readonly opening: string;
  /** Whether its connections keep named statements (see the constructor). */
  readonly keepPlans: boolean;
  private readonly pipelineOpening: PipelinedStatement[];
  /** The statements this request sent (samrehab_db_statements_per_request). */
  readonly statements = new RequestStatements();

  /**
   * @param keepPlans false behind a transaction-pooling proxy (DATABASE_POOLER=transaction): each
   *   transaction may get another server connection, which does not know a statement named on an
   *   earlier one, so every statement is sent unnamed.
   */
  constructor(
    private readonly dataSource: DataSource,
    appRole: string,
    viewer: Pick<Viewer, 'regionId' | 'organisationId'> | null,
    { readOnly = false, keepPlans = true }: { readOnly?: boolean; keepPlans?: boolean } = {},
  ) {
    this.keepPlans = keepPlans;
    this.opening = openingStatement(appRole, viewer, readOnly);
    this.pipelineOpening = openingStatements(appRole, viewer, readOnly);
  }

  /**
   * Statements asked for in the same turn of the event loop (the DataLoaders of one level of a
   * query dispatch together), sent together at its end.
   */
  private pending: Pending[] = [];

  /**
   * One statement, answered as TypeORM answers (rows; [rows, count] for UPDATE and DELETE; errors
   * are its QueryFailedError). The statements of one turn of the event loop share one transaction
   * and one round trip: the opening, the statements (their parameters bound) and COMMIT travel as
   * one pipeline (see Pipeline), with the same role and region for row-level security as a
   * transaction. When a pipeline fails, each of its statements is sent again alone, so a statement
   * fails only by its own fault. Each statement is parsed and planned every time it is sent.
   */
  query<T = any>(sql: string, parameters: unknown[] = []): Promise<T> {
    return this.enqueue(sql, parameters, false);
  }

  /**
   * The same handle, for statements whose plan does not depend on their values: reads of small
   * reference tables by key, whose planning costs more than their execution. Each connection
   * parses and plans such a statement once and keeps it (a named prepared statement of the
   * extended protocol, which a transaction-pooling proxy such as pgbouncer 1.21+ also keeps; behind
   * an older one, DATABASE_POOLER=transaction sends it unnamed, see the constructor);
   * PostgreSQL may then run it with a generic plan, which is why lists whose best plan depends on
   * the values (a tenant's share of a large table) do not use it.
   */
  readonly reusingPlans: Queryable = {
    query: <T = any>(sql: string, parameters: unknown[] = []): Promise<T> => this.enqueue(sql, parameters, true),
  };

  private enqueue<T>(sql: string, parameters: unknown[], reusePlan: boolean): Promise<T> {
    // Counted per statement, as a bound statement is (see StatementCounter).
    this.dataSource.logger.logQuery(sql, parameters);
    this.statements.count += 1;
    return new Promise<T>((resolve, reject) => {
      const statement = { text: sql, values: parameters, reusePlan };
      if (this.pending.push({ sql, parameters, statement, resolve, reject }) === 1) setImmediate(() => void this.flush());
    });
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    try {
      const results = await this.send(batch.map((p) => p.statement));
      batch.forEach((p, i) => p.resolve(answerOf(results[i])));
    } catch (error) {
      if (batch.length === 1) return batch[0].reject(new QueryFailedError(batch[0].sql, batch[0].parameters, error as Error));
      for (const p of batch) {
        await this.send([p.statement]).then(
          ([result]) => p.resolve(answerOf(result)),
          (e) => p.reject(new QueryFailedError(p.sql, p.parameters, e as Error)),
        );
      }
    }
  }

  /** The statements' results, from one pipeline: opening, the statements, COMMIT. */
  private send(statements: PipelinedStatement[]): Promise<PgResult[]> {
    return tracePipeline(statements.length, () => this.sendPipeline(statements));
  }

  private async sendPipeline(statements: PipelinedStatement[]): Promise<PgResult[]> {
    const [client, release] = await (this.dataSource.driver as PostgresDriver).obtainMasterConnection();
    let broken: unknown = undefined;
    try {
      const pipeline = (client as PoolClient).query.bind(client) as unknown as (p: Pipeline) => void;
      let sent: Pipeline | undefined;
      try {
        const results = await new Promise<PgResult[]>((resolve, reject) => {
          pipeline((sent = new Pipeline(this.planned([...this.pipelineOpening, ...statements, COMMIT]), (error, answered) => (error ? reject(error) : resolve(answered)))));
        });
        return results.slice(this.pipelineOpening.length, this.pipelineOpening.length + statements.length);
      } catch (error) {
        // The server stopped at the failing statement, inside its transaction; the statements this
        // pipeline named for the first time may or may not have been parsed, so they are closed.
        await new Promise<void>((resolve, reject) => pipeline(new Pipeline(this.planned([ROLLBACK]), (e) => (e ? reject(e) : resolve()), sent?.newlyParsed ?? []))).catch(
          (e) => (broken = e),
        );
        throw error;
      }
    } finally {
      release(broken);
    }
  }

  /** The statements as sent: unnamed, all of them, unless plans may be kept (see the constructor). */
  private planned(statements: PipelinedStatement[]): PipelinedStatement[] {
    return this.keepPlans ? statements : statements.map((statement) => ({ ...statement, reusePlan: false }));
  }

  async transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    (runner.data as CountedRunnerData).requestStatements = this.statements;
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

interface Pending {
  sql: string;
  parameters: unknown[];
  statement: PipelinedStatement;
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
