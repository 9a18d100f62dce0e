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
 * directory, which keeps its data across a clean stop (SIGTERM) and a restart. Needs `npm run
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

  async function start(): Promise<string> {
    const port = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn', NODE_ENV: 'development' };
    delete env.DATABASE_URL;
    child = spawn(process.execPath, [path.join(root, 'dist', 'server', 'main.js')], { env, stdio: 'ignore' });
    for (let i = 0; i < 200; i++) {
      if (await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok, () => false)) return `http://127.0.0.1:${port}/graphql`;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('server did not become ready');
  }

  async function stop() {
    const exit = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
    child!.kill('SIGTERM');
    expect(await exit).toBe(0);
    child = null;
  }

  async function gql(url: string, token: string, query: string, variables = {}) {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
    return (await res.json()) as any;
  }

  it('migrates, seeds, serves, stops cleanly and keeps its data across a restart', async () => {
    const url = await start();
    const admin = await signDevToken(dataDir, { userId: 'admin', organisationId: seededOrganisationId('20')!, roles: [Role.TENANT_ADMIN] });
    const created = await gql(url, admin, `mutation($name: String!) { organisationCreate(input: { kind: EMPLOYER, name: $name }) { organisation { id } } }`, { name: 'Kept across restarts AB' });
    const id = created.data.organisationCreate.organisation.id;
    await stop();

    const again = await start();
    const read = await gql(again, admin, `query($id: ID!) { organisation(id: $id) { name } municipality(code: "2062") { name } }`, { id });
    expect(read.data).toEqual({ organisation: { name: 'Kept across restarts AB' }, municipality: { name: 'Mora kommun' } });
    await stop();
  }, 60000);
});
