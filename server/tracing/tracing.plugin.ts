import type { ApolloServerPlugin, GraphQLRequestExecutionListener } from '@apollo/server';
import { type Context, context, type Span, SpanStatusCode, trace } from '@opentelemetry/api';
import { performance } from 'node:perf_hooks';
import type { Context as AppContext } from '../context';
import { operationLabel } from '../metrics/operation-label';
import { tracer, tracingEnabled } from './tracer';

/** The span of each request's GraphQL operation, by its context: execution runs under it. */
const operationSpans = new WeakMap<object, Span>();

/**
 * A span per GraphQL request, named by its operation as the metrics name it (an SDK operation's
 * name or "other": a client's own name may be anything), and a span for each resolver that took
 * at least `resolverMinMs` (TRACE_RESOLVER_MIN_MS; null: none): a span per field would cost more
 * than the field. Registered only when tracing is on: the per-field hook makes Apollo wrap every resolver.
 * Resolver spans are named by schema coordinates (Type.field), never by aliases or paths.
 */
export function tracingPlugin(resolverMinMs: number | null): ApolloServerPlugin<AppContext> {
  return {
    async requestDidStart({ contextValue }) {
      const span = tracer.startSpan('graphql other');
      const parent = trace.setSpan(context.active(), span);
      operationSpans.set(contextValue, span);
      return {
        async didResolveOperation({ operationName, operation }) {
          const name = operationLabel(operationName);
          const type = operation?.operation ?? 'query';
          span.updateName(`graphql ${type} ${name}`);
          span.setAttributes({ 'graphql.operation.name': name, 'graphql.operation.type': type });
        },
        // Without resolver spans, no per-field hook: Apollo then leaves the resolvers unwrapped.
        executionDidStart: resolverMinMs === null ? undefined : async () => slowResolverSpans(resolverMinMs, parent),
        async didEncounterErrors() {
          span.setStatus({ code: SpanStatusCode.ERROR });
        },
        async willSendResponse() {
          span.end();
        },
      };
    },
  };
}

/** A span for each resolver of the operation that took at least `minMs`, made when it is done. */
function slowResolverSpans(minMs: number, parent: Context): GraphQLRequestExecutionListener<AppContext> {
  return {
    willResolveField({ info }) {
      const started = performance.now();
      return (error) => {
        const ended = performance.now();
        if (ended - started < minMs) return;
        const field = `${info.parentType.name}.${info.fieldName}`;
        const resolver = tracer.startSpan(`graphql.resolve ${field}`, { startTime: started, attributes: { 'graphql.field': field } }, parent);
        if (error) resolver.setStatus({ code: SpanStatusCode.ERROR });
        resolver.end(ended);
      };
    },
  };
}

/** Runs a request's execution under its operation's span, so the statements it sends are its children. */
export function withOperationSpan<T>(contextValue: object, run: () => T): T {
  const span = tracingEnabled() ? operationSpans.get(contextValue) : undefined;
  return span ? context.with(trace.setSpan(context.active(), span), run) : run();
}
