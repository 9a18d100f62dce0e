import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Role } from '../../domain/enums';
import { seededOrganisationId } from '../../entities/seed/seed';
import { signDevToken } from '../../server/auth/dev-keys';
import { freePort } from '../../server/free-port';

/**
 * What `npm start` does on a fresh clone: the built server on an embedded database in its own data
 * directory, which keeps its data across a clean stop (SIGTERM), a kill and a restart, is reachable
 * only through a unix socket in that directory, and keeps a second server off it. Needs `npm run
 * build` (the pretest script).
 */
describe('the server on its embedded database', () => {
  const root = path.resolve(__dirname, '..', '..');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samrehab-restart-'));
  let child: ChildProcess | null = null;
  afterAll(() => {
    child?.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  function spawnServer(dir: string, port: number, stdio: 'ignore' | 'pipe' = 'ignore'): ChildProcess {
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dir, PORT: String(port), LOG_LEVEL: 'warn', NODE_ENV: 'development' };
    delete env.DATABASE_URL;
    return spawn(process.execPath, [path.join(root, 'dist', 'server', 'main.js')], { env, stdio });
  }

  async function start(): Promise<{ url: string; port: number }> {
    const port = await freePort();
    child = spawnServer(dataDir, port);
    for (let i = 0; i < 300; i++) {
      if (await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok, () => false)) return { url: `http://127.0.0.1:${port}/graphql`, port };
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('server did not become ready');
  }

  async function stop(signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM') {
    const exit = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
    child!.kill(signal);
    const code = await exit;
    if (signal === 'SIGTERM') expect(code).toBe(0);
    child = null;
  }

  /** Runs a server that is expected to refuse to start: its exit code and what it wrote to stderr. */
  async function refusedStart(dir: string): Promise<{ code: number | null; stderr: string }> {
    const other = spawnServer(dir, await freePort(), 'pipe');
    let stderr = '';
    other.stderr!.on('data', (chunk) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => other.once('exit', (c) => resolve(c)));
    return { code, stderr };
  }

  /** TCP ports a process listens on (Linux: its socket inodes matched against /proc/net/tcp and tcp6). */
  function tcpListenPorts(pid: number): number[] {
    const inodes = new Set(
      fs
        .readdirSync(`/proc/${pid}/fd`)
        .map((fd) => {
          try {
            return /^socket:\[(\d+)\]$/.exec(fs.readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1];
          } catch {
            return undefined;
          }
        })
        .filter((inode): inode is string => !!inode),
    );
    const ports = ['/proc/net/tcp', '/proc/net/tcp6'].flatMap((table) =>
      fs
        .readFileSync(table, 'utf8')
        .split('\n')
        .slice(1)
        .map((line) => line.trim().split(/\s+/))
        // local_address is column 1 (hex ip:port), st column 3 (0A = LISTEN), inode column 9.
        .filter((cols) => cols.length > 9 && cols[3] === '0A' && inodes.has(cols[9]))
        .map((cols) => parseInt(cols[1].split(':')[1], 16)),
    );
    return [...new Set(ports)];
  }

  async function gql(url: string, token: string, query: string, variables = {}) {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
    return (await res.json()) as any;
  }

  it('migrates, seeds, serves, stops cleanly and keeps its data across a restart', async () => {
    const { url } = await start();
    const admin = await signDevToken(dataDir, { userId: 'admin', organisationId: seededOrganisationId('20')!, roles: [Role.TENANT_ADMIN] });
    const created = await gql(url, admin, `mutation($name: String!) { organisationCreate(input: { kind: EMPLOYER, name: $name }) { organisation { id } } }`, { name: 'Kept across restarts AB' });
    const id = created.data.organisationCreate.organisation.id;
    await stop();
    expect(fs.existsSync(path.join(dataDir, 'samrehab.lock'))).toBe(false);

    const again = await start();
    const read = await gql(again.url, admin, `query($id: ID!) { organisation(id: $id) { name } municipality(code: "2062") { name } }`, { id });
    expect(read.data).toEqual({ organisation: { name: 'Kept across restarts AB' }, municipality: { name: 'Mora kommun' } });
    await stop();
  }, 90000);

  it('serves its database on a unix socket in a directory only its user may enter, and on no TCP port', async () => {
    const { port } = await start();
    const socketDir = path.join(dataDir, 'socket');
    expect(fs.statSync(socketDir).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.join(socketDir, '.s.PGSQL.5432')).isSocket()).toBe(true);
    // The HTTP port is the only TCP port the server listens on.
    expect(tcpListenPorts(child!.pid!)).toEqual([port]);
    await stop();
  }, 90000);

  it('refuses a second server on the same DATA_DIR, naming the directory and the running pid', async () => {
    await start();
    const { code, stderr } = await refusedStart(dataDir);
    expect(code).toBe(1);
    expect(stderr).toContain(`DATA_DIR ${dataDir} is in use by another samrehab server (pid ${child!.pid})`);
    // The first server is unharmed.
    expect(JSON.parse(fs.readFileSync(path.join(dataDir, 'samrehab.lock'), 'utf8')).pid).toBe(child!.pid);
    await stop();
  }, 90000);

  it('takes over the lock and the socket a killed server left behind, and keeps its data', async () => {
    const { url } = await start();
    const admin = await signDevToken(dataDir, { userId: 'admin', organisationId: seededOrganisationId('20')!, roles: [Role.TENANT_ADMIN] });
    const created = await gql(url, admin, `mutation($name: String!) { organisationCreate(input: { kind: EMPLOYER, name: $name }) { organisation { id } } }`, { name: 'Kept across a kill AB' });
    const killedPid = child!.pid;
    await stop('SIGKILL');
    expect(JSON.parse(fs.readFileSync(path.join(dataDir, 'samrehab.lock'), 'utf8')).pid).toBe(killedPid);

    const again = await start();
    const read = await gql(again.url, admin, `query($id: ID!) { organisation(id: $id) { name } }`, { id: created.data.organisationCreate.organisation.id });
    expect(read.data).toEqual({ organisation: { name: 'Kept across a kill AB' } });
    await stop();
  }, 90000);

  it('refuses a DATA_DIR too deep for a unix socket with a message that says so', async () => {
    const deep = path.join(dataDir, 'a-directory-name-long-enough-to-push-the-socket-path', 'past-the-limit-of-sun-path-bytes');
    const { code, stderr } = await refusedStart(deep);
    expect(code).toBe(1);
    expect(stderr).toContain(`DATA_DIR ${deep} is too deep for the embedded database's unix socket`);
  }, 30000);
});
