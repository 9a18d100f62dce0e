import { tracingEndpoint } from '../config';

/**
 * Imported first by main.ts: the instrumentations patch http and pg as they are loaded, so tracing
 * starts before anything else is. Off unless OTEL_EXPORTER_OTLP_ENDPOINT (or
 * OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) is set.
 */
export const stopTracing: (() => Promise<void>) | null = tracingEndpoint(process.env)
  ? // Loaded only when on: the SDK, its exporter and instrumentations cost start-up time and memory.
    (require('./tracing') as typeof import('./tracing')).startTracing()
  : null;
