import { SpanStatusCode } from '@opentelemetry/api';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { PersonalDataGuard } from '../../server/tracing/personal-data-guard';

/** What of a span leaves the process (server/tracing/personal-data-guard.ts). */
describe('the personal-data guard of spans', () => {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new PersonalDataGuard(), new SimpleSpanProcessor(exporter)] });
  afterAll(() => provider.shutdown());

  it('keeps listed attributes and paths without query strings; drops the rest, error messages and exception text', () => {
    const span = provider.getTracer('test').startSpan('POST');
    span.setAttributes({
      'http.request.method': 'POST',
      'url.path': '/graphql?variables=%7B%22p%22%3A%2219121212-1212%22%7D',
      'http.target': '/graphql?p=19121212-1212',
      'url.query': 'p=19121212-1212',
      'url.full': 'http://host/graphql?p=19121212-1212',
      'user_agent.original': 'Tolvan Tolvansson',
      'client.address': '10.0.0.7',
      'db.postgresql.values': ['19121212-1212'],
      'samrehab.request_id': 'a-request-id',
    });
    span.recordException(new Error('invalid input syntax for type uuid: "19121212-1212"'));
    span.setStatus({ code: SpanStatusCode.ERROR, message: 'Variable "$p" got invalid value "19121212-1212"' });
    span.end();

    const [exported] = exporter.getFinishedSpans();
    expect(exported.attributes).toEqual({ 'http.request.method': 'POST', 'url.path': '/graphql', 'http.target': '/graphql', 'samrehab.request_id': 'a-request-id' });
    expect(exported.status).toEqual({ code: SpanStatusCode.ERROR });
    expect(exported.events.map((e) => e.attributes)).toEqual([{ 'exception.type': 'Error' }]);
    expect(JSON.stringify({ ...exported, resource: undefined, _spanProcessor: undefined })).not.toMatch(/19121212|Tolvan/);
  });
});
