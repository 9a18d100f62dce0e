import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ErrorCode } from '../schema/common/errors';
import { databaseOutage } from './outage';

/** Codes produced by Apollo and graphql-js for malformed requests; they are safe to show. */
const REQUEST_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);
/** Every code a client can see: the SDK's `ErrorCode` union must equal it (test/sdk/error-codes.test.ts). */
export const CLIENT_CODES: ReadonlySet<string> = new Set<string>([...Object.values(ErrorCode), ...REQUEST_CODES]);

/**
 * True when the client may see the error as it is: a GraphQLError (not a driver or programming
 * error wrapped by graphql-js) whose code, as Apollo formats it, is one of the codes above.
 */
export function isClientError(code: unknown, error: unknown): boolean {
  return unwrapResolverError(error) instanceof GraphQLError && typeof code === 'string' && CLIENT_CODES.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR;
}

/**
 * The one place where errors leave the server: coded errors pass; a database outage becomes
 * SERVICE_UNAVAILABLE; anything else is masked, so a driver message or stack trace never reaches
 * a client. Logging is not done here (this hook knows no request): see error-log.plugin.ts.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  if (isClientError(formatted.extensions?.code, error)) return formatted;
  const outage = databaseOutage(unwrapResolverError(error)) !== null;
  return {
    message: outage ? 'The database cannot be reached now: try again later' : 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: outage ? ErrorCode.SERVICE_UNAVAILABLE : ErrorCode.INTERNAL_SERVER_ERROR },
  };
}
