import { Country, Role } from '../../domain/enums';
import { regionCodeProblem } from '../../domain/region-codes';
import { Page, PageRequest } from '../../schema/common/page';
import { BadUserInputError, ForbiddenError, NotFoundError } from '../../schema/common/errors';
import type { RequestScope } from './request-scope';
import type { PatientStore } from './patient.store';
import type { ReferenceStore } from './reference.store';
import { ChainVerification, verifyAccessLogChain } from './access-log-chain';
import { AuditOutcome, AuditRecordType } from '../../domain/audit';
import { pageByKey } from './sql';
import type { TenantDb } from './tenant-db';
import { Where } from './where';

export interface AccessLogRow {
  id: string;
  at: Date;
  requestId: string | null;
  userId: string | null;
  organisationId: string | null;
  careUnitId: string | null;
  roles: string[];
  patientId: string | null;
  action: string;
  recordType: string;
  recordId: string | null;
  purpose: string | null;
  outcome: AuditOutcome;
  /** `at` at full precision (a Date keeps milliseconds): the review's cursor. */
  atKey: string;
}

const COLUMNS = `l.id::text AS id, l.at, l.request_id AS "requestId", l.user_id AS "userId", l.organisation_id AS "organisationId",
  l.care_unit_id AS "careUnitId", l.roles, l.patient_id AS "patientId", l.action, l.record_type AS "recordType",
  l.record_id AS "recordId", l.purpose, l.outcome, l.at::text AS "atKey"`;

/** A patient's log newest first, by the log's own sequence (timestamps can tie); a patient's rows are few. */
const NEWEST_FIRST = [{ column: 'l.id', cast: 'bigint', descending: true }];

/**
 * The region's log newest first by time, then by sequence where times tie: the order of its index
 * (region_id, at, id), walked backwards from the end of a date window, so that a page of a window
 * far back stops after its own rows instead of walking every newer row. Rows are written at their
 * own time (clock_timestamp()), so this is the sequence's order but for writers racing within
 * microseconds.
 */
const NEWEST_FIRST_BY_TIME = [
  { column: 'l.at', cast: 'timestamptz', descending: true },
  { column: 'l.id', cast: 'bigint', descending: true },
];

/** Longest period one verification recomputes, as for the region's reports: it bounds one request's work. */
const MAX_VERIFY_DAYS = 3 * 366;

export interface ReviewFilter {
  userId?: string;
  patientId?: string;
  from?: Date;
  to?: Date;
  deniedOnly?: boolean;
}

/** Reading the access log: for a patient's own organisation, and for a TENANT_ADMIN's follow-up. */
export class AccessLogStore {
  constructor(
    private readonly scope: RequestScope,
    private readonly patients: PatientStore,
    private readonly reference: ReferenceStore,
  ) {}

  private get db(): TenantDb {
    return this.scope.db;
  }

  /**
   * Which organisations and care units touched a patient's data, and when (patientdatalagen
   * 8 kap 5 §). Only the organisation that keeps the patient's record may ask.
   */
  async forPatient(patientId: string, period: { from?: Date; to?: Date }, page: PageRequest): Promise<Page<AccessLogRow>> {
    const entry = { recordType: AuditRecordType.ACCESS_LOG, patientId, recordId: null };
    const viewer = this.patients.requirePatientRole();
    const patient = await this.patients.requireVisible(patientId, 'patientId');
    if (patient.ownerOrganisationId !== viewer.organisationId) {
      throw new ForbiddenError("Only the organisation that keeps the patient's record may read its access log", 'patientId');
    }
    const where = new Where();
    where.and(`l.patient_id = ${where.param(patientId)}`);
    if (period.from) where.and(`l.at >= ${where.param(period.from)}`);
    if (period.to) where.and(`l.at < ${where.param(period.to)}`);
    const rows = await pageByKey<AccessLogRow>(this.db, NEWEST_FIRST, `SELECT ${COLUMNS} FROM access_log l`, where, page);
    await this.scope.audit.write([{ ...entry, outcome: AuditOutcome.ALLOWED }]);
    return rows;
  }

  /** Systematic follow-up of accesses (patientdatalagen 4 kap 3 §) by users of the admin's region. */
  async review(filter: ReviewFilter, page: PageRequest): Promise<Page<AccessLogRow>> {
    const entry = { recordType: AuditRecordType.ACCESS_LOG, patientId: filter.patientId ?? null, recordId: null };
    const viewer = this.scope.requireRole(Role.TENANT_ADMIN);
    if (filter.patientId) await this.requireRegionPatient(filter.patientId, viewer.regionId);
    const where = new Where();
    where.and(`l.region_id = ${where.param(viewer.regionId)}`);
    if (filter.userId) where.and(`l.user_id = ${where.param(filter.userId)}`);
    if (filter.patientId) where.and(`l.patient_id = ${where.param(filter.patientId)}`);
    if (filter.from) where.and(`l.at >= ${where.param(filter.from)}`);
    if (filter.to) where.and(`l.at < ${where.param(filter.to)}`);
    if (filter.deniedOnly) where.and(`l.outcome <> 'ALLOWED'`);
    const rows = await pageByKey<AccessLogRow>(this.db, NEWEST_FIRST_BY_TIME, `SELECT ${COLUMNS} FROM access_log l`, where, page);
    await this.scope.audit.write([{ ...entry, outcome: AuditOutcome.ALLOWED }]);
    return rows;
  }

  /**
   * Recomputes the hash chain of the region's log over a period (TENANT_ADMIN of that region), so
   * that rows changed, removed or reordered by a role that can bypass the append-only trigger show.
   * Another region's code answers as an unknown one.
   */
  async verify(regionCode: string, country: Country, period: { from: string; to: string }): Promise<ChainVerification> {
    const viewer = this.scope.requireRole(Role.TENANT_ADMIN);
    const problem = regionCodeProblem(country, regionCode);
    if (problem) throw new BadUserInputError(`regionCode: ${problem}`, 'regionCode');
    if (period.to < period.from) throw new BadUserInputError('period.to: the period ends before it starts', 'period.to');
    if ((Date.parse(period.to) - Date.parse(period.from)) / 86400_000 > MAX_VERIFY_DAYS) {
      throw new BadUserInputError(`period: at most ${MAX_VERIFY_DAYS} days`, 'period');
    }
    const region = await this.reference.regionByCode(country, regionCode);
    if (!region || region.id !== viewer.regionId) throw new NotFoundError(`No region with code ${regionCode}`, 'regionCode');
    const result = await verifyAccessLogChain(this.db, region.id, period, region.timeZone);
    await this.scope.audit.write([{ recordType: AuditRecordType.ACCESS_LOG, patientId: null, recordId: null, outcome: AuditOutcome.ALLOWED }]);
    return result;
  }

  /**
   * A review filtered on a patient names a patient of the admin's own region; any other id is
   * NOT_FOUND, worded as for a patient that does not exist.
   */
  private async requireRegionPatient(patientId: string, regionId: string): Promise<void> {
    const [row] = await this.db.query(`SELECT 1 FROM patient WHERE id = $1 AND region_id = $2`, [patientId, regionId]);
    if (!row) throw new NotFoundError(`No patient with id ${patientId} in your region`, 'filter.patientId');
  }
}
