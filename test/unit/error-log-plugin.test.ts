import { GraphQLError } from 'graphql';
import { errorLogPlugin } from '../../server/error-log.plugin';
import { BadUserInputError } from '../../schema/common/errors';
import { createLogger } from '../../server/logger';

/** The plugin that logs what a client is not meant to see, once per error, by code and path. */
describe('error log', () => {
  const run = async (errors: GraphQLError[], operationName = 'Handoff') => {
    const lines: Record<string, any>[] = [];
    const logger = createLogger('debug', { write: (line: string) => lines.push(JSON.parse(line)) }).child({ requestId: 'r-1' });
    const response = { http: { status: undefined as number | undefined, headers: new Map() } };
    const listener = (await errorLogPlugin.requestDidStart!({} as never))!;
    await listener.didEncounterErrors!({ errors, contextValue: { access: { logger } }, operationName } as never);
    await listener.willSendResponse!({ response } as never);
    return { lines, status: response.http.status };
  };
  const resolverError = (original: Error, path: string[]) => new GraphQLError(original.message, { originalError: original, path });

  it('logs an unexpected error once, with request id, code, path and operation, never its message', async () => {
    const driver = Object.assign(new Error('invalid input syntax for type uuid: "19380412-1234"'), { code: '22P02' });
    const { lines, status } = await run([resolverError(driver, ['patient'])]);
    expect(lines).toEqual([expect.objectContaining({ level: 50, requestId: 'r-1', msg: 'unexpected error', path: ['patient'], operation: 'Handoff', error: expect.objectContaining({ type: 'Error', code: '22P02' }) })]);
    expect(JSON.stringify(lines)).not.toContain('19380412');
    expect(status).toBeUndefined();
  });

  it("names a client's own operation name other: it could hold anything, a personnummer too", async () => {
    const driver = Object.assign(new Error('boom'), { code: '22P02' });
    const { lines } = await run([resolverError(driver, ['patient'])], 'Pnr193804121234');
    expect(lines).toEqual([expect.objectContaining({ msg: 'unexpected error', operation: 'other' })]);
    expect(JSON.stringify(lines)).not.toContain('193804121234');
  });

  it('does not log coded errors meant for the client', async () => {
    const { lines } = await run([resolverError(new BadUserInputError('first must be between 1 and 100', 'first'), ['organisations'])]);
    expect(lines).toEqual([]);
  });

  it('logs a lost database by code and turns the answer into 503', async () => {
    const { lines, status } = await run([resolverError(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }), ['patients'])]);
    expect(lines).toEqual([expect.objectContaining({ level: 50, msg: 'database unavailable', code: '57P01', requestId: 'r-1' })]);
    expect(status).toBe(503);
  });
});
