import { HandoffEntity, HandoffMessageEntity, HandoffMessageRecipientEntity, HandoffPartyEntity } from '../../entities';
import { RowOf, selectList } from './entity-columns';

const HANDOFF = selectList(HandoffEntity, 'h', ['createdBy']);

export type HandoffRow = RowOf<typeof HANDOFF> & {
  /** The inbox's sort key as PostgreSQL prints it (exact, for cursors): next_due_at, or infinity. */
  dueKey: string;
};

export const HANDOFF_COLUMNS = `${HANDOFF.sql}, COALESCE(h.next_due_at, 'infinity'::timestamptz)::text AS "dueKey"`;

const HANDOFF_PARTY = selectList(HandoffPartyEntity, 'hp', ['regionId', 'inboxDueAt', 'handoffState', 'unacknowledged']);

export type HandoffPartyRow = RowOf<typeof HANDOFF_PARTY>;

export const HANDOFF_PARTY_COLUMNS = HANDOFF_PARTY.sql;

/** The hand-off's region (regionId) is the key of the message's own children. */
const HANDOFF_MESSAGE = selectList(HandoffMessageEntity, 'm');

export type HandoffMessageRow = RowOf<typeof HANDOFF_MESSAGE> & {
  /** Every recipient organisation (for deadlines: did the municipality get it?). */
  recipientOrganisationIds: string[];
};

export const HANDOFF_MESSAGE_COLUMNS = `${HANDOFF_MESSAGE.sql},
  ARRAY(SELECT r.organisation_id FROM handoff_message_recipient r WHERE r.message_id = m.id AND r.region_id = m.region_id ORDER BY r.organisation_id) AS "recipientOrganisationIds"`;

const MESSAGE_RECIPIENT = selectList(HandoffMessageRecipientEntity, 'r', ['regionId']);

export type MessageRecipientRow = RowOf<typeof MESSAGE_RECIPIENT>;

export const MESSAGE_RECIPIENT_COLUMNS = MESSAGE_RECIPIENT.sql;
