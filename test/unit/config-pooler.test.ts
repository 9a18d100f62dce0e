import { loadConfig } from '../../server/config';

describe('DATABASE_POOLER in the configuration', () => {
  it('keeps statements on connections unless a transaction-pooling proxy is named', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://app@db/samrehab' }).transactionPooler).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://app@bouncer:6432/samrehab', DATABASE_POOLER: 'transaction' }).transactionPooler).toBe(true);
  });

  it('refuses another pooling mode', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://app@bouncer/samrehab', DATABASE_POOLER: 'session' })).toThrow(/DATABASE_POOLER must be "transaction"/);
  });

  it('says how DATABASE_URL is reached: without it (the embedded database) there is no proxy in front', () => {
    expect(loadConfig({ DATABASE_POOLER: 'transaction' }).transactionPooler).toBe(false);
  });
});
