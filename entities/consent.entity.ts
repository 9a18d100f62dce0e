import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { ConsentGivenBy, ConsentPurpose, DataCategory } from '../domain/enums';

/** A patient's consent that data of some categories may flow from one organisation to another. */
@Entity({ name: 'consent' })
export class ConsentEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'region_id', type: 'uuid' })
  regionId: string;

  @Column({ name: 'patient_id', type: 'uuid' })
  patientId: string;

  @Column({ name: 'source_organisation_id', type: 'uuid' })
  sourceOrganisationId: string;

  @Column({ name: 'recipient_organisation_id', type: 'uuid' })
  recipientOrganisationId: string;

  @Column({ type: 'text', array: true })
  categories: DataCategory[];

  @Column({ type: 'text' })
  purpose: ConsentPurpose;

  @Column({ name: 'given_by', type: 'text' })
  givenBy: ConsentGivenBy;

  @Column({ name: 'representative_name', type: 'text', nullable: true })
  representativeName: string | null;

  @Column({ name: 'valid_from', type: 'date' })
  validFrom: string;

  @Column({ name: 'valid_to', type: 'date' })
  validTo: string;

  /** When the patient (or representative) gave it; recorded_at is when it was recorded. */
  @Column({ name: 'given_at', type: 'timestamptz' })
  givenAt: Date;

  @Column({ name: 'recorded_by', type: 'text' })
  recordedBy: string;

  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'revoked_by', type: 'text', nullable: true })
  revokedBy: string | null;

  @Column({ name: 'revoke_reason', type: 'text', nullable: true })
  revokeReason: string | null;
}
