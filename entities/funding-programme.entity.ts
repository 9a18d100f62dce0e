import { Column, Entity, PrimaryColumn } from 'typeorm';
import { CareLevel } from '../domain/enums';
import { FundingUnit, Indication, ReportingCadence } from '../domain/funding-programme';

/** One version of a national funding programme (see domain/funding-programme.ts). */
@Entity({ name: 'funding_programme' })
export class FundingProgrammeEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'valid_from', type: 'date' })
  validFrom: string;

  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo: string | null;

  @Column({ name: 'age_min', type: 'integer' })
  ageMin: number;

  @Column({ name: 'age_max', type: 'integer' })
  ageMax: number;

  @Column({ type: 'text' })
  conditions: string;

  @Column({ name: 'reporting_cadence', type: 'text' })
  reportingCadence: ReportingCadence;

  @Column({ type: 'text', nullable: true })
  source: string | null;
}

/** One version of a form of a funding programme (KBT, IPT, MMR1, MMR2) with its amount. */
@Entity({ name: 'funding_programme_form' })
export class FundingProgrammeFormEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'programme_id', type: 'uuid' })
  programmeId: string;

  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  unit: FundingUnit;

  @Column({ name: 'care_level', type: 'text', nullable: true })
  careLevel: CareLevel | null;

  @Column({ name: 'sessions_min', type: 'integer', nullable: true })
  sessionsMin: number | null;

  @Column({ name: 'sessions_max', type: 'integer', nullable: true })
  sessionsMax: number | null;

  @Column({ name: 'weeks_min', type: 'integer', nullable: true })
  weeksMin: number | null;

  @Column({ name: 'weeks_max', type: 'integer', nullable: true })
  weeksMax: number | null;

  @Column({ type: 'text', array: true })
  indications: Indication[];

  @Column({ name: 'amount_sek', type: 'integer' })
  amountSek: number;

  @Column({ name: 'valid_from', type: 'date' })
  validFrom: string;

  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo: string | null;

  @Column({ type: 'text', nullable: true })
  source: string | null;
}
