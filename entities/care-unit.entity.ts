import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { CareLevel } from '../domain/enums';

/** A care unit (hospital ward, vårdcentral, municipal home rehab team) of an organisation. */
@Entity({ name: 'care_unit' })
export class CareUnitEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'region_id', type: 'uuid' })
  regionId: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'care_level', type: 'text' })
  careLevel: CareLevel;

  @Column({ name: 'hsa_id', type: 'text', nullable: true })
  hsaId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
