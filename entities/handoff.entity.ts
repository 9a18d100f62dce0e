import { Column, Entity, PrimaryColumn } from 'typeorm';
import { HandoffKind, HandoffState } from '../domain/handoff';
import { HandoffMessageKind, HandoffSide, RecipientBasis } from '../domain/handoff-messages';

/** A hand-off of a patient from a sending care unit to receiving organisations (see domain/handoff.ts). */
@Entity({ name: 'handoff' })
export class HandoffEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'region_id', type: 'uuid' })
  regionId: string;

  @Column({ name: 'patient_id', type: 'uuid' })
  patientId: string;

  @Column({ type: 'text' })
  kind: HandoffKind;

  @Column({ type: 'text' })
  state: HandoffState;

  /** Optimistic concurrency: every change of state or parties raises it. */
  @Column({ type: 'integer' })
  version: number;

  @Column({ name: 'sending_organisation_id', type: 'uuid' })
  sendingOrganisationId: string;

  @Column({ name: 'sending_care_unit_id', type: 'uuid' })
  sendingCareUnitId: string;

  /** The patient's home municipality when the hand-off began (routing and the planners' report). */
  @Column({ name: 'home_municipality_id', type: 'uuid', nullable: true })
  homeMunicipalityId: string | null;

  /** Psychiatric inpatient care, which may have its own payment-liability period. */
  @Column({ type: 'boolean' })
  psychiatric: boolean;

  /** Admission to inpatient care; set for discharges only. */
  @Column({ name: 'admitted_at', type: 'timestamptz', nullable: true })
  admittedAt: Date | null;

  /** The earliest deadline not yet acted on, computed at each write: the inbox sorts by it. */
  @Column({ name: 'next_due_at', type: 'timestamptz', nullable: true })
  nextDueAt: Date | null;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** An organisation (and optionally one of its care units) taking part in a hand-off. */
@Entity({ name: 'handoff_party' })
export class HandoffPartyEntity {
  @PrimaryColumn('uuid')
  id: string;

  /** The parent's region (a composite foreign key keeps them equal). */
  @Column({ name: 'region_id', type: 'uuid' })
  regionId: string;

  @Column({ name: 'handoff_id', type: 'uuid' })
  handoffId: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @Column({ name: 'care_unit_id', type: 'uuid', nullable: true })
  careUnitId: string | null;

  @Column({ type: 'text' })
  side: HandoffSide;

  /** Why a recipient may receive the messages; null for the sender. */
  @Column({ type: 'text', nullable: true })
  basis: RecipientBasis | null;

  @Column({ name: 'added_at', type: 'timestamptz' })
  addedAt: Date;

  /**
   * The hand-off's next deadline ('infinity' when none), copied here by triggers so that an
   * organisation's inbox is read in deadline order from this table's index; never written by the
   * application.
   */
  @Column({ name: 'inbox_due_at', type: 'timestamptz', insert: false, update: false })
  inboxDueAt: Date;

  /** The hand-off's state, copied here by the same triggers, so that an inbox filtered by state reads that state's rows only. */
  @Column({ name: 'handoff_state', type: 'text', insert: false, update: false })
  handoffState: HandoffState;

  /** Whether a message of the hand-off to this organisation waits for its acknowledgement, kept by triggers on the recipients. */
  @Column({ type: 'boolean', insert: false, update: false })
  unacknowledged: boolean;
}

/** One message of a hand-off's log. */
@Entity({ name: 'handoff_message' })
export class HandoffMessageEntity {
  @PrimaryColumn('uuid')
  id: string;

  /** The parent's region (a composite foreign key keeps them equal). */
  @Column({ name: 'region_id', type: 'uuid' })
  regionId: string;

  @Column({ name: 'handoff_id', type: 'uuid' })
  handoffId: string;

  @Column({ type: 'text' })
  kind: HandoffMessageKind;

  @Column({ name: 'sender_organisation_id', type: 'uuid' })
  senderOrganisationId: string;

  @Column({ name: 'sender_care_unit_id', type: 'uuid', nullable: true })
  senderCareUnitId: string | null;

  @Column({ name: 'sender_user_id', type: 'text' })
  senderUserId: string;

  /** When the server recorded it (the message's recording time). */
  @Column({ name: 'sent_at', type: 'timestamptz' })
  sentAt: Date;

  /** When what it reports happened (an event message's occurredAt); the recording time for other messages. */
  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column({ type: 'text', nullable: true })
  text: string | null;

  @Column({ type: 'text', array: true })
  needs: string[];

  @Column({ name: 'planned_discharge_date', type: 'date', nullable: true })
  plannedDischargeDate: string | null;

  @Column({ name: 'meeting_at', type: 'timestamptz', nullable: true })
  meetingAt: Date | null;

  @Column({ name: 'meeting_place', type: 'text', nullable: true })
  meetingPlace: string | null;
}

/** A recipient of a message, with its acknowledgement (kvittens). */
@Entity({ name: 'handoff_message_recipient' })
export class HandoffMessageRecipientEntity {
  @PrimaryColumn('uuid')
  id: string;

  /** The parent's region (a composite foreign key keeps them equal). */
  @Column({ name: 'region_id', type: 'uuid' })
  regionId: string;

  @Column({ name: 'message_id', type: 'uuid' })
  messageId: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @Column({ name: 'care_unit_id', type: 'uuid', nullable: true })
  careUnitId: string | null;

  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true })
  acknowledgedAt: Date | null;

  @Column({ name: 'acknowledged_by', type: 'text', nullable: true })
  acknowledgedBy: string | null;
}
