import { randomUUID } from 'node:crypto';
import type DataLoader from 'dataloader';
import { namedLoader } from './named-loader';
import { HandoffKind, HandoffState } from '../../domain/handoff';
import type { MessageAddressee } from '../../domain/handoff-change';
import { HandoffMessageKind, HandoffSide } from '../../domain/handoff-messages';
import { isUuid } from '../../domain/uuid';
import { HandoffEntity } from '../../entities';
import { ParticipationSource } from '../../domain/participation';
import { Page, PageRequest } from '../../schema/common/page';
import type { Viewer } from '../auth/viewer';
import { ForbiddenError, NotFoundError } from '../../schema/common/errors';
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
import { KeptSummary, keptRow, upsertSummaries } from './discharge-summary.sql';
import { joinCase } from './participation.sql';
import { pageByKey, Queryable } from './sql';
import type { TenantDb } from './tenant-db';
import { writeUnit } from './versioned-write';
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

export interface OutgoingMessage {
  kind: HandoffMessageKind;
  senderCareUnitId: string | null;
  text: string | null;
  needs: string[];
  plannedDischargeDate: string | null;
  meetingAt: Date | null;
  meetingPlace: string | null;
  recipients: MessageAddressee[];
  /** When the event it reports happened (event messages, checked by domain/event-time.ts); null: when it is recorded. */
  occurredAt: Date | null;
}

/** The change a message makes to its hand-off, decided before the write. */
export interface HandoffChange {
  expectedVersion: number;
  state: HandoffState;
  nextDueAt: Date | null;
  /** The municipality liable for the discharge: set by the admission notice. */
  homeMunicipalityId: string | null;
  /** A discharge's summary for the planners' report after the message; null for other hand-offs. */
  summary: KeptSummary | null;
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
    this.byId = scope.once('handoffs.byId', () => namedLoader('handoffs.byId', async (ids) => {
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
      name: 'handoffs.messagesOf',
      columns: HANDOFF_MESSAGE_COLUMNS,
      from: 'handoff_message m',
      parentColumn: 'handoff_id',
      order: 'm.sent_at, m.id',
      parentOf: (m) => m.handoffId,
    }));
    this.partiesOf = scope.once('handoffs.partiesOf', () => childLoader<HandoffPartyRow>(db, {
      name: 'handoffs.partiesOf',
      columns: HANDOFF_PARTY_COLUMNS,
      from: 'handoff_party hp',
      parentColumn: 'handoff_id',
      order: 'hp.added_at, hp.side DESC, hp.id',
      parentOf: (p) => p.handoffId,
    }));
    this.recipientsOf = scope.once('handoffs.recipientsOf', () => childLoader<MessageRecipientRow>(db, {
      name: 'handoffs.recipientsOf',
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

  /**
   * What a message on a hand-off the viewer's organisation is a party of is decided on
   * (domain/handoff-change.ts), in one unit of work: the hand-off, its parties and its messages;
   * NOT_FOUND like requireVisible. Does not log: the message does.
   */
  async forMessage(id: string, field: string): Promise<{ handoff: HandoffRow; parties: HandoffPartyRow[]; messages: HandoffMessageRow[] }> {
    const viewer = this.requireWriter();
    const loaded = isUuid(id)
      ? await this.db.transaction(async (tx) => {
          const [handoff]: HandoffRow[] = await tx.query(`SELECT ${HANDOFF_COLUMNS} FROM handoff h WHERE h.id = $1 AND ${partyOf('h', '$2')}`, [id, viewer.organisationId]);
          if (!handoff) return null;
          const parties: HandoffPartyRow[] = await tx.query(
            `SELECT ${HANDOFF_PARTY_COLUMNS} FROM handoff_party hp WHERE hp.handoff_id = $1 AND hp.region_id = $2 ORDER BY hp.added_at, hp.side DESC, hp.id`,
            [id, handoff.regionId],
          );
          const messages: HandoffMessageRow[] = await tx.query(`SELECT ${HANDOFF_MESSAGE_COLUMNS} FROM handoff_message m WHERE m.handoff_id = $1 AND m.region_id = $2 ORDER BY m.sent_at, m.id`, [
            id,
            handoff.regionId,
          ]);
          return { handoff, parties, messages };
        })
      : null;
    if (!loaded) throw new NotFoundError(`No hand-off with id ${id} that you may see`, field);
    return loaded;
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
   *
   * Read from the viewer's own party rows, whose index is in that order (`inbox_due_at` is the
   * hand-off's deadline, copied by a trigger), so a page costs its own rows, not a sort of every
   * hand-off. An organisation may be a party twice on one side (itself and one of its care units):
   * DISTINCT ON keeps each hand-off once, and the duplicates are adjacent in that order. A state
   * filter reads the party rows' copy of the state (`handoff_state`), whose index puts that state's
   * rows in the same order, so a rare state costs its own rows, not a walk of the organisation's.
   * Likewise the unacknowledged ones, from the party rows' flag (`unacknowledged`, kept by triggers
   * on the recipients) and its partial index in deadline order.
   */
  async inbox(query: InboxQuery, page: PageRequest): Promise<Page<HandoffRow>> {
    const viewer = this.scope.requireRole(...HANDOFF_READ_ROLES);
    const where = new Where();
    const organisation = where.param(viewer.organisationId);
    where.and(`hp.organisation_id = ${organisation} AND hp.side = ${where.param(query.side)}`);
    if (query.careUnitId !== null) where.and(`hp.care_unit_id = ${where.param(query.careUnitId)}`);
    if (query.state) where.and(`hp.handoff_state = ${where.param(query.state)}`);
    if (query.dueBefore) where.and(`hp.inbox_due_at <= ${where.param(query.dueBefore)}`);
    if (query.updatedSince) where.and(`h.updated_at > ${where.param(query.updatedSince)}`);
    if (query.unacknowledged) {
      where.and('hp.unacknowledged');
      // The party rows' flag is the organisation's; a care unit's inbox asks for a message to that unit.
      if (query.careUnitId !== null) {
        where.and(`EXISTS (SELECT 1 FROM handoff_message m JOIN handoff_message_recipient r ON r.message_id = m.id
          WHERE m.handoff_id = h.id AND r.organisation_id = ${organisation} AND r.acknowledged_at IS NULL AND r.care_unit_id = ${where.param(query.careUnitId)})`);
      }
    }
    const rows = await pageByKey<HandoffRow>(
      this.db,
      [{ column: 'hp.inbox_due_at', cast: 'timestamptz' }, { column: 'hp.handoff_id', cast: 'uuid' }],
      `SELECT DISTINCT ON (hp.inbox_due_at, hp.handoff_id) ${HANDOFF_COLUMNS}
       FROM handoff_party hp JOIN handoff h ON h.id = hp.handoff_id AND h.region_id = hp.region_id`,
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

  /**
   * Starts a hand-off with the viewer's organisation as its sender, and sends its first message
   * when given; a discharge's summary (computed with its first message) is written with it.
   */
  async create(values: NewHandoff, opening: OutgoingMessage | null, nextDueAt: Date | null, summary: KeptSummary | null): Promise<HandoffRow> {
    const viewer = this.requireWriter();
    const id = randomUUID();
    const now = this.scope.now();
    const handoff = { id, regionId: values.regionId, patientId: values.patientId };
    await writeUnit(this.db, this.audit, {
      write: async (tx) => {
        await tx.insert(HandoffEntity, { id, ...values, version: 1, nextDueAt, createdBy: viewer.userId, createdAt: now, updatedAt: now });
        await addParties(tx, handoff, [{ organisationId: values.sendingOrganisationId, careUnitId: values.sendingCareUnitId, basis: null }], HandoffSide.SENDER, now);
        if (opening) await writeMessage(tx, viewer, handoff, opening, now);
        if (summary && values.admittedAt) await upsertSummaries(tx, [keptRow({ ...values, id, admittedAt: values.admittedAt }, 1, summary)]);
      },
      log: [{ recordType: AuditRecordType.HANDOFF, patientId: values.patientId, recordId: id, outcome: AuditOutcome.ALLOWED }],
    });
    if (opening) this.patients.participationChanged();
    return this.reload({ id, regionId: values.regionId });
  }

  /**
   * Sends a message and makes its change, if the hand-off is still at `expectedVersion`; a stale
   * version is a CONFLICT and nothing is written. A discharge's summary is written with it.
   */
  async send(handoff: HandoffRow, message: OutgoingMessage, change: HandoffChange): Promise<{ handoff: HandoffRow; messageId: string }> {
    const viewer = this.requireWriter();
    const now = this.scope.now();
    const messageId = await writeUnit(this.db, this.audit, {
      root: {
        entity: HandoffEntity,
        id: handoff.id,
        expectedVersion: change.expectedVersion,
        patch: { state: change.state, nextDueAt: change.nextDueAt, homeMunicipalityId: change.homeMunicipalityId },
        at: now,
        stale: `The hand-off has changed since version ${change.expectedVersion}; read it again and retry`,
      },
      write: async (tx) => {
        const id = await writeMessage(tx, viewer, handoff, message, now);
        if (change.summary && handoff.admittedAt) {
          const after = { ...handoff, admittedAt: handoff.admittedAt, homeMunicipalityId: change.homeMunicipalityId };
          await upsertSummaries(tx, [keptRow(after, change.expectedVersion + 1, change.summary)]);
        }
        return id;
      },
      log: [{ recordType: AuditRecordType.HANDOFF, patientId: handoff.patientId, recordId: handoff.id, outcome: AuditOutcome.ALLOWED }],
    });
    this.patients.participationChanged();
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
    await writeUnit(this.db, this.audit, {
      write: async (tx) => {
        await tx.query(`UPDATE handoff_message_recipient SET acknowledged_at = $2, acknowledged_by = $3 WHERE id = ANY($1::uuid[]) AND acknowledged_at IS NULL`, [
          mine.map((r) => r.id),
          now,
          viewer.userId,
        ]);
        // The sender polls by updated_at; an acknowledgement changes no state, so no new version.
        await tx.query(`UPDATE handoff SET updated_at = $2 WHERE id = $1`, [handoff.id, now]);
      },
      log: [{ recordType: AuditRecordType.HANDOFF_MESSAGE, patientId: handoff.patientId, recordId: messageId, outcome: AuditOutcome.ALLOWED }],
    });
    this.recipientsOf.clear(message);
    return { handoff: await this.reload(handoff), messageId };
  }

  private async reload(handoff: ParentKey): Promise<HandoffRow> {
    this.byId.clear(handoff.id);
    for (const loader of [this.messagesOf, this.partiesOf]) loader.clear(handoff);
    return (await this.byId.load(handoff.id))!;
  }
}

/**
 * Writes a message with its recipients: those with a basis become recipient parties of the hand-off,
 * and every recipient organisation takes part in the patient's case from now on.
 */
async function writeMessage(tx: Queryable, sender: Viewer, handoff: ParentKey & { patientId: string }, message: OutgoingMessage, now: Date): Promise<string> {
  const id = randomUUID();
  await addParties(tx, handoff, message.recipients.filter((r) => r.basis !== null), HandoffSide.RECIPIENT, now);
  await tx.query(
    `INSERT INTO handoff_message (id, handoff_id, region_id, kind, sender_organisation_id, sender_care_unit_id, sender_user_id, sent_at, text, needs,
                                  planned_discharge_date, meeting_at, meeting_place, occurred_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::text[], $11, $12, $13, $14)`,
    [
      id,
      handoff.id,
      handoff.regionId,
      message.kind,
      sender.organisationId,
      message.senderCareUnitId,
      sender.userId,
      now,
      message.text,
      message.needs,
      message.plannedDischargeDate,
      message.meetingAt,
      message.meetingPlace,
      message.occurredAt ?? now,
    ],
  );
  await insertRecipients(tx, { id, regionId: handoff.regionId }, message.recipients);
  await joinCase(tx, sender.organisationId, { patientId: handoff.patientId, organisations: message.recipients, source: ParticipationSource.HANDOFF, sourceId: handoff.id });
  return id;
}

async function addParties(tx: Queryable, handoff: ParentKey, parties: MessageAddressee[], side: HandoffSide, now: Date): Promise<void> {
  if (parties.length === 0) return;
  await tx.query(
    `INSERT INTO handoff_party (id, handoff_id, region_id, organisation_id, care_unit_id, side, basis, added_at)
     SELECT gen_random_uuid(), $1, $2, p.organisation_id, p.care_unit_id, $3, p.basis, $4
     FROM unnest($5::uuid[], $6::uuid[], $7::text[]) AS p(organisation_id, care_unit_id, basis)
     ON CONFLICT ON CONSTRAINT handoff_party_uq DO NOTHING`,
    [handoff.id, handoff.regionId, side, now, parties.map((p) => p.organisationId), parties.map((p) => p.careUnitId), parties.map((p) => p.basis)],
  );
}

async function insertRecipients(tx: Queryable, message: ParentKey, recipients: MessageAddressee[]): Promise<void> {
  await tx.query(
    `INSERT INTO handoff_message_recipient (id, message_id, region_id, organisation_id, care_unit_id)
     SELECT gen_random_uuid(), $1, $2, r.organisation_id, r.care_unit_id FROM unnest($3::uuid[], $4::uuid[]) AS r(organisation_id, care_unit_id)`,
    [message.id, message.regionId, recipients.map((r) => r.organisationId), recipients.map((r) => r.careUnitId)],
  );
}

/** The visibility rule as SQL: the organisation is a party of the hand-off. */
export function partyOf(alias: string, organisationParam: string): string {
  return `EXISTS (SELECT 1 FROM handoff_party hp WHERE hp.handoff_id = ${alias}.id AND hp.region_id = ${alias}.region_id AND hp.organisation_id = ${organisationParam})`;
}
