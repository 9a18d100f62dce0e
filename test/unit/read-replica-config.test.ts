import { loadConfig } from '../../server/config';
import { lagBound, readsShown } from '../../server/database/read-replica';

const URL = 'postgres://samrehab_app@primary/samrehab';
const READ_URL = 'postgres://samrehab_app@replica/samrehab';

describe('DATABASE_READ_URL and its bounds', () => {
  it('is off unless set; set, it bounds the lag to 30 s and checks every 2 s unless told otherwise', () => {
    expect(loadConfig({ DATABASE_URL: URL }).readReplica).toBeNull();
    expect(loadConfig({ DATABASE_URL: URL, DATABASE_READ_URL: READ_URL }).readReplica).toEqual({ url: READ_URL, maxLagMs: 30_000, checkIntervalMs: 2_000 });
    expect(loadConfig({ DATABASE_URL: URL, DATABASE_READ_URL: READ_URL, DATABASE_READ_MAX_LAG_MS: '5000', DATABASE_READ_CHECK_MS: '500' }).readReplica).toEqual({
      url: READ_URL,
      maxLagMs: 5_000,
      checkIntervalMs: 500,
    });
  });

  it('refuses a replica of the embedded database and bounds that are not whole milliseconds at start', () => {
    expect(() => loadConfig({ DATABASE_READ_URL: READ_URL })).toThrow('DATABASE_READ_URL needs DATABASE_URL');
    for (const value of ['0', '-5', '1.5', 'soon']) {
      expect(() => loadConfig({ DATABASE_URL: URL, DATABASE_READ_URL: READ_URL, DATABASE_READ_MAX_LAG_MS: value })).toThrow('DATABASE_READ_MAX_LAG_MS must be a whole number of milliseconds');
    }
    expect(() => loadConfig({ DATABASE_URL: URL, DATABASE_READ_URL: READ_URL, DATABASE_READ_CHECK_MS: '5' })).toThrow('DATABASE_READ_CHECK_MS must be a whole number of milliseconds');
  });
});

describe("a replica's lag", () => {
  const NOW = 1_000_000;

  it('is at most the age of the last transaction it replayed, or the time since a sample of the primary it has replayed, whichever is less', () => {
    expect(lagBound(NOW, 45_000, NOW - 2_000)).toBe(2_000);
    expect(lagBound(NOW, 800, NOW - 2_000)).toBe(800);
    expect(lagBound(NOW, 45_000.4, null)).toBe(45_000);
  });

  it('is unknown when the replica has replayed neither since it started', () => {
    expect(lagBound(NOW, null, null)).toBeNull();
  });

  it('is never negative, whatever the clocks of the primary and the replica say', () => {
    expect(lagBound(NOW, -300, null)).toBe(0);
  });
});

describe('/readyz on where reads go', () => {
  it('names the replica, or the primary and why', () => {
    expect(readsShown({ state: 'replica', lagMs: 120, reason: null })).toBe('replica');
    expect(readsShown({ state: 'primary-fallback', lagMs: null, reason: 'down' })).toBe('primary (replica down)');
    expect(readsShown({ state: 'primary-fallback', lagMs: 45_300, reason: 'lagging' })).toBe('primary (replica lagging 45 s)');
    expect(readsShown({ state: 'primary-fallback', lagMs: 120, reason: 'lagging' })).toBe('primary (replica lagging 120 ms)');
    expect(readsShown({ state: 'primary-fallback', lagMs: null, reason: 'not a standby' })).toBe('primary (replica not a standby)');
  });
});
