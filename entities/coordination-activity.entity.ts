import { Column, Entity, PrimaryColumn } from 'typeorm';
import { CoordinationActivityKind, CoordinationActorKind, CoordinationArea, MeetingMode } from '../domain/coordination';

/** One thing the coordinator did in a case (see domain/coordination-activity.ts). */
@Entity({ name: 'coordination_activity' })
export class CoordinationActivityEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'region_id', type: 'uuid' })
  regionId: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ type: 'text' })
  area: CoordinationArea;

  @Column({ type: 'text' })
  kind: CoordinationActivityKind;

  /** null: with the patient. */
  @Column({ name: 'actor_kind', type: 'text', nullable: true })
  actorKind: CoordinationActorKind | null;

  @Column({ name: 'actor_organisation_id', type: 'uuid', nullable: true })
  actorOrganisationId: string | null;

  @Column({ name: 'actor_care_unit_id', type: 'uuid', nullable: true })
  actorCareUnitId: string | null;

  @Column({ name: 'employer_id', type: 'uuid', nullable: true })
  employerId: string | null;

  /** CONTACT: whether the actor answered. */
  @Column({ type: 'boolean', nullable: true })
  answered: boolean | null;

  /** MEETING: whether it was held. */
  @Column({ type: 'boolean', nullable: true })
  held: boolean | null;

  /** MEETING: phone, video or in person. */
  @Column({ type: 'text', nullable: true })
  mode: MeetingMode | null;

  /** When it happened. */
  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ name: 'recorded_by', type: 'text' })
  recordedBy: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}

/** A KVÅ code an activity earned (the code's version valid on the activity's date). */
@Entity({ name: 'coordination_kva' })
export class CoordinationKvaEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'region_id', type: 'uuid' })
  regionId: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ name: 'activity_id', type: 'uuid' })
  activityId: string;

  @Column({ type: 'text' })
  code: string;

  /** Start of validity of the code's version (kva_code.valid_from). */
  @Column({ name: 'code_valid_from', type: 'date' })
  codeValidFrom: string;

  /** The activity's time (the statistics count codes by it). */
  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;
}

/** A case's return-to-work plan (one per case; setting it again replaces its steps). */
@Entity({ name: 'coordination_return_to_work_plan' })
export class CoordinationReturnToWorkPlanEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'region_id', type: 'uuid' })
  regionId: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  /** The RETURN_TO_WORK_PLAN activity that last set it. */
  @Column({ name: 'activity_id', type: 'uuid' })
  activityId: string;

  @Column({ type: 'text', nullable: true })
  goal: string | null;

  @Column({ name: 'set_by', type: 'text' })
  setBy: string;

  @Column({ name: 'set_at', type: 'timestamptz' })
  setAt: Date;
}

/** One step of the part-time ramp: a period at a share of full time, and who does what. */
@Entity({ name: 'coordination_return_to_work_step' })
export class CoordinationReturnToWorkStepEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'region_id', type: 'uuid' })
  regionId: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;

  @Column({ type: 'integer' })
  position: number;

  @Column({ name: 'from_date', type: 'date' })
  fromDate: string;

  @Column({ name: 'to_date', type: 'date' })
  toDate: string;

  @Column({ name: 'work_percent', type: 'integer' })
  workPercent: number;

  @Column({ type: 'text' })
  responsibilities: string;
}
