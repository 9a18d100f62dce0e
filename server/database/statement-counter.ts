import type { QueryRunner, Logger as TypeOrmLogger } from 'typeorm';

/**
 * Counts SQL statements sent to the database. Tests and benchmarks read the count before and
 * after a request to prove that lists cost a constant number of statements (no N+1).
 */
export class StatementCounter {
  private count = 0;
  increment() {
    this.count += 1;
  }
  get total() {
    return this.count;
  }
}

/**
 * The statements one request sent, apart from the process's total: requests run concurrently, so
 * a difference of totals would mix them. The request's TenantDb counts its pipelined statements
 * and names this in its transactions' `QueryRunner.data`, where the logger below finds it
 * (samrehab_db_statements_per_request observes the count). Not an AsyncLocalStorage: on Node 20
 * one turns on a hook for every promise of the process, which cost 0.4 ms of CPU per request.
 */
export class RequestStatements {
  count = 0;
}

/** What a transaction's query runner carries for the counting logger. */
export interface CountedRunnerData {
  requestStatements?: RequestStatements;
}

/**
 * TypeORM logger that only counts. It logs nothing itself: failed statements surface as
 * exceptions, which the error formatter logs without their bind parameters (they may hold
 * personal data).
 */
export class CountingLogger implements TypeOrmLogger {
  constructor(private readonly counter: StatementCounter) {}
  logQuery(_query: string, _parameters?: unknown[], queryRunner?: QueryRunner) {
    this.counter.increment();
    const request = (queryRunner?.data as CountedRunnerData | undefined)?.requestStatements;
    if (request) request.count += 1;
  }
  logQueryError() {}
  logQuerySlow() {}
  logSchemaBuild() {}
  logMigration() {}
  log() {}
}
