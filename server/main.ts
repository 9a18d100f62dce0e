// First: tracing (when configured) patches http and pg as they load.
import { stopTracing } from './tracing/register';
import 'reflect-metadata';
import { startApp } from './app';
import { loadConfig } from './config';
import { createLogger, safeError } from './logger';

async function main() {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const app = await startApp(config, logger);
  logger.info({ url: `http://localhost:${app.port}/graphql`, database: config.databaseUrl ? 'postgresql' : 'embedded' }, 'samrehab listening');
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    app
      .stop()
      // Spans still in the batch are sent before the process ends.
      .then(() => stopTracing?.())
      .then(
        () => process.exit(0),
        (e) => {
          logger.error({ error: safeError(e) }, 'shutdown failed');
          process.exit(1);
        },
      );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((e) => {
  // Start-up failures (bad configuration, unreachable database) end the process with a reason.
  console.error(`samrehab failed to start: ${(e as Error).message}`);
  process.exit(1);
});
