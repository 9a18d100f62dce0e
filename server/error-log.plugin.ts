import { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Context } from './context';
import { isClientError } from './errors';
import { safeError } from './logger';
import { operationLabel } from './metrics/operation-label';
import { databaseOutage } from './outage';

/**
 * Logs each error the client is not meant to see as it is, once, on the request's logger (so
 * with its request id): a database outage by its code, anything else by name, code, GraphQL path,
 * operation and stack frames, never its message (see safeError). A database outage turns the
 * answer into HTTP 503, so a client or load balancer knows to retry rather than to give up.
 */
export const errorLogPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    let outage = false;
    return {
      async didEncounterErrors({ errors, contextValue, operationName }) {
        for (const error of errors) {
          if (isClientError(error.extensions?.code, error)) continue;
          const original = unwrapResolverError(error);
          // The operation's name only when it is one of the SDK's: a client's own name may be anything, a personnummer too.
          const where = { path: error.path, operation: operationLabel(operationName) };
          const reason = databaseOutage(original);
          if (reason) {
            outage = true;
            contextValue.access.logger.error({ ...where, code: reason }, 'database unavailable');
          } else {
            contextValue.access.logger.error({ ...where, error: safeError(original) }, 'unexpected error');
          }
        }
      },
      async willSendResponse({ response }) {
        if (outage) response.http.status = 503;
      },
    };
  },
};
