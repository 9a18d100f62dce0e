import type { IncomingMessage } from 'node:http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { PersonalDataGuard } from './personal-data-guard';
import { setTracingEnabled } from './tracer';

/** Routes polled by load balancers and scrapers: a span each would drown the requests. */
const UNTRACED = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * Starts OpenTelemetry tracing: spans of incoming HTTP requests, of pg statements and (the Apollo
 * plugin, tracing.plugin.ts) of GraphQL operations and slow resolvers, exported in batches over
 * OTLP/HTTP to OTEL_EXPORTER_OTLP_ENDPOINT (the exporter reads the standard OTEL_* variables).
 * Must run before pg and the HTTP server are loaded (main.ts imports register.ts first).
 * Returns what flushes and stops the export.
 */
export function startTracing(): () => Promise<void> {
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': process.env.OTEL_SERVICE_NAME?.trim() || 'samrehab' }),
    spanProcessors: [new PersonalDataGuard(), new BatchSpanProcessor(new OTLPTraceExporter())],
  });
  provider.register();
  const unregister = registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (req: IncomingMessage) => UNTRACED.has((req.url ?? '').split('?')[0]),
        // The server calls out only to the OIDC provider's JWKS (through fetch, not http).
        disableOutgoingRequestInstrumentation: true,
      }),
      // Statement values (personnummer!) never go into a span: enhancedDatabaseReporting stays off.
      new PgInstrumentation({ requireParentSpan: true, enhancedDatabaseReporting: false }),
    ],
  });
  setTracingEnabled(true);
  return async () => {
    setTracingEnabled(false);
    unregister();
    await provider.shutdown();
  };
}
