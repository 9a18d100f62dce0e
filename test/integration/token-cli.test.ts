import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { decodeJwt } from 'jose';
import { seededOrganisationId } from '../../entities/seed/seed';

/** `npm run token` as a developer types it: a token for a known organisation, one clear line for anything else. */
const CLI = path.join(__dirname, '../../dist/server/auth/token-cli.js');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samrehab-token-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function token(args: string[], env: Record<string, string> = {}) {
  const { DATABASE_URL: _none, ...rest } = process.env;
  const run = spawnSync(process.execPath, [CLI, ...args], { env: { ...rest, DATA_DIR: dataDir, ...env }, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** A refusal: exit code 2, nothing on stdout, one line on stderr and no stack trace. */
function expectRefused(run: ReturnType<typeof token>, mentions: string) {
  expect(run.status).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(run.stderr).toContain(mentions);
  expect(run.stderr).not.toMatch(/\n\s+at /);
}

describe('npm run token', () => {
  it("signs a token for a municipality of the reference data, with the roles asked for", () => {
    const run = token(['--org', '2062', '--role', 'CARE_STAFF', '--role', 'PLANNER']);
    expect(run.status).toBe(0);
    const claims = decodeJwt(run.stdout.trim());
    expect(claims).toMatchObject({ org: seededOrganisationId('2062'), roles: ['CARE_STAFF', 'PLANNER'] });
  });

  it('refuses a municipality code that names no municipality', () => {
    expectRefused(token(['--org', '2099', '--role', 'CARE_STAFF']), '--org 2099');
  });

  it('refuses an organisation id that is not in the reference data when no database is named', () => {
    const id = randomUUID();
    expectRefused(token(['--org', id, '--role', 'CARE_STAFF']), id);
  });

  it('refuses an unknown flag and an unknown role in one line', () => {
    expectRefused(token(['--org', '2062', '--role', 'CARE_STAFF', '--organisation', 'x']), '--organisation');
    expectRefused(token(['--org', '2062', '--role', 'NURSE']), 'NURSE');
  });

  it('says in one line that the database could not be asked, without quoting its URL', () => {
    const run = token(['--org', randomUUID(), '--role', 'CARE_STAFF'], { DATABASE_URL: 'postgres://secret-user:secret-pw@127.0.0.1:1/none' });
    expectRefused(run, 'could not be asked');
    expect(run.stderr).not.toContain('secret');
  });
});
