import { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, GraphQLSchema } from 'graphql';
import { ComplexityEstimator, getComplexity } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE } from '../schema/common/page';
import type { Context } from './context';

/** Query limits. Depth and aliases count what a query can nest; cost counts what it can fetch. */
export const LIMITS = {
  maxDepth: 10,
  maxAliases: 15,
  maxDirectives: 20,
  maxTokens: 2000,
  maxCost: 10_000,
};

/** graphql-armor: depth, aliases, directives, tokens, batching off; suggestions off in production. */
export function armor(production: boolean) {
  return new ApolloArmor({
    // A fragment spread is not a level of nesting: the SDK's shared fragments must not count twice.
    maxDepth: { n: LIMITS.maxDepth, flattenFragments: true },
    maxAliases: { n: LIMITS.maxAliases },
    maxDirectives: { n: LIMITS.maxDirectives },
    maxTokens: { n: LIMITS.maxTokens },
    // Armor's cost limit ignores list sizes; the paged estimator below replaces it.
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: production },
  }).protect();
}

/**
 * Each field costs 1 plus what it selects; a field with a `first` argument multiplies what it
 * selects by the page size asked for, so `first: 100` nested twice costs 100 × 100.
 */
const pagedEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  if (field.args.some((a) => a.name === 'first')) {
    const first = typeof args.first === 'number' && args.first > 0 ? args.first : DEFAULT_PAGE_SIZE;
    return 1 + first * Math.max(childComplexity, 1);
  }
  return 1 + childComplexity;
};

export function costLimitPlugin(schema: GraphQLSchema): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const cost = getComplexity({
            schema,
            query: document,
            operationName: request.operationName ?? undefined,
            variables: request.variables ?? {},
            estimators: [pagedEstimator],
          });
          if (cost > LIMITS.maxCost) {
            throw new GraphQLError(`Query cost ${cost} exceeds the limit of ${LIMITS.maxCost}: ask for smaller pages (first) or fewer nested lists`, {
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED', cost, maxCost: LIMITS.maxCost, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
