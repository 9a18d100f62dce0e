import { Role } from '../../domain/enums';
import { localDateOf } from '../../domain/local-date';
import { ForbiddenError, UnauthenticatedError } from '../../schema/common/errors';
import { hasRole, Viewer } from '../auth/viewer';
import type { Logger } from '../logger';
import { AuditLog, OperationAudit } from './audit';
import type { RequestReads } from './read-routing';
import { createReferenceLoaders } from './reference.loaders';
import type { TenantDb } from './tenant-db';

/** Where "now" comes from: the system clock, a controlled clock (CLOCK=controlled), or a set time in tests. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** What a request's scope is made of. */
export interface RequestScopeParts {
  viewer: Viewer | null;
  requestId: string;
  /** The request's only way to the database: every transaction carries the viewer's region. */
  db: TenantDb;
  /** Where its reads that tolerate lag go: the read replica or `db` (server/access/read-routing.ts). */
  reads: RequestReads;
  /** The request's whole access log; stores write through `audit`, the operation's. */
  log: AuditLog;
  logger: Logger;
  clock: Clock;
  /**
   * Why the request's token was refused, when it was: the request still runs, so that each
   * patient-data field it names is logged as UNAUTHENTICATED before it is refused.
   */
  authFailure: UnauthenticatedError | null;
}

/**
 * What a store needs of its request, and no more: who asks, when, under which request id, the
 * database handle bound to the viewer, the logs, and the request's DataLoaders. A patient-data root
 * field gets a scope of its own (`forOperation`) whose access log knows the field; it shares the
 * request's loaders, so batching and caching span every field of the request.
 */
export class RequestScope {
  private readonly operation: OperationAudit | null;
  private readonly shared: Map<string, unknown>;

  constructor(
    private readonly parts: RequestScopeParts,
    operation: OperationAudit | null = null,
    shared = new Map<string, unknown>(),
  ) {
    this.operation = operation;
    this.shared = shared;
  }

  get viewer(): Viewer | null {
    return this.parts.viewer;
  }

  get requestId(): string {
    return this.parts.requestId;
  }

  get db(): TenantDb {
    return this.parts.db;
  }

  /** The planners' aggregates read through `reads.lagTolerant`; a store that writes in a read says so (`reads.writes()`). */
  get reads(): RequestReads {
    return this.parts.reads;
  }

  get logger(): Logger {
    return this.parts.logger;
  }

  /** The request's whole access log, for rows that name their own operations. */
  get log(): AuditLog {
    return this.parts.log;
  }

  /**
   * The access log of the operation this scope serves. Only patient-data root fields have one;
   * a store that logs outside of them is a programming error, not a row without an action.
   */
  get audit(): OperationAudit {
    if (!this.operation) throw new Error('Patient data was logged outside a patient-data operation');
    return this.operation;
  }

  /** The same request, serving the root field `action`: its access-log rows name that field. */
  forOperation(action: string): RequestScope {
    return new RequestScope(this.parts, this.parts.log.forOperation(action), this.shared);
  }

  /**
   * The request's one instance of something keyed `key` (a store's DataLoaders), made on first
   * use and shared with every operation scope of the request.
   */
  once<T>(key: string, make: () => T): T {
    if (!this.shared.has(key)) this.shared.set(key, make());
    return this.shared.get(key) as T;
  }

  /** The reference data loaders: regions, organisations, care units, codes. */
  referenceLoaders(): ReturnType<typeof createReferenceLoaders> {
    // Reference data is read by key from small tables: each connection keeps those plans.
    return this.once('reference', () => createReferenceLoaders(this.db.reusingPlans));
  }

  /** The current instant: every timestamp a feature records and every deadline it checks. */
  now(): Date {
    return this.parts.clock.now();
  }

  /** The deployment's clock itself (a controlled clock is moved through TestClockStore). */
  get clock(): Clock {
    return this.parts.clock;
  }

  /** Today's date in the viewer's region (deadlines and validity are local dates). */
  async today(): Promise<string> {
    const regionId = this.requireViewer().regionId;
    const region = await this.referenceLoaders().region.load(regionId);
    if (!region) throw new Error(`The viewer's region ${regionId} does not exist`);
    return localDateOf(this.now(), region.timeZone);
  }

  /** The viewer, or UNAUTHENTICATED (saying what was wrong with the token, if one was sent). */
  requireViewer(): Viewer {
    if (!this.parts.viewer) throw this.unauthenticated();
    return this.parts.viewer;
  }

  /** The error for a request without a valid token. */
  unauthenticated(): UnauthenticatedError {
    return this.parts.authFailure ?? new UnauthenticatedError();
  }

  /** The viewer when they hold one of `roles`, else FORBIDDEN. */
  requireRole(...roles: Role[]): Viewer {
    const viewer = this.requireViewer();
    if (!hasRole(viewer, ...roles)) throw new ForbiddenError(`This needs one of the roles ${roles.join(', ')}`);
    return viewer;
  }
}
