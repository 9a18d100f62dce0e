import { randomUUID } from 'node:crypto';
import type DataLoader from 'dataloader';
import { LoaderName, namedLoader } from './named-loader';
import { OrganisationKind, Role } from '../../domain/enums';
import { SipParticipantKind, SipStatus } from '../../domain/sip';
import type { SipPlanFacts } from '../../domain/sip-change';
import { isUuid } from '../../domain/uuid';
import { DatedParameter, PARAMETER } from '../../domain/rule-parameters';
import { SipEntity } from '../../entities';
import { ParticipationSource } from '../../domain/participation';
import { Page, PageRequest } from '../../schema/common/page';
import type { Viewer } from '../auth/viewer';
import { ForbiddenError, NotFoundError } from '../../schema/common/errors';
import type { RequestScope } from './request-scope';
import type { PatientStore } from './patient.store';
import { AuditOutcome, AuditRecordType } from '../../domain/audit';
import { PATIENT_ROLES } from '../../domain/roles';
import { childLoader, ParentKey } from './child-loader';
import {
  SIP_COLUMNS,
  SIP_FOLLOW_UP_COLUMNS,
  SIP_INTERVENTION_COLUMNS,
  SIP_MEETING_COLUMNS,
  SIP_PARTICIPANT_COLUMNS,
  SipFollowUpRow,
  SipInterventionRow,
  SipMeetingRow,
  SipParticipantRow,
  SipRow,
  SipStatisticsRow,
} from './rows.sip';
import { joinCase } from './participation.sql';
import { RULE_PARAMETER_COLUMNS } from './rows';
import { conflictOnUnique, pageByKey, Queryable } from './sql';
import type { TenantDb } from './tenant-db';
import { writeUnit } from './versioned-write';
import { Where } from './where';

export type NewSip = Pick<SipEntity, 'patientId' | 'regionId' | 'status' | 'handoffId' | 'meetingPlannedAt' | 'meetingPlannedPlace' | 'calledAt'>;

export type NewSipParticipant = Pick<SipParticipantRow, 'kind' | 'organisationId' | 'careUnitId' | 'basis' | 'contactName' | 'contactRole' | 'contactDetails'>;

export interface NewSipIntervention {
  description: string;
  responsibleOrganisationId: string;
  dueDate: string | null;
  returnToWorkPlanId: string | null;
}

export interface NewSipMeeting {
  id: string;
  heldAt: Date;
  place: string | null;
  video: boolean;
  note: string | null;
  attendeeIds: string[];
}

/** The plan's own columns a change may set. */
export type SipPatch = Partial<
  Pick<
    SipEntity,
    | 'status'
    | 'overallResponsibleOrganisationId'
    | 'personGoals'
    | 'personOwnActions'
    | 'personObjectsToRelatives'
    | 'meetingPlannedAt'
    | 'meetingPlannedPlace'
    | 'calledAt'
    | 'activatedAt'
    | 'endedAt'
    | 'endReason'
  >
>;

/**
 * One change of a plan, written whole in one transaction or not at all. Every part is optional;
 * the service decides them (domain/sip-change.ts) before the write.
 */
export interface SipEdit {
  patch?: SipPatch;
  /** Replaces every intervention, in this order. */
  interventions?: NewSipIntervention[];
  /** Joins the plan; organisations also join the patient's case. */
  participants?: NewSipParticipant[];
  participantContact?: { participantId: string; contactName: string | null; contactRole: string | null; contactDetails: string | null };
  /** The person objects to relatives: they no longer take part. */
  removeRelatives?: boolean;
  meeting?: NewSipMeeting;
  /** The KVÅ code a meeting earned. */
  meetingKva?: { meetingId: string; code: string | null };
  /** Completes the open follow-up; `occurredAt` is when it was done (domain/event-time.ts), null: when it is recorded. */
  followUpDone?: { meetingId: string | null; note: string | null; kvaCode: string | null; occurredAt: Date | null };
  /** Moves the open follow-up to this date, or opens one. */
  nextFollowUpDate?: string;
  /** What the access log records. */
  recordType?: AuditRecordType;
}

/** A plan as a change of it is decided (SipStore.forChange). */
export interface SipForChange {
  sip: SipRow;
  /** The plan with its participants still taking part, interventions and meetings, as the decision reads it. */
  plan: SipPlanFacts;
  /** The plan's region's time zone: its local dates. */
  timeZone: string;
  /** When its latest follow-up was done (its occurredAt); null before the first. With its meetings, its previous event. */
  lastFollowUpAt: Date | null;
  /** The dated values of events.lookBackDays for the plan's region (its own and the default), read with the plan. */
  lookBackParameters: DatedParameter[];
}

export interface SipQuery {
  patientId: string | null;
  status: SipStatus | null;
}

/**
 * Coordinated individual plans. A viewer sees a plan while the viewer's organisation takes part in
 * it; anything else is NOT_FOUND. Organisations that join a plan take part in the patient's case in
 * the same transaction. Every change checks and raises the plan's version; reads and writes are
 * logged here.
 */
export class SipStore {
  private readonly byId: DataLoader<string, SipRow | null>;
  private readonly participantsOf: DataLoader<ParentKey, SipParticipantRow[], string>;
  private readonly interventionsOf: DataLoader<ParentKey, SipInterventionRow[], string>;
  private readonly meetingsOf: DataLoader<ParentKey, SipMeetingRow[], string>;
  private readonly followUpsOf: DataLoader<ParentKey, SipFollowUpRow[], string>;

  constructor(
    private readonly scope: RequestScope,
    private readonly patients: PatientStore,
  ) {
    const db = scope.db;
    // The viewer's organisation is part of every visibility statement, so keys are plain ids.
    this.byId = scope.once('sips.byId', () => namedLoader('sips.byId', async (ids) => {
      const viewer = scope.requireViewer();
      const rows: SipRow[] = await db.query(`SELECT ${SIP_COLUMNS} FROM sip s WHERE s.id = ANY($1::uuid[]) AND ${takesPart('s', '$2')}`, [ids, viewer.organisationId]);
      const map = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => map.get(id) ?? null);
    }));
    // Children of plans the viewer has already been allowed to see.
    const children = <T extends { sipId: string }>(name: LoaderName, columns: string, from: string, order: string) =>
      childLoader<T>(db, { name, columns, from, parentColumn: 'sip_id', order, parentOf: (r) => r.sipId });
    this.participantsOf = scope.once('sips.participantsOf', () => children('sips.participantsOf', SIP_PARTICIPANT_COLUMNS, 'sip_participant sp', 'sp.seq'));
    this.interventionsOf = scope.once('sips.interventionsOf', () => children('sips.interventionsOf', SIP_INTERVENTION_COLUMNS, 'sip_intervention si', 'si.position'));
    this.meetingsOf = scope.once('sips.meetingsOf', () => children('sips.meetingsOf', SIP_MEETING_COLUMNS, 'sip_meeting sm', 'sm.held_at, sm.id'));
    this.followUpsOf = scope.once('sips.followUpsOf', () => children('sips.followUpsOf', SIP_FOLLOW_UP_COLUMNS, 'sip_follow_up f', 'f.due_date, f.id'));
  }

  private get db(): TenantDb {
    return this.scope.db;
  }

  private get audit() {
    return this.scope.audit;
  }

  requireRole(): Viewer {
    return this.scope.requireRole(...PATIENT_ROLES);
  }

  /** A plan the viewer's organisation takes part in, or NOT_FOUND. Does not log: callers do. */
  async requireVisible(id: string, field = 'id'): Promise<SipRow> {
    this.requireRole();
    const row = isUuid(id) ? await this.byId.load(id) : null;
    if (!row) throw new NotFoundError(`No SIP with id ${id} that you may see`, field);
    return row;
  }

  /**
   * What a change of a plan the viewer's organisation takes part in is decided on
   * (domain/sip-change.ts), in one unit of work: the plan, its participants still taking part with
   * their organisations' kinds, its interventions with their responsible organisations' kinds, its
   * meetings, and its region's time zone; NOT_FOUND like requireVisible. Does not log: the change does.
   */
  async forChange(id: string, field: string): Promise<SipForChange> {
    const viewer = this.requireRole();
    const loaded = isUuid(id)
      ? await this.db.transaction(async (tx) => {
          // The previous event and the look-back that a meeting or follow-up is checked against come with the plan: no statement of their own.
          const [sip]: (SipRow & Pick<SipForChange, 'timeZone' | 'lastFollowUpAt' | 'lookBackParameters'>)[] = await tx.query(
            `SELECT ${SIP_COLUMNS}, r.time_zone AS "timeZone",
                    (SELECT max(f.occurred_at) FROM sip_follow_up f WHERE f.sip_id = s.id AND f.region_id = s.region_id) AS "lastFollowUpAt",
                    (SELECT COALESCE(json_agg(p), '[]') FROM (SELECT ${RULE_PARAMETER_COLUMNS} FROM rule_parameter rp
                       WHERE rp.key = $3 AND (rp.region_id = s.region_id OR rp.region_id IS NULL)) p) AS "lookBackParameters"
             FROM sip s JOIN region r ON r.id = s.region_id WHERE s.id = $1 AND ${takesPart('s', '$2')}`,
            [id, viewer.organisationId, PARAMETER.EVENTS_LOOK_BACK_DAYS],
          );
          if (!sip) return null;
          const participants: (SipParticipantRow & { organisationKind: OrganisationKind | null })[] = await tx.query(
            `SELECT ${SIP_PARTICIPANT_COLUMNS}, o.kind AS "organisationKind" FROM sip_participant sp LEFT JOIN organisation o ON o.id = sp.organisation_id
             WHERE sp.sip_id = $1 AND sp.region_id = $2 AND sp.removed_at IS NULL ORDER BY sp.seq`,
            [id, sip.regionId],
          );
          const interventions: (SipInterventionRow & { responsibleKind: OrganisationKind })[] = await tx.query(
            `SELECT ${SIP_INTERVENTION_COLUMNS}, o.kind AS "responsibleKind" FROM sip_intervention si JOIN organisation o ON o.id = si.responsible_organisation_id
             WHERE si.sip_id = $1 AND si.region_id = $2 ORDER BY si.position`,
            [id, sip.regionId],
          );
          const meetings: SipMeetingRow[] = await tx.query(`SELECT ${SIP_MEETING_COLUMNS} FROM sip_meeting sm WHERE sm.sip_id = $1 AND sm.region_id = $2 ORDER BY sm.held_at, sm.id`, [
            id,
            sip.regionId,
          ]);
          const { timeZone, lastFollowUpAt, lookBackParameters, ...row } = sip;
          return { sip: row, plan: { ...row, participants, interventions, meetings }, timeZone, lastFollowUpAt, lookBackParameters };
        })
      : null;
    if (!loaded) throw new NotFoundError(`No SIP with id ${id} that you may see`, field);
    return loaded;
  }

  /** One plan, logged as a read of its patient's data. */
  async get(id: string): Promise<SipRow> {
    const row = await this.requireVisible(id);
    await this.audit.write([{ recordType: AuditRecordType.SIP, patientId: row.patientId, recordId: id, outcome: AuditOutcome.ALLOWED }]);
    return row;
  }

  /** Participants still taking part (relatives the person has since objected to are left out), in the order they joined. */
  async participants(sip: ParentKey): Promise<SipParticipantRow[]> {
    return (await this.participantsOf.load(sip)).filter((p) => p.removedAt === null);
  }

  /** Participants present at a meeting, whether or not they take part still. */
  async attendees(meeting: Pick<SipMeetingRow, 'sipId' | 'regionId' | 'attendeeIds'>): Promise<SipParticipantRow[]> {
    return (await this.participantsOf.load({ id: meeting.sipId, regionId: meeting.regionId })).filter((p) => meeting.attendeeIds.includes(p.id));
  }

  interventions(sip: ParentKey): Promise<SipInterventionRow[]> {
    return this.interventionsOf.load(sip);
  }

  meetings(sip: ParentKey): Promise<SipMeetingRow[]> {
    return this.meetingsOf.load(sip);
  }

  followUps(sip: ParentKey): Promise<SipFollowUpRow[]> {
    return this.followUpsOf.load(sip);
  }

  /**
   * The plans the viewer's organisation takes part in, newest first. One log row per plan. Read
   * from the organisation's own participant rows, whose index is in that order (`sip_created_at`
   * is the plan's, copied by a trigger); an organisation takes part in a plan at most once.
   */
  async list(query: SipQuery, page: PageRequest): Promise<Page<SipRow>> {
    const viewer = this.requireRole();
    // A filter on a patient the viewer may not see is NOT_FOUND (and logged so), not an empty list.
    if (query.patientId) await this.patients.requireVisible(query.patientId, 'filter.patientId');
    const where = new Where();
    where.and(`sp.organisation_id = ${where.param(viewer.organisationId)} AND sp.kind = 'ORGANISATION' AND sp.removed_at IS NULL`);
    if (query.patientId) where.and(`s.patient_id = ${where.param(query.patientId)}`);
    if (query.status) where.and(`s.status = ${where.param(query.status)}`);
    const rows = await pageByKey<SipRow>(
      this.db,
      [{ column: 'sp.sip_created_at', cast: 'timestamptz', descending: true }, { column: 'sp.sip_id', cast: 'uuid', descending: true }],
      `SELECT ${SIP_COLUMNS} FROM sip_participant sp JOIN sip s ON s.id = sp.sip_id AND s.region_id = sp.region_id`,
      where,
      page,
    );
    await this.logRead(rows.nodes, query.patientId);
    for (const s of rows.nodes) this.byId.prime(s.id, s);
    return rows;
  }

  /**
   * Follow-ups not yet done, due before `before`, of running plans (ACTIVE, FOLLOW_UP) that the
   * viewer's organisation takes part in: the step audits find skipped. Oldest due first.
   *
   * Read from the organisation's own participant rows, which carry their plan's status and its one
   * open follow-up (copied by triggers) in an index in due order: a page costs its own rows, not a
   * walk of the region's overdue follow-ups. The follow-up and plan rows joined are those copied.
   */
  async followUpsDue(before: string, page: PageRequest): Promise<Page<SipFollowUpRow & { patientId: string }>> {
    const viewer = this.requireRole();
    const where = new Where();
    where.and(`sp.organisation_id = ${where.param(viewer.organisationId)} AND sp.kind = 'ORGANISATION' AND sp.removed_at IS NULL`);
    where.and(`sp.sip_status IN ('${SipStatus.ACTIVE}', '${SipStatus.FOLLOW_UP}') AND sp.follow_up_due < ${where.param(before)}::date`);
    const rows = await pageByKey<SipFollowUpRow & { patientId: string }>(
      this.db,
      [{ column: 'sp.follow_up_due', cast: 'date' }, { column: 'sp.follow_up_id', cast: 'uuid' }],
      `SELECT ${SIP_FOLLOW_UP_COLUMNS}, s.patient_id AS "patientId"
       FROM sip_participant sp JOIN sip_follow_up f ON f.id = sp.follow_up_id AND f.region_id = sp.region_id JOIN sip s ON s.id = sp.sip_id AND s.region_id = sp.region_id`,
      where,
      page,
    );
    await this.logRead(rows.nodes.map((f) => ({ id: f.sipId, patientId: f.patientId })), null);
    return rows;
  }

  /** Starts a plan with the viewer's organisation as its initiator; the person takes part from the start. */
  async create(values: NewSip, participants: NewSipParticipant[]): Promise<SipRow> {
    const viewer = this.requireRole();
    const id = randomUUID();
    const now = this.scope.now();
    await writeUnit(this.db, this.audit, {
      write: async (tx) => {
        await tx.insert(SipEntity, {
          id,
          ...values,
          version: 1,
          initiatingOrganisationId: viewer.organisationId,
          overallResponsibleOrganisationId: null,
          personGoals: null,
          personOwnActions: null,
          personObjectsToRelatives: false,
          createdBy: viewer.userId,
          createdAt: now,
          updatedAt: now,
          activatedAt: null,
          endedAt: null,
          endReason: null,
        }).catch((error) => conflictOnUnique(error, { sip_handoff_open_uq: ['handoffId', 'A SIP started from this hand-off is still running; work on that one (sips, filter patientId)'] }));
        const person: NewSipParticipant = { kind: SipParticipantKind.PERSON, organisationId: null, careUnitId: null, basis: null, contactName: null, contactRole: null, contactDetails: null };
        await join(tx, viewer, { id, regionId: values.regionId, patientId: values.patientId }, [...participants, person], now);
      },
      log: [{ recordType: AuditRecordType.SIP, patientId: values.patientId, recordId: id, outcome: AuditOutcome.ALLOWED }],
    });
    this.patients.participationChanged();
    return this.reload({ id, regionId: values.regionId });
  }

  /**
   * Makes one change of a plan if it is still at `expectedVersion`; a stale version is a CONFLICT
   * and nothing is written.
   */
  async change(sip: SipRow, expectedVersion: number, edit: SipEdit): Promise<SipRow> {
    const viewer = this.requireRole();
    const now = this.scope.now();
    await writeUnit(this.db, this.audit, {
      root: { entity: SipEntity, id: sip.id, expectedVersion, patch: edit.patch ?? {}, at: now, stale: `The SIP has changed since version ${expectedVersion}; read it again and retry` },
      write: async (tx) => {
        if (edit.removeRelatives) await tx.query(`UPDATE sip_participant SET removed_at = $2 WHERE sip_id = $1 AND kind = $3 AND removed_at IS NULL`, [sip.id, now, SipParticipantKind.RELATIVE]);
        if (edit.participants) await join(tx, viewer, sip, edit.participants, now);
        if (edit.participantContact) {
          const c = edit.participantContact;
          await tx.query(`UPDATE sip_participant SET contact_name = $2, contact_role = $3, contact_details = $4 WHERE id = $1`, [c.participantId, c.contactName, c.contactRole, c.contactDetails]);
        }
        if (edit.interventions) await replaceInterventions(tx, sip, edit.interventions);
        if (edit.meeting) await insertMeeting(tx, sip, edit.meeting, viewer.userId, now);
        if (edit.meetingKva) await tx.query(`UPDATE sip_meeting SET kva_code = $2 WHERE id = $1`, [edit.meetingKva.meetingId, edit.meetingKva.code]);
        if (edit.followUpDone) {
          const done = edit.followUpDone;
          await tx.query(
            `UPDATE sip_follow_up SET done_at = $2, done_by = $3, meeting_id = $4, note = $5, kva_code = $6, occurred_at = $7 WHERE sip_id = $1 AND done_at IS NULL`,
            [sip.id, now, viewer.userId, done.meetingId, done.note, done.kvaCode, done.occurredAt ?? now],
          );
        }
        if (edit.nextFollowUpDate !== undefined) {
          const [, moved] = await tx.query(`UPDATE sip_follow_up SET due_date = $2 WHERE sip_id = $1 AND done_at IS NULL RETURNING id`, [sip.id, edit.nextFollowUpDate]);
          if (moved === 0) {
            await tx.query(`INSERT INTO sip_follow_up (id, sip_id, region_id, due_date, created_at) VALUES ($1, $2, $3, $4, $5)`, [
              randomUUID(),
              sip.id,
              sip.regionId,
              edit.nextFollowUpDate,
              now,
            ]);
          }
        }
      },
      log: [{ recordType: edit.recordType ?? AuditRecordType.SIP, patientId: sip.patientId, recordId: sip.id, outcome: AuditOutcome.ALLOWED }],
    });
    if (edit.participants) this.patients.participationChanged();
    return this.reload(sip);
  }

  /** Forgets what this request loaded of plans another store's write changed (a withdrawn consent). */
  forget(plans: ParentKey[]): void {
    for (const plan of plans) {
      this.byId.clear(plan.id);
      this.participantsOf.clear(plan);
    }
  }

  /**
   * A region's plans that lived on some day between two local dates, with their follow-ups, as
   * local dates of the region, for aggregates only: no identity leaves this method, only the sex
   * and home municipality. PLANNER of that region; not logged as a patient read.
   */
  async statisticsRows(regionId: string, timeZone: string, from: string, to: string): Promise<SipStatisticsRow[]> {
    const viewer = this.scope.requireRole(Role.PLANNER, Role.TENANT_ADMIN);
    if (viewer.regionId !== regionId) throw new ForbiddenError("Planners see their own region's figures", 'regionCode');
    const local = (column: string) => `(${column} AT TIME ZONE $2)::date`;
    // Dates and home municipalities of plans, no person, for the planners' counts: the read replica may answer (server/access/read-routing.ts).
    return this.scope.reads.lagTolerant.query(
      `SELECT s.id, p.home_municipality_id AS "homeMunicipalityId", p.legal_sex AS "legalSex",
              ${local('s.created_at')}::text AS "createdOn", ${local('s.activated_at')}::text AS "activatedOn",
              ${local('s.ended_at')}::text AS "endedOn", s.status = '${SipStatus.CLOSED}' AS closed,
              COALESCE((SELECT json_agg(json_build_object('dueDate', f.due_date::text, 'doneOn', ${local('f.occurred_at')}::text)) FROM sip_follow_up f WHERE f.sip_id = s.id), '[]') AS "followUps"
       FROM sip s JOIN patient p ON p.id = s.patient_id
       WHERE s.region_id = $1 AND ${local('s.created_at')} <= $4::date AND (s.ended_at IS NULL OR ${local('s.ended_at')} >= $3::date)`,
      [regionId, timeZone, from, to],
    );
  }

  private async logRead(plans: { id: string; patientId: string }[], patientId: string | null) {
    await this.audit.write(
      plans.length
        ? plans.map((s) => ({ recordType: AuditRecordType.SIP, patientId: s.patientId, recordId: s.id, outcome: AuditOutcome.ALLOWED }))
        : [{ recordType: AuditRecordType.SIP, patientId, recordId: null, outcome: AuditOutcome.ALLOWED }],
    );
  }

  private async reload(sip: ParentKey): Promise<SipRow> {
    this.byId.clear(sip.id);
    for (const loader of [this.participantsOf, this.interventionsOf, this.meetingsOf, this.followUpsOf]) loader.clear(sip);
    return (await this.byId.load(sip.id))!;
  }
}

/** Participants join the plan (in the order given); its organisations join the patient's case through it. */
async function join(tx: Queryable, viewer: Viewer, sip: ParentKey & { patientId: string }, participants: NewSipParticipant[], now: Date): Promise<void> {
  for (const p of participants) {
    await tx
      .query(
        `INSERT INTO sip_participant (id, sip_id, region_id, kind, organisation_id, care_unit_id, basis, contact_name, contact_role, contact_details, added_at, added_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [randomUUID(), sip.id, sip.regionId, p.kind, p.organisationId, p.careUnitId, p.basis, p.contactName, p.contactRole, p.contactDetails, now, viewer.userId],
      )
      .catch((error) => conflictOnUnique(error, { sip_participant_organisation_uq: ['organisationId', 'That organisation already takes part in the plan'] }));
  }
  const organisations = participants.flatMap((p) => (p.organisationId ? [{ organisationId: p.organisationId, careUnitId: p.careUnitId }] : []));
  await joinCase(tx, viewer.organisationId, { patientId: sip.patientId, organisations, source: ParticipationSource.SIP, sourceId: sip.id });
}

async function replaceInterventions(tx: Queryable, sip: ParentKey, interventions: NewSipIntervention[]): Promise<void> {
  await tx.query(`DELETE FROM sip_intervention WHERE sip_id = $1`, [sip.id]);
  if (interventions.length === 0) return;
  await tx.query(
    `INSERT INTO sip_intervention (id, sip_id, region_id, position, description, responsible_organisation_id, due_date, return_to_work_plan_id)
     SELECT gen_random_uuid(), $1, $2, i.position, i.description, i.responsible, i.due, i.plan
     FROM unnest($3::int[], $4::text[], $5::uuid[], $6::date[], $7::uuid[]) AS i(position, description, responsible, due, plan)`,
    [
      sip.id, sip.regionId, interventions.map((_, i) => i + 1), interventions.map((i) => i.description), interventions.map((i) => i.responsibleOrganisationId),
      interventions.map((i) => i.dueDate), interventions.map((i) => i.returnToWorkPlanId),
    ],
  );
}

async function insertMeeting(tx: Queryable, sip: ParentKey, meeting: NewSipMeeting, userId: string, now: Date): Promise<void> {
  await tx.query(
    `INSERT INTO sip_meeting (id, sip_id, region_id, held_at, place, video, note, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [meeting.id, sip.id, sip.regionId, meeting.heldAt, meeting.place, meeting.video, meeting.note, userId, now],
  );
  if (meeting.attendeeIds.length) {
    await tx.query(`INSERT INTO sip_meeting_attendee (meeting_id, region_id, participant_id) SELECT $1, $2, unnest($3::uuid[])`, [meeting.id, sip.regionId, meeting.attendeeIds]);
  }
}

/** The visibility rule as SQL: the organisation takes part in the plan. */
export function takesPart(alias: string, organisationParam: string): string {
  return `EXISTS (SELECT 1 FROM sip_participant sp WHERE sp.sip_id = ${alias}.id AND sp.region_id = ${alias}.region_id AND sp.kind = 'ORGANISATION' AND sp.organisation_id = ${organisationParam} AND sp.removed_at IS NULL)`;
}
