import { errorCode, isError } from './logger';

/** Node's codes for a connection that could not be made or was cut. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ENOENT']);

/** What node-postgres throws, without a code, when the server goes away or the pool waits too long. */
const DRIVER_MESSAGES: [RegExp, string][] = [
  [/^Connection terminated/, 'CONNECTION_TERMINATED'],
  [/^timeout exceeded when trying to connect$/, 'POOL_TIMEOUT'],
  [/^Client has encountered a connection error and is not queryable$/, 'CONNECTION_TERMINATED'],
  [/^Cannot use a pool after calling end on the pool$/, 'POOL_ENDED'],
];

/**
 * Why the database could not be reached, or null when the error is about a statement instead:
 * SQLSTATE class 08 (connection exception), 57P01–57P03 (admin/crash shutdown, cannot connect now),
 * a refused or cut socket, or the pool's own timeout. Such a request answers 503
 * SERVICE_UNAVAILABLE (retry later); anything else stays an internal error. The reason is a code,
 * safe to log; the driver's message is not.
 */
export function databaseOutage(err: unknown): string | null {
  let e: unknown = err;
  for (let depth = 0; e && depth < 5; depth++) {
    const code = errorCode(e);
    if (code && (code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03' || NETWORK_CODES.has(code))) return code;
    const message = isError(e) ? e.message : '';
    const known = DRIVER_MESSAGES.find(([pattern]) => pattern.test(message));
    if (known) return known[1];
    e = (e as { driverError?: unknown }).driverError ?? (e as { cause?: unknown }).cause;
  }
  return null;
}
