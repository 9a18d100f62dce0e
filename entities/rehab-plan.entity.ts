import { Column, Entity, PrimaryColumn } from 'typeorm';
import { RehabNeed, RehabPlanStatus } from '../domain/rehab-plan';

/** A principal's rehabilitation plan for one patient (see domain/rehab-plan.ts). */
@Entity({ name: 'rehab_plan' })
export class RehabPlanEntity {
  @PrimaryColumn('uuid')
  id: string;

  /** The patient's region (a composite foreign key keeps them equal). */
  @Column({ name: 'region_id', type: 'uuid' })
  regionId: string;

  @Column({ name: 'patient_id', type: 'uuid' })
  patientId: string;

  /** The principal that owns the plan (ÅHS on Åland; a region or municipality elsewhere). */
  @Column({ name: 'owner_organisation_id', type: 'uuid' })
  ownerOrganisationId: string;

  @Column({ type: 'text' })
  need: RehabNeed;

  /** The person's own goals, in their words. */
  @Column({ name: 'own_goals', type: 'text', nullable: true })
  ownGoals: string | null;

  @Column({ name: 'functional_ability', type: 'text', nullable: true })
  functionalAbility: string | null;

  /** Codes of the therapy_form table, valid on the day they were recommended. */
  @Column({ name: 'therapy_forms', type: 'text', array: true })
  therapyForms: string[];

  @Column({ name: 'evaluation_date', type: 'date' })
  evaluationDate: string;

  @Column({ type: 'text' })
  status: RehabPlanStatus;

  /** The evaluation period the goal set in force belongs to: 1, then one more after each evaluation. */
  @Column({ name: 'evaluation_period', type: 'integer' })
  evaluationPeriod: number;

  /** Optimistic concurrency: every change of the plan or of anything in it raises it. */
  @Column({ type: 'integer' })
  version: number;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'activated_at', type: 'timestamptz', nullable: true })
  activatedAt: Date | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ name: 'close_reason', type: 'text', nullable: true })
  closeReason: string | null;

  /** The funding programme version that pays for it, if any (migration 1733330000000). */
  @Column({ name: 'funding_programme_id', type: 'uuid', nullable: true })
  fundingProgrammeId: string | null;
}

/** A GAS goal of one evaluation period of a plan. */
@Entity({ name: 'gas_goal' })
export class GasGoalEntity {
  @PrimaryColumn('uuid')
  id: string;

  /** The plan's region (a composite foreign key keeps them equal). */
  @Column({ name: 'region_id', type: 'uuid' })
  regionId: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;

  @Column({ name: 'evaluation_period', type: 'integer' })
  evaluationPeriod: number;

  /** Its place in the goal set, from 1. */
  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'text' })
  title: string;

  /** The five levels described, for −2, −1, 0 (the expected outcome), +1 and +2 in that order. */
  @Column({ type: 'text', array: true })
  levels: string[];

  @Column({ type: 'numeric' })
  weight: number;

  /** The level the person is at when the goal is set (−2 … +2). */
  @Column({ type: 'integer' })
  baseline: number;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** An attainment scored on a GAS goal on a day; a goal's attainment is its latest score. */
@Entity({ name: 'gas_score' })
export class GasScoreEntity {
  @PrimaryColumn('uuid')
  id: string;

  /** The goal's region (a composite foreign key keeps them equal). */
  @Column({ name: 'region_id', type: 'uuid' })
  regionId: string;

  @Column({ name: 'goal_id', type: 'uuid' })
  goalId: string;

  @Column({ type: 'integer' })
  attainment: number;

  @Column({ name: 'scored_on', type: 'date' })
  scoredOn: string;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ name: 'recorded_by', type: 'text' })
  recordedBy: string;

  @Column({ name: 'recorded_by_organisation_id', type: 'uuid' })
  recordedByOrganisationId: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;

  /** Recording order among scores of one day (the database numbers them). */
  @Column({ type: 'bigint', generated: 'identity', generatedIdentity: 'ALWAYS' })
  seq: string;
}

/** The evaluation that closed one evaluation period of a plan, with the T-score it came to. */
@Entity({ name: 'rehab_plan_evaluation' })
export class RehabPlanEvaluationEntity {
  @PrimaryColumn('uuid')
  id: string;

  /** The plan's region (a composite foreign key keeps them equal). */
  @Column({ name: 'region_id', type: 'uuid' })
  regionId: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;

  @Column({ name: 'evaluation_period', type: 'integer' })
  evaluationPeriod: number;

  @Column({ name: 'evaluated_on', type: 'date' })
  evaluatedOn: string;

  /** The GAS ρ in force on the evaluation day. */
  @Column({ type: 'numeric' })
  rho: number;

  @Column({ name: 't_score', type: 'numeric' })
  tScore: number;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ name: 'evaluated_by', type: 'text' })
  evaluatedBy: string;

  @Column({ name: 'evaluated_at', type: 'timestamptz' })
  evaluatedAt: Date;
}

/** One version of a therapy form of the dated code table (reference data). */
@Entity({ name: 'therapy_form' })
export class TherapyFormEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  code: string;

  @Column({ name: 'label_sv', type: 'text' })
  labelSv: string;

  @Column({ name: 'label_en', type: 'text' })
  labelEn: string;

  @Column({ name: 'valid_from', type: 'date' })
  validFrom: string;

  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo: string | null;

  @Column({ type: 'text', nullable: true })
  source: string | null;
}
