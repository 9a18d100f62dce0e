import path from 'node:path';
import { parse } from 'pg-connection-string';
import { assertRoleName } from './database/app-role';

/** Runtime configuration, read once from the environment. See README "Environment". */
export interface Config {
  port: number;
  /** The app role's PostgreSQL URL, or null for the embedded PGlite database under `dataDir`. */
  databaseUrl: string | null;
  /**
   * The owner's URL: migrations, the reference seed and the grants run as the tables' owner, and
   * the connection closes after start-up. Null: `databaseUrl` serves both (development).
   */
  databaseMigrationUrl: string | null;
  /**
   * The role the application acts as in every transaction: it owns nothing and is subject to
   * row-level security. The DATABASE_URL user when the owner has a URL of its own, else
   * DATABASE_APP_ROLE (created by the owner's start-up when missing).
   */
  appRole: string;
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
  /**
   * The app role's URL on a streaming replica (DATABASE_READ_URL), or null: the planners' aggregates
   * read there while it is up and no more than `maxLagMs` behind, else from the primary
   * (server/database/read-replica.ts).
   */
  readReplica: { url: string; maxLagMs: number; checkIntervalMs: number } | null;
  /**
   * DATABASE_POOLER=transaction: DATABASE_URL goes through a transaction-pooling proxy (pgbouncer),
   * which hands each transaction any server connection, so no statement may rely on one kept on a
   * connection: every statement is sent unnamed (TenantDb.reusingPlans plans each time).
   */
  transactionPooler: boolean;
  /** Master key (base64, 32 bytes) protecting identity numbers at rest; required in production. */
  patientDataKey: string | null;
  /**
   * Where "now" comes from: the system clock, or (CLOCK=controlled, never in production) a clock a
   * TENANT_ADMIN moves forward through `testClockAdvance`, kept in the database.
   */
  clock: 'system' | 'controlled';
  /** TRUSTED_DOCUMENTS=only: run only the SDK's operations, named by documentId (server/trusted-documents.ts). */
  trustedDocumentsOnly: boolean;
  /**
   * Whether start-up writes the example data (Åland's worked example, server/database/example-data.ts):
   * EXAMPLE_DATA=true or false; by default on outside production, so that real deployments never
   * hold an invented person.
   */
  exampleData: boolean;
  /**
   * DEMO_DATA=true: start-up fills Region Dalarna with demo data (server/database/demo-data.ts)
   * when it has none, the embedded database's way to `npm run seed:demo` while the server holds it.
   * Refused in production; off by default.
   */
  demoData: boolean;
  /**
   * SHUTDOWN_GRACE_MS: how long, after SIGTERM, /readyz answers 503 while requests are still served,
   * so that a load balancer stops sending new ones before the server stops accepting them.
   */
  shutdownGraceMs: number;
  /**
   * CORS_ORIGINS: the other origins (comma-separated, exact `scheme://host[:port]`) whose pages may
   * call /graphql, e.g. a planners' dashboard hosted elsewhere; none by default. `*` allows any
   * origin and is refused in production.
   */
  corsOrigins: string[];
  /**
   * METRICS_TOKEN: the bearer token a Prometheus scraper sends to read /metrics. Unset: /metrics is
   * open in development and not served in production.
   */
  metricsToken: string | null;
  /**
   * DASHBOARD_CLIENT_ID: the dashboard's client id at the OIDC issuer (authorization code with PKCE);
   * /dashboard/config.json passes it to the page. Null: no OIDC sign-in is offered.
   */
  dashboardClientId: string | null;
  tracing: {
    /**
     * OTEL_EXPORTER_OTLP_ENDPOINT (or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT), the OpenTelemetry
     * standard variables: where spans are sent over OTLP/HTTP. Unset: no tracing at all.
     */
    endpoint: string | null;
    /**
     * TRACE_RESOLVER_MIN_MS: a resolver gets a span of its own only when it took at least this long;
     * `off` (null): no resolver spans, and no per-field timing at all.
     */
    resolverMinMs: number | null;
  };
}

export const DEV_ISSUER = 'samrehab-dev';
export const DEV_AUDIENCE = 'samrehab';
export const DEFAULT_APP_ROLE = 'samrehab_app';

/** The user a PostgreSQL URL logs in as. */
function urlUser(url: string): string {
  // node-postgres's own parser: the embedded database's URL names a socket directory and no host.
  const user = parse(url).user ?? '';
  if (!user) throw new Error('DATABASE_URL must name its user (the app role) when DATABASE_MIGRATION_URL is set');
  return user;
}

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
  const databaseMigrationUrl = env.DATABASE_MIGRATION_URL?.trim() || null;
  if (databaseMigrationUrl && !databaseUrl) {
    throw new Error('DATABASE_MIGRATION_URL needs DATABASE_URL: the embedded database has both roles inside');
  }
  if (production && databaseUrl && !databaseMigrationUrl) {
    throw new Error('NODE_ENV=production with DATABASE_URL needs DATABASE_MIGRATION_URL: the app role must not own the tables it writes');
  }
  const appRole = assertRoleName(databaseMigrationUrl ? urlUser(databaseUrl!) : (env.DATABASE_APP_ROLE?.trim() || DEFAULT_APP_ROLE));
  const clock = env.CLOCK?.trim() || 'system';
  if (clock !== 'system' && clock !== 'controlled') throw new Error(`CLOCK must be system or controlled, got ${JSON.stringify(clock)}`);
  if (production && clock === 'controlled') {
    throw new Error('CLOCK=controlled is refused with NODE_ENV=production: a clock anyone can move forward is for test deployments only');
  }
  const trustedDocuments = env.TRUSTED_DOCUMENTS?.trim() || null;
  if (trustedDocuments !== null && trustedDocuments !== 'only') throw new Error(`TRUSTED_DOCUMENTS must be "only" or unset, got ${trustedDocuments}`);
  const shutdownGraceMs = Number(env.SHUTDOWN_GRACE_MS?.trim() || (production ? 5000 : 0));
  if (!Number.isInteger(shutdownGraceMs) || shutdownGraceMs < 0 || shutdownGraceMs > 600_000) {
    throw new Error(`SHUTDOWN_GRACE_MS must be a whole number of milliseconds from 0 to 600000, got ${env.SHUTDOWN_GRACE_MS}`);
  }
  const readReplica = readReplicaSetting(env, databaseUrl);
  const pooler = env.DATABASE_POOLER?.trim() || null;
  if (pooler !== null && pooler !== 'transaction') throw new Error(`DATABASE_POOLER must be "transaction" or unset, got ${JSON.stringify(pooler)}`);
  const corsOrigins = corsOriginsSetting(env.CORS_ORIGINS, production);
  const metricsToken = env.METRICS_TOKEN?.trim() || null;
  if (metricsToken !== null && metricsToken.length < 16) throw new Error('METRICS_TOKEN must be at least 16 characters: it guards the metrics of a deployment');
  const resolverSetting = env.TRACE_RESOLVER_MIN_MS?.trim() || '10';
  const resolverMinMs = resolverSetting === 'off' ? null : Number(resolverSetting);
  if (resolverMinMs !== null && (!Number.isFinite(resolverMinMs) || resolverMinMs < 0)) {
    throw new Error(`TRACE_RESOLVER_MIN_MS must be a number of milliseconds, 0 or more, or off, got ${env.TRACE_RESOLVER_MIN_MS}`);
  }
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got ${env.PORT}`);
  return {
    port,
    databaseUrl,
    databaseMigrationUrl,
    appRole,
    dataDir: path.resolve(env.DATA_DIR ?? 'data'),
    production,
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info'),
    auth: {
      issuer: env.AUTH_ISSUER ?? DEV_ISSUER,
      audience: env.AUTH_AUDIENCE ?? DEV_AUDIENCE,
      jwksUrl,
    },
    poolSize: databaseUrl ? Number(env.DATABASE_POOL_SIZE ?? 10) : 1,
    readReplica,
    // It says how DATABASE_URL is reached: the embedded database has no proxy in front.
    transactionPooler: pooler === 'transaction' && databaseUrl !== null,
    patientDataKey,
    clock,
    trustedDocumentsOnly: trustedDocuments === 'only',
    exampleData: exampleDataSetting(env.EXAMPLE_DATA, production),
    demoData: demoDataSetting(env.DEMO_DATA, production),
    shutdownGraceMs,
    corsOrigins,
    metricsToken,
    dashboardClientId: env.DASHBOARD_CLIENT_ID?.trim() || null,
    tracing: {
      endpoint: tracingEndpoint(env),
      resolverMinMs,
    },
  };
}

/** A whole number of milliseconds from `min` to `max`, or `fallback` when unset. */
function milliseconds(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const value = Number(env[name]?.trim() || fallback);
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`${name} must be a whole number of milliseconds from ${min} to ${max}, got ${env[name]}`);
  return value;
}

function readReplicaSetting(env: NodeJS.ProcessEnv, databaseUrl: string | null): Config['readReplica'] {
  const url = env.DATABASE_READ_URL?.trim() || null;
  if (!url) return null;
  if (!databaseUrl) throw new Error('DATABASE_READ_URL needs DATABASE_URL: the embedded database has no replica');
  return {
    url,
    maxLagMs: milliseconds(env, 'DATABASE_READ_MAX_LAG_MS', 30_000, 1, 86_400_000),
    checkIntervalMs: milliseconds(env, 'DATABASE_READ_CHECK_MS', 2_000, 10, 60_000),
  };
}

/** CORS_ORIGINS as a list of exact origins: each as a browser sends it in the Origin header (no path, no trailing slash). */
function corsOriginsSetting(value: string | undefined, production: boolean): string[] {
  const origins = (value ?? '').split(',').map((o) => o.trim()).filter((o) => o !== '');
  for (const origin of origins) {
    if (origin === '*') {
      if (production) throw new Error('CORS_ORIGINS=* is refused with NODE_ENV=production: name the dashboards\' origins');
      continue;
    }
    let parsed: URL | null = null;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = null;
    }
    if (parsed === null || parsed.origin !== origin || !/^https?:$/.test(parsed.protocol)) {
      throw new Error(`CORS_ORIGINS must list origins such as https://dashboard.example.se (scheme, host and port only), got ${JSON.stringify(origin)}`);
    }
  }
  return origins;
}

/** Where spans go (the OpenTelemetry standard variables), or null: no tracing. */
export function tracingEndpoint(env: NodeJS.ProcessEnv): string | null {
  return env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim() || env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim() || null;
}

function exampleDataSetting(value: string | undefined, production: boolean): boolean {
  const setting = value?.trim();
  if (!setting) return !production;
  if (setting !== 'true' && setting !== 'false') throw new Error(`EXAMPLE_DATA must be true or false, got ${JSON.stringify(setting)}`);
  return setting === 'true';
}

function demoDataSetting(value: string | undefined, production: boolean): boolean {
  const setting = value?.trim() || 'false';
  if (setting !== 'true' && setting !== 'false') throw new Error(`DEMO_DATA must be true or false, got ${JSON.stringify(setting)}`);
  if (production && setting === 'true') throw new Error('DEMO_DATA=true is refused with NODE_ENV=production: demo data would mix invented patients into real statistics');
  return setting === 'true';
}
