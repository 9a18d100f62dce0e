import type { ApolloServerPlugin } from '@apollo/server';
import type { ReadRouting } from './access/read-routing';
import type { Context } from './context';

/**
 * Tells the read routing (server/access/read-routing.ts) which requests write: a mutation reads
 * everything from the primary, and once it has answered, its viewer does for a while.
 */
export function readRoutingPlugin(routing: ReadRouting): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (operation?.operation === 'mutation') contextValue.access.scope.reads.writes();
        },
        async willSendResponse({ contextValue }) {
          // The context is missing when the request failed before it was built.
          const reads = contextValue?.access?.scope.reads;
          if (reads?.wrote && reads.viewer) routing.wrote(reads.viewer);
        },
      };
    },
  };
}
