import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { AgreementScenario, AgreementStatus, CareLevel, HousingForm, PrincipalRole, Profession } from '../domain/enums';

/** A group of interventions (rehabilitation, assistive devices, therapy, …). */
@Entity({ name: 'intervention_group' })
export class InterventionGroupEntity {
  @PrimaryColumn('text')
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'integer' })
  position: number;
}

/** An intervention of the catalogue that responsibility rules name. */
@Entity({ name: 'intervention' })
export class InterventionEntity {
  @PrimaryColumn('text')
  code: string;

  @Column({ name: 'group_code', type: 'text' })
  groupCode: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'integer' })
  position: number;
}

/** An agreement (överenskommelse) between principals, one version of a series. */
@Entity({ name: 'agreement' })
export class AgreementEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'region_id', type: 'uuid' })
  regionId: string;

  @Column({ name: 'series_id', type: 'uuid' })
  seriesId: string;

  @Column({ type: 'integer' })
  version: number;

  @Column({ name: 'supersedes_id', type: 'uuid', nullable: true })
  supersedesId: string | null;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  scenario: AgreementScenario;

  @Column({ type: 'text' })
  status: AgreementStatus;

  @Column({ name: 'valid_from', type: 'date' })
  validFrom: string;

  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo: string | null;

  @Column({ name: 'source_document', type: 'text', nullable: true })
  sourceDocument: string | null;

  @Column({ name: 'source_date', type: 'date', nullable: true })
  sourceDate: string | null;

  @Column({ type: 'boolean' })
  example: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

@Entity({ name: 'agreement_party' })
export class AgreementPartyEntity {
  @PrimaryColumn({ name: 'agreement_id', type: 'uuid' })
  agreementId: string;

  @PrimaryColumn({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  /** The parent's region (a composite foreign key keeps them equal). */
  @Column({ name: 'region_id', type: 'uuid' })
  regionId: string;
}

/** A rule of an agreement: conditions (null = any) and who is responsible, performs and pays. */
@Entity({ name: 'responsibility_rule' })
export class ResponsibilityRuleEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'region_id', type: 'uuid' })
  regionId: string;

  @Column({ name: 'agreement_id', type: 'uuid' })
  agreementId: string;

  @Column({ name: 'intervention_code', type: 'text', nullable: true })
  interventionCode: string | null;

  @Column({ name: 'intervention_group', type: 'text', nullable: true })
  interventionGroup: string | null;

  @Column({ name: 'care_levels', type: 'text', array: true, nullable: true })
  careLevels: CareLevel[] | null;

  @Column({ name: 'housing_forms', type: 'text', array: true, nullable: true })
  housingForms: HousingForm[] | null;

  @Column({ name: 'enrolled_in_home_health_care', type: 'boolean', nullable: true })
  enrolledInHomeHealthCare: boolean | null;

  @Column({ name: 'age_min', type: 'integer', nullable: true })
  ageMin: number | null;

  @Column({ name: 'age_max', type: 'integer', nullable: true })
  ageMax: number | null;

  @Column({ type: 'text', array: true, nullable: true })
  professions: Profession[] | null;

  @Column({ name: 'municipality_codes', type: 'text', array: true, nullable: true })
  municipalityCodes: string[] | null;

  @Column({ name: 'responsible_role', type: 'text' })
  responsibleRole: PrincipalRole;

  @Column({ name: 'responsible_organisation_id', type: 'uuid', nullable: true })
  responsibleOrganisationId: string | null;

  @Column({ name: 'performer_role', type: 'text', nullable: true })
  performerRole: PrincipalRole | null;

  @Column({ name: 'performer_organisation_id', type: 'uuid', nullable: true })
  performerOrganisationId: string | null;

  @Column({ name: 'performer_care_level', type: 'text', nullable: true })
  performerCareLevel: CareLevel | null;

  @Column({ name: 'cost_bearer_role', type: 'text' })
  costBearerRole: PrincipalRole;

  @Column({ name: 'cost_bearer_organisation_id', type: 'uuid', nullable: true })
  costBearerOrganisationId: string | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ name: 'source_reference', type: 'text', nullable: true })
  sourceReference: string | null;

  @Column({ name: 'valid_from', type: 'date' })
  validFrom: string;

  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
