import { GraphQLError } from 'graphql';
import { BadUserInputError } from '../../schema/common/errors';
import { formatError } from '../../server/errors';

describe('error masking', () => {
  const asFormatted = (e: GraphQLError) => e.toJSON();

  it('passes coded errors on as they are', () => {
    const e = new BadUserInputError('first must be between 1 and 100', 'first');
    expect(formatError(asFormatted(e), e)).toEqual(expect.objectContaining({ message: 'first must be between 1 and 100', extensions: { code: 'BAD_USER_INPUT', field: 'first' } }));
  });

  it('masks an unexpected error thrown in a resolver', () => {
    const driverError = Object.assign(new Error('duplicate key value violates unique constraint'), { parameters: ['19121212-1212'], code: '23505' });
    const wrapped = new GraphQLError(driverError.message, { originalError: driverError, path: ['organisationCreate'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(formatError(asFormatted(wrapped), wrapped)).toEqual({ message: 'Internal server error', locations: undefined, path: ['organisationCreate'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });

  it('masks a GraphQLError without a client code', () => {
    const e = new GraphQLError('something odd');
    expect(formatError(asFormatted(e), e).message).toBe('Internal server error');
  });

  it('answers a lost database connection as SERVICE_UNAVAILABLE', () => {
    for (const cause of [new Error('Connection terminated unexpectedly'), Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }), Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })]) {
      const wrapped = new GraphQLError(cause.message, { originalError: cause, path: ['patients'] });
      expect(formatError(asFormatted(wrapped), wrapped)).toEqual(expect.objectContaining({ extensions: { code: 'SERVICE_UNAVAILABLE' } }));
    }
  });
});
