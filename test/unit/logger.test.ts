import { GraphQLError } from 'graphql';
import { apolloLogger, createLogger, safeError } from '../../server/logger';

describe('what of an error is logged', () => {
  it('keeps name, code and stack frames, never the message, which may quote input', () => {
    const driverError = Object.assign(new Error('invalid input syntax for type uuid: "19121212-1212"\nsecond line "Tolvan Tolvansson"'), { code: '22P02' });
    const logged = JSON.stringify(safeError(driverError));
    expect(logged).not.toMatch(/19121212|Tolvan/);
    expect(safeError(driverError)).toEqual({ type: 'Error', code: '22P02', frames: expect.arrayContaining([expect.stringMatching(/^at /)]) });
  });

  it('keeps the code of a GraphQLError and of the cause', () => {
    const e = new GraphQLError('Variable "$i" got invalid value { givenName: "Tolvan" }', { extensions: { code: 'BAD_USER_INPUT' } });
    const outer = new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) });
    expect(JSON.stringify(safeError(e))).not.toContain('Tolvan');
    expect(safeError(e)).toEqual(expect.objectContaining({ type: 'GraphQLError', code: 'BAD_USER_INPUT' }));
    expect(safeError(outer)).toEqual(expect.objectContaining({ type: 'TypeError', cause: expect.objectContaining({ code: 'ECONNREFUSED' }) }));
  });
});

describe("Apollo Server's own log lines", () => {
  it('keep the text before the first colon, where Apollo appends an error', () => {
    const lines: Record<string, any>[] = [];
    const log = apolloLogger(createLogger('debug', { write: (line: string) => lines.push(JSON.parse(line)) }));
    log.error('Unexpected error processing request: Error: invalid input syntax for type uuid: "19380412-1234"');
    log.error(Object.assign(new Error('Tolvan Tolvansson'), { code: 'X1' }));
    expect(lines).toEqual([
      expect.objectContaining({ level: 50, source: 'apollo', msg: 'Unexpected error processing request' }),
      expect.objectContaining({ level: 50, source: 'apollo', error: expect.objectContaining({ code: 'X1' }) }),
    ]);
    expect(JSON.stringify(lines)).not.toMatch(/19380412|Tolvan/);
  });
});
