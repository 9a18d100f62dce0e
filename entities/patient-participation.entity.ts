import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ParticipationSource } from '../domain/participation';

/**
 * An organisation (optionally one care unit of it) takes part in a patient's case through a record
 * of a feature. While active it lets the organisation see the patient and the patient's records.
 */
@Entity({ name: 'patient_participation' })
export class PatientParticipationEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'region_id', type: 'uuid' })
  regionId: string;

  @Column({ name: 'patient_id', type: 'uuid' })
  patientId: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @Column({ name: 'care_unit_id', type: 'uuid', nullable: true })
  careUnitId: string | null;

  @Column({ name: 'source_type', type: 'text' })
  sourceType: ParticipationSource;

  @Column({ name: 'source_id', type: 'uuid' })
  sourceId: string;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt: Date | null;
}
