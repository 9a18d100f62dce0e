import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { freePort } from '../../server/free-port';

/** Clock ticks per second of /proc/<pid>/stat's CPU times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** The built server (dist/server/main.js) as `npm start` runs it, with the given environment. */
export class ServerProcess {
  private constructor(
    readonly child: ChildProcess,
    readonly url: string,
  ) {}

  static async start(env: NodeJS.ProcessEnv): Promise<ServerProcess> {
    const port = await freePort();
    const main = path.resolve(__dirname, '..', '..', 'server', 'main.js');
    const child = spawn(process.execPath, [main], { env: { ...process.env, ...env, PORT: String(port), LOG_LEVEL: 'warn' }, stdio: ['ignore', 'ignore', 'inherit'] });
    for (let i = 0; i < 600; i++) {
      if (await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok, () => false)) return new ServerProcess(child, `http://127.0.0.1:${port}/graphql`);
      if (child.exitCode !== null) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    child.kill();
    throw new Error('the server did not become ready');
  }

  /** CPU time used so far, in ms (user + system, /proc/<pid>/stat). */
  cpuMs(): number {
    const fields = fs.readFileSync(`/proc/${this.child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // After "pid (comm) ": state is field 3, utime 14 and stime 15 (1-based), i.e. indexes 11 and 12 here.
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  }

  /** Resident set size now, in MiB (/proc/<pid>/status VmRSS). */
  rssMiB(): number {
    const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${this.child.pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : NaN;
  }

  /**
   * Waits until the server is idle (under 5 % of a core for half a second, at most `maxMs`):
   * requests autocannon gave up on still run to their end and would load the next measurement.
   */
  async settle(maxMs = 300_000): Promise<void> {
    const deadline = Date.now() + maxMs;
    while (Date.now() < deadline) {
      const before = this.cpuMs();
      await new Promise((resolve) => setTimeout(resolve, 500));
      if (this.cpuMs() - before < 25) return;
    }
  }

  /**
   * Its resident size once it has been idle for IDLE_SECONDS: V8 gives memory back to the system
   * some seconds after allocation stops (its memory reducer), not at the end of a request.
   */
  async idleRssMiB(): Promise<number> {
    await this.settle();
    await new Promise((resolve) => setTimeout(resolve, IDLE_SECONDS * 1000));
    return this.rssMiB();
  }

  async post(token: string, query: string, variables: Record<string, unknown>): Promise<any> {
    const res = await fetch(this.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
    const body: any = await res.json();
    if (!res.ok || body.errors) throw new Error(`HTTP ${res.status}: ${JSON.stringify(body.errors ?? body).slice(0, 400)}`);
    return body.data;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((r) => this.child.once('exit', r));
    this.child.kill('SIGTERM');
    await exited;
  }
}

export const IDLE_SECONDS = 30;

export interface LoadResult {
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  cpuMsPerRequest: number;
  rssPeakMiB: number;
  rssAfterMiB: number;
  /** Answers that were not 2xx, and requests that failed or timed out (autocannon's 10 s). */
  failed: number;
}

/**
 * Drives one request at the server with autocannon (a short warm-up, then `seconds`), sampling
 * the server's RSS every 50 ms; CPU per request from the server's own CPU time over the run (the
 * server is let settle after the warm-up and after the run, so RSS "after" is its idle size).
 * Failures are counted, not thrown: a read too slow for the timeout still gets its row.
 * `databaseIdle` waits for what the warm-up left running in the database (see databaseSettled).
 */
export async function load(
  server: ServerProcess,
  token: string,
  body: string,
  connections: number,
  seconds: number,
  databaseIdle: () => Promise<unknown> = async () => undefined,
): Promise<LoadResult> {
  const options = { url: server.url, method: 'POST' as const, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body, connections };
  await autocannon({ ...options, duration: 1 });
  await server.settle();
  await databaseIdle();
  let peak = server.rssMiB();
  const sampler = setInterval(() => (peak = Math.max(peak, server.rssMiB())), 50);
  const cpuBefore = server.cpuMs();
  const r = await autocannon({ ...options, duration: seconds });
  const cpu = server.cpuMs() - cpuBefore;
  clearInterval(sampler);
  await server.settle();
  const requests = r.requests.total;
  return {
    requests,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    cpuMsPerRequest: requests ? cpu / requests : NaN,
    rssPeakMiB: peak,
    rssAfterMiB: server.rssMiB(),
    failed: r.non2xx + r.errors,
  };
}
