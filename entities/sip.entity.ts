import { Column, Entity, PrimaryColumn } from 'typeorm';
import { SipParticipantBasis, SipParticipantKind, SipStatus } from '../domain/sip';

/** A coordinated individual plan for one person (see domain/sip.ts). */
@Entity({ name: 'sip' })
export class SipEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'region_id', type: 'uuid' })
  regionId: string;

  @Column({ name: 'patient_id', type: 'uuid' })
  patientId: string;

  @Column({ type: 'text' })
  status: SipStatus;

  /** Optimistic concurrency: every change of the plan or of anything in it raises it. */
  @Column({ type: 'integer' })
  version: number;

  @Column({ name: 'initiating_organisation_id', type: 'uuid' })
  initiatingOrganisationId: string;

  /** The hand-off whose SIP call-out started the plan, if any. */
  @Column({ name: 'handoff_id', type: 'uuid', nullable: true })
  handoffId: string | null;

  @Column({ name: 'overall_responsible_organisation_id', type: 'uuid', nullable: true })
  overallResponsibleOrganisationId: string | null;

  @Column({ name: 'person_goals', type: 'text', nullable: true })
  personGoals: string | null;

  @Column({ name: 'person_own_actions', type: 'text', nullable: true })
  personOwnActions: string | null;

  @Column({ name: 'person_objects_to_relatives', type: 'boolean' })
  personObjectsToRelatives: boolean;

  /** The meeting the call-out names. */
  @Column({ name: 'meeting_planned_at', type: 'timestamptz', nullable: true })
  meetingPlannedAt: Date | null;

  @Column({ name: 'meeting_planned_place', type: 'text', nullable: true })
  meetingPlannedPlace: string | null;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'called_at', type: 'timestamptz', nullable: true })
  calledAt: Date | null;

  @Column({ name: 'activated_at', type: 'timestamptz', nullable: true })
  activatedAt: Date | null;

  /** When it was closed or cancelled. */
  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  @Column({ name: 'end_reason', type: 'text', nullable: true })
  endReason: string | null;
}

/** An organisation with its contact person, the person, or a relative taking part in a SIP. */
@Entity({ name: 'sip_participant' })
export class SipParticipantEntity {
  @PrimaryColumn('uuid')
  id: string;

  /** The parent's region (a composite foreign key keeps them equal). */
  @Column({ name: 'region_id', type: 'uuid' })
  regionId: string;

  @Column({ name: 'sip_id', type: 'uuid' })
  sipId: string;

  @Column({ type: 'text' })
  kind: SipParticipantKind;

  @Column({ name: 'organisation_id', type: 'uuid', nullable: true })
  organisationId: string | null;

  @Column({ name: 'care_unit_id', type: 'uuid', nullable: true })
  careUnitId: string | null;

  @Column({ type: 'text', nullable: true })
  basis: SipParticipantBasis | null;

  /** The organisation's contact person, or the relative's name. */
  @Column({ name: 'contact_name', type: 'text', nullable: true })
  contactName: string | null;

  /** The contact person's role, or the relative's relation to the person. */
  @Column({ name: 'contact_role', type: 'text', nullable: true })
  contactRole: string | null;

  @Column({ name: 'contact_details', type: 'text', nullable: true })
  contactDetails: string | null;

  @Column({ name: 'added_at', type: 'timestamptz' })
  addedAt: Date;

  @Column({ name: 'added_by', type: 'text' })
  addedBy: string;

  @Column({ name: 'removed_at', type: 'timestamptz', nullable: true })
  removedAt: Date | null;

  /** The order participants joined in (the database numbers them; the list shows them in this order). */
  @Column({ type: 'bigint', generated: 'identity', generatedIdentity: 'ALWAYS' })
  seq: string;

  /**
   * The plan's creation time, copied here by a trigger so that an organisation's plans are listed
   * newest first from this table's index; never written by the application.
   */
  @Column({ name: 'sip_created_at', type: 'timestamptz', insert: false, update: false })
  sipCreatedAt: Date;

  /**
   * The plan's status, and its one open follow-up (id and due date; null when none), copied here
   * by triggers so that the follow-ups due to an organisation are read in due order from this
   * table's index; never written by the application.
   */
  @Column({ name: 'sip_status', type: 'text', insert: false, update: false })
  sipStatus: SipStatus;

  @Column({ name: 'follow_up_id', type: 'uuid', nullable: true, insert: false, update: false })
  followUpId: string | null;

  @Column({ name: 'follow_up_due', type: 'date', nullable: true, insert: false, update: false })
  followUpDue: string | null;
}

/** One intervention of a SIP: what is done, by which organisation, by when. */
@Entity({ name: 'sip_intervention' })
export class SipInterventionEntity {
  @PrimaryColumn('uuid')
  id: string;

  /** The parent's region (a composite foreign key keeps them equal). */
  @Column({ name: 'region_id', type: 'uuid' })
  regionId: string;

  @Column({ name: 'sip_id', type: 'uuid' })
  sipId: string;

  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'text' })
  description: string;

  @Column({ name: 'responsible_organisation_id', type: 'uuid' })
  responsibleOrganisationId: string;

  @Column({ name: 'due_date', type: 'date', nullable: true })
  dueDate: string | null;

  /** The patient's return-to-work plan of a coordination case, when the intervention is that plan. */
  @Column({ name: 'return_to_work_plan_id', type: 'uuid', nullable: true })
  returnToWorkPlanId: string | null;
}

/** A SIP meeting that was held; who was present is in sip_meeting_attendee. */
@Entity({ name: 'sip_meeting' })
export class SipMeetingEntity {
  @PrimaryColumn('uuid')
  id: string;

  /** The parent's region (a composite foreign key keeps them equal). */
  @Column({ name: 'region_id', type: 'uuid' })
  regionId: string;

  @Column({ name: 'sip_id', type: 'uuid' })
  sipId: string;

  @Column({ name: 'held_at', type: 'timestamptz' })
  heldAt: Date;

  @Column({ type: 'text', nullable: true })
  place: string | null;

  @Column({ type: 'boolean' })
  video: boolean;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  /** The KVÅ code the meeting earned (establishing the plan), if any. */
  @Column({ name: 'kva_code', type: 'text', nullable: true })
  kvaCode: string | null;

  @Column({ name: 'recorded_by', type: 'text' })
  recordedBy: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}

/** A follow-up of a SIP: due on a date, done (or not) at an instant. */
@Entity({ name: 'sip_follow_up' })
export class SipFollowUpEntity {
  @PrimaryColumn('uuid')
  id: string;

  /** The parent's region (a composite foreign key keeps them equal). */
  @Column({ name: 'region_id', type: 'uuid' })
  regionId: string;

  @Column({ name: 'sip_id', type: 'uuid' })
  sipId: string;

  @Column({ name: 'due_date', type: 'date' })
  dueDate: string;

  /** When it was recorded as done. */
  @Column({ name: 'done_at', type: 'timestamptz', nullable: true })
  doneAt: Date | null;

  /** When it was done (reported by the client, default the recording time); null while open. */
  @Column({ name: 'occurred_at', type: 'timestamptz', nullable: true })
  occurredAt: Date | null;

  @Column({ name: 'done_by', type: 'text', nullable: true })
  doneBy: string | null;

  @Column({ name: 'meeting_id', type: 'uuid', nullable: true })
  meetingId: string | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  /** The KVÅ code the follow-up earned. */
  @Column({ name: 'kva_code', type: 'text', nullable: true })
  kvaCode: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** One version of a KVÅ code (see domain/sip.ts, KvaCode). */
@Entity({ name: 'kva_code' })
export class KvaCodeEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ name: 'valid_from', type: 'date' })
  validFrom: string;

  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo: string | null;

  @Column({ type: 'text', nullable: true })
  source: string | null;
}
