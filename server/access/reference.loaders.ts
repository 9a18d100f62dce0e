import DataLoader from 'dataloader';
import { Page, PageRequest } from '../../schema/common/page';
import {
  CARE_UNIT_COLUMNS,
  CareUnitRow,
  KVA_CODE_COLUMNS,
  MEMBERSHIP_COLUMNS,
  MembershipRow,
  ORGANISATION_COLUMNS,
  OrganisationRow,
  REGION_COLUMNS,
  RegionRow,
  RULE_PARAMETER_COLUMNS,
} from './rows';
import { Queryable } from './sql';
import type { DatedParameter } from '../../domain/rule-parameters';
import type { KvaCode } from '../../domain/sip';

/** Orders batch results like the keys: DataLoader requires one result per key, in key order. */
export function byKey<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): (T | null)[] {
  const map = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((k) => map.get(k) ?? null);
}

export function groupByKey<T, K = string>(keys: readonly K[], rows: T[], keyOf: (row: T) => K): T[][] {
  const groups = new Map<K, T[]>(keys.map((k) => [k, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((k) => groups.get(k)!);
}

/** Memberships grouped by one side (`keyColumn`), ordered by the name of the other side. */
function membershipLoader(db: Queryable, keyColumn: string, otherColumn: string, keyOf: (m: MembershipRow) => string) {
  return new DataLoader<string, MembershipRow[]>(async (ids) =>
    groupByKey<MembershipRow>(
      ids,
      await db.query(
        `SELECT ${MEMBERSHIP_COLUMNS} FROM association_membership m JOIN organisation other ON other.id = m.${otherColumn}
         WHERE m.${keyColumn} = ANY($1::uuid[]) ORDER BY other.name, m.id`,
        [ids],
      ),
      keyOf,
    ),
  );
}

/**
 * Per-request loaders for reference data (regions, organisations, memberships, care units). It is
 * readable by every authenticated viewer of every tenant, so its keys are plain ids; loaders for
 * tenant-owned data must carry the tenant in their keys. Each batch is one `= ANY($1)` statement.
 */
export function createReferenceLoaders(db: Queryable) {
  const careUnitPages = new Map<string, DataLoader<string, Page<CareUnitRow>>>();
  return {
    region: new DataLoader<string, RegionRow | null>(async (ids) =>
      byKey<RegionRow>(ids, await db.query(`SELECT ${REGION_COLUMNS} FROM region r WHERE r.id = ANY($1::uuid[])`, [ids]), (r) => r.id),
    ),
    organisation: new DataLoader<string, OrganisationRow | null>(async (ids) =>
      byKey<OrganisationRow>(ids, await db.query(`SELECT ${ORGANISATION_COLUMNS} FROM organisation o WHERE o.id = ANY($1::uuid[])`, [ids]), (o) => o.id),
    ),
    careUnit: new DataLoader<string, CareUnitRow | null>(async (ids) =>
      byKey<CareUnitRow>(ids, await db.query(`SELECT ${CARE_UNIT_COLUMNS} FROM care_unit c WHERE c.id = ANY($1::uuid[])`, [ids]), (c) => c.id),
    ),
    /** The regional principal (the region's own organisation) of each region. */
    regionPrincipal: new DataLoader<string, OrganisationRow | null>(async (regionIds) =>
      byKey<OrganisationRow>(
        regionIds,
        await db.query(`SELECT ${ORGANISATION_COLUMNS} FROM organisation o WHERE o.region_id = ANY($1::uuid[]) AND o.kind = 'REGION'`, [regionIds]),
        (o) => o.regionId,
      ),
    ),
    /** Every dated rule parameter that applies to each region: its own and the defaults. */
    /** Every version of each KVÅ code asked for, oldest first. */
    kvaCodeVersions: new DataLoader<string, KvaCode[]>(async (codes) =>
      groupByKey<KvaCode>(
        codes,
        await db.query(`SELECT ${KVA_CODE_COLUMNS} FROM kva_code kc WHERE kc.code = ANY($1::text[]) ORDER BY kc.valid_from`, [codes]),
        (c) => c.code,
      ),
    ),
    parametersOfRegion: new DataLoader<string, DatedParameter[]>(async (regionIds) => {
      const rows: DatedParameter[] = await db.query(
        `SELECT ${RULE_PARAMETER_COLUMNS} FROM rule_parameter rp WHERE rp.region_id = ANY($1::uuid[]) OR rp.region_id IS NULL`,
        [regionIds],
      );
      return regionIds.map((id) => rows.filter((r) => r.regionId === id || r.regionId === null));
    }),
    /** Members of each association, by member name. */
    membersOfAssociation: membershipLoader(db, 'association_id', 'member_id', (m) => m.associationId),
    /** Associations each organisation is a member of, by association name. */
    membershipsOfMember: membershipLoader(db, 'member_id', 'association_id', (m) => m.memberId),
    /**
     * A page of care units for each organisation: one statement for all organisations of a list,
     * using a window per organisation. Siblings in one query share `first`/`after`, so there is one
     * loader per distinct page request.
     */
    careUnitsOfOrganisation(page: PageRequest): DataLoader<string, Page<CareUnitRow>> {
      const signature = JSON.stringify(page);
      let loader = careUnitPages.get(signature);
      if (!loader) {
        loader = new DataLoader<string, Page<CareUnitRow>>(async (ids) => {
          const after = page.after ? `AND (c.name, c.id) > ($3, $4::uuid)` : '';
          const rows: (CareUnitRow & { position: number })[] = await db.query(
            `SELECT * FROM (
               SELECT ${CARE_UNIT_COLUMNS}, row_number() OVER (PARTITION BY c.organisation_id ORDER BY c.name, c.id) AS position
               FROM care_unit c WHERE c.organisation_id = ANY($1::uuid[]) ${after}
             ) ranked WHERE position <= $2 ORDER BY name, id`,
            page.after ? [ids, page.first + 1, page.after[0], page.after[1]] : [ids, page.first + 1],
          );
          return groupByKey(ids, rows, (c) => c.organisationId).map((group) => ({
            nodes: group.slice(0, page.first).map(({ position: _p, ...unit }) => unit),
            hasNextPage: group.length > page.first,
          }));
        });
        careUnitPages.set(signature, loader);
      }
      return loader;
    },
  };
}

export type ReferenceLoaders = ReturnType<typeof createReferenceLoaders>;
