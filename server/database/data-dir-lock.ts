import fs from 'node:fs';
import path from 'node:path';

/** The lock file of a data directory, held while an embedded database runs on it. */
export const LOCK_FILE = 'samrehab.lock';

interface LockOwner {
  pid: number;
  /** The process's start time (Linux: clock ticks since boot), so that a reused pid is not taken for the owner. */
  started: string | null;
}

/** A held lock on a data directory; `release` removes it if it is still this process's. */
export interface DataDirLock {
  release(): void;
}

/** Start time of a process from /proc, or null where there is no /proc (the pid alone then decides). */
function startTimeOf(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22; the command name (field 2) may hold spaces and parentheses, so count from its end.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function isRunning(owner: LockOwner): boolean {
  if (owner.pid <= 0) return false;
  try {
    process.kill(owner.pid, 0);
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const started = startTimeOf(owner.pid);
  return owner.started === null || started === null || started === owner.started;
}

function readOwner(file: string): LockOwner | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
    return Number.isInteger(parsed?.pid) ? { pid: parsed.pid, started: typeof parsed.started === 'string' ? parsed.started : null } : null;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    // Damaged content (locks are linked into place whole): nobody holds it.
    return { pid: 0, started: null };
  }
}

/** Another live process holds the directory (npm run seed:demo then reaches the server's database through its socket). */
export class DataDirInUseError extends Error {}

const inUse = (dataDir: string, owner: LockOwner) =>
  new DataDirInUseError(`DATA_DIR ${dataDir} is in use by another samrehab server (pid ${owner.pid}); stop it, or give this one its own DATA_DIR`);

/**
 * Locks `dataDir` for this process: two servers writing one embedded database would silently lose
 * each other's writes. The lock file is created exclusively and names the pid; a lock whose process
 * is gone (a crash, SIGKILL) is taken over. Throws, naming the directory and the pid, while another
 * live process holds it (this one included: a second start in one process is refused too).
 */
export function lockDataDir(dataDir: string): DataDirLock {
  const file = path.join(dataDir, LOCK_FILE);
  const me: LockOwner = { pid: process.pid, started: startTimeOf(process.pid) };
  for (let attempt = 0; attempt < 5; attempt++) {
    // Written aside, then linked into place: link fails if the lock exists, and a reader never
    // sees a half-written lock file.
    const mine = `${file}.${process.pid}`;
    fs.writeFileSync(mine, JSON.stringify(me), { mode: 0o600 });
    try {
      fs.linkSync(mine, file);
      return {
        release() {
          const owner = readOwner(file);
          if (owner?.pid === me.pid && owner.started === me.started) fs.rmSync(file, { force: true });
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    } finally {
      fs.rmSync(mine, { force: true });
    }
    const owner = readOwner(file);
    if (owner && isRunning(owner)) throw inUse(dataDir, owner);
    // A stale lock. Rename before removing: if another starting server replaced the stale file in
    // the meantime, the rename moves that live lock, which is then put back and respected.
    const aside = `${file}.stale-${process.pid}`;
    try {
      fs.renameSync(file, aside);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw e;
    }
    const moved = readOwner(aside);
    if (moved && isRunning(moved)) {
      try {
        fs.linkSync(aside, file);
      } finally {
        fs.rmSync(aside, { force: true });
      }
      throw inUse(dataDir, moved);
    }
    fs.rmSync(aside, { force: true });
  }
  throw new Error(`DATA_DIR ${dataDir}: could not take its lock file ${LOCK_FILE}; other servers keep starting on it`);
}
