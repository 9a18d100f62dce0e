import { decideClockAdvance } from '../../domain/test-clock';
import { loadConfig } from '../../server/config';

describe('moving a controlled clock', () => {
  const real = new Date('2026-12-03T10:00:00Z');
  const now = new Date('2027-01-01T00:00:00Z'); // running 29 days 14 hours ahead
  const offset = now.getTime() - real.getTime();

  it('moves forward by growing the distance from the real time', () => {
    expect(decideClockAdvance(now, new Date('2027-03-25T14:00:00Z'), real, offset)).toEqual({ offsetMs: Date.parse('2027-03-25T14:00:00Z') - real.getTime() });
    expect(decideClockAdvance(now, now, real, offset)).toEqual({ offsetMs: offset });
  });

  it('never moves back, naming `to`', () => {
    expect(decideClockAdvance(now, new Date('2026-12-31T23:59:59Z'), real, offset)).toEqual({ refused: expect.stringMatching(/^to: .*only moves forward/) });
  });
});

describe('CLOCK in the configuration', () => {
  const PRODUCTION = {
    NODE_ENV: 'production',
    AUTH_ISSUER: 'https://issuer.example',
    AUTH_AUDIENCE: 'samrehab',
    AUTH_JWKS_URL: 'https://issuer.example/jwks',
    PATIENT_DATA_KEY: Buffer.alloc(32, 1).toString('base64'),
  };

  it('is the system clock unless CLOCK=controlled', () => {
    expect(loadConfig({}).clock).toBe('system');
    expect(loadConfig({ CLOCK: 'controlled' }).clock).toBe('controlled');
    expect(() => loadConfig({ CLOCK: 'fake' })).toThrow('CLOCK must be system or controlled, got "fake"');
  });

  it('refuses a controlled clock in production in one line', () => {
    expect(loadConfig(PRODUCTION).clock).toBe('system');
    expect(() => loadConfig({ ...PRODUCTION, CLOCK: 'controlled' })).toThrow(/^CLOCK=controlled is refused with NODE_ENV=production[^\n]*$/);
  });
});
