import { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { DocumentNode, getNamedType, getNullableType, getVariableValues, GraphQLError, GraphQLSchema, isLeafType, isListType, OperationDefinitionNode, print } from 'graphql';
import { ComplexityEstimator, getComplexity } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE } from '../schema/common/page';
import type { Context } from './context';
import { ErrorCode } from '../schema/common/errors';

/**
 * Query limits (README "Limits"). Depth and aliases count what a query can nest; cost counts what
 * it can fetch; fields caps how far fragments may expand before anything else is counted.
 */
export const LIMITS = {
  maxDepth: 10,
  maxAliases: 15,
  maxDirectives: 20,
  maxTokens: 2000,
  maxCost: 10_000,
  maxFields: 10_000,
};

/** graphql-armor: depth, aliases, directives, tokens, batching off; suggestions off in production. */
export function armor(production: boolean) {
  return new ApolloArmor({
    // A fragment spread is not a level of nesting: the SDK's shared fragments must not count twice.
    maxDepth: { n: LIMITS.maxDepth, flattenFragments: true },
    maxAliases: { n: LIMITS.maxAliases },
    maxDirectives: { n: LIMITS.maxDirectives },
    maxTokens: { n: LIMITS.maxTokens },
    // Armor's cost limit ignores list sizes; the estimator below replaces it.
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: production },
  }).protect();
}

/**
 * What a field costs. A scalar or enum is read off a row already fetched: 0. Any other field
 * costs 1 plus what it selects. A field with a `first` argument multiplies that by the page
 * size asked for (`first: 100` nested twice costs about 100 × 100), and a field with list
 * arguments by the longest list given, since each item is answered on its own
 * (`responsibilities(inputs: [1,000 questions])` costs at least 1,000). Aliases add up, so the
 * limit caps the total work of a request.
 */
export const costEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  const own = isLeafType(getNamedType(field.type)) ? 0 : 1;
  let times = 1;
  if (field.args.some((a) => a.name === 'first')) {
    times = typeof args.first === 'number' && args.first > 0 ? args.first : DEFAULT_PAGE_SIZE;
  }
  for (const arg of field.args) {
    const value = args[arg.name];
    if (isListType(getNullableType(arg.type)) && Array.isArray(value)) times = Math.max(times, value.length);
  }
  return times * (own + childComplexity);
};

const refused = (message: string, code: ErrorCode | 'GRAPHQL_VALIDATION_FAILED', details: Record<string, unknown> = {}) =>
  new GraphQLError(message, { extensions: { code, ...details, http: { status: 400 } } });

/**
 * graphql-js names the variable (and the path inside it) before quoting the value it got; only
 * the names are kept, since the value may be a personnummer or an address.
 */
function variableError(operation: OperationDefinitionNode, error: GraphQLError): GraphQLError {
  const name = /^Variable "\$([_A-Za-z][_0-9A-Za-z]*)"/.exec(error.message)?.[1];
  const definition = operation.variableDefinitions?.find((d) => d.variable.name.value === name);
  if (!name || !definition) return refused('The variables do not match the operation', ErrorCode.BAD_USER_INPUT);
  const at = / at "([_0-9A-Za-z.[\]]+)"/.exec(error.message)?.[1];
  const field = at ? `$${at}` : `$${name}`;
  const where = at ? ` at ${field}` : '';
  return refused(`Variable "$${name}" (${print(definition.type)}) is missing a value or holds a value of another type${where}`, ErrorCode.BAD_USER_INPUT, { field });
}

/**
 * Refuses, before anything runs, an operation whose variables do not fit their types
 * (BAD_USER_INPUT naming the variable), whose fragments expand past `maxFields`, or whose cost
 * exceeds `maxCost` (GRAPHQL_VALIDATION_FAILED). The cost needs the variables' values
 * (`first: $n`), so getComplexity coerces them; only when it fails are they coerced again here,
 * to tell the client's mistake from the expansion cap. Coercing a batch of 1,000 questions costs
 * milliseconds, so the common path does it once, not twice.
 */
export function costLimitPlugin(schema: GraphQLSchema): ApolloServerPlugin<Context> {
  const costs = new KnownCosts();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation }) {
          // Apollo resolves the operation before this hook; without one it has already answered.
          if (!operation) return;
          const key = costs.keyOf(request.operationName, request.variables);
          if (costs.get(document, key) !== undefined) return;
          let cost: number;
          try {
            cost = getComplexity({
              schema,
              query: document,
              operationName: request.operationName ?? undefined,
              variables: request.variables ?? {},
              estimators: [costEstimator],
              maxQueryNodes: LIMITS.maxFields,
            });
          } catch (e) {
            const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {}, { maxErrors: 1 });
            if (coerced.errors?.length) throw variableError(operation, coerced.errors[0]);
            // The only error left once the variables coerce: the expansion cap.
            if (e instanceof GraphQLError && /maximum allowed number of nodes/.test(e.message)) {
              throw refused(`The query selects more than ${LIMITS.maxFields} fields once its fragments are expanded`, 'GRAPHQL_VALIDATION_FAILED', { maxFields: LIMITS.maxFields });
            }
            throw e;
          }
          costs.set(document, key, cost);
          if (cost > LIMITS.maxCost) {
            throw refused(`Query cost ${cost} exceeds the limit of ${LIMITS.maxCost}: ask for smaller pages (first), shorter lists or fewer nested lists and aliases`, 'GRAPHQL_VALIDATION_FAILED', {
              cost,
              maxCost: LIMITS.maxCost,
            });
          }
        },
      };
    },
  };
}

/**
 * Costs within the limit already computed, per parsed document, operation name and variables: a
 * cost depends on nothing else, and Apollo hands out the same parsed document for the same query
 * text, so a client repeating an operation is not walked again (the walk was ~4 % of the CPU of a
 * nested list). Bounded: variables of more than MAX_KEY characters (a batch of questions) are
 * never keys, and a document keeps at most MAX_PER_DOCUMENT of them.
 */
class KnownCosts {
  private static readonly MAX_KEY = 1000;
  private static readonly MAX_PER_DOCUMENT = 50;
  private readonly byDocument = new WeakMap<DocumentNode, Map<string, number>>();

  keyOf(operationName: string | null | undefined, variables: Record<string, unknown> | null | undefined): string | null {
    const key = `${operationName ?? ''}\u0000${JSON.stringify(variables ?? {})}`;
    return key.length <= KnownCosts.MAX_KEY ? key : null;
  }

  get(document: DocumentNode, key: string | null): number | undefined {
    return key === null ? undefined : this.byDocument.get(document)?.get(key);
  }

  set(document: DocumentNode, key: string | null, cost: number): void {
    if (key === null || cost > LIMITS.maxCost) return;
    let known = this.byDocument.get(document);
    if (!known) this.byDocument.set(document, (known = new Map()));
    if (known.size < KnownCosts.MAX_PER_DOCUMENT) known.set(key, cost);
  }
}
