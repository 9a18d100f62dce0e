import http from 'node:http';

/**
 * PostGraphile 5 (amber preset) over the same database as the app, for the comparison of
 * `npm run bench`. It connects as DATABASE_URL's user (the bench gives it the superuser, so it
 * reads the tables past row-level security) and serves the public schema at /graphql. On Node 20
 * it needs bench/promise-with-resolvers preloaded (`node --require`).
 */
// postgraphile's subpath exports are out of reach of this project's node10 module resolution, so
// its modules are loaded at run time; the benchmark checks the answers it gets.
/* eslint-disable @typescript-eslint/no-require-imports */
const { postgraphile } = require('postgraphile');
const { PostGraphileAmberPreset } = require('postgraphile/presets/amber');
const { makePgService } = require('postgraphile/adaptors/pg');
const { grafserv } = require('postgraphile/grafserv/node');

async function main() {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error('DATABASE_URL is required');
  const pgl = postgraphile({
    extends: [PostGraphileAmberPreset],
    pgServices: [makePgService({ connectionString, schemas: ['public'], poolConfig: { max: 10 } })],
    grafserv: { graphqlPath: '/graphql', graphiql: false },
  });
  const serv = pgl.createServ(grafserv);
  // The bench's readiness probe; everything else goes to PostGraphile.
  const server = http.createServer((req, res) => {
    if (req.url === '/readyz') return void res.end('ready');
    return handler(req, res);
  });
  // createHandler rather than addTo: no websockets here, and /readyz stays ours.
  const handler = serv.createHandler();
  await pgl.getSchema();
  server.listen(Number(process.env.PORT ?? 4002), '127.0.0.1');
  process.on('SIGTERM', () => {
    server.close();
    // Releasing the instance releases its server and its pool.
    void pgl.release().then(() => process.exit(0));
  });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
