import { LegalSex } from '../../domain/enums';
import { HandoffKind, HandoffState } from '../../domain/handoff';
import { HandoffMessageKind, HandoffSide, RecipientBasis } from '../../domain/handoff-messages';

export interface HandoffRow {
  id: string;
  regionId: string;
  patientId: string;
  kind: HandoffKind;
  state: HandoffState;
  version: number;
  sendingOrganisationId: string;
  sendingCareUnitId: string;
  homeMunicipalityId: string | null;
  psychiatric: boolean;
  admittedAt: Date | null;
  nextDueAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  /** The inbox's sort key as PostgreSQL prints it (exact, for cursors): next_due_at, or infinity. */
  dueKey: string;
}

export const HANDOFF_COLUMNS = `h.id, h.region_id AS "regionId", h.patient_id AS "patientId", h.kind, h.state, h.version,
  h.sending_organisation_id AS "sendingOrganisationId", h.sending_care_unit_id AS "sendingCareUnitId",
  h.home_municipality_id AS "homeMunicipalityId", h.psychiatric, h.admitted_at AS "admittedAt", h.next_due_at AS "nextDueAt",
  h.created_at AS "createdAt", h.updated_at AS "updatedAt", COALESCE(h.next_due_at, 'infinity'::timestamptz)::text AS "dueKey"`;

export interface HandoffPartyRow {
  id: string;
  handoffId: string;
  organisationId: string;
  careUnitId: string | null;
  side: HandoffSide;
  basis: RecipientBasis | null;
  addedAt: Date;
}

export const HANDOFF_PARTY_COLUMNS = `hp.id, hp.handoff_id AS "handoffId", hp.organisation_id AS "organisationId",
  hp.care_unit_id AS "careUnitId", hp.side, hp.basis, hp.added_at AS "addedAt"`;

export interface HandoffMessageRow {
  id: string;
  handoffId: string;
  /** The hand-off's region: the key of the message's own children. */
  regionId: string;
  kind: HandoffMessageKind;
  senderOrganisationId: string;
  senderCareUnitId: string | null;
  senderUserId: string;
  sentAt: Date;
  text: string | null;
  needs: string[];
  plannedDischargeDate: string | null;
  meetingAt: Date | null;
  meetingPlace: string | null;
  /** Every recipient organisation (for deadlines: did the municipality get it?). */
  recipientOrganisationIds: string[];
}

export const HANDOFF_MESSAGE_COLUMNS = `m.id, m.handoff_id AS "handoffId", m.region_id AS "regionId", m.kind, m.sender_organisation_id AS "senderOrganisationId",
  m.sender_care_unit_id AS "senderCareUnitId", m.sender_user_id AS "senderUserId", m.sent_at AS "sentAt", m.text, m.needs,
  m.planned_discharge_date::text AS "plannedDischargeDate", m.meeting_at AS "meetingAt", m.meeting_place AS "meetingPlace",
  ARRAY(SELECT r.organisation_id FROM handoff_message_recipient r WHERE r.message_id = m.id AND r.region_id = m.region_id ORDER BY r.organisation_id) AS "recipientOrganisationIds"`;

export interface MessageRecipientRow {
  id: string;
  messageId: string;
  organisationId: string;
  careUnitId: string | null;
  acknowledgedAt: Date | null;
  acknowledgedBy: string | null;
}

export const MESSAGE_RECIPIENT_COLUMNS = `r.id, r.message_id AS "messageId", r.organisation_id AS "organisationId", r.care_unit_id AS "careUnitId",
  r.acknowledged_at AS "acknowledgedAt", r.acknowledged_by AS "acknowledgedBy"`;

/** A discharge as the planners' report needs it: no identity, only the sex for disaggregation. */
export interface HandoffReportRow {
  id: string;
  regionId: string;
  sendingCareUnitId: string;
  homeMunicipalityId: string | null;
  psychiatric: boolean;
  admittedAt: Date;
  legalSex: LegalSex;
}
