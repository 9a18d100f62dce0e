import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LOCK_FILE, lockDataDir } from '../../server/database/data-dir-lock';

/** The lock that keeps a second server off an embedded database's data directory. */
describe('DATA_DIR lock', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samrehab-lock-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const lockFile = () => path.join(dir, LOCK_FILE);
  /** The pid of a process that has exited. */
  const deadPid = () => spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();

  it('is held until released, refusing a second holder with the directory and the pid in the message', () => {
    const lock = lockDataDir(dir);
    expect(JSON.parse(fs.readFileSync(lockFile(), 'utf8')).pid).toBe(process.pid);
    expect(() => lockDataDir(dir)).toThrow(`DATA_DIR ${dir} is in use by another samrehab server (pid ${process.pid})`);
    lock.release();
    expect(fs.existsSync(lockFile())).toBe(false);
    lockDataDir(dir).release();
  });

  it('takes over a lock whose process is gone', () => {
    fs.writeFileSync(lockFile(), JSON.stringify({ pid: Number(deadPid()), started: '1' }));
    const lock = lockDataDir(dir);
    expect(JSON.parse(fs.readFileSync(lockFile(), 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it('takes over a lock whose pid now belongs to another process (it started later)', () => {
    // This process's pid, but recorded with a start time it never had: a pid reused after a restart.
    fs.writeFileSync(lockFile(), JSON.stringify({ pid: process.pid, started: 'earlier' }));
    const lock = lockDataDir(dir);
    expect(JSON.parse(fs.readFileSync(lockFile(), 'utf8')).started).not.toBe('earlier');
    lock.release();
  });

  it('takes over a damaged lock file', () => {
    fs.writeFileSync(lockFile(), '{"pid":');
    lockDataDir(dir).release();
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('release leaves a lock file alone that is no longer this process\'s', () => {
    const lock = lockDataDir(dir);
    fs.writeFileSync(lockFile(), JSON.stringify({ pid: 1, started: null }));
    lock.release();
    expect(JSON.parse(fs.readFileSync(lockFile(), 'utf8')).pid).toBe(1);
  });
});
