import { DataSource } from 'typeorm';
import { Role } from '../../domain/enums';
import { hasRole, Viewer } from '../auth/viewer';
import type { IdentityNumberCipher } from '../crypto/identity-number-cipher';
import { ForbiddenError, UnauthenticatedError } from '../../schema/common/errors';
import { Logger } from '../logger';
import { AccessLogStore } from './access-log.store';
import { AuditLog } from './audit';
import { ConsentStore } from './consent.store';
import { HandoffStore } from './handoff.store';
import { PatientStore } from './patient.store';
import { ReferenceStore } from './reference.store';
import { ResponsibilityStore } from './responsibility.store';
import { SipStore } from './sip.store';
import { TenantDb } from './tenant-db';
import { localDateOf } from '../../domain/local-date';

/** What every request's Access is built from. */
export interface AccessServices {
  db: DataSource;
  /** The role every transaction acts as (server/config.ts). */
  appRole: string;
  logger: Logger;
  cipher: IdentityNumberCipher;
  clock: Clock;
}

/** Where "now" comes from: the system clock, or a set time in tests of deadlines. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * The only way resolvers reach data: built once per request from the viewer, it owns the
 * request's DataLoaders and applies tenant and participation rules to every statement (the
 * Medplum pattern: the security filters live in this one layer, not in resolvers), and it writes
 * the access log. Each area of data is a store; every store works through one TenantDb, so each
 * of its transactions carries the viewer's region to the database's row-level security.
 */
export class Access {
  readonly audit: AuditLog;
  readonly reference: ReferenceStore;
  readonly patients: PatientStore;
  readonly consents: ConsentStore;
  readonly accessLog: AccessLogStore;
  readonly responsibility: ResponsibilityStore;
  readonly handoffs: HandoffStore;
  readonly sips: SipStore;
  readonly logger: Logger;
  private readonly clock: Clock;

  /**
   * @param authFailure why the request's token was refused, when it was: the request still runs,
   *   so that each patient-data field it names is logged as UNAUTHENTICATED before it is refused.
   */
  constructor(
    readonly viewer: Viewer | null,
    readonly requestId: string,
    { db: dataSource, appRole, logger, cipher, clock }: AccessServices,
    private readonly authFailure: UnauthenticatedError | null = null,
  ) {
    this.logger = logger;
    this.clock = clock;
    const db = new TenantDb(dataSource, appRole, viewer);
    this.audit = new AuditLog(db, viewer, requestId);
    this.reference = new ReferenceStore(this, db);
    this.patients = new PatientStore(this, db, cipher);
    this.consents = new ConsentStore(this, db);
    this.accessLog = new AccessLogStore(this, db);
    this.responsibility = new ResponsibilityStore(this, db);
    this.handoffs = new HandoffStore(this, db);
    this.sips = new SipStore(this, db);
  }

  /** The current instant: every timestamp a feature records and every deadline it checks. */
  now(): Date {
    return this.clock.now();
  }

  /** Today's date in the viewer's region (deadlines and validity are local dates). */
  async today(): Promise<string> {
    const region = await this.reference.region(this.requireViewer().regionId);
    if (!region) throw new Error(`The viewer's region ${this.requireViewer().regionId} does not exist`);
    return localDateOf(this.now(), region.timeZone);
  }

  /** The viewer, or UNAUTHENTICATED (saying what was wrong with the token, if one was sent). */
  requireViewer(): Viewer {
    if (!this.viewer) throw this.unauthenticated();
    return this.viewer;
  }

  /** The error for a request without a valid token. */
  unauthenticated(): UnauthenticatedError {
    return this.authFailure ?? new UnauthenticatedError();
  }

  /** The viewer when they hold one of `roles`, else FORBIDDEN. */
  requireRole(...roles: Role[]): Viewer {
    const viewer = this.requireViewer();
    if (!hasRole(viewer, ...roles)) throw new ForbiddenError(`This needs one of the roles ${roles.join(', ')}`);
    return viewer;
  }
}
