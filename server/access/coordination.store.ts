import { randomUUID } from 'node:crypto';
import type DataLoader from 'dataloader';
import { AuditOutcome, AuditRecordType } from '../../domain/audit';
import { CoordinationStatus } from '../../domain/coordination';
import { Role } from '../../domain/enums';
import { ParticipationSource } from '../../domain/participation';
import { PATIENT_ROLES } from '../../domain/roles';
import { isUuid } from '../../domain/uuid';
import {
  CoordinationActivityEntity,
  CoordinationCaseEntity,
  CoordinationConsentEntity,
  CoordinationEmployerEntity,
  CoordinationKvaEntity,
  CoordinationReturnToWorkPlanEntity,
  CoordinationReturnToWorkStepEntity,
  CoordinationStatusChangeEntity,
} from '../../entities';
import { ConflictError, ConflictReason, ForbiddenError, NotFoundError } from '../../schema/common/errors';
import type { Viewer } from '../auth/viewer';
import { childLoader, ParentKey } from './child-loader';
import { insertRows, RowOf, selectList } from './entity-columns';
import { namedLoader } from './named-loader';
import { joinCase } from './participation.sql';
import type { PatientStore } from './patient.store';
import { visibleTo } from './patient.store';
import type { RequestScope } from './request-scope';
import type { Queryable } from './sql';
import { writeUnit } from './versioned-write';

const CASE = selectList(CoordinationCaseEntity, 'cc');
export type CoordinationCaseRow = RowOf<typeof CASE>;

const STATUS_CHANGE = selectList(CoordinationStatusChangeEntity, 'sc', ['seq']);
export type CoordinationStatusChangeRow = RowOf<typeof STATUS_CHANGE>;

const EMPLOYER = selectList(CoordinationEmployerEntity, 'e');
export type CoordinationEmployerRow = RowOf<typeof EMPLOYER>;

const CONSENT = selectList(CoordinationConsentEntity, 'k');
export type CoordinationConsentRow = RowOf<typeof CONSENT>;

const ACTIVITY = selectList(CoordinationActivityEntity, 'a');
export type CoordinationActivityRow = RowOf<typeof ACTIVITY>;

const KVA = selectList(CoordinationKvaEntity, 'q');
export type CoordinationKvaRow = RowOf<typeof KVA>;

const PLAN = selectList(CoordinationReturnToWorkPlanEntity, 'rp');
export type ReturnToWorkPlanRow = RowOf<typeof PLAN>;

const STEP = selectList(CoordinationReturnToWorkStepEntity, 'st');
export type ReturnToWorkStepRow = RowOf<typeof STEP>;

/** A case is visible while its patient is: the viewer's organisation owns the record or takes part in the patient's case. */
export const caseVisibleTo = (alias: string, organisationParam: string) =>
  `EXISTS (SELECT 1 FROM patient p WHERE p.id = ${alias}.patient_id AND p.region_id = ${alias}.region_id AND ${visibleTo('p', organisationParam)})`;

export type NewCoordinationCase = Pick<CoordinationCaseEntity, 'patientId' | 'regionId' | 'ownerOrganisationId' | 'careUnitId' | 'status' | 'occupation' | 'sickLeaveFrom' | 'sickLeaveTo' | 'sickLeaveDegree'>;

/** The case's own columns a change may set. */
export type CoordinationCasePatch = Partial<Pick<CoordinationCaseEntity, 'status' | 'closedAt' | 'outcome' | 'firstContactAt' | 'lastActivityAt' | 'coordinatorUserId'>>;

export type NewConsent = Omit<CoordinationConsentEntity, 'id' | 'regionId' | 'caseId' | 'patientId' | 'recordedBy' | 'recordedAt' | 'withdrawnAt' | 'withdrawnBy'>;
export type NewEmployer = Pick<CoordinationEmployerEntity, 'name' | 'organisationNumber' | 'contactName' | 'contactDetails'>;
export type NewActivity = Omit<CoordinationActivityEntity, 'id' | 'regionId' | 'caseId' | 'recordedBy' | 'recordedAt'>;
export type NewStep = Pick<CoordinationReturnToWorkStepEntity, 'fromDate' | 'toDate' | 'workPercent' | 'responsibilities'>;

/** One change of a case, written whole in one transaction or not at all (decided by the domain rules first). */
export interface CoordinationEdit {
  patch?: CoordinationCasePatch;
  /**
   * The status change's history row (the patch sets the status and outcome); at its instant the case
   * closes (CLOSED) or has its first contact (`contacted`).
   */
  statusChange?: { from: CoordinationStatus; to: CoordinationStatus; note: string | null; contacted: boolean };
  employer?: NewEmployer;
  consent?: NewConsent;
  withdrawConsentId?: string;
  /** An activity with the KVÅ codes it earned (each the version valid on its date). */
  activity?: { values: NewActivity; kva: { code: string; validFrom: string }[] };
  /** Replaces the case's return-to-work plan; the activity above is the one that sets it. */
  plan?: { goal: string | null; steps: NewStep[] };
}

/** What a change wrote besides the case: the id of the new employer, consent or activity. */
export interface CoordinationWritten {
  coordinationCase: CoordinationCaseRow;
  createdId: string | null;
}

/**
 * Rehabilitation coordination cases with their status history, employers, consents, activities,
 * KVÅ codes and return-to-work plan. A viewer with a patient role sees a case while it may see the
 * case's patient; anything else is NOT_FOUND. Changes are made by a REHAB_COORDINATOR acting for the
 * case's care unit, each checking and raising the case's version. Reads and writes are logged here
 * (record type COORDINATION_CASE, the case's id); refusals by the audit middleware. Children load
 * through DataLoaders keyed with the region: a list of cases with their children costs a constant
 * number of statements.
 */
export class CoordinationStore {
  private readonly byId: DataLoader<string, CoordinationCaseRow | null>;
  private readonly historyOf: DataLoader<ParentKey, CoordinationStatusChangeRow[], string>;
  private readonly employersOf: DataLoader<ParentKey, CoordinationEmployerRow[], string>;
  private readonly consentsOf: DataLoader<ParentKey, CoordinationConsentRow[], string>;
  private readonly activitiesOf: DataLoader<ParentKey, CoordinationActivityRow[], string>;
  private readonly kvaOf: DataLoader<ParentKey, CoordinationKvaRow[], string>;
  private readonly plansOf: DataLoader<ParentKey, ReturnToWorkPlanRow[], string>;
  private readonly stepsOf: DataLoader<ParentKey, ReturnToWorkStepRow[], string>;

  constructor(
    private readonly scope: RequestScope,
    private readonly patients: PatientStore,
  ) {
    const db = scope.db;
    this.byId = scope.once('coordination.byId', () =>
      namedLoader('coordination.byId', async (ids) => {
        const viewer = scope.requireViewer();
        const rows: CoordinationCaseRow[] = await db.query(`SELECT ${CASE.sql} FROM coordination_case cc WHERE cc.id = ANY($1::uuid[]) AND ${caseVisibleTo('cc', '$2')}`, [ids, viewer.organisationId]);
        const map = new Map(rows.map((r) => [r.id, r]));
        return ids.map((id) => map.get(id) ?? null);
      }),
    );
    // Children of cases the viewer has already been allowed to see.
    const ofCase = <T extends { caseId: string }>(name: Parameters<typeof childLoader>[1]['name'], columns: string, from: string, order: string) =>
      scope.once(name, () => childLoader<T>(db, { name, columns, from, parentColumn: 'case_id', order, parentOf: (r) => r.caseId }));
    this.historyOf = ofCase('coordination.historyOf', STATUS_CHANGE.sql, 'coordination_status_change sc', 'sc.seq');
    this.employersOf = ofCase('coordination.employersOf', EMPLOYER.sql, 'coordination_employer e', 'e.added_at, e.id');
    this.consentsOf = ofCase('coordination.consentsOf', CONSENT.sql, 'coordination_consent k', 'k.recorded_at, k.id');
    this.activitiesOf = ofCase('coordination.activitiesOf', ACTIVITY.sql, 'coordination_activity a', 'a.occurred_at, a.id');
    this.kvaOf = ofCase('coordination.kvaOf', KVA.sql, 'coordination_kva q', 'q.occurred_at, q.code');
    this.plansOf = ofCase('coordination.plansOf', PLAN.sql, 'coordination_return_to_work_plan rp', 'rp.id');
    this.stepsOf = scope.once('coordination.stepsOf', () =>
      childLoader<ReturnToWorkStepRow>(db, { name: 'coordination.stepsOf', columns: STEP.sql, from: 'coordination_return_to_work_step st', parentColumn: 'plan_id', order: 'st.position', parentOf: (r) => r.planId }),
    );
  }

  private get db() {
    return this.scope.db;
  }

  private get audit() {
    return this.scope.audit;
  }

  requireRole(): Viewer {
    return this.scope.requireRole(...PATIENT_ROLES);
  }

  /** A case the viewer may see, or NOT_FOUND. Does not log: callers do. */
  async requireVisible(id: string, field = 'id'): Promise<CoordinationCaseRow> {
    this.requireRole();
    const row = isUuid(id) ? await this.byId.load(id) : null;
    if (!row) throw new NotFoundError(`No coordination case with id ${id} that you may see`, field);
    return row;
  }

  /**
   * A case the viewer may change: visible (else NOT_FOUND), and the viewer a REHAB_COORDINATOR acting
   * for the case's care unit (else FORBIDDEN), read afresh; a version other than the case's is a
   * CONFLICT before anything is decided.
   */
  async forChange(id: string, field: string, expectedVersion: number): Promise<CoordinationCaseRow> {
    this.byId.clear(id);
    const row = await this.requireVisible(id, field);
    const viewer = this.scope.requireViewer();
    if (!viewer.roles.has(Role.REHAB_COORDINATOR) || viewer.careUnitId !== row.careUnitId) {
      throw new ForbiddenError('A coordination case is changed by a rehabilitation coordinator (REHAB_COORDINATOR) acting for its care unit', field);
    }
    if (row.version !== expectedVersion) throw new ConflictError(ConflictReason.STALE_VERSION, staleMessage(expectedVersion), 'version');
    this.clearChildren(row);
    return row;
  }

  /** One case, logged as a read of its patient's data. */
  async get(id: string): Promise<CoordinationCaseRow> {
    const row = await this.requireVisible(id);
    await this.logRead([row]);
    return row;
  }

  statusHistory(c: ParentKey): Promise<CoordinationStatusChangeRow[]> {
    return this.historyOf.load(c);
  }

  employers(c: ParentKey): Promise<CoordinationEmployerRow[]> {
    return this.employersOf.load(c);
  }

  consents(c: ParentKey): Promise<CoordinationConsentRow[]> {
    return this.consentsOf.load(c);
  }

  activities(c: ParentKey): Promise<CoordinationActivityRow[]> {
    return this.activitiesOf.load(c);
  }

  /** Every KVÅ code the case's activities earned, by time. */
  kvaCodes(c: ParentKey): Promise<CoordinationKvaRow[]> {
    return this.kvaOf.load(c);
  }

  /** The case's return-to-work plan, if one is set. */
  async returnToWorkPlan(c: ParentKey): Promise<ReturnToWorkPlanRow | null> {
    return (await this.plansOf.load(c))[0] ?? null;
  }

  steps(plan: ParentKey): Promise<ReturnToWorkStepRow[]> {
    return this.stepsOf.load(plan);
  }

  /**
   * Opens a case at the viewer's care unit, assigned to the viewer (a REHAB_COORDINATOR there); the
   * viewer's organisation takes part in the patient's case through it. The opening is the first row
   * of the status history; a consent to coordination given with it is recorded in the same unit.
   */
  async open(values: NewCoordinationCase, consent: NewConsent | null, note: string | null): Promise<CoordinationCaseRow> {
    const viewer = this.requireRole();
    const id = randomUUID();
    const now = this.scope.now();
    await writeUnit(this.db, this.audit, {
      write: async (tx) => {
        const insert = insertRows(CoordinationCaseEntity, [
          { id, ...values, coordinatorUserId: viewer.userId, version: 1, openedAt: now, firstContactAt: values.status === CoordinationStatus.NONE ? null : now, lastActivityAt: now, closedAt: null, outcome: null, createdBy: viewer.userId, updatedAt: now },
        ]);
        // The participation first: it refuses a patient the viewer may not see before the case is written.
        await joinCase(tx, viewer.organisationId, {
          patientId: values.patientId,
          organisations: [{ organisationId: viewer.organisationId, careUnitId: values.careUnitId }],
          source: ParticipationSource.COORDINATION_CASE,
          sourceId: id,
        });
        await tx.query(insert.sql, insert.values);
        await this.insertStatusChange(tx, { id, regionId: values.regionId }, { from: null, to: values.status, note }, viewer, now);
        if (consent) await this.insertConsent(tx, { id, regionId: values.regionId, patientId: values.patientId }, consent, viewer, now);
      },
      log: [{ recordType: AuditRecordType.COORDINATION_CASE, patientId: values.patientId, recordId: id, outcome: AuditOutcome.ALLOWED }],
    });
    this.patients.participationChanged();
    return this.reload({ id, regionId: values.regionId });
  }

  /** Makes one change of a case if it is still at `expectedVersion`; a stale version is a CONFLICT and nothing is written. */
  async change(c: CoordinationCaseRow, expectedVersion: number, edit: CoordinationEdit): Promise<CoordinationWritten> {
    const viewer = this.requireRole();
    const now = this.scope.now();
    const key = { id: c.id, regionId: c.regionId };
    const change = edit.statusChange;
    const patch = { ...edit.patch, ...(change?.to === CoordinationStatus.CLOSED ? { closedAt: now } : {}), ...(change?.contacted ? { firstContactAt: now } : {}) };
    const createdId = await writeUnit(this.db, this.audit, {
      root: { entity: CoordinationCaseEntity, id: c.id, expectedVersion, patch, at: now, stale: staleMessage(expectedVersion) },
      write: async (tx) => {
        let created: string | null = null;
        if (change) await this.insertStatusChange(tx, key, change, viewer, now);
        if (edit.employer) {
          created = randomUUID();
          const insert = insertRows(CoordinationEmployerEntity, [{ id: created, regionId: c.regionId, caseId: c.id, ...edit.employer, addedBy: viewer.userId, addedAt: now }]);
          await tx.query(insert.sql, insert.values);
        }
        if (edit.consent) created = await this.insertConsent(tx, { ...key, patientId: c.patientId }, edit.consent, viewer, now);
        if (edit.withdrawConsentId) {
          await tx.query(`UPDATE coordination_consent SET withdrawn_at = $3, withdrawn_by = $4 WHERE id = $1 AND case_id = $2 AND withdrawn_at IS NULL`, [edit.withdrawConsentId, c.id, now, viewer.userId]);
        }
        if (edit.activity) {
          created = randomUUID();
          const activity = insertRows(CoordinationActivityEntity, [{ id: created, regionId: c.regionId, caseId: c.id, ...edit.activity.values, recordedBy: viewer.userId, recordedAt: now }]);
          await tx.query(activity.sql, activity.values);
          if (edit.activity.kva.length) {
            const occurredAt = edit.activity.values.occurredAt;
            const kva = insertRows(
              CoordinationKvaEntity,
              edit.activity.kva.map((k) => ({ id: randomUUID(), regionId: c.regionId, caseId: c.id, activityId: created!, code: k.code, codeValidFrom: k.validFrom, occurredAt })),
            );
            await tx.query(kva.sql, kva.values);
          }
        }
        if (edit.plan) await this.replacePlan(tx, key, created!, edit.plan, viewer, now);
        return created;
      },
      log: [{ recordType: AuditRecordType.COORDINATION_CASE, patientId: c.patientId, recordId: c.id, outcome: AuditOutcome.ALLOWED }],
    });
    return { coordinationCase: await this.reload(key), createdId };
  }

  /** Logs a read of cases (one row per case). */
  async logRead(cases: { id: string; patientId: string }[]): Promise<void> {
    if (!cases.length) return;
    await this.audit.write(cases.map((c) => ({ recordType: AuditRecordType.COORDINATION_CASE, patientId: c.patientId, recordId: c.id, outcome: AuditOutcome.ALLOWED })));
  }

  private async insertStatusChange(tx: Queryable, c: ParentKey, change: { from: CoordinationStatus | null; to: CoordinationStatus; note: string | null }, viewer: Viewer, now: Date) {
    const insert = insertRows(CoordinationStatusChangeEntity, [
      { id: randomUUID(), regionId: c.regionId, caseId: c.id, fromStatus: change.from, toStatus: change.to, changedAt: now, changedBy: viewer.userId, note: change.note },
    ]);
    await tx.query(insert.sql, insert.values);
  }

  private async insertConsent(tx: Queryable, c: ParentKey & { patientId: string }, consent: NewConsent, viewer: Viewer, now: Date): Promise<string> {
    const id = randomUUID();
    const insert = insertRows(CoordinationConsentEntity, [
      { id, regionId: c.regionId, caseId: c.id, patientId: c.patientId, ...consent, recordedBy: viewer.userId, recordedAt: now, withdrawnAt: null, withdrawnBy: null },
    ]);
    await tx.query(insert.sql, insert.values);
    return id;
  }

  /** The case's one plan, updated in place (its id stays, for what links to it), with its steps replaced. */
  private async replacePlan(tx: Queryable, c: ParentKey, activityId: string, plan: { goal: string | null; steps: NewStep[] }, viewer: Viewer, now: Date) {
    const [row]: { id: string }[] = await tx.query(
      `INSERT INTO coordination_return_to_work_plan (id, region_id, case_id, activity_id, goal, set_by, set_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (case_id) DO UPDATE SET activity_id = EXCLUDED.activity_id, goal = EXCLUDED.goal, set_by = EXCLUDED.set_by, set_at = EXCLUDED.set_at
       RETURNING id`,
      [randomUUID(), c.regionId, c.id, activityId, plan.goal, viewer.userId, now],
    );
    await tx.query(`DELETE FROM coordination_return_to_work_step WHERE plan_id = $1 AND region_id = $2`, [row.id, c.regionId]);
    const insert = insertRows(
      CoordinationReturnToWorkStepEntity,
      plan.steps.map((s, i) => ({ id: randomUUID(), regionId: c.regionId, planId: row.id, position: i + 1, ...s })),
    );
    await tx.query(insert.sql, insert.values);
  }

  private clearChildren(c: ParentKey) {
    for (const loader of [this.historyOf, this.employersOf, this.consentsOf, this.activitiesOf, this.kvaOf, this.plansOf]) loader.clear(c);
    this.stepsOf.clearAll();
  }

  private async reload(c: ParentKey): Promise<CoordinationCaseRow> {
    this.byId.clear(c.id);
    this.clearChildren(c);
    return (await this.byId.load(c.id))!;
  }
}

const staleMessage = (version: number) => `The case has changed since version ${version}; read it again and retry`;
