import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { Client } from 'pg';
import { Role } from '../../domain/enums';
import { MIGRATIONS } from '../../entities';
import { seededOrganisationId } from '../../entities/seed/seed';
import { signDevToken } from '../../server/auth/dev-keys';
import { DEFAULT_APP_ROLE } from '../../server/config';
import { MIGRATION_LOCK } from '../../server/database/data-source';
import { testPersonnummer } from '../support/personnummer';
import { backend, codes, GraphQLResponse, reasons, urlAs } from '../support/test-app';

const onPostgres = backend() === 'postgresql';
const OWNER = 'samrehab_owner';
const CREATE = `mutation($input: PatientCreateInput!) { patientCreate(input: $input) { patient { id version } } }`;
const UPDATE = `mutation($input: PatientUpdateInput!) { patientUpdate(input: $input) { patient { id familyName version } } }`;
const READ = `query($id: ID!) { patient(id: $id) { id personnummer familyName version } }`;

/** A server process (`node dist/server/main.js`) as production runs it: the owner migrates, the app role serves. */
interface Instance {
  process: ChildProcess;
  /** The GraphQL endpoint, from the server's "samrehab listening" log line. */
  url: string;
  exited: Promise<void>;
}

/** Starts the server; resolves once it listens (it has migrated by then), rejects if it exits first. */
function startInstance(env: NodeJS.ProcessEnv): { instance: Promise<Instance>; process: ChildProcess } {
  const child = spawn(process.execPath, [path.resolve(__dirname, '../../dist/server/main.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const instance = new Promise<Instance>((resolve, reject) => {
    // Every line is read, so the pipe never fills; the first that says where it listens resolves.
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      if (!line.startsWith('{')) return;
      const entry = JSON.parse(line) as { msg?: string; url?: string };
      if (entry.msg === 'samrehab listening' && entry.url) resolve({ process: child, url: entry.url.replace('localhost', '127.0.0.1'), exited });
    });
    void exited.then(() => reject(new Error(`the server exited before it listened: ${stderr.trim()}`)));
  });
  return { instance, process: child };
}

/** A GraphQL request over HTTP; a network failure (a killed server) rejects. */
async function gql(url: string, query: string, variables: Record<string, unknown>, token: string): Promise<GraphQLResponse> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, requestId: res.headers.get('x-request-id'), ...((await res.json()) as object) };
}

/**
 * Two server processes on one database behave as one service (issue 19 item 1): they start at the
 * same moment and migrate one after the other under the advisory lock; the database, not either
 * process, decides concurrent writes (a version written through both: one wins, the other is a
 * CONFLICT; a personnummer created through both: one record); and killing one loses no write it
 * acknowledged. Each instance runs with its own pool, as separate machines would; they share the
 * database and the development signing key (as instances share an OIDC issuer).
 */
(onPostgres ? describe : describe.skip)('two instances on one database (PostgreSQL only: the embedded database serves one process)', () => {
  const database = `samrehab_two_${process.pid}_${Date.now()}`;
  const started: ChildProcess[] = [];
  let databaseUrl: string;
  let dataDir: string;
  let admin: Client;
  let a: Instance;
  let b: Instance;
  let token: string;

  beforeAll(async () => {
    // In the hook, not the describe's body, which runs on PGlite too (where the suite is skipped).
    const adminUrl = process.env.SAMREHAB_TEST_DATABASE_URL!;
    const url = new URL(adminUrl);
    url.pathname = `/${database}`;
    databaseUrl = url.toString();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samrehab-two-'));
    admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    // Roles are the cluster's; another run may create the owner at the same moment.
    if (!(await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [OWNER])).rowCount) {
      await admin.query(`CREATE ROLE ${OWNER} LOGIN`).catch(async (error) => {
        if (!(await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [OWNER])).rowCount) throw error;
      });
    }
    await admin.query(`CREATE DATABASE ${database} OWNER ${OWNER}`);
    // The signing key exists before either server reads it.
    token = await signDevToken(dataDir, { userId: 'two-instances', organisationId: seededOrganisationId('2062')!, roles: [Role.CARE_STAFF] });
  });

  afterAll(async () => {
    for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await Promise.all(started.map((child) => (child.exitCode === null && child.signalCode === null ? new Promise((r) => child.once('exit', r)) : null)));
    await admin?.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin?.end();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('start together: one migrates while the other waits for the lock, and each migration runs once', async () => {
    // The test holds the migration lock first, so that both servers are seen waiting for it.
    const holder = new Client({ connectionString: databaseUrl });
    await holder.connect();
    await holder.query('BEGIN');
    await holder.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      DATABASE_URL: urlAs(databaseUrl, DEFAULT_APP_ROLE),
      DATABASE_MIGRATION_URL: urlAs(databaseUrl, OWNER),
      DATABASE_POOL_SIZE: '4',
      DATA_DIR: dataDir,
      PATIENT_DATA_KEY: Buffer.alloc(32, 7).toString('base64'),
      PORT: '0',
      LOG_LEVEL: 'info',
      ...(process.env.DATABASE_POOLER ? { DATABASE_POOLER: process.env.DATABASE_POOLER } : {}),
    };
    const first = startInstance(env);
    const second = startInstance(env);
    started.push(first.process, second.process);
    try {
      const waiting = async () =>
        Number(
          (
            await admin.query(
              `SELECT count(*) FROM pg_locks l JOIN pg_database d ON d.oid = l.database
               WHERE d.datname = $1 AND l.locktype = 'advisory' AND l.objid = $2 AND NOT l.granted`,
              [database, MIGRATION_LOCK],
            )
          ).rows[0].count,
        );
      while ((await waiting()) < 2) await new Promise((resolve) => setTimeout(resolve, 50));
      // Nothing migrated while the lock is held.
      const { rows } = await holder.query(`SELECT 1 FROM pg_tables WHERE tablename = 'schema_migration'`);
      expect(rows).toEqual([]);
    } finally {
      await holder.query('ROLLBACK');
      await holder.end();
    }
    [a, b] = await Promise.all([first.instance, second.instance]);
    for (const instance of [a, b]) expect((await fetch(instance.url.replace(/\/graphql$/, '/readyz'))).status).toBe(200);
    const owner = new Client({ connectionString: databaseUrl });
    await owner.connect();
    try {
      const { rows } = await owner.query(`SELECT name, count(*)::int AS times FROM schema_migration GROUP BY name`);
      expect(rows).toHaveLength(MIGRATIONS.length);
      expect(rows.filter((row) => row.times !== 1)).toEqual([]);
    } finally {
      await owner.end();
    }
    // Two start-ups one after the other, each migrating or checking a fresh database's migrations.
  }, 120_000);

  it('one version written through both: one change wins, the other is a CONFLICT and is not written', async () => {
    const created = await gql(a.url, CREATE, { input: { personnummer: testPersonnummer('19510101'), familyName: 'Före' } }, token);
    const id = created.data.patientCreate.patient.id;
    const answers = await Promise.all([
      gql(a.url, UPDATE, { input: { id, version: 1, familyName: 'Genom A' } }, token),
      gql(b.url, UPDATE, { input: { id, version: 1, familyName: 'Genom B' } }, token),
    ]);
    const won = answers.filter((answer) => !answer.errors);
    const lost = answers.filter((answer) => answer.errors);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(codes(lost[0])).toEqual(['CONFLICT']);
    expect(reasons(lost[0])).toEqual(['STALE_VERSION']);
    const winner = won[0].data.patientUpdate.patient;
    expect(winner.version).toBe(2);
    for (const instance of [a, b]) expect((await gql(instance.url, READ, { id }, token)).data.patient).toMatchObject({ familyName: winner.familyName, version: 2 });
  });

  it('one personnummer created through both: one record, the other a CONFLICT (DUPLICATE)', async () => {
    const personnummer = testPersonnummer('19520202');
    const answers = await Promise.all([a, b].map((instance) => gql(instance.url, CREATE, { input: { personnummer } }, token)));
    const won = answers.filter((answer) => !answer.errors);
    const lost = answers.filter((answer) => answer.errors);
    expect(won).toHaveLength(1);
    expect(codes(lost[0])).toEqual(['CONFLICT']);
    expect(reasons(lost[0])).toEqual(['DUPLICATE']);
    for (const instance of [a, b]) {
      const found = await gql(instance.url, `query($p: String) { patients(filter: { personnummer: $p }) { edges { node { id } } } }`, { p: personnummer }, token);
      expect(found.data.patients.edges).toEqual([{ node: { id: won[0].data.patientCreate.patient.id } }]);
    }
  });

  it('one killed while writes stream to both: every acknowledged write is there, and the killed one never claims success', async () => {
    const PER_INSTANCE = 40;
    const KILL_AFTER = 10;
    const WORKERS = 4;
    type Outcome = { personnummer: string; id?: string; failure?: string };
    const acknowledgedByB: Outcome[] = [];
    let killed: Promise<void> | null = null;

    /** WORKERS writers per instance, each creating patients one after another until PER_INSTANCE are sent. */
    const stream = async (instance: Instance, birthDate: string, onAcknowledged?: (outcome: Outcome) => void): Promise<Outcome[]> => {
      const outcomes: Outcome[] = [];
      let sent = 0;
      const worker = async () => {
        while (sent < PER_INSTANCE) {
          sent += 1;
          const personnummer = testPersonnummer(birthDate);
          try {
            const answer = await gql(instance.url, CREATE, { input: { personnummer } }, token);
            const outcome = answer.errors ? { personnummer, failure: String(codes(answer)) } : { personnummer, id: answer.data.patientCreate.patient.id as string };
            outcomes.push(outcome);
            if (outcome.id) onAcknowledged?.(outcome);
          } catch (error) {
            outcomes.push({ personnummer, failure: `network: ${(error as Error).name}` });
          }
        }
      };
      await Promise.all(Array.from({ length: WORKERS }, worker));
      return outcomes;
    };

    const [throughA, throughB] = await Promise.all([
      stream(a, '19530303'),
      stream(b, '19540404', (outcome) => {
        acknowledgedByB.push(outcome);
        // Killed at a point the acknowledgements decide, while its other writers are in flight.
        if (acknowledgedByB.length === KILL_AFTER) {
          b.process.kill('SIGKILL');
          killed = b.exited;
        }
      }),
    ]);
    await killed;

    // The survivor served everything; the killed one acknowledged some, then failed by the network.
    expect(throughA.filter((outcome) => !outcome.id)).toEqual([]);
    expect(throughB.filter((outcome) => outcome.id).length).toBeGreaterThanOrEqual(KILL_AFTER);
    const failedOnB = throughB.filter((outcome) => !outcome.id);
    expect(failedOnB.length).toBeGreaterThan(0);
    expect(failedOnB.filter((outcome) => !outcome.failure!.startsWith('network'))).toEqual([]);

    // Every write acknowledged by either instance is found through the survivor.
    for (const { id, personnummer } of [...throughA, ...throughB].filter((outcome) => outcome.id)) {
      const read = await gql(a.url, READ, { id }, token);
      expect(read.data.patient).toMatchObject({ id, personnummer });
    }
  });
});
