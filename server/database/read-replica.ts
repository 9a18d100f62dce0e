import type { PoolClient } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { errorCode } from '../logger';
import type { Logger } from '../logger';
import { databaseOutage } from '../outage';
import { createDataSource } from './data-source';
import { StatementCounter } from './statement-counter';

/** Why reads that tolerate lag go to the primary although a replica is configured. */
export type FallbackReason = 'down' | 'lagging' | 'not a standby';

/** Where the reads that tolerate lag go now, and why; what /readyz and the metrics show. */
export interface ReplicaStatus {
  /** replica: they go to the replica; primary-fallback: to the primary, for `reason`; none: no replica is configured. */
  state: 'replica' | 'primary-fallback' | 'none';
  /** How far the replica's data was behind the primary at the last check (0: caught up); null when not known. */
  lagMs: number | null;
  reason: FallbackReason | null;
}

export const NO_REPLICA: ReplicaStatus = { state: 'none', lagMs: null, reason: null };

/** A check that takes longer than this finds the replica down: a hung server is no better than a stopped one. */
const CHECK_TIMEOUT_MS = 5_000;

/**
 * Recovery conflicts: the standby cancels a read whose rows replay must remove (40001), or that
 * holds a buffer replay waits for (40P01). The read is then sent to the primary; the standby is fine.
 */
const RECOVERY_CONFLICTS = new Set(['40001', '40P01']);

/** The replica's state, position and replay age, against the primary's WAL position sampled just before. */
const REPLICA_CHECK = `SELECT pg_is_in_recovery() AS standby,
  pg_last_wal_replay_lsn() >= $1::pg_lsn AS "caughtUp",
  pg_last_wal_replay_lsn() >= $2::pg_lsn AS "previousReplayed",
  (extract(epoch FROM clock_timestamp() - pg_last_xact_replay_timestamp()) * 1000)::float8 AS "replayAgeMs"`;

/**
 * The streaming replica (DATABASE_READ_URL) behind the planners' aggregates: its own pool, opened
 * at start-up if the replica answers and later if it does not (a replica that is down never stops
 * the server from starting), and its health, checked every `checkIntervalMs` on a timer.
 *
 * Lag: the primary's WAL position is sampled, then the replica's replay position compared with it.
 * Replayed up to it: lag 0 (an idle primary writes nothing, so a replica that has nothing to replay
 * is current, however old its last replayed transaction). Behind it: the smaller of two bounds on
 * how old the oldest write it lacks can be: the time since the previous check's sample, if the
 * replica has replayed that one, and the age of the last transaction it replayed. Down (no
 * connection, or a check that fails or hangs), lagging beyond `maxLagMs`, or not a standby at all
 * (promoted, or a URL of the wrong server): reads that tolerate lag go to the primary until a check
 * finds the replica healthy again.
 */
export class ReadReplica {
  readonly dataSource: DataSource;
  /** Statements sent to the replica (the primary's own counter does not see them). */
  readonly statements = new StatementCounter();
  private current: ReplicaStatus = { state: 'primary-fallback', lagMs: null, reason: 'down' };
  /** The primary's WAL position at the last check, and when it was sampled. */
  private previous: { lsn: string; at: number } | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  private constructor(
    url: string,
    poolSize: number,
    private readonly primary: DataSource,
    private readonly settings: { maxLagMs: number; checkIntervalMs: number },
    private readonly logger: Logger,
  ) {
    // A read-only server: TypeORM must not try to create extensions there.
    this.dataSource = createDataSource(url, poolSize, this.statements, 'samrehab-replica', { installExtensions: false, connectTimeoutMS: CHECK_TIMEOUT_MS });
  }

  /** Opens the replica's pool and checks it once, then every `checkIntervalMs`; never throws for a replica that is down. */
  static async open(
    url: string,
    poolSize: number,
    primary: DataSource,
    settings: { maxLagMs: number; checkIntervalMs: number },
    logger: Logger,
  ): Promise<ReadReplica> {
    const replica = new ReadReplica(url, poolSize, primary, settings, logger);
    await replica.check();
    replica.schedule();
    return replica;
  }

  status(): ReplicaStatus {
    return this.current;
  }

  /** The replica's DataSource while reads that tolerate lag go there; null: read from the primary. */
  readSource(): DataSource | null {
    return this.current.state === 'replica' ? this.dataSource : null;
  }

  /**
   * Whether a read the replica failed should be sent to the primary instead: when the replica went
   * away (then it counts as down until a check finds it back) or cancelled the read for a recovery
   * conflict. Other errors are the statement's own.
   */
  failed(error: unknown): boolean {
    const outage = databaseOutage(error);
    if (outage) {
      this.logger.warn({ code: outage }, 'read replica unavailable during a read: reading from the primary');
      this.become({ state: 'primary-fallback', lagMs: null, reason: 'down' });
      return true;
    }
    return RECOVERY_CONFLICTS.has(errorCode(error) ?? '');
  }

  /** Checks the replica now: its state and lag decide where reads go until the next check. */
  async check(): Promise<ReplicaStatus> {
    if (this.stopped) return this.current;
    let sample: { lsn: string; at: number };
    try {
      sample = { at: Date.now(), lsn: (await this.queryOne<{ lsn: string }>(this.primary, 'SELECT pg_current_wal_lsn()::text AS lsn')).lsn };
    } catch (error) {
      // Without the primary there is nothing to compare with; readiness reports the primary itself.
      this.logger.warn({ code: databaseOutage(error) ?? errorCode(error) }, 'read replica check: the primary did not answer');
      return this.current;
    }
    try {
      if (!this.dataSource.isInitialized) await this.dataSource.initialize();
      const row = await this.queryOne<{ standby: boolean; caughtUp: boolean | null; previousReplayed: boolean | null; replayAgeMs: number | null }>(
        this.dataSource,
        REPLICA_CHECK,
        [sample.lsn, this.previous?.lsn ?? null],
      );
      const previous = this.previous;
      this.previous = sample;
      if (!row.standby) return this.become({ state: 'primary-fallback', lagMs: null, reason: 'not a standby' });
      const lagMs = row.caughtUp ? 0 : lagBound(Date.now(), row.replayAgeMs, row.previousReplayed && previous ? previous.at : null);
      if (lagMs === null || lagMs > this.settings.maxLagMs) return this.become({ state: 'primary-fallback', lagMs, reason: 'lagging' });
      return this.become({ state: 'replica', lagMs, reason: null });
    } catch (error) {
      if (this.current.reason !== 'down') this.logger.warn({ code: databaseOutage(error) ?? errorCode(error) }, 'read replica check failed');
      return this.become({ state: 'primary-fallback', lagMs: null, reason: 'down' });
    }
  }

  /** Stops checking and closes the replica's pool. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }

  private schedule(): void {
    if (this.stopped) return;
    // One check at a time; the timer does not keep the process alive.
    this.timer = setTimeout(() => void this.check().finally(() => this.schedule()), this.settings.checkIntervalMs);
    this.timer.unref();
  }

  private become(next: ReplicaStatus): ReplicaStatus {
    const before = this.current;
    this.current = next;
    if (before.state !== next.state || before.reason !== next.reason) {
      if (next.state === 'replica') this.logger.info({ lagMs: next.lagMs }, 'reads that tolerate lag go to the read replica');
      else this.logger.warn({ reason: next.reason, lagMs: next.lagMs }, 'reads that tolerate lag go to the primary');
    }
    return next;
  }

  /** One row of a check, on a connection of `dataSource`'s pool, outside the statement counters. */
  private async queryOne<T>(dataSource: DataSource, text: string, values: unknown[] = []): Promise<T> {
    const [client, release] = await (dataSource.driver as PostgresDriver).obtainMasterConnection();
    let broken: unknown = undefined;
    try {
      const result = await (client as PoolClient).query({ text, values, query_timeout: CHECK_TIMEOUT_MS } as never);
      return (result as unknown as { rows: T[] }).rows[0];
    } catch (error) {
      broken = error;
      throw error;
    } finally {
      release(broken);
    }
  }
}

/**
 * How old, at most, the oldest write a replica behind the primary lacks is: the smaller of the age
 * of the last transaction it replayed and the time since a sample of the primary's position it
 * has replayed (`replayedSampleAt`); null when neither is known (nothing replayed since it started).
 */
export function lagBound(now: number, replayAgeMs: number | null, replayedSampleAt: number | null): number | null {
  const bounds = [replayAgeMs, replayedSampleAt === null ? null : now - replayedSampleAt].filter((b): b is number => b !== null);
  return bounds.length ? Math.max(0, Math.round(Math.min(...bounds))) : null;
}

/** Where reads that tolerate lag go, for /readyz: `replica`, or `primary (…)` with the reason. */
export function readsShown(status: ReplicaStatus): string {
  if (status.state === 'replica') return 'replica';
  if (status.state === 'none') return 'primary';
  if (status.reason === 'lagging') return `primary (replica lagging ${lagShown(status.lagMs)})`;
  return `primary (replica ${status.reason})`;
}

const lagShown = (lagMs: number | null) => (lagMs === null ? 'by an unknown time' : lagMs < 1000 ? `${lagMs} ms` : `${Math.round(lagMs / 1000)} s`);
