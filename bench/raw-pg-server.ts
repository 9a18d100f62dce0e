import http from 'node:http';
import { Pool } from 'pg';
import { startEmbeddedDatabase } from '../server/database/embedded';
import { ORGANISATIONS_SQL } from './query';

/**
 * The yardstick of `npm run bench`: node:http and pg, one prepared statement per request, on the
 * same database as the app (DATABASE_URL, or PGlite under DATA_DIR).
 */
async function main() {
  const embedded = process.env.DATABASE_URL ? null : await startEmbeddedDatabase(process.env.DATA_DIR ?? 'data');
  const pool = new Pool({ connectionString: process.env.DATABASE_URL || embedded!.url, max: embedded ? 1 : 10 });
  const server = http.createServer(async (req, res) => {
    if (req.url === '/readyz') return void res.end('ready');
    req.resume();
    try {
      const { rows } = await pool.query({ name: 'organisations', text: ORGANISATIONS_SQL });
      const body = JSON.stringify({ data: { organisations: { edges: rows[0].edges } } });
      res.writeHead(200, { 'content-type': 'application/json' }).end(body);
    } catch (e) {
      res.writeHead(500).end((e as Error).message);
    }
  });
  server.listen(Number(process.env.PORT ?? 4001), '127.0.0.1');
  process.on('SIGTERM', () => {
    server.close();
    void pool.end().then(() => embedded?.stop()).then(() => process.exit(0));
  });
}

void main();
