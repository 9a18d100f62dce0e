import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../context';
import { CLIENT_CODES } from '../errors';
import { graphqlDuration, graphqlRequests, statementsPerRequest } from './registry';
import { operationLabel } from './operation-label';

/**
 * Counts each GraphQL request by operation and outcome, and observes its duration and the SQL
 * statements it sent. The outcome is "ok" or the first error's code as the client sees it (after
 * formatError), one of the codes a client can be sent, else "other". Per request, never per field.
 */
export const metricsPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    const started = process.hrtime.bigint();
    return {
      async willSendResponse({ response, operationName, request, contextValue }) {
        const operation = operationLabel(operationName ?? request.operationName);
        const code = response.body.kind === 'single' ? response.body.singleResult.errors?.[0]?.extensions?.code : undefined;
        const outcome = code === undefined ? 'ok' : typeof code === 'string' && CLIENT_CODES.has(code) ? code : 'other';
        graphqlRequests.inc({ operation, outcome });
        graphqlDuration.observe({ operation }, Number(process.hrtime.bigint() - started) / 1e9);
        statementsPerRequest.observe(contextValue.access.scope.db.statements.count);
      },
    };
  },
};
