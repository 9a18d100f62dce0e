import { context, type Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { suppressTracing } from '@opentelemetry/core';

let enabled = false;

/** Whether spans are recorded: every tracing hook of the server asks this first, so it costs nothing when off. */
export function tracingEnabled(): boolean {
  return enabled;
}

/** Set by startTracing (tracing.ts), which holds the SDK: this module holds only the API. */
export function setTracingEnabled(on: boolean): void {
  enabled = on;
}

/** The server's own spans (GraphQL operations, slow resolvers, statement pipelines). */
export const tracer = trace.getTracer('samrehab');

/**
 * Runs one pipeline of statements (server/access/pipeline.ts) under a span of its own: pg's
 * instrumentation knows only statements with a text, not a pipeline. Inside, tracing is suppressed,
 * so the pipeline is one span, not an unfinished one per submission.
 */
export function tracePipeline<T>(statements: number, send: () => Promise<T>): Promise<T> {
  if (!enabled) return send();
  return tracer.startActiveSpan(
    'pg.pipeline',
    { kind: SpanKind.CLIENT, attributes: { 'db.system': 'postgresql', 'samrehab.statements': statements } },
    (span: Span) =>
      context.with(suppressTracing(context.active()), send).then(
        (result) => {
          span.end();
          return result;
        },
        (error: unknown) => {
          span.setStatus({ code: SpanStatusCode.ERROR });
          span.end();
          throw error;
        },
      ),
  );
}
