import { EntityManager } from 'typeorm';
import { Country, OrganisationKind } from '../../domain/enums';
import { AssociationMembershipEntity, CareUnitEntity, OrganisationEntity, RegionEntity, RuleParameterEntity } from '../index';
import { careUnitKey, municipalityKey, organisationKey, regionKey, regionPrincipalKey, seedId } from './ids';
import { REFERENCE_DATA, RegionSeed } from './reference-data';
import { DEFAULT_RULE_PARAMETERS } from './rule-parameters';

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
    organisations.push({ id: seedId(key), regionId, kind, name, municipalityCode: null, organisationNumber: null, establishedOn: null, ...extra });
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
          financingShare: m.share === undefined ? null : m.share.toFixed(2),
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
  await insert(
    RuleParameterEntity,
    DEFAULT_RULE_PARAMETERS.map((p) => ({ ...p, id: seedId(`parameter:${p.key}:${p.regionId ?? 'default'}:${p.validFrom}`) })),
  );
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
