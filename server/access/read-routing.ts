import type { Viewer } from '../auth/viewer';
import type { ReadReplica } from '../database/read-replica';
import type { Queryable } from './sql';
import { TenantDb } from './tenant-db';

/**
 * Where reads that tolerate lag go (the planners' aggregates: counts and sums, never a patient
 * row), decided here and nowhere else. They go to the read replica while it is healthy
 * (server/database/read-replica.ts), unless the request writes (a mutation, or a report that
 * refreshes its summaries) or its viewer wrote through this server within `windowMs`: a viewer
 * reads their own writes back from the primary. Everything else, and every write, the access log
 * included, always goes to the primary.
 *
 * `windowMs` is the lag bound plus the check interval: a replica in use was at most the bound
 * behind at its last check, at most one interval ago, so a write older than both has reached it.
 * The window is this process's memory: behind a load balancer, a viewer's next request on another
 * instance may read a replica that has not replayed the write yet, by at most the lag bound.
 */
export class ReadRouting {
  /** Until when each viewer (organisation and user) who wrote reads from the primary, in ms since the epoch. */
  private readonly recentWriters = new Map<string, number>();

  constructor(
    readonly replica: ReadReplica | null,
    private readonly windowMs: number,
  ) {}

  /** Routing that sends every read to the primary (no replica configured). */
  static primaryOnly(): ReadRouting {
    return new ReadRouting(null, 0);
  }

  /** A request's reads, on its primary handle `primary`. */
  forRequest(primary: TenantDb, appRole: string, viewer: Viewer | null): RequestReads {
    return new RequestReads(this, primary, appRole, viewer);
  }

  /** Whether `viewer` wrote within the window. */
  recentlyWrote(viewer: Viewer, now = Date.now()): boolean {
    return (this.recentWriters.get(writerKey(viewer)) ?? 0) > now;
  }

  /** `viewer`'s request that wrote has ended: their next reads within the window go to the primary. */
  wrote(viewer: Viewer, now = Date.now()): void {
    if (!this.replica) return;
    // Forget the viewers whose window has passed before the map grows large.
    if (this.recentWriters.size >= 1_000) for (const [key, until] of this.recentWriters) if (until <= now) this.recentWriters.delete(key);
    this.recentWriters.set(writerKey(viewer), now + this.windowMs);
  }
}

const writerKey = (viewer: Viewer) => `${viewer.organisationId}/${viewer.userId}`;

/** One request's reads that tolerate lag: `lagTolerant` sends them where ReadRouting says. */
export class RequestReads {
  private writing = false;
  /** Whether the viewer wrote within the window, as the request started. */
  private readonly recentWriter: boolean;
  private replicaDb: TenantDb | null = null;

  constructor(
    private readonly routing: ReadRouting,
    private readonly primary: TenantDb,
    private readonly appRole: string,
    readonly viewer: Viewer | null,
  ) {
    this.recentWriter = viewer !== null && routing.replica !== null && routing.recentlyWrote(viewer);
  }

  /** Whether the request writes. */
  get wrote(): boolean {
    return this.writing;
  }

  /** The request writes: from now on all its reads go to the primary, and its viewer's for the window after it ends. */
  writes(): void {
    this.writing = true;
  }

  /** The handle for reads that tolerate lag: the replica's (read-only transactions, same role and tenant settings) or the primary's. */
  readonly lagTolerant: Queryable = {
    query: <T = any>(sql: string, parameters: unknown[] = []): Promise<T> => this.route<T>(sql, parameters),
  };

  private async route<T>(sql: string, parameters: unknown[]): Promise<T> {
    const replica = this.routing.replica;
    const source = this.writing || this.recentWriter ? null : replica?.readSource();
    if (!replica || !source) return this.primary.query<T>(sql, parameters);
    this.replicaDb ??= new TenantDb(source, this.appRole, this.viewer, { readOnly: true, keepPlans: this.primary.keepPlans });
    try {
      return await this.replicaDb.query<T>(sql, parameters);
    } catch (error) {
      // The replica went away or cancelled the read: the primary answers it instead.
      if (!replica.failed(error)) throw error;
      return this.primary.query<T>(sql, parameters);
    }
  }
}
