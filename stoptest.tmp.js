require('/work/main/node_modules/reflect-metadata');
const { startApp } = require('/work/main/dist/server/app');
const { loadConfig } = require('/work/main/dist/server/config');
const { createLogger } = require('/work/main/dist/server/logger');
(async () => {
  const config = loadConfig({ ...process.env, DATA_DIR: '/tmp/stoptest', PORT: '4101' });
  const app = await startApp(config, createLogger('warn'));
  process.on('SIGTERM', async () => {
    const t = Date.now();
    setTimeout(() => { console.log('still stuck', process._getActiveHandles().map(h => h.constructor.name)); process.exit(1); }, 8000).unref();
    await app.stop();
    console.log('stopped', Date.now() - t);
    process.exit(0);
  });
  console.log('ready');
})();
