import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from './context';
import { databaseOutage } from './outage';
import { errorCode } from './logger';

/**
 * Tells the read routing (server/access/read-routing.ts) which requests write: a mutation reads
 * everything from the primary, and once it has answered, its viewer does for a while, on every
 * instance. Installed only with a read replica: without one it costs nothing.
 */
export function readRoutingPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (operation?.operation === 'mutation') contextValue.access.scope.reads.writes();
        },
        async willSendResponse({ contextValue }) {
          // The context is missing when the request failed before it was built.
          const access = contextValue?.access;
          if (!access) return;
          try {
            await access.scope.reads.ended();
          } catch (error) {
            // The write stands; without the mark its viewer's reports may read the replica, at most the lag bound behind.
            access.logger.warn({ code: databaseOutage(error) ?? errorCode(error) }, 'could not record a recent writer: their reports may read the replica');
          }
        },
      };
    },
  };
}
