import { Role } from '../../domain/enums';
import { Page, PageRequest } from '../../schema/common/page';
import { ForbiddenError } from '../errors';
import type { Access } from './access';
import { AuditOutcome, AuditRecordType } from './audit';
import { pageByKey } from './sql';
import type { TenantDb } from './tenant-db';

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
}

const COLUMNS = `l.id::text AS id, l.at, l.request_id AS "requestId", l.user_id AS "userId", l.organisation_id AS "organisationId",
  l.care_unit_id AS "careUnitId", l.roles, l.patient_id AS "patientId", l.action, l.record_type AS "recordType",
  l.record_id AS "recordId", l.purpose, l.outcome`;

/** Newest first, by the log's own sequence (timestamps can tie). */
const NEWEST_FIRST = [{ column: 'l.id', cast: 'bigint', descending: true }];

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
    private readonly access: Access,
    private readonly db: TenantDb,
  ) {}

  /**
   * Which organisations and care units touched a patient's data, and when (patientdatalagen
   * 8 kap 5 §). Only the organisation that keeps the patient's record may ask.
   */
  async forPatient(patientId: string, period: { from?: Date; to?: Date }, page: PageRequest, action: string): Promise<Page<AccessLogRow>> {
    const entry = { action, recordType: AuditRecordType.ACCESS_LOG, patientId, recordId: null };
    const viewer = this.access.patients.requirePatientRole();
    const patient = await this.access.patients.requireVisible(patientId, 'patientId');
    if (patient.ownerOrganisationId !== viewer.organisationId) {
      throw new ForbiddenError("Only the organisation that keeps the patient's record may read its access log", 'patientId');
    }
    const params: unknown[] = [patientId];
    let where = 'l.patient_id = $1';
    if (period.from) where += ` AND l.at >= $${params.push(period.from)}`;
    if (period.to) where += ` AND l.at < $${params.push(period.to)}`;
    const rows = await pageByKey<AccessLogRow>(this.db, NEWEST_FIRST, `SELECT ${COLUMNS} FROM access_log l WHERE ${where}`, params, page);
    await this.access.audit.write([{ ...entry, outcome: AuditOutcome.ALLOWED }]);
    return rows;
  }

  /** Systematic follow-up of accesses (patientdatalagen 4 kap 3 §) by users of the admin's region. */
  async review(filter: ReviewFilter, page: PageRequest, action: string): Promise<Page<AccessLogRow>> {
    const entry = { action, recordType: AuditRecordType.ACCESS_LOG, patientId: filter.patientId ?? null, recordId: null };
    const viewer = this.access.requireRole(Role.TENANT_ADMIN);
    const params: unknown[] = [viewer.regionId];
    let where = 'l.region_id = $1';
    if (filter.userId) where += ` AND l.user_id = $${params.push(filter.userId)}`;
    if (filter.patientId) where += ` AND l.patient_id = $${params.push(filter.patientId)}`;
    if (filter.from) where += ` AND l.at >= $${params.push(filter.from)}`;
    if (filter.to) where += ` AND l.at < $${params.push(filter.to)}`;
    if (filter.deniedOnly) where += ` AND l.outcome <> 'ALLOWED'`;
    const rows = await pageByKey<AccessLogRow>(this.db, NEWEST_FIRST, `SELECT ${COLUMNS} FROM access_log l WHERE ${where}`, params, page);
    await this.access.audit.write([{ ...entry, outcome: AuditOutcome.ALLOWED }]);
    return rows;
  }
}
