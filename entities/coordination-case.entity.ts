import { Column, Entity, PrimaryColumn } from 'typeorm';
import { CoordinationOutcome, CoordinationStatus, Occupation } from '../domain/coordination';

/** A rehabilitation coordination case: one sick leave of one patient at a care unit (see domain/coordination.ts). */
@Entity({ name: 'coordination_case' })
export class CoordinationCaseEntity {
  @PrimaryColumn('uuid')
  id: string;

  /** The patient's region (a composite foreign key keeps them equal). */
  @Column({ name: 'region_id', type: 'uuid' })
  regionId: string;

  @Column({ name: 'patient_id', type: 'uuid' })
  patientId: string;

  /** The care unit's organisation: the principal the case belongs to. */
  @Column({ name: 'owner_organisation_id', type: 'uuid' })
  ownerOrganisationId: string;

  /** A primary care or specialist care unit of the region. */
  @Column({ name: 'care_unit_id', type: 'uuid' })
  careUnitId: string;

  /** The user (REHAB_COORDINATOR at the care unit) the case is assigned to. */
  @Column({ name: 'coordinator_user_id', type: 'text' })
  coordinatorUserId: string;

  @Column({ type: 'text' })
  status: CoordinationStatus;

  @Column({ type: 'text' })
  occupation: Occupation;

  @Column({ name: 'sick_leave_from', type: 'date' })
  sickLeaveFrom: string;

  @Column({ name: 'sick_leave_to', type: 'date' })
  sickLeaveTo: string;

  /** 25, 50, 75 or 100 (% of full time). */
  @Column({ name: 'sick_leave_degree', type: 'integer' })
  sickLeaveDegree: number;

  /** Optimistic concurrency: every change of the case or of anything in it raises it. */
  @Column({ type: 'integer' })
  version: number;

  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt: Date;

  /**
   * The first contact with the patient (the statistics' time to first contact): the case leaving NONE
   * (or opened past it), or an earlier answered contact or held meeting with the patient.
   */
  @Column({ name: 'first_contact_at', type: 'timestamptz', nullable: true })
  firstContactAt: Date | null;

  /** The latest activity's time, or the opening (the coordinator's list: days since last activity). */
  @Column({ name: 'last_activity_at', type: 'timestamptz' })
  lastActivityAt: Date;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  outcome: CoordinationOutcome | null;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** One change of a case's status, with its time and author (the opening is the first). */
@Entity({ name: 'coordination_status_change' })
export class CoordinationStatusChangeEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'region_id', type: 'uuid' })
  regionId: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  /** null for the opening. */
  @Column({ name: 'from_status', type: 'text', nullable: true })
  fromStatus: CoordinationStatus | null;

  @Column({ name: 'to_status', type: 'text' })
  toStatus: CoordinationStatus;

  @Column({ name: 'changed_at', type: 'timestamptz' })
  changedAt: Date;

  @Column({ name: 'changed_by', type: 'text' })
  changedBy: string;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  /** Recording order (the database numbers them). */
  @Column({ type: 'bigint', generated: 'identity', generatedIdentity: 'ALWAYS' })
  seq: string;
}
