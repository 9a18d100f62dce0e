import { CONFLICT_REASONS, ERROR_CODES } from '../../client-sdk/src';
import { ConflictReason } from '../../schema/common/errors';
import { CLIENT_CODES } from '../../server/errors';

describe('the SDK error codes', () => {
  it('are exactly the codes the server lets a client see', () => {
    expect([...ERROR_CODES].sort()).toEqual([...CLIENT_CODES].sort());
  });

  it('name every reason the server gives for a CONFLICT', () => {
    expect([...CONFLICT_REASONS].sort()).toEqual(Object.values(ConflictReason).sort());
  });
});
