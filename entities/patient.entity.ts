import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { IdentityNumberKind, LegalSex } from '../domain/enums';

/**
 * One principal's record of a person. The identity number is kept encrypted, with a keyed hash
 * for exact look-ups, so that it never appears in clear in lists, dumps or logs.
 */
@Entity({ name: 'patient' })
export class PatientEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'region_id', type: 'uuid' })
  regionId: string;

  @Column({ name: 'owner_organisation_id', type: 'uuid' })
  ownerOrganisationId: string;

  @Column({ name: 'identity_number_hash', type: 'text' })
  identityNumberHash: string;

  @Column({ name: 'identity_number_encrypted', type: 'text' })
  identityNumberEncrypted: string;

  @Column({ name: 'identity_kind', type: 'text' })
  identityKind: IdentityNumberKind;

  @Column({ name: 'birth_date', type: 'date' })
  birthDate: string;

  @Column({ name: 'legal_sex', type: 'text' })
  legalSex: LegalSex;

  @Column({ name: 'given_name', type: 'text', nullable: true })
  givenName: string | null;

  @Column({ name: 'family_name', type: 'text', nullable: true })
  familyName: string | null;

  @Column({ type: 'text', nullable: true })
  address: string | null;

  @Column({ name: 'protected_identity', type: 'boolean' })
  protectedIdentity: boolean;

  @Column({ name: 'home_municipality_id', type: 'uuid', nullable: true })
  homeMunicipalityId: string | null;

  @Column({ name: 'listed_care_unit_id', type: 'uuid', nullable: true })
  listedCareUnitId: string | null;

  /** Example data seeded to show the platform (never a real person or organisation); left out of statistics. */
  @Column({ type: 'boolean' })
  example: boolean;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
