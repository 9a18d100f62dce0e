import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { lockDataDir } from './data-dir-lock';

/** A running embedded PostgreSQL (PGlite) reachable over the wire protocol on a unix socket. */
export interface EmbeddedDatabase {
  /** A `pg` URL whose `host` parameter is the socket's directory: no TCP host, no port. */
  url: string;
  stop(): Promise<void>;
}

/** node-postgres looks for `<host>/.s.PGSQL.<port>`, with port 5432 when the URL names none. */
const SOCKET_FILE = '.s.PGSQL.5432';

/** sun_path holds 108 bytes on Linux, the terminating NUL included (104 on macOS). */
const MAX_SOCKET_PATH_BYTES = process.platform === 'linux' ? 107 : 103;

/** The `pg` URL of the embedded database served from `dataDir` (by this process or by a running server). */
export function embeddedDatabaseUrl(dataDir: string): string {
  // node-postgres takes a host for a socket directory only when it starts with "/".
  return `postgres://postgres@/postgres?host=${encodeURIComponent(path.join(path.resolve(dataDir), 'socket'))}`;
}

/**
 * Starts PGlite with its data under `dataDir` (created when missing; data survives restarts) and
 * serves it on a unix socket in `dataDir/socket`, a directory only this user may enter, so the
 * application speaks `pg` to it exactly as to a PostgreSQL server while no other local user, and
 * nothing over TCP, reaches it (the database has no password). `dataDir` stays locked until `stop`:
 * a second server on it refuses to start. PGlite runs one statement at a time: the socket server
 * queues its connections' statements (an open transaction's first), and the pool in front of it
 * has size 1. A second connection slot lets a new client in while the previous one is still
 * closing, or `npm run seed:demo` in beside the running server.
 */
export async function startEmbeddedDatabase(dataDirArg: string, { maxConnections = 1 } = {}): Promise<EmbeddedDatabase> {
  // node-postgres takes a host for a socket directory only when it starts with "/".
  const dataDir = path.resolve(dataDirArg);
  const socketDir = path.join(dataDir, 'socket');
  const socketPath = path.join(socketDir, SOCKET_FILE);
  if (Buffer.byteLength(socketPath) > MAX_SOCKET_PATH_BYTES) {
    throw new Error(
      `DATA_DIR ${dataDir} is too deep for the embedded database's unix socket (${socketPath} is ${Buffer.byteLength(socketPath)} bytes, at most ${MAX_SOCKET_PATH_BYTES}): choose a shorter DATA_DIR`,
    );
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const lock = lockDataDir(dataDir);
  try {
    fs.mkdirSync(socketDir, { recursive: true, mode: 0o700 });
    // mkdir's mode is filtered by the umask and ignored for a directory that already exists.
    fs.chmodSync(socketDir, 0o700);
    // Left behind by a server that was killed; the lock proves no live server uses it.
    fs.rmSync(socketPath, { force: true });
    const dir = path.join(dataDir, 'pglite');
    fs.mkdirSync(dir, { recursive: true });
    const db = await PGlite.create(dir);
    const server = new PGLiteSocketServer({ db, path: socketPath, maxConnections });
    try {
      await server.start();
    } catch (e) {
      await db.close();
      throw e;
    }
    return {
      url: embeddedDatabaseUrl(dataDir),
      async stop() {
        try {
          await server.stop();
          await db.close();
        } finally {
          lock.release();
        }
      },
    };
  } catch (e) {
    lock.release();
    throw e;
  }
}
