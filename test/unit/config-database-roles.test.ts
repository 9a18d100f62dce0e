import { loadConfig } from '../../server/config';

const PRODUCTION = {
  NODE_ENV: 'production',
  AUTH_ISSUER: 'https://issuer.example',
  AUTH_AUDIENCE: 'samrehab',
  AUTH_JWKS_URL: 'https://issuer.example/jwks',
  PATIENT_DATA_KEY: Buffer.alloc(32, 1).toString('base64'),
};

describe('database roles in the configuration', () => {
  it('acts as samrehab_app (or DATABASE_APP_ROLE) when one URL serves both roles', () => {
    expect(loadConfig({}).appRole).toBe('samrehab_app');
    expect(loadConfig({ DATABASE_URL: 'postgres://dev@db/samrehab' })).toEqual(
      expect.objectContaining({ appRole: 'samrehab_app', databaseMigrationUrl: null }),
    );
    expect(loadConfig({ DATABASE_URL: 'postgres://dev@db/samrehab', DATABASE_APP_ROLE: 'tenant_app' }).appRole).toBe('tenant_app');
  });

  it("acts as DATABASE_URL's user when the owner has a URL of its own", () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://app_user:secret@db/samrehab', DATABASE_MIGRATION_URL: 'postgres://owner:secret@db/samrehab' });
    expect(config).toEqual(expect.objectContaining({ appRole: 'app_user', databaseMigrationUrl: 'postgres://owner:secret@db/samrehab' }));
  });

  it('requires the owner URL in production, and a database beside it', () => {
    expect(() => loadConfig({ ...PRODUCTION, DATABASE_URL: 'postgres://app@db/samrehab' })).toThrow(/DATABASE_MIGRATION_URL/);
    expect(loadConfig({ ...PRODUCTION, DATABASE_URL: 'postgres://app@db/samrehab', DATABASE_MIGRATION_URL: 'postgres://owner@db/samrehab' }).appRole).toBe('app');
    expect(() => loadConfig({ DATABASE_MIGRATION_URL: 'postgres://owner@db/samrehab' })).toThrow(/needs DATABASE_URL/);
  });

  it('refuses a role name that is not a plain identifier (it is written into SQL)', () => {
    expect(() => loadConfig({ DATABASE_APP_ROLE: 'app; DROP TABLE patient' })).toThrow(/lower-case letters/);
    expect(() => loadConfig({ DATABASE_URL: 'postgres://App%22x@db/s', DATABASE_MIGRATION_URL: 'postgres://owner@db/s' })).toThrow(/lower-case letters/);
  });
});
