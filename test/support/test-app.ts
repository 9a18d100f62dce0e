import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Access } from '../../server/access/access';
import { App, startApp } from '../../server/app';
import { signDevToken } from '../../server/auth/dev-keys';
import { Config, DEFAULT_APP_ROLE, loadConfig } from '../../server/config';
import { createLogger } from '../../server/logger';
import { seededOrganisationId } from '../../entities/seed/seed';
import { Role } from '../../domain/enums';

export interface GraphQLResponse<T = any> {
  status: number;
  /** The x-request-id header: the key of the request's access-log rows. */
  requestId: string | null;
  data?: T;
  errors?: { message: string; extensions?: { code?: string; field?: string; [k: string]: unknown }; path?: string[] }[];
}

export interface TestApp extends App {
  config: Config;
  /** POSTs a GraphQL operation over HTTP, as a client would. */
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string | null): Promise<GraphQLResponse<T>>;
  /** A development token for a seeded organisation code (see `npm run token`) or id. */
  token(org: string, ...roles: Role[]): Promise<string>;
  /** A development token of a user at one care unit of the organisation (the token's care_unit claim). */
  unitToken(org: string, careUnitId: string, ...roles: Role[]): Promise<string>;
  /** Statements the server sends while `run` executes. */
  countStatements(run: () => Promise<unknown>): Promise<number>;
  /** A viewer-bound Access outside any request, as a feature's own code would use it. */
  accessAs(org: string, ...roles: Role[]): Promise<Access>;
  /** Sets the server's clock to `instant` (null: the system clock again), to run deadlines through time. */
  setNow(instant: Date | string | null): void;
  /** Access-log rows a request wrote. */
  logRows(requestId: string | null): Promise<{ outcome: string; action: string; patientId: string | null }[]>;
}

export const backend = () => process.env.SAMREHAB_TEST_BACKEND ?? 'pglite';

/** The config the suites run with: the run's database, a pool of 1 for PGlite. */
export function testConfig(overrides: NodeJS.ProcessEnv = {}): Config {
  const url = process.env.SAMREHAB_TEST_DATABASE_URL!;
  return loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    DATABASE_URL: url,
    // Production keeps the roles apart: the run's superuser migrates as the owner, the server logs
    // in as the app role (global-setup.ts creates it; PGlite has one user and ignores the name).
    ...(overrides.NODE_ENV === 'production' ? { DATABASE_URL: urlAs(url, DEFAULT_APP_ROLE), DATABASE_MIGRATION_URL: url } : {}),
    DATABASE_POOL_SIZE: backend() === 'pglite' ? '1' : '4',
    DATA_DIR: process.env.SAMREHAB_TEST_DATA_DIR,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    // Suites stop their servers at once; graceful-shutdown.test.ts sets a grace of its own.
    SHUTDOWN_GRACE_MS: '0',
    // The run's URL may go through a transaction-pooling proxy (.ci/pgbouncer.sh).
    DATABASE_POOLER: process.env.DATABASE_POOLER,
    ...overrides,
  });
}

/** The same database, logged in as another user. */
export function urlAs(url: string, user: string): string {
  // Not `new URL`: the embedded database's URL names a socket directory and has no host.
  return url.replace(/^(postgres(?:ql)?:\/\/)(?:[^@/]*@)?/, `$1${encodeURIComponent(user)}@`);
}

/** Lines the server logged, parsed, and everything written to the log, as text. */
export interface CapturedLog {
  stream: { write(line: string): void };
  lines: Record<string, any>[];
  text(): string;
}

/** A log destination that keeps what the server writes, for tests that read its logs. */
export function captureLog(): CapturedLog {
  const chunks: string[] = [];
  const lines: Record<string, any>[] = [];
  return {
    stream: {
      write(chunk: string) {
        chunks.push(chunk);
        for (const line of chunk.split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      },
    },
    lines,
    text: () => chunks.join(''),
  };
}

/** `log`: where the server's log goes (at LOG_LEVEL, e.g. 'debug'), instead of stdout. */
export async function startTestApp(overrides: NodeJS.ProcessEnv = {}, options: { log?: CapturedLog } = {}): Promise<TestApp> {
  const config = testConfig(overrides);
  let fixedNow: Date | null = null;
  const sign = (org: string, careUnitId: string | null, roles: Role[]) =>
    signDevToken(config.dataDir, {
      userId: `test-${careUnitId ? 'unit-' : ''}${roles.join('-').toLowerCase()}`,
      organisationId: seededOrganisationId(org) ?? org,
      careUnitId: careUnitId ?? undefined,
      roles,
    });
  const app = await startApp(config, createLogger(config.logLevel, options.log?.stream), { now: () => fixedNow ?? new Date() });
  return {
    ...app,
    config,
    setNow(instant) {
      fixedNow = instant === null ? null : new Date(instant);
    },
    async gql(query, variables, token) {
      const res = await fetch(app.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, requestId: res.headers.get('x-request-id'), ...((await res.json()) as object) };
    },
    token(org, ...roles) {
      return sign(org, null, roles);
    },
    unitToken(org, careUnitId, ...roles) {
      return sign(org, careUnitId, roles);
    },
    async accessAs(org, ...roles) {
      const organisationId = seededOrganisationId(org) ?? org;
      const [row] = await app.dataSource.query('SELECT region_id FROM organisation WHERE id = $1', [organisationId]);
      const viewer = { userId: `test-${org}`, organisationId, careUnitId: null, regionId: row.region_id, roles: new Set(roles) };
      return Access.forRequest(viewer, randomUUID(), app.services);
    },
    async logRows(requestId) {
      if (!requestId) return [];
      return app.dataSource.query(`SELECT outcome, action, patient_id AS "patientId" FROM access_log WHERE request_id = $1 ORDER BY id`, [requestId]);
    },
    async countStatements(run) {
      const before = app.statements.total;
      await run();
      return app.statements.total - before;
    },
  };
}

/** The error codes of a response, in order. */
export const codes = (res: GraphQLResponse) => (res.errors ?? []).map((e) => e.extensions?.code);

/** The `extensions.reason` of each error of a response, in order (CONFLICT: STALE_VERSION, DUPLICATE, ILLEGAL_STATE). */
export const reasons = (res: GraphQLResponse) => (res.errors ?? []).map((e) => e.extensions?.reason);
