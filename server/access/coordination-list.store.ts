import { AuditOutcome, AuditRecordType } from '../../domain/audit';
import { CoordinationStatus, OPEN_STATUSES, Occupation } from '../../domain/coordination';
import { quietSince } from '../../domain/coordination-lists';
import { Role } from '../../domain/enums';
import { CoordinationCaseEntity } from '../../entities';
import { ForbiddenError, NotFoundError } from '../../schema/common/errors';
import { Page, PageRequest } from '../../schema/common/page';
import type { Viewer } from '../auth/viewer';
import { RowOf, selectList } from './entity-columns';
import { visibleTo } from './patient.store';
import type { ReferenceStore } from './reference.store';
import type { RequestScope } from './request-scope';
import { pageByKey, PageKeys } from './sql';
import { Where } from './where';

const CASE = selectList(CoordinationCaseEntity, 'cc');
export type CoordinationListRow = RowOf<typeof CASE>;

/** The attention order (domain/coordination-lists.ts byAttention): sick leave ending soonest, longest without activity, id. */
const BY_ATTENTION: PageKeys = [
  { column: 'cc.sick_leave_to', cast: 'date' },
  { column: 'cc.last_activity_at', cast: 'timestamptz' },
  { column: 'cc.id', cast: 'uuid' },
];

export interface CoordinationListQuery {
  careUnitId: string;
  /** One coordinator's cases; null: every coordinator's of the unit. */
  coordinatorUserId: string | null;
  /** null: the open ones (NONE, CONTACTED, ACTIVE, FOLLOW_UP). */
  statuses: CoordinationStatus[] | null;
  /** Cases without activity for at least this many days. */
  quietForDays: number | null;
  /** Cases whose sick leave ends on or before this date. */
  sickLeaveEndsOnOrBefore: string | null;
  occupations: Occupation[] | null;
  /** Only the patients born in the young-adult band's dates (inBand), or only the others; null: all. */
  youngAdult: { inBand: boolean; bornAfter: string; bornOnOrBefore: string } | null;
}

/** One coordinator's open cases at a care unit: how many, in which status, how old. */
export interface CoordinatorWorkloadRow {
  coordinatorUserId: string;
  openCases: number;
  byStatus: { status: CoordinationStatus; count: number }[];
  oldestOpenedAt: Date;
  /** Days since opening, over the open cases. */
  meanAgeDays: number;
  maxAgeDays: number;
}

/**
 * The coordinator's lists of rehabilitation coordination cases (issue 18 item 4): the cases of a
 * care unit in attention order, and the workload of its coordinators. A REHAB_COORDINATOR sees the
 * lists of the care unit they act for, and only cases whose patient their organisation may see;
 * every case listed is logged (record type COORDINATION_CASE). A TENANT_ADMIN of the region sees
 * the workload, which holds no patient data.
 */
export class CoordinationListStore {
  constructor(
    private readonly scope: RequestScope,
    private readonly reference: ReferenceStore,
  ) {}

  /** The viewer when they act as REHAB_COORDINATOR for `careUnitId`, else FORBIDDEN. */
  private requireCoordinatorAt(careUnitId: string): Viewer {
    const viewer = this.scope.requireRole(Role.REHAB_COORDINATOR);
    if (viewer.careUnitId !== careUnitId) throw new ForbiddenError('A coordinator sees the lists of the care unit they act for', 'careUnitId');
    return viewer;
  }

  /** A page of the unit's cases in attention order, filtered. One statement for the page, one for its access-log rows. */
  async cases(query: CoordinationListQuery, page: PageRequest): Promise<Page<CoordinationListRow>> {
    const viewer = this.requireCoordinatorAt(query.careUnitId);
    const where = new Where();
    where.and(`cc.care_unit_id = ${where.param(query.careUnitId)}`);
    const statuses = query.statuses ?? OPEN_STATUSES;
    where.and(`cc.status = ANY(${where.param(statuses)}::text[])`);
    // Open cases only: the list's indexes are partial on open cases.
    if (statuses.every((s) => OPEN_STATUSES.includes(s))) where.and('cc.closed_at IS NULL');
    if (query.coordinatorUserId !== null) where.and(`cc.coordinator_user_id = ${where.param(query.coordinatorUserId)}`);
    if (query.quietForDays !== null) where.and(`cc.last_activity_at <= ${where.param(quietSince(this.scope.now(), query.quietForDays))}::timestamptz`);
    if (query.sickLeaveEndsOnOrBefore !== null) where.and(`cc.sick_leave_to <= ${where.param(query.sickLeaveEndsOnOrBefore)}::date`);
    if (query.occupations !== null) where.and(`cc.occupation = ANY(${where.param(query.occupations)}::text[])`);
    // The patient must be one the viewer's organisation may see; the age band is the patient's too.
    // LIMIT 1 keeps the patient a look-up by key for each case read in attention order (the planner
    // would otherwise start from the patients born in the band and sort the unit's cases).
    const patient = `SELECT p.birth_date FROM patient p WHERE p.id = cc.patient_id AND p.region_id = cc.region_id AND ${visibleTo('p', where.param(viewer.organisationId))} LIMIT 1`;
    const young = query.youngAdult;
    const band = young ? `${young.inBand ? '' : 'NOT '}(p.birth_date > ${where.param(young.bornAfter)}::date AND p.birth_date <= ${where.param(young.bornOnOrBefore)}::date)` : 'true';
    where.and(`EXISTS (SELECT 1 FROM (${patient}) p WHERE ${band})`);
    const rows = await pageByKey<CoordinationListRow>(this.scope.db, BY_ATTENTION, `SELECT ${CASE.sql} FROM coordination_case cc`, where, page);
    await this.logRead(rows.nodes);
    return rows;
  }

  /**
   * The open cases of a care unit per coordinator, most cases first (then by user id): counts by
   * status and the cases' age in days since opening. One statement.
   */
  async workload(careUnitId: string): Promise<CoordinatorWorkloadRow[]> {
    const viewer = this.scope.requireRole(Role.REHAB_COORDINATOR, Role.TENANT_ADMIN);
    if (!viewer.roles.has(Role.TENANT_ADMIN)) this.requireCoordinatorAt(careUnitId);
    const unit = await this.reference.careUnit(careUnitId);
    if (!unit || unit.regionId !== viewer.regionId) throw new NotFoundError(`No care unit with id ${careUnitId} in your region`, 'careUnitId');
    const rows: (Omit<CoordinatorWorkloadRow, 'byStatus'> & { statuses: string[]; counts: number[] })[] = await this.scope.db.query(
      `SELECT w."coordinatorUserId", w."openCases", w."oldestOpenedAt", w."meanAgeDays", w."maxAgeDays",
              array_agg(s.status ORDER BY s.status) AS statuses, array_agg(s.n ORDER BY s.status) AS counts
         FROM (SELECT cc.coordinator_user_id AS "coordinatorUserId", count(*)::int AS "openCases", min(cc.opened_at) AS "oldestOpenedAt",
                      round(avg(extract(epoch FROM $2::timestamptz - cc.opened_at) / 86400)::numeric, 1)::float AS "meanAgeDays",
                      floor(max(extract(epoch FROM $2::timestamptz - cc.opened_at) / 86400))::int AS "maxAgeDays"
                 FROM coordination_case cc WHERE cc.care_unit_id = $1 AND cc.closed_at IS NULL GROUP BY cc.coordinator_user_id) w
         JOIN (SELECT cc.coordinator_user_id, cc.status, count(*)::int AS n
                 FROM coordination_case cc WHERE cc.care_unit_id = $1 AND cc.closed_at IS NULL GROUP BY 1, 2) s ON s.coordinator_user_id = w."coordinatorUserId"
        GROUP BY 1, 2, 3, 4, 5
        ORDER BY w."openCases" DESC, w."coordinatorUserId"`,
      [careUnitId, this.scope.now()],
    );
    return rows.map(({ statuses, counts, ...w }) => ({ ...w, byStatus: statuses.map((status, i) => ({ status: status as CoordinationStatus, count: counts[i] })) }));
  }

  /** One access-log row per case listed; an empty page logs the search itself (no patient). */
  private async logRead(cases: { id: string; patientId: string }[]): Promise<void> {
    await this.scope.audit.write(
      cases.length
        ? cases.map((c) => ({ recordType: AuditRecordType.COORDINATION_CASE, patientId: c.patientId, recordId: c.id, outcome: AuditOutcome.ALLOWED }))
        : [{ recordType: AuditRecordType.COORDINATION_CASE, patientId: null, recordId: null, outcome: AuditOutcome.ALLOWED }],
    );
  }
}
