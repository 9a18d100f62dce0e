import { CareLevel, Country, OrganisationKind } from '../../domain/enums';

/** Plain rows as the access layer returns them: only what the API exposes, no entity hydration. */
export interface RegionRow {
  id: string;
  country: Country;
  code: string;
  name: string;
  timeZone: string;
}

export interface OrganisationRow {
  id: string;
  regionId: string;
  kind: OrganisationKind;
  name: string;
  municipalityCode: string | null;
  organisationNumber: string | null;
  establishedOn: string | null;
}

export interface MembershipRow {
  id: string;
  regionId: string;
  associationId: string;
  memberId: string;
  financingShare: number | null;
  note: string | null;
}

export interface CareUnitRow {
  id: string;
  regionId: string;
  organisationId: string;
  name: string;
  careLevel: CareLevel;
  hsaId: string | null;
}

export const REGION_COLUMNS = `r.id, r.country, r.code, r.name, r.time_zone AS "timeZone"`;
export const ORGANISATION_COLUMNS = `o.id, o.region_id AS "regionId", o.kind, o.name, o.municipality_code AS "municipalityCode",
  o.organisation_number AS "organisationNumber", o.established_on::text AS "establishedOn"`;
export const MEMBERSHIP_COLUMNS = `m.id, m.region_id AS "regionId", m.association_id AS "associationId", m.member_id AS "memberId",
  m.financing_share::float8 AS "financingShare", m.note`;
export const CARE_UNIT_COLUMNS = `c.id, c.region_id AS "regionId", c.organisation_id AS "organisationId", c.name,
  c.care_level AS "careLevel", c.hsa_id AS "hsaId"`;
