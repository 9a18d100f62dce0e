import { loadConfig } from '../../server/config';

describe('DATABASE_POOLER in the configuration', () => {
  it('keeps statements on connections unless a transaction-pooling proxy is named', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://app@db/samrehab' }).transactionPooler).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://app@bouncer:6432/samrehab', DATABASE_POOLER: 'transaction' }).transactionPooler).toBe(true);
  });

  it('refuses another pooling mode, and a pooler in front of the embedded database', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://app@bouncer/samrehab', DATABASE_POOLER: 'session' })).toThrow(/DATABASE_POOLER must be "transaction"/);
    expect(() => loadConfig({ DATABASE_POOLER: 'transaction' })).toThrow(/needs DATABASE_URL/);
  });
});
