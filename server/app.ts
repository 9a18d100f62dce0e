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
import { cors } from './cors';
import { mountDashboard } from './dashboard';
import { mountExplorer } from './explorer';
import type { Context } from './context';
import { createDataSource, migrateAndSeed } from './database/data-source';
import { NO_REPLICA, ReadReplica, ReplicaStatus, readsShown } from './database/read-replica';
import { ReadRouting } from './access/read-routing';
import { readRoutingPlugin } from './read-routing.plugin';
import { seedDemoDataAtStart } from './database/demo-data-at-start';
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
import { metricsPlugin } from './metrics/metrics.plugin';
import { tracingEnabled } from './tracing/tracer';
import { tracingPlugin } from './tracing/tracing.plugin';
import { metricsRoute } from './metrics/metrics-route';
import { PoolState, setPoolSource, setReplicaLagSource } from './metrics/registry';

export interface App {
  /** The GraphQL endpoint, e.g. http://127.0.0.1:4000/graphql. */
  url: string;
  port: number;
  dataSource: DataSource;
  /** SQL statements sent since start; tests compare it before and after a request. */
  statements: StatementCounter;
  /** What an Access is built from, for work outside a request (tests, jobs). */
  services: AccessServices;
  /** The read replica (DATABASE_READ_URL), or null. */
  readReplica: ReadReplica | null;
  /** Where reads that tolerate lag go now and the replica's lag, as /readyz shows them (state `none` without a replica). */
  replicaStatus(): ReplicaStatus;
  stop(): Promise<void>;
}

/**
 * Starts the whole server: database (embedded PGlite or DATABASE_URL), migrations and seed, the
 * GraphQL schema behind its limits and permissions, and HTTP with health routes.
 */
export async function startApp(config: Config, logger: Logger, givenClock: Clock = systemClock): Promise<App> {
  let embedded: EmbeddedDatabase | null = null;
  if (!config.databaseUrl) {
    // The pool has one connection; the second slot is for npm run seed:demo while the server runs
    // (PGlite's socket server queues the two, a transaction's statements together).
    embedded = await startEmbeddedDatabase(config.dataDir, { maxConnections: 2 });
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
      await migrateAndSeed(owner, { shared: true, appRole: config.appRole, createAppRole: false, transactionPooler: config.transactionPooler });
      if (config.exampleData) await owner.transaction((manager) => seedExampleData(manager, cipher));
    } finally {
      await owner.destroy();
    }
    await dataSource.initialize();
  } else {
    await dataSource.initialize();
    // A pool of one (the embedded database) has no connection to spare for the lock.
    await migrateAndSeed(dataSource, { shared: config.poolSize > 1, appRole: config.appRole, createAppRole: true, transactionPooler: config.transactionPooler });
    if (config.exampleData) await dataSource.transaction((manager) => seedExampleData(manager, cipher));
  }

  // CLOCK=controlled: the deployment's clock, kept in the database, wins over the one passed in.
  const clock = config.clock === 'controlled' ? await ControlledClock.load(dataSource) : givenClock;
  if (config.clock === 'controlled') logger.warn({ now: clock.now().toISOString() }, 'controlled clock: a TENANT_ADMIN can move time forward (testClockAdvance)');
  if (config.demoData) await seedDemoDataAtStart(config, dataSource, cipher, clock.now(), logger);

  // After the migrations: the replica has the schema once it has replayed them. Down or behind, the
  // server starts all the same and reads from the primary.
  const readReplica = config.readReplica
    ? await ReadReplica.open(config.readReplica.url, config.poolSize, dataSource, config.readReplica, logger)
    : null;
  // The replica-lag gauge shows the last check's lag, in seconds; none without a replica.
  setReplicaLagSource(readReplica ? () => (readReplica.status().lagMs === null ? null : readReplica.status().lagMs! / 1000) : null);
  const reads = readReplica ? new ReadRouting(readReplica, config.readReplica!.maxLagMs + config.readReplica!.checkIntervalMs) : ReadRouting.primaryOnly();

  const poolState = poolStateOf(dataSource);
  setPoolSource(poolState);

  const accessLogMonths = scheduleAccessLogMonths(dataSource, logger);
  const schema = await buildAppSchema();
  const authenticate = await createAuthenticator(config, dataSource);
  const services = { db: dataSource, appRole: config.appRole, logger, cipher, clock, reads, keepPlans: !config.transactionPooler };
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
      metricsPlugin,
      ...(tracingEnabled() ? [tracingPlugin(config.tracing.resolverMinMs)] : []),
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ...(readReplica ? [readRoutingPlugin()] : []),
      // No Apollo landing page (it loads from a CDN): development has the explorer of server/explorer.ts.
      ApolloServerPluginLandingPageDisabled(),
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
      // The primary decides readiness; with a replica, `reads` says where reads that tolerate lag go.
      res.json(readReplica ? { status: 'ready', reads: readsShown(readReplica.status()) } : { status: 'ready' });
    } catch (e) {
      res.locals.log.warn({ error: safeError(e) }, 'readiness check failed');
      res.status(503).json({ status: 'database unavailable' });
    }
  });
  if (!config.production && !mountExplorer(app)) logger.info('no GraphQL explorer: ruru (a development dependency) is not installed');
  mountDashboard(app, config);
  app.get('/metrics', metricsRoute({ token: config.metricsToken, production: config.production }));
  app.use(
    '/graphql',
    cors(config.corsOrigins),
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
    readReplica,
    replicaStatus: () => readReplica?.status() ?? NO_REPLICA,
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
      await readReplica?.stop();
      await dataSource.destroy();
      setPoolSource(null, poolState);
      logger.debug('database pool closed');
      await embedded?.stop();
      logger.debug('embedded database stopped');
    },
  };
}

/** The connections of the app's pg pool, as samrehab_db_pool_connections reports them. */
function poolStateOf(dataSource: DataSource): () => PoolState {
  return () => {
    const pool = (dataSource.driver as unknown as { master?: { totalCount: number; idleCount: number; waitingCount: number } }).master;
    return { total: pool?.totalCount ?? 0, idle: pool?.idleCount ?? 0, waiting: pool?.waitingCount ?? 0 };
  };
}
