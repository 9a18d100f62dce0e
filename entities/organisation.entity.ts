import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { OrganisationKind } from '../domain/enums';

/** A principal (region, municipality) or an actor (association, agency, provider, employer). */
@Entity({ name: 'organisation' })
export class OrganisationEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'region_id', type: 'uuid' })
  regionId: string;

  @Column({ type: 'text' })
  kind: OrganisationKind;

  @Column({ type: 'text' })
  name: string;

  /** Official municipality code; only for kind MUNICIPALITY. */
  @Column({ name: 'municipality_code', type: 'text', nullable: true })
  municipalityCode: string | null;

  /** Swedish organisationsnummer or Finnish business id, when known. */
  @Column({ name: 'organisation_number', type: 'text', nullable: true })
  organisationNumber: string | null;

  @Column({ name: 'established_on', type: 'date', nullable: true })
  establishedOn: string | null;

  /** Example data seeded to show the platform (never a real person or organisation); left out of statistics. */
  @Column({ type: 'boolean' })
  example: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
