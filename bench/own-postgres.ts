import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../server/free-port';

export interface OwnPostgres {
  /** The superuser's URL of the database `samrehab` in it. */
  url: string;
  /** The postmaster's process id: the server's backends are its children. */
  pid: number;
  stop(): void;
}

/**
 * A throw-away PostgreSQL cluster for a benchmark, as .ci/run makes one: the newest server under
 * /usr/lib/postgresql, a temporary data directory, trust authentication on loopback, fsync off.
 * Run as root, the server runs as the `postgres` user (initdb refuses root).
 */
export async function startOwnPostgres(): Promise<OwnPostgres> {
  const versions = fs.existsSync('/usr/lib/postgresql') ? fs.readdirSync('/usr/lib/postgresql').sort((a, b) => Number(a) - Number(b)) : [];
  const bin = versions.map((v) => path.join('/usr/lib/postgresql', v, 'bin')).filter((dir) => fs.existsSync(path.join(dir, 'initdb'))).pop();
  if (!bin) throw new Error('No PostgreSQL server under /usr/lib/postgresql: install one (apt-get install postgresql) or set DATABASE_URL');
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'samrehab-bench-pg-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) execFileSync('chown', ['postgres:postgres', root]);
  const run = (tool: string, args: string[]) =>
    execFileSync(asRoot ? 'runuser' : path.join(bin, tool), asRoot ? ['-u', 'postgres', '--', path.join(bin, tool), ...args] : args, { stdio: 'ignore' });
  const port = await freePort();
  const data = path.join(root, 'data');
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C.UTF-8']);
  run('pg_ctl', ['-D', data, '-l', path.join(root, 'server.log'), '-w', '-o', `-c listen_addresses=127.0.0.1 -p ${port} -k ${root} -c fsync=off`, 'start']);
  const stop = () => {
    try {
      run('pg_ctl', ['-D', data, '-m', 'fast', 'stop']);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  };
  try {
    run('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'samrehab']);
    const pid = Number(fs.readFileSync(path.join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return { url: `postgres://postgres@127.0.0.1:${port}/samrehab`, pid, stop };
  } catch (e) {
    stop();
    throw e;
  }
}
