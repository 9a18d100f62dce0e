import { EntityManager } from 'typeorm';
import { AgreementStatus, Country, OrganisationKind } from '../../domain/enums';
import {
  AgreementEntity,
  AgreementPartyEntity,
  AssociationMembershipEntity,
  CareUnitEntity,
  FundingProgrammeEntity,
  FundingProgrammeFormEntity,
  InterventionEntity,
  InterventionGroupEntity,
  KvaCodeEntity,
  OrganisationEntity,
  RegionEntity,
  ResponsibilityRuleEntity,
  RuleParameterEntity,
  TherapyFormEntity,
} from '../index';
import { careUnitKey, municipalityKey, organisationKey, regionKey, regionPrincipalKey, seedId } from './ids';
import { REFERENCE_DATA, RegionSeed } from './reference-data';
import { DALARNA_AGREEMENTS, INTERVENTION_GROUPS, INTERVENTIONS } from './responsibility-data';
import { DEFAULT_KVA_CODES, KVA_SOURCE } from './kva-codes';
import { DEFAULT_RULE_PARAMETERS } from './rule-parameters';
import { DEFAULT_THERAPY_FORMS, THERAPY_FORM_SOURCE } from './therapy-forms';
import { FUNDING_PROGRAMMES } from './funding-programmes';

type Row<T> = Omit<T, 'createdAt' | 'updatedAt'>;

/** Resolves a member or owner reference of the reference data to an organisation id. */
function refId(region: RegionSeed, ref: string): string {
  if (ref === 'principal') return seedId(regionPrincipalKey(region.country, region.code));
  if (ref.startsWith('m:')) return seedId(municipalityKey(region.country, ref.slice(2)));
  return seedId(organisationKey(region.country, region.code, ref));
}

/** The rows the reference data describes, with deterministic ids. */
export function referenceRows() {
  const regions: Row<RegionEntity>[] = [];
  const organisations: Row<OrganisationEntity>[] = [];
  const memberships: Row<AssociationMembershipEntity>[] = [];
  const careUnits: Row<CareUnitEntity>[] = [];
  const org = (regionId: string, key: string, kind: OrganisationKind, name: string, extra: Partial<Row<OrganisationEntity>> = {}) => {
    organisations.push({ id: seedId(key), regionId, kind, name, municipalityCode: null, organisationNumber: null, establishedOn: null, example: false, ...extra });
  };

  for (const r of REFERENCE_DATA) {
    const regionId = seedId(regionKey(r.country, r.code));
    regions.push({ id: regionId, country: r.country, code: r.code, name: r.name, timeZone: r.timeZone });
    org(regionId, regionPrincipalKey(r.country, r.code), OrganisationKind.REGION, r.principal);
    for (const [code, name] of r.municipalities) {
      org(regionId, municipalityKey(r.country, code), OrganisationKind.MUNICIPALITY, name, { municipalityCode: code });
    }
    for (const a of r.agencies) org(regionId, organisationKey(r.country, r.code, a.slug), OrganisationKind.STATE_AGENCY, a.name);
    for (const a of r.associations) {
      const associationKey = organisationKey(r.country, r.code, a.slug);
      org(regionId, associationKey, OrganisationKind.COORDINATION_ASSOCIATION, a.name, { establishedOn: a.establishedOn ?? null });
      for (const m of a.members) {
        const memberId = refId(r, m.ref);
        memberships.push({
          id: seedId(`membership:${associationKey}:${memberId}`),
          regionId,
          associationId: seedId(associationKey),
          memberId,
          financingShare: m.share ?? null,
          note: m.note ?? null,
        });
      }
    }
    for (const u of r.careUnits) {
      careUnits.push({
        id: seedId(careUnitKey(`${r.country}:${r.code}:${u.owner}`, u.slug)),
        regionId,
        organisationId: refId(r, u.owner),
        name: u.name,
        careLevel: u.careLevel,
        hsaId: null,
      });
    }
  }
  return { regions, organisations, memberships, careUnits };
}

/** The intervention catalogue and Region Dalarna's agreements (CURRENT, and an example TARGET). */
export function responsibilityRows() {
  const dalarna = REFERENCE_DATA.find((r) => r.country === Country.SE && r.code === '20')!;
  const regionId = seedId(regionKey(dalarna.country, dalarna.code));
  const parties = [seedId(regionPrincipalKey(dalarna.country, dalarna.code)), ...dalarna.municipalities.map(([code]) => seedId(municipalityKey(dalarna.country, code)))];
  const agreements = DALARNA_AGREEMENTS.map((a) => ({
    id: seedId(`agreement:SE:20:${a.slug}:1`),
    regionId,
    seriesId: seedId(`agreement-series:SE:20:${a.slug}`),
    version: 1,
    supersedesId: null,
    title: a.title,
    scenario: a.scenario,
    status: AgreementStatus.ACTIVE,
    validFrom: a.validFrom,
    validTo: null,
    sourceDocument: a.sourceDocument,
    sourceDate: a.sourceDate,
    example: a.example,
  }));
  const agreementParties = agreements.flatMap((a) => parties.map((organisationId) => ({ agreementId: a.id, regionId: a.regionId, organisationId })));
  const rules = DALARNA_AGREEMENTS.flatMap((a, i) =>
    a.rules.map((r) => ({
      id: seedId(`rule:${agreements[i].id}:${r.slug}`),
      regionId,
      agreementId: agreements[i].id,
      interventionCode: r.intervention ?? null,
      interventionGroup: r.group ?? null,
      careLevels: null,
      housingForms: r.housingForms ?? null,
      enrolledInHomeHealthCare: r.enrolled ?? null,
      ageMin: null,
      ageMax: null,
      professions: r.professions ?? null,
      municipalityCodes: null,
      responsibleRole: r.responsible,
      responsibleOrganisationId: null,
      performerRole: r.responsible,
      performerOrganisationId: null,
      performerCareLevel: r.performerCareLevel,
      costBearerRole: r.responsible,
      costBearerOrganisationId: null,
      note: r.note,
      sourceReference: a.sourceDocument,
      validFrom: a.validFrom,
      validTo: null,
    })),
  );
  return {
    groups: INTERVENTION_GROUPS.map((g, position) => ({ ...g, position })),
    interventions: INTERVENTIONS.map((x, position) => ({ ...x, position })),
    agreements,
    agreementParties,
    rules,
  };
}

/**
 * Inserts the reference data. Idempotent: existing rows (even ones a TENANT_ADMIN has since
 * renamed) are left as they are, so re-running the seed changes nothing.
 */
export async function seedReferenceData(manager: EntityManager): Promise<void> {
  const rows = referenceRows();
  const insert = async (entity: Function, values: object[]) => {
    if (values.length === 0) return;
    await manager.createQueryBuilder().insert().into(entity).values(values).orIgnore().execute();
  };
  await insert(RegionEntity, rows.regions);
  await insert(OrganisationEntity, rows.organisations);
  await insert(AssociationMembershipEntity, rows.memberships);
  await insert(CareUnitEntity, rows.careUnits);
  const responsibility = responsibilityRows();
  await insert(InterventionGroupEntity, responsibility.groups);
  await insert(InterventionEntity, responsibility.interventions);
  // An agreement is seeded once, whole: rules an editor has since removed must not come back.
  const seeded = new Set<string>(
    (await manager.query('SELECT id FROM agreement WHERE id = ANY($1::uuid[])', [responsibility.agreements.map((a) => a.id)])).map((r: { id: string }) => r.id),
  );
  const isNew = (row: { agreementId: string }) => !seeded.has(row.agreementId);
  await insert(AgreementEntity, responsibility.agreements.filter((a) => !seeded.has(a.id)));
  await insert(AgreementPartyEntity, responsibility.agreementParties.filter(isNew));
  await insert(ResponsibilityRuleEntity, responsibility.rules.filter(isNew));
  await insert(
    KvaCodeEntity,
    DEFAULT_KVA_CODES.map((c) => ({ ...c, id: seedId(`kva:${c.code}:${c.validFrom}`), source: KVA_SOURCE })),
  );
  await insert(
    TherapyFormEntity,
    DEFAULT_THERAPY_FORMS.map((f) => ({ ...f, id: seedId(`therapy-form:${f.code}:${f.validFrom}`), source: THERAPY_FORM_SOURCE })),
  );
  await insert(
    RuleParameterEntity,
    DEFAULT_RULE_PARAMETERS.map((p) => ({ ...p, id: seedId(`parameter:${p.key}:${p.regionId ?? 'default'}:${p.validFrom}`) })),
  );
  const programmes = fundingProgrammeRows();
  await insert(FundingProgrammeEntity, programmes.programmes);
  await insert(FundingProgrammeFormEntity, programmes.forms);
}

/** The funding programmes' versions and their forms' versions, with deterministic ids. */
export function fundingProgrammeRows() {
  const programmes = FUNDING_PROGRAMMES.map(({ forms, ...p }) => ({ ...p, id: seedId(`funding-programme:${p.code}:${p.validFrom}`) }));
  const forms = FUNDING_PROGRAMMES.flatMap((p, i) =>
    p.forms.map((f) => ({ ...f, id: seedId(`funding-programme-form:${p.code}:${f.code}:${f.validFrom}`), programmeId: programmes[i].id, source: p.source })),
  );
  return { programmes, forms };
}

/**
 * The id of a seeded organisation named by code, for `npm run token`: a 4-digit Swedish or
 * 3-digit Finnish municipality code, a 2-digit Swedish county code (its region), `FI:21` (Åland's
 * ÅHS), or `<county>:<slug>` such as `20:fk` or `20:norra-dalarna`. Returns null for anything else.
 */
export function seededOrganisationId(ref: string): string | null {
  if (/^\d{4}$/.test(ref)) return seedId(municipalityKey(Country.SE, ref));
  if (/^\d{3}$/.test(ref)) return seedId(municipalityKey(Country.FI, ref));
  if (/^\d{2}$/.test(ref)) return seedId(regionPrincipalKey(Country.SE, ref));
  const fi = /^FI:(\d{2})(?::([a-z0-9-]+))?$/.exec(ref);
  if (fi) return seedId(fi[2] ? organisationKey(Country.FI, fi[1], fi[2]) : regionPrincipalKey(Country.FI, fi[1]));
  const se = /^(\d{2}):([a-z0-9-]+)$/.exec(ref);
  if (se) return seedId(organisationKey(Country.SE, se[1], se[2]));
  return null;
}

/** The id of a seeded care unit of a Swedish region's principal, e.g. ('20', 'falu-lasarett') or ('20', 'vc-mora'). */
export const seededCareUnitId = (regionCode: string, slug: string): string => seedId(careUnitKey(`${Country.SE}:${regionCode}:principal`, slug));
