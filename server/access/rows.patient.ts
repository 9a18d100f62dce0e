import { ConsentGivenBy, ConsentPurpose, DataCategory, IdentityNumberKind, LegalSex } from '../../domain/enums';

/** A patient row as stored (identity number still encrypted); never leaves the access layer. */
export interface PatientRecord {
  id: string;
  regionId: string;
  ownerOrganisationId: string;
  identityNumberEncrypted: string;
  identityKind: IdentityNumberKind;
  birthDate: string;
  legalSex: LegalSex;
  givenName: string | null;
  familyName: string | null;
  address: string | null;
  protectedIdentity: boolean;
  homeMunicipalityId: string | null;
  listedCareUnitId: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** What the access layer hands out: the identity number decrypted, protected details withheld. */
export interface PatientView extends Omit<PatientRecord, 'identityNumberEncrypted'> {
  /** YYYYMMDD-NNNN. */
  personnummer: string;
  /** True when name and address are withheld because the identity is protected and the viewer is not the owner. */
  detailsWithheld: boolean;
}

export const PATIENT_COLUMNS = `p.id, p.region_id AS "regionId", p.owner_organisation_id AS "ownerOrganisationId",
  p.identity_number_encrypted AS "identityNumberEncrypted", p.identity_kind AS "identityKind", p.birth_date::text AS "birthDate",
  p.legal_sex AS "legalSex", p.given_name AS "givenName", p.family_name AS "familyName", p.address,
  p.protected_identity AS "protectedIdentity", p.home_municipality_id AS "homeMunicipalityId",
  p.listed_care_unit_id AS "listedCareUnitId", p.version, p.created_at AS "createdAt", p.updated_at AS "updatedAt"`;

export interface ConsentRow {
  id: string;
  regionId: string;
  patientId: string;
  sourceOrganisationId: string;
  recipientOrganisationId: string;
  categories: DataCategory[];
  purpose: ConsentPurpose;
  givenBy: ConsentGivenBy;
  representativeName: string | null;
  validFrom: string;
  validTo: string;
  recordedBy: string;
  recordedAt: Date;
  /** recorded_at as PostgreSQL prints it: exact to the microsecond, for cursors. */
  recordedAtKey: string;
  revokedAt: Date | null;
  revokedBy: string | null;
  revokeReason: string | null;
}

export const CONSENT_COLUMNS = `k.id, k.region_id AS "regionId", k.patient_id AS "patientId",
  k.source_organisation_id AS "sourceOrganisationId", k.recipient_organisation_id AS "recipientOrganisationId",
  k.categories, k.purpose, k.given_by AS "givenBy", k.representative_name AS "representativeName",
  k.valid_from::text AS "validFrom", k.valid_to::text AS "validTo", k.recorded_by AS "recordedBy",
  k.recorded_at AS "recordedAt", k.recorded_at::text AS "recordedAtKey", k.revoked_at AS "revokedAt", k.revoked_by AS "revokedBy", k.revoke_reason AS "revokeReason"`;
