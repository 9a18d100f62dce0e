import { GraphQLError } from 'graphql';
import { BadUserInputError, createFormatError } from '../../server/errors';

describe('error masking', () => {
  const logged: unknown[] = [];
  const logger = { error: (obj: unknown) => logged.push(obj) } as never;
  const format = createFormatError(logger);
  const asFormatted = (e: GraphQLError) => e.toJSON();

  beforeEach(() => (logged.length = 0));

  it('passes coded errors on as they are', () => {
    const e = new BadUserInputError('first must be between 1 and 100', 'first');
    expect(format(asFormatted(e), e)).toEqual(expect.objectContaining({ message: 'first must be between 1 and 100', extensions: { code: 'BAD_USER_INPUT', field: 'first' } }));
    expect(logged).toEqual([]);
  });

  it('masks an unexpected error thrown in a resolver and logs it without driver parameters', () => {
    const driverError = Object.assign(new Error('duplicate key value violates unique constraint'), { parameters: ['19121212-1212'], code: '23505' });
    const wrapped = new GraphQLError(driverError.message, { originalError: driverError, path: ['organisationCreate'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(format(asFormatted(wrapped), wrapped)).toEqual({ message: 'Internal server error', locations: undefined, path: ['organisationCreate'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(JSON.stringify(logged)).toContain('23505');
    expect(JSON.stringify(logged)).not.toContain('19121212-1212');
  });

  it('masks a GraphQLError without a client code', () => {
    const e = new GraphQLError('connection terminated');
    expect(format(asFormatted(e), e).message).toBe('Internal server error');
  });
});
