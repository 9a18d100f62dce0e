import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { createDataSource, migrateAndSeed } from '../../server/database/data-source';
import { StatementCounter } from '../../server/database/statement-counter';
import { freePort } from '../../server/free-port';

const PG_BIN = '/usr/lib/postgresql/15/bin';
export const OWNER = 'samrehab_owner';
export const APP_ROLE = 'samrehab_app';

/** A PostgreSQL server the bench may create databases on, as a superuser. */
export interface Cluster {
  /** Superuser URL of the cluster's `postgres` database. */
  adminUrl: string;
  stop(): void;
}

/**
 * DATABASE_URL's cluster (its user must be a superuser), or a PostgreSQL 15 of our own from
 * Debian's binaries in a temporary directory, the way .ci/run starts one (fsync off: the data is
 * thrown away).
 */
export async function openCluster(): Promise<Cluster> {
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = '/postgres';
    return { adminUrl: url.toString(), stop: () => undefined };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samrehab-growth-pg-'));
  const asPostgres = (bin: string, args: string[]) =>
    process.getuid?.() === 0 ? execFileSync('runuser', ['-u', 'postgres', '--', path.join(PG_BIN, bin), ...args], { stdio: 'ignore' }) : execFileSync(path.join(PG_BIN, bin), args, { stdio: 'ignore' });
  if (process.getuid?.() === 0) execFileSync('chown', ['postgres:postgres', dir]);
  const port = await freePort();
  asPostgres('initdb', ['-D', `${dir}/data`, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C.UTF-8']);
  asPostgres('pg_ctl', ['-D', `${dir}/data`, '-l', `${dir}/server.log`, '-w', '-o', `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c shared_buffers=256MB -c max_wal_size=4GB`, 'start']);
  return {
    adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: () => {
      asPostgres('pg_ctl', ['-D', `${dir}/data`, '-m', 'fast', 'stop']);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface BenchDatabase {
  name: string;
  /** The superuser's URL of this database: the fill and the EXPLAIN check use it. */
  adminUrl: string;
  /** The owner's (migrations) and the app role's URLs, as the server gets them in production. */
  ownerUrl: string;
  appUrl: string;
}

const withDatabase = (url: string, name: string, user?: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  if (user) u.username = user;
  return u.toString();
};

/**
 * A fresh database owned by the owner role, migrated and seeded by the app's own migrations, with
 * the two roles of .ci/run (the owner, and an app role that owns nothing and is subject to
 * row-level security). An existing database of that name is dropped first, unless `reuse` is set:
 * then an existing one is kept, with its rows, and only migrated (its `reused` is true), so that a
 * filled database (or a copy of one, made with `createdb -T`) is measured again without a new fill.
 */
export async function createBenchDatabase(cluster: Cluster, name: string, reuse = false): Promise<BenchDatabase & { reused: boolean }> {
  const admin = new Client({ connectionString: cluster.adminUrl });
  await admin.connect();
  let reused = false;
  try {
    for (const [role, options] of [
      [OWNER, 'LOGIN'],
      [APP_ROLE, 'LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE'],
    ]) {
      const exists = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
      if (exists.rowCount === 0) await admin.query(`CREATE ROLE ${role} ${options}`).catch(() => undefined); // another run may create it meanwhile
    }
    reused = reuse && (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
    if (reused) {
      // A copy made by a superuser is theirs: the owner's migrations create in its public schema.
      await admin.query(`ALTER DATABASE ${name} OWNER TO ${OWNER}`);
    } else {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${name} OWNER ${OWNER}`);
    }
  } finally {
    await admin.end();
  }
  const db = { name, reused, adminUrl: withDatabase(cluster.adminUrl, name), ownerUrl: withDatabase(cluster.adminUrl, name, OWNER), appUrl: withDatabase(cluster.adminUrl, name, APP_ROLE) };
  const dataSource = createDataSource(db.ownerUrl, 2, new StatementCounter(), 'samrehab-growth');
  await dataSource.initialize();
  try {
    await migrateAndSeed(dataSource, { shared: true, appRole: APP_ROLE, createAppRole: false });
  } finally {
    await dataSource.destroy();
  }
  return db;
}

export async function dropBenchDatabase(cluster: Cluster, name: string): Promise<void> {
  const admin = new Client({ connectionString: cluster.adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}

/**
 * Waits until no other session runs a statement on the database (at most `maxMs`), and answers how
 * long that took. A read abandoned by autocannon at the end of its run (its 10 s timeout) goes on
 * in PostgreSQL: the next read's run would share the two cores with it and pay its latency.
 */
export async function databaseSettled(adminUrl: string, maxMs = 300_000): Promise<number> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  const start = Date.now();
  try {
    while (Date.now() - start < maxMs) {
      const [{ n }] = (
        await client.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity
            WHERE datname = current_database() AND backend_type = 'client backend' AND state = 'active' AND pid <> pg_backend_pid()`,
        )
      ).rows;
      if (n === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return Date.now() - start;
  } finally {
    await client.end();
  }
}
