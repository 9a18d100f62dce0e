import { loadConfig } from '../../server/config';

const PRODUCTION = { NODE_ENV: 'production', AUTH_ISSUER: 'https://idp.example', AUTH_AUDIENCE: 'samrehab', AUTH_JWKS_URL: 'https://idp.example/jwks', PATIENT_DATA_KEY: 'a'.repeat(44) };

describe('SHUTDOWN_GRACE_MS', () => {
  it('is 5 s in production and none in development, unless set', () => {
    expect(loadConfig(PRODUCTION).shutdownGraceMs).toBe(5000);
    expect(loadConfig({}).shutdownGraceMs).toBe(0);
    expect(loadConfig({ ...PRODUCTION, SHUTDOWN_GRACE_MS: '15000' }).shutdownGraceMs).toBe(15000);
  });

  it('refuses anything but whole milliseconds from 0 to 10 minutes at start', () => {
    for (const value of ['-1', '1.5', 'soon', '600001']) expect(() => loadConfig({ SHUTDOWN_GRACE_MS: value })).toThrow('SHUTDOWN_GRACE_MS must be a whole number of milliseconds');
  });
});
