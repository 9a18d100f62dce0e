import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AssessmentResult, TherapyGoalOutcome } from '../domain/therapy-report';

/** A payment commitment (betalningsförbindelse) of a paying principal to a provider, under a rehabilitation plan (see domain/payment-commitment.ts). */
@Entity({ name: 'payment_commitment' })
export class PaymentCommitmentEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'region_id', type: 'uuid' })
  regionId: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;

  @Column({ name: 'patient_id', type: 'uuid' })
  patientId: string;

  /** The principal that pays (the plan's owner). */
  @Column({ name: 'payer_organisation_id', type: 'uuid' })
  payerOrganisationId: string;

  /** The organisation that gives the therapy. */
  @Column({ name: 'provider_organisation_id', type: 'uuid' })
  providerOrganisationId: string;

  /** The commitment number, unique per payer. */
  @Column({ type: 'text' })
  number: string;

  /** A code of the therapy form code table. */
  @Column({ name: 'therapy_form', type: 'text' })
  therapyForm: string;

  @Column({ type: 'integer' })
  visits: number;

  /** Minutes per visit, record keeping not included. */
  @Column({ name: 'visit_minutes', type: 'integer' })
  visitMinutes: number;

  @Column({ name: 'valid_from', type: 'date' })
  validFrom: string;

  @Column({ name: 'valid_to', type: 'date' })
  validTo: string;

  /** An end date from the intervention text: it overrides the validity. */
  @Column({ name: 'intervention_end_date', type: 'date', nullable: true })
  interventionEndDate: string | null;

  @Column({ name: 'issued_on', type: 'date' })
  issuedOn: string;

  /** The therapy report's due date, fixed at issue by the dated parameter then in force. */
  @Column({ name: 'report_due_on', type: 'date' })
  reportDueOn: string;

  @Column({ name: 'revoked_from', type: 'date', nullable: true })
  revokedFrom: string | null;

  @Column({ name: 'revoked_by', type: 'text', nullable: true })
  revokedBy: string | null;

  /** Optimistic concurrency: every change of the commitment raises it. */
  @Column({ type: 'integer' })
  version: number;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  /** The funding programme version that pays for it, if any (migration 1733330000000). */
  @Column({ name: 'funding_programme_id', type: 'uuid', nullable: true })
  fundingProgrammeId: string | null;

  /** The programme's form it pays for (KBT, MMR1, …); set exactly when the programme is. */
  @Column({ name: 'funding_form', type: 'text', nullable: true })
  fundingForm: string | null;
}

/** A visit held and paid under a payment commitment. */
@Entity({ name: 'therapy_visit' })
export class TherapyVisitEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'region_id', type: 'uuid' })
  regionId: string;

  @Column({ name: 'commitment_id', type: 'uuid' })
  commitmentId: string;

  @Column({ name: 'visit_date', type: 'date' })
  visitDate: string;

  @Column({ type: 'integer' })
  minutes: number;

  @Column({ name: 'recorded_by', type: 'text' })
  recordedBy: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}

/** The provider's therapy report at the end of a commitment's period (see domain/therapy-report.ts). */
@Entity({ name: 'therapy_report' })
export class TherapyReportEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'region_id', type: 'uuid' })
  regionId: string;

  @Column({ name: 'commitment_id', type: 'uuid' })
  commitmentId: string;

  @Column({ name: 'therapist_name', type: 'text' })
  therapistName: string;

  @Column({ name: 'therapist_contact', type: 'text' })
  therapistContact: string;

  @Column({ name: 'functional_ability', type: 'text' })
  functionalAbility: string;

  @Column({ type: 'jsonb' })
  goals: TherapyGoalOutcome[];

  @Column({ type: 'jsonb' })
  assessments: AssessmentResult[];

  @Column({ name: 'continued_therapy_needed', type: 'boolean' })
  continuedTherapyNeeded: boolean;

  @Column({ name: 'continued_therapy_grounds', type: 'text', nullable: true })
  continuedTherapyGrounds: string | null;

  @Column({ name: 'patient_motivation', type: 'text' })
  patientMotivation: string;

  @Column({ name: 'end_summary', type: 'text', nullable: true })
  endSummary: string | null;

  @Column({ name: 'submitted_by', type: 'text' })
  submittedBy: string;

  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt: Date;

  /** Local date of submission in the region: what "on time" is judged on. */
  @Column({ name: 'submitted_on', type: 'date' })
  submittedOn: string;
}
