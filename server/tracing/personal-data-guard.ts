import type { Context, SpanStatus } from '@opentelemetry/api';
import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace-base';

/**
 * Span attributes that may leave the process: methods, status codes, routes without their query
 * string, database system and name, statement text (the statements bind their values, so the text
 * holds none), our own request id and counts. Anything else an instrumentation sets (client
 * address, user agent, headers, statement values) is dropped before export.
 */
const KEPT = new Set([
  'http.method',
  'http.request.method',
  'http.status_code',
  'http.response.status_code',
  'http.scheme',
  'http.flavor',
  'network.protocol.version',
  'http.route',
  'net.host.port',
  'server.port',
  'db.system',
  'db.system.name',
  'db.name',
  'db.namespace',
  'db.operation.name',
  'db.statement',
  'db.query.text',
  'graphql.operation.name',
  'graphql.operation.type',
  'graphql.field',
  'samrehab.request_id',
  'samrehab.statements',
]);

/** URL attributes, kept as their path only: a query string may carry a GET request's variables. */
const PATHS = new Set(['http.target', 'url.path']);

/**
 * The last stop of a span before its export: keeps only the attributes above, and of a failure
 * only its status code and error type. Messages go: a driver's or graphql-js's message quotes the
 * input it refused (personnummer, names), the same reason the logs keep no message (logger.ts).
 */
export class PersonalDataGuard implements SpanProcessor {
  onStart(_span: Span, _context: Context): void {}

  onEnding(span: Span): void {
    // The span is not ended yet: its attributes, status and events are still its own to change.
    const attributes = span.attributes as Record<string, unknown>;
    for (const key of Object.keys(attributes)) {
      if (PATHS.has(key) && typeof attributes[key] === 'string') attributes[key] = (attributes[key] as string).split('?')[0];
      else if (!KEPT.has(key)) delete attributes[key];
    }
    if (span.status.message !== undefined) (span as { status: SpanStatus }).status = { code: span.status.code };
    for (const event of span.events) {
      const type = event.attributes?.['exception.type'];
      (event as { attributes?: Record<string, unknown> }).attributes = typeof type === 'string' ? { 'exception.type': type } : {};
    }
  }

  onEnd(_span: ReadableSpan): void {}

  async forceFlush(): Promise<void> {}

  async shutdown(): Promise<void> {}
}
