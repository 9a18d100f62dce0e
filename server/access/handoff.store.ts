import { randomUUID } from 'node:crypto';
import DataLoader from 'dataloader';
import { EntityManager } from 'typeorm';
import { HandoffKind, HandoffState } from '../../domain/handoff';
import { HandoffMessageKind, HandoffSide, RecipientBasis } from '../../domain/handoff-messages';
import { isUuid } from '../../domain/uuid';
import { HandoffEntity } from '../../entities';
import { ParticipationSource } from '../../domain/participation';
import { Page, PageRequest } from '../../schema/common/page';
import type { Viewer } from '../auth/viewer';
import { ConflictError, ConflictReason, ForbiddenError, NotFoundError } from '../../schema/common/errors';
import type { RequestScope } from './request-scope';
import type { PatientStore } from './patient.store';
import { AuditOutcome, AuditRecordType } from '../../domain/audit';
import { HANDOFF_READ_ROLES, PATIENT_ROLES } from '../../domain/roles';
import { childLoader, ParentKey } from './child-loader';
import {
  HANDOFF_COLUMNS,
  HANDOFF_MESSAGE_COLUMNS,
  HANDOFF_PARTY_COLUMNS,
  HandoffMessageRow,
  HandoffPartyRow,
  HandoffRow,
  MESSAGE_RECIPIENT_COLUMNS,
  MessageRecipientRow,
} from './rows.handoff';
import { pageByKey, Queryable } from './sql';
import type { TenantDb } from './tenant-db';
import { Where } from './where';

export interface NewHandoff {
  patientId: string;
  regionId: string;
  kind: HandoffKind;
  state: HandoffState;
  sendingOrganisationId: string;
  sendingCareUnitId: string;
  homeMunicipalityId: string | null;
  psychiatric: boolean;
  admittedAt: Date | null;
}

/** A recipient of a message; `basis` is set when it joins the hand-off's parties with it. */
export interface Addressee {
  organisationId: string;
  careUnitId: string | null;
  basis: RecipientBasis | null;
}

export interface OutgoingMessage {
  kind: HandoffMessageKind;
  senderCareUnitId: string | null;
  text: string | null;
  needs: string[];
  plannedDischargeDate: string | null;
  meetingAt: Date | null;
  meetingPlace: string | null;
  recipients: Addressee[];
}

/** The change a message makes to its hand-off, decided before the write. */
export interface HandoffChange {
  expectedVersion: number;
  state: HandoffState;
  nextDueAt: Date | null;
  /** The municipality liable for the discharge: set by the admission notice. */
  homeMunicipalityId: string | null;
}

export interface InboxQuery {
  side: HandoffSide;
  careUnitId: string | null;
  state: HandoffState | null;
  unacknowledged: boolean;
  dueBefore: Date | null;
  updatedSince: Date | null;
}

/**
 * Hand-offs and their messages. A viewer sees a hand-off while the viewer's organisation is one of
 * its parties (its sender, or a recipient of one of its messages); anything else is NOT_FOUND. A
 * message makes its recipients parties and participants in the patient's case in the same
 * transaction, so the patient rules apply to them from then on. Reads and writes are logged here.
 */
export class HandoffStore {
  private readonly byId: DataLoader<string, HandoffRow | null>;
  private readonly messagesOf: DataLoader<ParentKey, HandoffMessageRow[], string>;
  private readonly partiesOf: DataLoader<ParentKey, HandoffPartyRow[], string>;
  private readonly recipientsOf: DataLoader<ParentKey, MessageRecipientRow[], string>;

  constructor(
    private readonly scope: RequestScope,
    private readonly patients: PatientStore,
  ) {
    const db = scope.db;
    // The viewer's organisation is part of every visibility statement, so keys are plain ids.
    this.byId = scope.once('handoffs.byId', () => new DataLoader(async (ids) => {
      const viewer = scope.requireViewer();
      const rows: HandoffRow[] = await db.query(`SELECT ${HANDOFF_COLUMNS} FROM handoff h WHERE h.id = ANY($1::uuid[]) AND ${partyOf('h', '$2')}`, [
        ids,
        viewer.organisationId,
      ]);
      const map = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => map.get(id) ?? null);
    }));
    // Children of hand-offs the viewer has already been allowed to see.
    this.messagesOf = scope.once('handoffs.messagesOf', () => childLoader<HandoffMessageRow>(db, {
      columns: HANDOFF_MESSAGE_COLUMNS,
      from: 'handoff_message m',
      parentColumn: 'handoff_id',
      order: 'm.sent_at, m.id',
      parentOf: (m) => m.handoffId,
    }));
    this.partiesOf = scope.once('handoffs.partiesOf', () => childLoader<HandoffPartyRow>(db, {
      columns: HANDOFF_PARTY_COLUMNS,
      from: 'handoff_party hp',
      parentColumn: 'handoff_id',
      order: 'hp.added_at, hp.side DESC, hp.id',
      parentOf: (p) => p.handoffId,
    }));
    this.recipientsOf = scope.once('handoffs.recipientsOf', () => childLoader<MessageRecipientRow>(db, {
      columns: MESSAGE_RECIPIENT_COLUMNS,
      from: 'handoff_message_recipient r',
      parentColumn: 'message_id',
      order: 'r.id',
      parentOf: (r) => r.messageId,
    }));
  }

  private get db(): TenantDb {
    return this.scope.db;
  }

  private get audit() {
    return this.scope.audit;
  }

  private requireWriter(): Viewer {
    return this.scope.requireRole(...PATIENT_ROLES);
  }

  /** A hand-off the viewer's organisation is a party of, or NOT_FOUND. Does not log: callers do. */
  async requireVisible(id: string, field = 'id'): Promise<HandoffRow> {
    this.scope.requireRole(...HANDOFF_READ_ROLES);
    const row = isUuid(id) ? await this.byId.load(id) : null;
    if (!row) throw new NotFoundError(`No hand-off with id ${id} that you may see`, field);
    return row;
  }

  /** One hand-off, logged as a read of its patient's data. */
  async get(id: string): Promise<HandoffRow> {
    const row = await this.requireVisible(id);
    await this.audit.write([{ recordType: AuditRecordType.HANDOFF, patientId: row.patientId, recordId: id, outcome: AuditOutcome.ALLOWED }]);
    return row;
  }

  /** Children of a hand-off the viewer has already been allowed to see. */
  messages(handoff: ParentKey): Promise<HandoffMessageRow[]> {
    return this.messagesOf.load(handoff);
  }

  parties(handoff: ParentKey): Promise<HandoffPartyRow[]> {
    return this.partiesOf.load(handoff);
  }

  recipients(message: ParentKey): Promise<MessageRecipientRow[]> {
    return this.recipientsOf.load(message);
  }

  /**
   * The viewer's organisation's hand-offs on one side, most urgent first (the earliest deadline
   * not yet acted on; none last), then by id. One log row per hand-off returned.
   */
  async inbox(query: InboxQuery, page: PageRequest): Promise<Page<HandoffRow>> {
    const viewer = this.scope.requireRole(...HANDOFF_READ_ROLES);
    const where = new Where();
    const organisation = where.param(viewer.organisationId);
    const unit = query.careUnitId === null ? '' : ` AND hp.care_unit_id = ${where.param(query.careUnitId)}`;
    where.and(`EXISTS (SELECT 1 FROM handoff_party hp WHERE hp.handoff_id = h.id AND hp.organisation_id = ${organisation} AND hp.side = ${where.param(query.side)}${unit})`);
    if (query.state) where.and(`h.state = ${where.param(query.state)}`);
    if (query.dueBefore) where.and(`h.next_due_at <= ${where.param(query.dueBefore)}`);
    if (query.updatedSince) where.and(`h.updated_at > ${where.param(query.updatedSince)}`);
    if (query.unacknowledged) {
      const ackUnit = query.careUnitId === null ? '' : ` AND r.care_unit_id = ${where.param(query.careUnitId)}`;
      where.and(`EXISTS (SELECT 1 FROM handoff_message m JOIN handoff_message_recipient r ON r.message_id = m.id
        WHERE m.handoff_id = h.id AND r.organisation_id = ${organisation} AND r.acknowledged_at IS NULL${ackUnit})`);
    }
    const rows = await pageByKey<HandoffRow>(
      this.db,
      [{ column: `COALESCE(h.next_due_at, 'infinity'::timestamptz)`, cast: 'timestamptz' }, { column: 'h.id', cast: 'uuid' }],
      `SELECT ${HANDOFF_COLUMNS} FROM handoff h`,
      where,
      page,
    );
    await this.audit.write(
      rows.nodes.length
        ? rows.nodes.map((h) => ({ recordType: AuditRecordType.HANDOFF, patientId: h.patientId, recordId: h.id, outcome: AuditOutcome.ALLOWED }))
        : [{ recordType: AuditRecordType.HANDOFF, patientId: null, recordId: null, outcome: AuditOutcome.ALLOWED }],
    );
    for (const h of rows.nodes) this.byId.prime(h.id, h);
    return rows;
  }

  /** Starts a hand-off with the viewer's organisation as its sender, and sends its first message when given. */
  async create(values: NewHandoff, opening: OutgoingMessage | null, nextDueAt: Date | null): Promise<HandoffRow> {
    const viewer = this.requireWriter();
    const id = randomUUID();
    const now = this.scope.now();
    await this.db.transaction(async (tx) => {
      await tx.insert(HandoffEntity, { id, ...values, version: 1, nextDueAt, createdBy: viewer.userId, createdAt: now, updatedAt: now });
      const handoff = { id, regionId: values.regionId, patientId: values.patientId };
      await this.addParties(tx, handoff, [{ organisationId: values.sendingOrganisationId, careUnitId: values.sendingCareUnitId, basis: null }], HandoffSide.SENDER, now);
      if (opening) await this.writeMessage(tx, handoff, opening, now);
      await this.audit.write([{ recordType: AuditRecordType.HANDOFF, patientId: values.patientId, recordId: id, outcome: AuditOutcome.ALLOWED }], tx);
    });
    return this.reload({ id, regionId: values.regionId });
  }

  /**
   * Sends a message and makes its change, if the hand-off is still at `expectedVersion`; a stale
   * version is a CONFLICT and nothing is written.
   */
  async send(handoff: HandoffRow, message: OutgoingMessage, change: HandoffChange): Promise<{ handoff: HandoffRow; messageId: string }> {
    this.requireWriter();
    const now = this.scope.now();
    let messageId = '';
    await this.db.transaction(async (tx) => {
      const [, updated] = await tx.query(
        `UPDATE handoff SET state = $3, next_due_at = $4, home_municipality_id = $6, version = version + 1, updated_at = $5
         WHERE id = $1 AND version = $2 RETURNING id`,
        [handoff.id, change.expectedVersion, change.state, change.nextDueAt, now, change.homeMunicipalityId],
      );
      if (updated === 0) throw staleVersion(change.expectedVersion);
      messageId = await this.writeMessage(tx, handoff, message, now);
      await this.audit.write([{ recordType: AuditRecordType.HANDOFF, patientId: handoff.patientId, recordId: handoff.id, outcome: AuditOutcome.ALLOWED }], tx);
    });
    return { handoff: await this.reload(handoff), messageId };
  }

  /**
   * Acknowledges a message for the viewer's organisation (and care unit, when the token names
   * one). Only a recipient may; acknowledging again keeps the first time.
   */
  async acknowledge(messageId: string): Promise<{ handoff: HandoffRow; messageId: string }> {
    const viewer = this.scope.requireRole(...HANDOFF_READ_ROLES);
    const [found]: { handoffId: string; regionId: string }[] = isUuid(messageId)
      ? await this.db.query(`SELECT handoff_id AS "handoffId", region_id AS "regionId" FROM handoff_message WHERE id = $1`, [messageId])
      : [];
    const handoff = found ? await this.byId.load(found.handoffId) : null;
    if (!found || !handoff) throw new NotFoundError(`No hand-off message with id ${messageId} that you may see`, 'messageId');
    const message = { id: messageId, regionId: found.regionId };
    const mine = (await this.recipients(message)).filter(
      (r) => r.organisationId === viewer.organisationId && (viewer.careUnitId === null || r.careUnitId === null || r.careUnitId === viewer.careUnitId),
    );
    if (mine.length === 0) throw new ForbiddenError('Only a recipient of a message acknowledges it: this one was not sent to you', 'messageId');
    const now = this.scope.now();
    await this.db.transaction(async (tx) => {
      await tx.query(`UPDATE handoff_message_recipient SET acknowledged_at = $2, acknowledged_by = $3 WHERE id = ANY($1::uuid[]) AND acknowledged_at IS NULL`, [
        mine.map((r) => r.id),
        now,
        viewer.userId,
      ]);
      // The sender polls by updated_at; an acknowledgement changes no state, so no new version.
      await tx.query(`UPDATE handoff SET updated_at = $2 WHERE id = $1`, [handoff.id, now]);
      await this.audit.write([{ recordType: AuditRecordType.HANDOFF_MESSAGE, patientId: handoff.patientId, recordId: messageId, outcome: AuditOutcome.ALLOWED }], tx);
    });
    this.recipientsOf.clear(message);
    return { handoff: await this.reload(handoff), messageId };
  }

  private async writeMessage(tx: EntityManager, handoff: ParentKey & { patientId: string }, message: OutgoingMessage, now: Date): Promise<string> {
    const viewer = this.scope.requireViewer();
    const id = randomUUID();
    await this.addParties(tx, handoff, message.recipients.filter((r) => r.basis !== null), HandoffSide.RECIPIENT, now);
    await tx.query(
      `INSERT INTO handoff_message (id, handoff_id, region_id, kind, sender_organisation_id, sender_care_unit_id, sender_user_id, sent_at, text, needs,
                                    planned_discharge_date, meeting_at, meeting_place)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::text[], $11, $12, $13)`,
      [
        id,
        handoff.id,
        handoff.regionId,
        message.kind,
        viewer.organisationId,
        message.senderCareUnitId,
        viewer.userId,
        now,
        message.text,
        message.needs,
        message.plannedDischargeDate,
        message.meetingAt,
        message.meetingPlace,
      ],
    );
    await insertRecipients(tx, { id, regionId: handoff.regionId }, message.recipients);
    // Recipients take part in the patient's case from now on (one row per organisation).
    const organisations = [...new Map(message.recipients.map((r) => [r.organisationId, r])).values()];
    for (const r of organisations) {
      await this.patients.addParticipant(tx, {
        patientId: handoff.patientId,
        organisationId: r.organisationId,
        careUnitId: r.careUnitId,
        source: ParticipationSource.HANDOFF,
        sourceId: handoff.id,
      });
    }
    return id;
  }

  private async addParties(tx: Queryable, handoff: ParentKey, parties: Addressee[], side: HandoffSide, now: Date): Promise<void> {
    if (parties.length === 0) return;
    await tx.query(
      `INSERT INTO handoff_party (id, handoff_id, region_id, organisation_id, care_unit_id, side, basis, added_at)
       SELECT gen_random_uuid(), $1, $2, p.organisation_id, p.care_unit_id, $3, p.basis, $4
       FROM unnest($5::uuid[], $6::uuid[], $7::text[]) AS p(organisation_id, care_unit_id, basis)
       ON CONFLICT ON CONSTRAINT handoff_party_uq DO NOTHING`,
      [handoff.id, handoff.regionId, side, now, parties.map((p) => p.organisationId), parties.map((p) => p.careUnitId), parties.map((p) => p.basis)],
    );
  }

  private async reload(handoff: ParentKey): Promise<HandoffRow> {
    this.byId.clear(handoff.id);
    for (const loader of [this.messagesOf, this.partiesOf]) loader.clear(handoff);
    return (await this.byId.load(handoff.id))!;
  }
}

async function insertRecipients(tx: Queryable, message: ParentKey, recipients: Addressee[]): Promise<void> {
  await tx.query(
    `INSERT INTO handoff_message_recipient (id, message_id, region_id, organisation_id, care_unit_id)
     SELECT gen_random_uuid(), $1, $2, r.organisation_id, r.care_unit_id FROM unnest($3::uuid[], $4::uuid[]) AS r(organisation_id, care_unit_id)`,
    [message.id, message.regionId, recipients.map((r) => r.organisationId), recipients.map((r) => r.careUnitId)],
  );
}

const staleVersion = (expected: number) => new ConflictError(ConflictReason.STALE_VERSION, `The hand-off has changed since version ${expected}; read it again and retry`, 'version');

/** The visibility rule as SQL: the organisation is a party of the hand-off. */
function partyOf(alias: string, organisationParam: string): string {
  return `EXISTS (SELECT 1 FROM handoff_party hp WHERE hp.handoff_id = ${alias}.id AND hp.region_id = ${alias}.region_id AND hp.organisation_id = ${organisationParam})`;
}
