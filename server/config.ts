import path from 'node:path';

/** Runtime configuration, read once from the environment. See README "Environment". */
export interface Config {
  port: number;
  /** A PostgreSQL URL, or null for the embedded PGlite database under `dataDir`. */
  databaseUrl: string | null;
  dataDir: string;
  production: boolean;
  logLevel: string;
  auth: {
    /** Issuer, audience and JWKS URL of the OIDC provider; all three are required in production. */
    issuer: string;
    audience: string;
    jwksUrl: string | null;
  };
  /** Connections in the pool: PGlite serves one connection at a time. */
  poolSize: number;
  /** Master key (base64, 32 bytes) protecting identity numbers at rest; required in production. */
  patientDataKey: string | null;
}

export const DEV_ISSUER = 'samrehab-dev';
export const DEV_AUDIENCE = 'samrehab';

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production';
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  const jwksUrl = env.AUTH_JWKS_URL?.trim() || null;
  if (production && (!jwksUrl || !env.AUTH_ISSUER || !env.AUTH_AUDIENCE)) {
    throw new Error('NODE_ENV=production needs AUTH_ISSUER, AUTH_AUDIENCE and AUTH_JWKS_URL: development tokens are not accepted there');
  }
  const patientDataKey = env.PATIENT_DATA_KEY?.trim() || null;
  if (production && !patientDataKey) {
    throw new Error('NODE_ENV=production needs PATIENT_DATA_KEY (32 random bytes, base64): the development key under DATA_DIR is not for real patients');
  }
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got ${env.PORT}`);
  return {
    port,
    databaseUrl,
    dataDir: path.resolve(env.DATA_DIR ?? 'data'),
    production,
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info'),
    auth: {
      issuer: env.AUTH_ISSUER ?? DEV_ISSUER,
      audience: env.AUTH_AUDIENCE ?? DEV_AUDIENCE,
      jwksUrl,
    },
    poolSize: databaseUrl ? Number(env.DATABASE_POOL_SIZE ?? 10) : 1,
    patientDataKey,
  };
}
