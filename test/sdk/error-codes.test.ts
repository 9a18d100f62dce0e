import { ERROR_CODES } from '../../client-sdk/src';
import { CLIENT_CODES } from '../../server/errors';

describe('the SDK error codes', () => {
  it('are exactly the codes the server lets a client see', () => {
    expect([...ERROR_CODES].sort()).toEqual([...CLIENT_CODES].sort());
  });
});
