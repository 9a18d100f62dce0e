import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ConsentDirection, CoordinationActorKind } from '../domain/coordination';
import { ConsentGivenBy, ConsentPurpose, DataCategory } from '../domain/enums';

/** An employer named in a case: a recipient of information, not a tenant (no organisation row, no users). */
@Entity({ name: 'coordination_employer' })
export class CoordinationEmployerEntity {
  @PrimaryColumn('uuid')
  id: string;

  /** The case's region. */
  @Column({ name: 'region_id', type: 'uuid' })
  regionId: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ type: 'text' })
  name: string;

  /** Canonical NNNNNN-NNNN, Luhn-checked (domain/organisation-number.ts). */
  @Column({ name: 'organisation_number', type: 'text' })
  organisationNumber: string;

  @Column({ name: 'contact_name', type: 'text', nullable: true })
  contactName: string | null;

  @Column({ name: 'contact_details', type: 'text', nullable: true })
  contactDetails: string | null;

  @Column({ name: 'added_by', type: 'text' })
  addedBy: string;

  @Column({ name: 'added_at', type: 'timestamptz' })
  addedAt: Date;
}

/**
 * The patient's consent in a case: to coordination itself (actor_kind null), or to give
 * information to (or receive it from) one actor: one-way, for named categories, a purpose and a period.
 */
@Entity({ name: 'coordination_consent' })
export class CoordinationConsentEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'region_id', type: 'uuid' })
  regionId: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ name: 'patient_id', type: 'uuid' })
  patientId: string;

  /** null: the consent to coordination itself. */
  @Column({ name: 'actor_kind', type: 'text', nullable: true })
  actorKind: CoordinationActorKind | null;

  /** FK, AF, occupational health or social services as an organisation of the platform, when named. */
  @Column({ name: 'actor_organisation_id', type: 'uuid', nullable: true })
  actorOrganisationId: string | null;

  /** CARE_UNIT: the care unit. */
  @Column({ name: 'actor_care_unit_id', type: 'uuid', nullable: true })
  actorCareUnitId: string | null;

  /** EMPLOYER: the employer named in the case. */
  @Column({ name: 'employer_id', type: 'uuid', nullable: true })
  employerId: string | null;

  @Column({ type: 'text' })
  direction: ConsentDirection;

  @Column({ type: 'text', array: true })
  categories: DataCategory[];

  @Column({ type: 'text' })
  purpose: ConsentPurpose;

  @Column({ name: 'given_by', type: 'text' })
  givenBy: ConsentGivenBy;

  @Column({ name: 'valid_from', type: 'date' })
  validFrom: string;

  @Column({ name: 'valid_to', type: 'date' })
  validTo: string;

  @Column({ name: 'recorded_by', type: 'text' })
  recordedBy: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;

  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true })
  withdrawnAt: Date | null;

  @Column({ name: 'withdrawn_by', type: 'text', nullable: true })
  withdrawnBy: string | null;
}
