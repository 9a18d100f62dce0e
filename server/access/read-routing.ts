import type { Viewer } from '../auth/viewer';
import type { ReadReplica } from '../database/read-replica';
import { markWrote, wroteWithin } from './recent-writers';
import type { Queryable } from './sql';
import { TenantDb } from './tenant-db';

/**
 * Where reads that tolerate lag go (the planners' aggregates: counts and sums, never a patient
 * row), decided here and nowhere else. They go to the read replica while it is healthy
 * (server/database/read-replica.ts), unless the request writes (a mutation, or a report that
 * refreshes its summaries) or its viewer wrote within `windowMs`, through any instance: a viewer
 * reads their own writes back from the primary. Everything else, and every write, the access log
 * included, always goes to the primary.
 *
 * `windowMs` is the lag bound plus the check interval: a replica in use was at most the bound
 * behind at its last check, at most one interval ago, so a write older than both has reached it.
 * Who wrote when is kept on the primary (server/access/recent-writers.ts), not in this process, so
 * that behind a load balancer every instance sends that viewer's reports to the primary.
 */
export class ReadRouting {
  constructor(
    readonly replica: ReadReplica | null,
    readonly windowMs: number,
  ) {}

  /** Routing that sends every read to the primary (no replica configured). */
  static primaryOnly(): ReadRouting {
    return new ReadRouting(null, 0);
  }

  /** A request's reads, on its primary handle `primary`. */
  forRequest(primary: TenantDb, appRole: string, viewer: Viewer | null): RequestReads {
    return new RequestReads(this, primary, appRole, viewer);
  }
}

/** One request's reads that tolerate lag: `lagTolerant` sends them where ReadRouting says. */
export class RequestReads {
  private writing = false;
  /** Whether the viewer wrote within the window, asked of the primary once, when a read would first go to the replica. */
  private recentWriter: Promise<boolean> | null = null;
  private replicaDb: TenantDb | null = null;

  constructor(
    private readonly routing: ReadRouting,
    private readonly primary: TenantDb,
    private readonly appRole: string,
    readonly viewer: Viewer | null,
  ) {}

  /** The request writes: from now on all its reads go to the primary, and its viewer's for the window after it ends (see `ended`). */
  writes(): void {
    this.writing = true;
  }

  /**
   * The request has ended. If it wrote, and a replica is configured, its viewer's reports go to the
   * primary for the window from now, on every instance: one upsert on the primary. Called before
   * the answer is sent, so the viewer's next request already finds it.
   */
  async ended(): Promise<void> {
    if (this.writing && this.viewer && this.routing.replica) await markWrote(this.primary.reusingPlans, this.viewer);
  }

  /** The handle for reads that tolerate lag: the replica's (read-only transactions, same role and tenant settings) or the primary's. */
  readonly lagTolerant: Queryable = {
    query: <T = any>(sql: string, parameters: unknown[] = []): Promise<T> => this.route<T>(sql, parameters),
  };

  private async route<T>(sql: string, parameters: unknown[]): Promise<T> {
    const replica = this.routing.replica;
    if (!replica || this.writing || !replica.readSource() || (await this.viewerWroteRecently())) return this.primary.query<T>(sql, parameters);
    // While the primary answered, the replica may have fallen back, or the request written.
    const source = replica.readSource();
    if (!source || this.writing) return this.primary.query<T>(sql, parameters);
    this.replicaDb ??= new TenantDb(source, this.appRole, this.viewer, { readOnly: true, keepPlans: this.primary.keepPlans });
    try {
      return await this.replicaDb.query<T>(sql, parameters);
    } catch (error) {
      // The replica went away or cancelled the read: the primary answers it instead.
      if (!replica.failed(error)) throw error;
      return this.primary.query<T>(sql, parameters);
    }
  }

  /** Whether the viewer wrote within the window (through any instance); the reads of one turn share the one look-up. */
  private viewerWroteRecently(): Promise<boolean> {
    return (this.recentWriter ??= this.viewer ? wroteWithin(this.primary.reusingPlans, this.viewer, this.routing.windowMs) : Promise.resolve(false));
  }
}
