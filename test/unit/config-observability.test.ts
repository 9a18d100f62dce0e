import { loadConfig } from '../../server/config';

describe('METRICS_TOKEN', () => {
  it('is unset by default, and kept when set', () => {
    expect(loadConfig({}).metricsToken).toBeNull();
    expect(loadConfig({ METRICS_TOKEN: ' scraper-secret-0123456789 ' }).metricsToken).toBe('scraper-secret-0123456789');
  });

  it('refuses a token shorter than 16 characters at start', () => {
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow('METRICS_TOKEN must be at least 16 characters');
  });
});

describe('tracing settings', () => {
  it('are off without an OTLP endpoint; the traces endpoint wins over the general one', () => {
    expect(loadConfig({}).tracing).toEqual({ endpoint: null, resolverMinMs: 10 });
    expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }).tracing.endpoint).toBe('http://collector:4318');
    expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://other:4318/v1/traces' }).tracing.endpoint).toBe('http://other:4318/v1/traces');
  });

  it('take TRACE_RESOLVER_MIN_MS as milliseconds, 0 or more, or off', () => {
    expect(loadConfig({ TRACE_RESOLVER_MIN_MS: '2.5' }).tracing.resolverMinMs).toBe(2.5);
    expect(loadConfig({ TRACE_RESOLVER_MIN_MS: 'off' }).tracing.resolverMinMs).toBeNull();
    for (const value of ['-1', 'slow']) expect(() => loadConfig({ TRACE_RESOLVER_MIN_MS: value })).toThrow('TRACE_RESOLVER_MIN_MS must be a number of milliseconds');
  });
});
