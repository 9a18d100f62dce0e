import http from 'node:http';
import { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { DataSource } from 'typeorm';
import { Access, AccessServices } from './access/access';
import { Clock, systemClock } from './access/request-scope';
import { ControlledClock } from './controlled-clock';
import { OPERATIONS } from '../resolvers/operations';
import { patientDataFields } from '../schema/operations';
import { auditRefusedRequests } from './access/audit-refused-request.plugin';
import { createAuthenticator } from './auth/authenticate';
import { loadIdentityNumberCipher } from './crypto/identity-number-cipher';
import { Config } from './config';
import type { Context } from './context';
import { createDataSource, migrateAndSeed } from './database/data-source';
import { scheduleAccessLogMonths } from './database/access-log-partitions';
import { seedExampleData } from './database/example-data';
import { EmbeddedDatabase, startEmbeddedDatabase } from './database/embedded';
import { StatementCounter } from './database/statement-counter';
import { errorLogPlugin } from './error-log.plugin';
import { UnauthenticatedError } from '../schema/common/errors';
import { formatError } from './errors';
import { jsonErrorHandler, notFound, requireUtf8 } from './http-errors';
import { inputHygienePlugin } from './input-hygiene';
import { jitGateway } from './jit-executor';
import { trustedDocuments } from './trusted-documents';
import { armor, costLimitPlugin } from './limits';
import { apolloLogger, Logger, safeError } from './logger';
import { requestLog } from './request-log';
import { buildAppSchema } from './schema';

export interface App {
  /** The GraphQL endpoint, e.g. http://127.0.0.1:4000/graphql. */
  url: string;
  port: number;
  dataSource: DataSource;
  /** SQL statements sent since start; tests compare it before and after a request. */
  statements: StatementCounter;
  /** What an Access is built from, for work outside a request (tests, jobs). */
  services: AccessServices;
  stop(): Promise<void>;
}

/**
 * Starts the whole server: database (embedded PGlite or DATABASE_URL), migrations and seed, the
 * GraphQL schema behind its limits and permissions, and HTTP with health routes.
 */
export async function startApp(config: Config, logger: Logger, givenClock: Clock = systemClock): Promise<App> {
  let embedded: EmbeddedDatabase | null = null;
  if (!config.databaseUrl) {
    embedded = await startEmbeddedDatabase(config.dataDir);
    logger.info({ dataDir: config.dataDir }, 'embedded database (PGlite) started');
  }
  const statements = new StatementCounter();
  const dataSource = createDataSource(config.databaseUrl ?? embedded!.url, config.poolSize, statements);
  // Before the seed: the example data's identity number is stored encrypted, as every patient's.
  const cipher = loadIdentityNumberCipher(config);
  if (config.databaseMigrationUrl) {
    // The owner's connections live only while it migrates and grants: one holds the advisory lock
    // (other instances may be starting), the other works.
    const owner = createDataSource(config.databaseMigrationUrl, 2, new StatementCounter(), 'samrehab-owner');
    await owner.initialize();
    try {
      await migrateAndSeed(owner, { shared: true, appRole: config.appRole, createAppRole: false });
      if (config.exampleData) await owner.transaction((manager) => seedExampleData(manager, cipher));
    } finally {
      await owner.destroy();
    }
    await dataSource.initialize();
  } else {
    await dataSource.initialize();
    // A pool of one (the embedded database) has no connection to spare for the lock.
    await migrateAndSeed(dataSource, { shared: config.poolSize > 1, appRole: config.appRole, createAppRole: true });
    if (config.exampleData) await dataSource.transaction((manager) => seedExampleData(manager, cipher));
  }

  // CLOCK=controlled: the deployment's clock, kept in the database, wins over the one passed in.
  const clock = config.clock === 'controlled' ? await ControlledClock.load(dataSource) : givenClock;
  if (config.clock === 'controlled') logger.warn({ now: clock.now().toISOString() }, 'controlled clock: a TENANT_ADMIN can move time forward (testClockAdvance)');

  const accessLogMonths = scheduleAccessLogMonths(dataSource, logger);
  const schema = await buildAppSchema();
  const authenticate = await createAuthenticator(config, dataSource);
  const services = { db: dataSource, appRole: config.appRole, logger, cipher, clock };
  const app = express();
  const httpServer = http.createServer(app);
  /** Set by stop(): readiness answers 503 from then on. */
  let stopping = false;
  const apollo = new ApolloServer<Context>({
    gateway: jitGateway(schema),
    ...armor(config.production),
    formatError,
    logger: apolloLogger(logger),
    includeStacktraceInErrorResponses: false,
    introspection: !config.production,
    hideSchemaDetailsFromClientErrors: config.production,
    // main.ts owns shutdown: it stops HTTP, the pool and the embedded database in order.
    stopOnTerminationSignals: false,
    plugins: [
      auditRefusedRequests(patientDataFields(OPERATIONS)),
      inputHygienePlugin,
      costLimitPlugin(schema),
      errorLogPlugin,
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ...(config.production ? [ApolloServerPluginLandingPageDisabled()] : []),
    ],
  });
  await apollo.start();

  app.disable('x-powered-by');
  // An ETag hashes every answer's body; GraphQL answers POSTs, which no cache revalidates.
  app.disable('etag');
  app.use(requestLog(logger));
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    if (stopping) {
      res.status(503).json({ status: 'shutting down' });
      return;
    }
    try {
      await dataSource.query('SELECT 1');
      res.json({ status: 'ready' });
    } catch (e) {
      res.locals.log.warn({ error: safeError(e) }, 'readiness check failed');
      res.status(503).json({ status: 'database unavailable' });
    }
  });
  app.use(
    '/graphql',
    requireUtf8,
    express.json({ limit: '1mb' }),
    trustedDocuments(config.trustedDocumentsOnly),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const requestServices = { ...services, logger: res.locals.log };
        try {
          return { access: Access.forRequest(await authenticate(req.headers.authorization, res.locals.log), res.locals.requestId, requestServices) };
        } catch (error) {
          // A refused token does not end the request here: its patient-data fields are logged as
          // UNAUTHENTICATED attempts, then refused (HTTP 401), as a request without a token is.
          if (error instanceof UnauthenticatedError) return { access: Access.forRequest(null, res.locals.requestId, requestServices, error) };
          throw error;
        }
      },
    }),
  );
  app.use(notFound);
  app.use(jsonErrorHandler);

  await new Promise<void>((resolve) => httpServer.listen(config.port, resolve));
  const port = (httpServer.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    port,
    dataSource,
    statements,
    services,
    /**
     * Graceful: /readyz turns 503 first and requests are still served for SHUTDOWN_GRACE_MS; then the
     * server stops accepting connections and lets in-flight requests finish (Apollo's drain plugin),
     * and only then closes the pool.
     */
    async stop() {
      stopping = true;
      accessLogMonths.stop();
      if (config.shutdownGraceMs > 0) await new Promise((resolve) => setTimeout(resolve, config.shutdownGraceMs));
      await apollo.stop();
      logger.debug('http server closed');
      await dataSource.destroy();
      logger.debug('database pool closed');
      await embedded?.stop();
      logger.debug('embedded database stopped');
    },
  };
}
