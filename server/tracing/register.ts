import { tracingEndpoint } from '../config';
import { startTracing } from './tracing';

/**
 * Imported first by main.ts: the instrumentations patch http and pg as they are loaded, so tracing
 * starts before anything else is. Off unless OTEL_EXPORTER_OTLP_ENDPOINT (or
 * OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) is set.
 */
export const stopTracing: (() => Promise<void>) | null = tracingEndpoint(process.env) ? startTracing() : null;
