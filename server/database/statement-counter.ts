import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger as TypeOrmLogger } from 'typeorm';

/**
 * The statements of the request being served, counted apart from the process's total: requests
 * run concurrently, so a difference of totals would mix them. The GraphQL handler runs each request
 * inside `requestStatements.run`; samrehab_db_statements_per_request observes the count.
 */
export const requestStatements = new AsyncLocalStorage<{ count: number }>();

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
 * TypeORM logger that only counts. It logs nothing itself: failed statements surface as
 * exceptions, which the error formatter logs without their bind parameters (they may hold
 * personal data).
 */
export class CountingLogger implements TypeOrmLogger {
  constructor(private readonly counter: StatementCounter) {}
  logQuery() {
    this.counter.increment();
    const request = requestStatements.getStore();
    if (request) request.count += 1;
  }
  logQueryError() {}
  logQuerySlow() {}
  logSchemaBuild() {}
  logMigration() {}
  log() {}
}
