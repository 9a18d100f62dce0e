import { Column, Entity, PrimaryColumn } from 'typeorm';
import { LegalSex } from '../domain/enums';

/**
 * One discharge's figures for the planners' report (domain/discharge-summary.ts), written with
 * every change of its message log and read by the report instead of the log. It names what it was
 * computed from: the hand-off's version and the discharge parameters of its admission date, so
 * the report recomputes a summary that is stale or whose parameters have changed since.
 */
@Entity({ name: 'handoff_discharge_summary' })
export class HandoffDischargeSummaryEntity {
  @PrimaryColumn({ name: 'handoff_id', type: 'uuid' })
  handoffId: string;

  @Column({ name: 'region_id', type: 'uuid' })
  regionId: string;

  /** The hand-off's version the summary was computed at. */
  @Column({ name: 'handoff_version', type: 'integer' })
  handoffVersion: number;

  /**
   * To be recomputed before it is read: set by the triggers of its migration when the discharge is
   * new or its messages or hand-off change, cleared when the domain's figures are written.
   */
  @Column({ type: 'boolean' })
  stale: boolean;

  @Column({ name: 'admitted_at', type: 'timestamptz' })
  admittedAt: Date;

  @Column({ type: 'boolean' })
  psychiatric: boolean;

  @Column({ name: 'home_municipality_id', type: 'uuid', nullable: true })
  homeMunicipalityId: string | null;

  @Column({ name: 'sending_care_unit_id', type: 'uuid' })
  sendingCareUnitId: string;

  /** The patient's, from the personnummer (which never changes). */
  @Column({ name: 'legal_sex', type: 'text' })
  legalSex: LegalSex;

  /**
   * The discharge parameters in force on the admission date that it was computed with, as
   * dischargeParametersKey (domain/discharge-summary.ts) writes them; null: none were.
   */
  @Column({ name: 'parameters_key', type: 'text', nullable: true })
  parametersKey: string | null;

  @Column({ name: 'admission_notice_sent', type: 'boolean' })
  admissionNoticeSent: boolean;

  @Column({ name: 'admission_notice_on_time', type: 'boolean' })
  admissionNoticeOnTime: boolean;

  @Column({ name: 'admission_notice_due_after', type: 'timestamptz', nullable: true })
  admissionNoticeDueAfter: Date | null;

  @Column({ name: 'sip_call_outs_made', type: 'integer' })
  sipCallOutsMade: number;

  @Column({ name: 'sip_call_outs_on_time', type: 'integer' })
  sipCallOutsOnTime: number;

  @Column({ name: 'sip_call_outs_due_after', type: 'timestamptz', array: true })
  sipCallOutsDueAfter: Date[];

  @Column({ name: 'closed_liability_days', type: 'integer' })
  closedLiabilityDays: number;

  @Column({ name: 'open_liable_from', type: 'date', array: true })
  openLiableFrom: string[];

  /** SEK per day; null where no amount is agreed. Select lists read it as float8. */
  @Column({ name: 'daily_amount', type: 'numeric', nullable: true })
  dailyAmount: number | null;
}
