import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { freePort } from '../free-port';

/** A running embedded PostgreSQL (PGlite) reachable over the wire protocol on loopback. */
export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts PGlite with its data under `dataDir` (created when missing; data survives restarts) and
 * serves it on 127.0.0.1 so the application speaks `pg` to it exactly as to a PostgreSQL server.
 * PGlite runs one connection at a time: the pool in front of it must have size 1. A second
 * connection slot only lets a new client in while the previous one is still closing.
 */
export async function startEmbeddedDatabase(dataDir: string, { maxConnections = 1 } = {}): Promise<EmbeddedDatabase> {
  const dir = path.join(dataDir, 'pglite');
  fs.mkdirSync(dir, { recursive: true });
  const db = await PGlite.create(dir);
  const port = await freePort();
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port, maxConnections });
  await server.start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
