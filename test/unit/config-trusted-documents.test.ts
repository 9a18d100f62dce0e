import { loadConfig } from '../../server/config';

describe('TRUSTED_DOCUMENTS', () => {
  it('is off unless set to "only", and refuses any other value at start', () => {
    expect(loadConfig({}).trustedDocumentsOnly).toBe(false);
    expect(loadConfig({ TRUSTED_DOCUMENTS: 'only' }).trustedDocumentsOnly).toBe(true);
    expect(() => loadConfig({ TRUSTED_DOCUMENTS: 'yes' })).toThrow('TRUSTED_DOCUMENTS must be "only" or unset');
  });
});
