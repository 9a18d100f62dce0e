import { DataSource } from 'typeorm';
import { Role } from '../../domain/enums';
import type { Viewer } from '../auth/viewer';
import type { IdentityNumberCipher } from '../crypto/identity-number-cipher';
import { UnauthenticatedError } from '../../schema/common/errors';
import { Logger } from '../logger';
import { AccessLogStore } from './access-log.store';
import { AuditLog, OperationAudit } from './audit';
import { ConsentStore } from './consent.store';
import { CoordinationStore } from './coordination.store';
import { CoordinationLinkStore } from './coordination-links.store';
import { CoordinationListStore } from './coordination-list.store';
import { CoordinationStatisticsStore } from './coordination-statistics.store';
import { FundingProgrammeStore } from './funding-programme.store';
import { RehabPlanStatisticsStore } from './rehab-plan-statistics.store';
import { HandoffStore } from './handoff.store';
import { HandoffReportStore } from './handoff-report.store';
import { PatientStore } from './patient.store';
import type { ReadRouting } from './read-routing';
import { ReferenceStore } from './reference.store';
import { RehabPlanStore } from './rehab-plan.store';
import { Clock, RequestScope } from './request-scope';
import { ResponsibilityStore } from './responsibility.store';
import { RuleParameterStore } from './rule-parameter.store';
import { SipStore } from './sip.store';
import { TestClockStore } from './test-clock.store';
import { TenantDb } from './tenant-db';
import { TherapyStore } from './therapy.store';

/** What every request's Access is built from. */
export interface AccessServices {
  db: DataSource;
  /** The role every transaction acts as (server/config.ts). */
  appRole: string;
  logger: Logger;
  cipher: IdentityNumberCipher;
  clock: Clock;
  /** Where reads that tolerate lag go (the read replica, when configured). */
  reads: ReadRouting;
  /** Whether connections keep named statements: not behind a transaction-pooling proxy (TenantDb). */
  keepPlans: boolean;
}

/**
 * The only way resolvers reach data: built once per request from the viewer, it applies tenant and
 * participation rules to every statement (the Medplum pattern: the security filters live in this
 * one layer, not in resolvers), and it writes the access log. Each area of data is a store, built
 * on first use (a request that reads reference data builds only the reference store); a store gets
 * the request's scope (viewer, clock, database handle, access log) and the stores it calls, never
 * this façade. Every store works through one TenantDb, so each of its transactions carries the
 * viewer's region to the database's row-level security.
 *
 * The audit middleware hands each patient-data root field its own Access (`forOperation`), whose
 * access log names that field; it shares the request's DataLoaders.
 */
export class Access {
  private referenceStore?: ReferenceStore;
  private patientStore?: PatientStore;
  private consentStore?: ConsentStore;
  private accessLogStore?: AccessLogStore;
  private responsibilityStore?: ResponsibilityStore;
  private handoffStore?: HandoffStore;
  private handoffReportStore?: HandoffReportStore;
  private sipStore?: SipStore;
  private rehabPlanStore?: RehabPlanStore;
  private therapyStore?: TherapyStore;
  private fundingProgrammeStore?: FundingProgrammeStore;
  private rehabPlanStatisticsStore?: RehabPlanStatisticsStore;
  private ruleParameterStore?: RuleParameterStore;
  private testClockStore?: TestClockStore;
  private coordinationStore?: CoordinationStore;
  private coordinationListStore?: CoordinationListStore;
  private coordinationLinkStore?: CoordinationLinkStore;
  private coordinationStatisticsStore?: CoordinationStatisticsStore;

  private constructor(
    readonly scope: RequestScope,
    private readonly cipher: IdentityNumberCipher,
  ) {}

  /**
   * @param authFailure why the request's token was refused, when it was: the request still runs,
   *   so that each patient-data field it names is logged as UNAUTHENTICATED before it is refused.
   */
  static forRequest(viewer: Viewer | null, requestId: string, services: AccessServices, authFailure: UnauthenticatedError | null = null): Access {
    const db = new TenantDb(services.db, services.appRole, viewer, { keepPlans: services.keepPlans });
    // The access log always writes to the primary.
    const log = new AuditLog(db, viewer, requestId);
    const reads = services.reads.forRequest(db, services.appRole, viewer);
    return new Access(new RequestScope({ viewer, requestId, db, reads, log, logger: services.logger, clock: services.clock, authFailure }), services.cipher);
  }

  /** The same request serving the patient-data root field `action`: its access-log rows name it. */
  forOperation(action: string): Access {
    return new Access(this.scope.forOperation(action), this.cipher);
  }

  get reference(): ReferenceStore {
    return (this.referenceStore ??= new ReferenceStore(this.scope));
  }

  get patients(): PatientStore {
    return (this.patientStore ??= new PatientStore(this.scope, this.reference, this.cipher));
  }

  get consents(): ConsentStore {
    // The plan store only when a revocation withdraws consent to a plan.
    return (this.consentStore ??= new ConsentStore(this.scope, this.patients, () => this.sips));
  }

  get accessLog(): AccessLogStore {
    return (this.accessLogStore ??= new AccessLogStore(this.scope, this.patients, this.reference));
  }

  get responsibility(): ResponsibilityStore {
    return (this.responsibilityStore ??= new ResponsibilityStore(this.scope));
  }

  get handoffs(): HandoffStore {
    return (this.handoffStore ??= new HandoffStore(this.scope, this.patients));
  }

  /** The planners' aggregates of hand-offs (counts only). */
  get handoffReport(): HandoffReportStore {
    return (this.handoffReportStore ??= new HandoffReportStore(this.scope));
  }

  get sips(): SipStore {
    return (this.sipStore ??= new SipStore(this.scope, this.patients));
  }

  get rehabPlans(): RehabPlanStore {
    return (this.rehabPlanStore ??= new RehabPlanStore(this.scope, this.patients));
  }

  /** Rehabilitation coordination cases with their consents, employers, activities and return-to-work plan. */
  get coordination(): CoordinationStore {
    return (this.coordinationStore ??= new CoordinationStore(this.scope, this.patients));
  }

  /** Payment commitments, therapy visits and reports. */
  get therapy(): TherapyStore {
    return (this.therapyStore ??= new TherapyStore(this.scope, this.patients, () => this.consents));
  }

  /** The national funding programmes (reference data). */
  get fundingProgrammes(): FundingProgrammeStore {
    return (this.fundingProgrammeStore ??= new FundingProgrammeStore(this.scope));
  }

  /** The planners' aggregates of rehabilitation plans, commitments and reports (counts and sums only). */
  get rehabPlanStatistics(): RehabPlanStatisticsStore {
    return (this.rehabPlanStatisticsStore ??= new RehabPlanStatisticsStore(this.scope));
  }

  /** The coordinator's lists of coordination cases and the workload of a care unit. */
  get coordinationLists(): CoordinationListStore {
    return (this.coordinationListStore ??= new CoordinationListStore(this.scope, this.reference));
  }

  /** The SIPs and hand-offs of coordination cases' patients that the viewer may see. */
  get coordinationLinks(): CoordinationLinkStore {
    return (this.coordinationLinkStore ??= new CoordinationLinkStore(this.scope));
  }

  /** The planners' aggregates of rehabilitation coordination (counts and sums only). */
  get coordinationStatistics(): CoordinationStatisticsStore {
    return (this.coordinationStatisticsStore ??= new CoordinationStatisticsStore(this.scope));
  }

  /** Dated rule parameters as records: in force, history, a region's new value. */
  get ruleParameters(): RuleParameterStore {
    return (this.ruleParameterStore ??= new RuleParameterStore(this.scope));
  }

  /** The deployment's clock (CLOCK=controlled: moved forward by a TENANT_ADMIN). */
  get testClock(): TestClockStore {
    return (this.testClockStore ??= new TestClockStore(this.scope));
  }

  /** The request's id, as its access-log rows carry it. */
  get requestId(): string {
    return this.scope.requestId;
  }

  get viewer(): Viewer | null {
    return this.scope.viewer;
  }

  get logger(): Logger {
    return this.scope.logger;
  }

  /** The access log of the operation this Access serves (see RequestScope.audit). */
  get audit(): OperationAudit {
    return this.scope.audit;
  }

  /** The current instant: every timestamp a feature records and every deadline it checks. */
  now(): Date {
    return this.scope.now();
  }

  /** Today's date in the viewer's region (deadlines and validity are local dates). */
  today(): Promise<string> {
    return this.scope.today();
  }

  /** The viewer, or UNAUTHENTICATED (saying what was wrong with the token, if one was sent). */
  requireViewer(): Viewer {
    return this.scope.requireViewer();
  }

  /** The error for a request without a valid token. */
  unauthenticated(): UnauthenticatedError {
    return this.scope.unauthenticated();
  }

  /** The viewer when they hold one of `roles`, else FORBIDDEN. */
  requireRole(...roles: Role[]): Viewer {
    return this.scope.requireRole(...roles);
  }
}
