import type DataLoader from 'dataloader';
import { LoaderName, namedLoader } from './named-loader';
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

/**
 * Statements of the loaders, over the ids that `ids` selects: `= ANY($1::uuid[])` with the keys
 * of a batch, or `IN (SELECT …)` with the page of a list (prefetchOrganisationPage), so that both
 * answer alike. `next` is the number of the first placeholder after those `ids` uses.
 */
const SQL = {
  regions: (ids: string) => `SELECT ${REGION_COLUMNS} FROM region r WHERE r.id ${ids}`,
  organisations: (ids: string) => `SELECT ${ORGANISATION_COLUMNS} FROM organisation o WHERE o.id ${ids}`,
  /** Memberships by one side (`keyColumn`), ordered by the name of the other side. */
  memberships: (keyColumn: string, otherColumn: string, ids: string) =>
    `SELECT ${MEMBERSHIP_COLUMNS} FROM association_membership m JOIN organisation other ON other.id = m.${otherColumn}
     WHERE m.${keyColumn} ${ids} ORDER BY other.name, m.id`,
  /** A page of care units per organisation, by a window per organisation. */
  careUnitPages: (ids: string, page: PageRequest, next: number) =>
    `SELECT * FROM (
       SELECT ${CARE_UNIT_COLUMNS}, row_number() OVER (PARTITION BY c.organisation_id ORDER BY c.name, c.id) AS position
       FROM care_unit c WHERE c.organisation_id ${ids} ${page.after ? `AND (c.name, c.id) > ($${next + 1}, $${next + 2}::uuid)` : ''}
     ) ranked WHERE position <= $${next} ORDER BY name, id`,
};

const careUnitPageParameters = (page: PageRequest) => (page.after ? [page.first + 1, page.after[0], page.after[1]] : [page.first + 1]);

/** Rows of the care-unit statement as one page per organisation. */
function careUnitPagesOf(ids: readonly string[], page: PageRequest, rows: (CareUnitRow & { position: number })[]): Page<CareUnitRow>[] {
  return groupByKey(ids, rows, (c) => c.organisationId).map((group) => ({
    nodes: group.slice(0, page.first).map(({ position: _p, ...unit }) => unit),
    hasNextPage: group.length > page.first,
  }));
}

function membershipLoader(db: Queryable, name: LoaderName, keyColumn: string, otherColumn: string, keyOf: (m: MembershipRow) => string) {
  return namedLoader<string, MembershipRow[]>(name, async (ids) =>
    groupByKey<MembershipRow>(ids, await db.query(SQL.memberships(keyColumn, otherColumn, '= ANY($1::uuid[])'), [ids]), keyOf),
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
    region: namedLoader<string, RegionRow | null>('reference.region', async (ids) =>
      byKey<RegionRow>(ids, await db.query(SQL.regions('= ANY($1::uuid[])'), [ids]), (r) => r.id),
    ),
    organisation: namedLoader<string, OrganisationRow | null>('reference.organisation', async (ids) =>
      byKey<OrganisationRow>(ids, await db.query(SQL.organisations('= ANY($1::uuid[])'), [ids]), (o) => o.id),
    ),
    careUnit: namedLoader<string, CareUnitRow | null>('reference.careUnit', async (ids) =>
      byKey<CareUnitRow>(ids, await db.query(`SELECT ${CARE_UNIT_COLUMNS} FROM care_unit c WHERE c.id = ANY($1::uuid[])`, [ids]), (c) => c.id),
    ),
    /** The regional principal (the region's own organisation) of each region. */
    regionPrincipal: namedLoader<string, OrganisationRow | null>('reference.regionPrincipal', async (regionIds) =>
      byKey<OrganisationRow>(
        regionIds,
        await db.query(`SELECT ${ORGANISATION_COLUMNS} FROM organisation o WHERE o.region_id = ANY($1::uuid[]) AND o.kind = 'REGION'`, [regionIds]),
        (o) => o.regionId,
      ),
    ),
    /** Every dated rule parameter that applies to each region: its own and the defaults. */
    /** Every version of each KVÅ code asked for, oldest first. */
    kvaCodeVersions: namedLoader<string, KvaCode[]>('reference.kvaCodeVersions', async (codes) =>
      groupByKey<KvaCode>(
        codes,
        await db.query(`SELECT ${KVA_CODE_COLUMNS} FROM kva_code kc WHERE kc.code = ANY($1::text[]) ORDER BY kc.valid_from`, [codes]),
        (c) => c.code,
      ),
    ),
    parametersOfRegion: namedLoader<string, DatedParameter[]>('reference.parametersOfRegion', async (regionIds) => {
      const rows: DatedParameter[] = await db.query(
        `SELECT ${RULE_PARAMETER_COLUMNS} FROM rule_parameter rp WHERE rp.region_id = ANY($1::uuid[]) OR rp.region_id IS NULL`,
        [regionIds],
      );
      return regionIds.map((id) => rows.filter((r) => r.regionId === id || r.regionId === null));
    }),
    /** Members of each association, by member name. */
    membersOfAssociation: membershipLoader(db, 'reference.membersOfAssociation', 'association_id', 'member_id', (m) => m.associationId),
    /** Associations each organisation is a member of, by association name. */
    membershipsOfMember: membershipLoader(db, 'reference.membershipsOfMember', 'member_id', 'association_id', (m) => m.memberId),
    /**
     * A page of care units for each organisation: one statement for all organisations of a list,
     * using a window per organisation. Siblings in one query share `first`/`after`, so there is one
     * loader per distinct page request.
     */
    careUnitsOfOrganisation(page: PageRequest): DataLoader<string, Page<CareUnitRow>> {
      const signature = JSON.stringify(page);
      let loader = careUnitPages.get(signature);
      if (!loader) {
        loader = namedLoader<string, Page<CareUnitRow>>('reference.careUnitsOfOrganisation', async (ids) =>
          careUnitPagesOf(ids, page, await db.query(SQL.careUnitPages('= ANY($1::uuid[])', page, 2), [ids, ...careUnitPageParameters(page)])),
        );
        careUnitPages.set(signature, loader);
      }
      return loader;
    },
  };
}

export type ReferenceLoaders = ReturnType<typeof createReferenceLoaders>;

/** What a list of organisations will read of each: the loaders to fill ahead. */
export interface OrganisationPrefetch {
  region?: boolean;
  members?: boolean;
  memberships?: boolean;
  /** The other organisation of each membership (its name, usually). */
  linked?: boolean;
  /** The page of care units asked for, when they are. */
  careUnits?: PageRequest | null;
}

/**
 * Fills the loaders with what a page of organisations will ask of them, in the same turn of the
 * event loop as the page itself, so that the page and its relations travel in one round trip (see
 * TenantDb.query) instead of a round trip per level of the query. `pageSql` is the page's
 * statement (with `parameters`), `page` its answer on the way; each statement here reads its ids
 * from that statement and answers as the loader would, so a field resolver finds its answer
 * primed. Returns when the loaders are filled.
 */
export async function prefetchOrganisationPage(
  db: Queryable,
  loaders: ReferenceLoaders,
  { sql: pageSql, parameters }: { sql: string; parameters: unknown[] },
  page: Promise<Page<OrganisationRow>>,
  want: OrganisationPrefetch,
): Promise<void> {
  const ids = `IN (SELECT id FROM (${pageSql}) page)`;
  const query = <T>(sql: string, extra: unknown[] = []) => db.query<T[]>(sql, [...parameters, ...extra]);
  // Made on use: an unused derived promise of a failing page would be an unhandled rejection.
  const pageIds = () => page.then((p) => p.nodes.map((o) => o.id));
  const work: Promise<void>[] = [];
  if (want.region) {
    work.push(query<RegionRow>(SQL.regions(`IN (SELECT "regionId" FROM (${pageSql}) page)`)).then((rows) => rows.forEach((r) => loaders.region.prime(r.id, r))));
  }
  const links = (loader: DataLoader<string, MembershipRow[]>, keyColumn: string, otherColumn: string, keyOf: (m: MembershipRow) => string) =>
    Promise.all([pageIds(), query<MembershipRow>(SQL.memberships(keyColumn, otherColumn, ids))]).then(([keys, rows]) => {
      groupByKey(keys, rows, keyOf).forEach((group, i) => loader.prime(keys[i], group));
    });
  if (want.members) work.push(links(loaders.membersOfAssociation, 'association_id', 'member_id', (m) => m.associationId));
  if (want.memberships) work.push(links(loaders.membershipsOfMember, 'member_id', 'association_id', (m) => m.memberId));
  if (want.linked && (want.members || want.memberships)) {
    const linked = `IN (SELECT member_id FROM association_membership WHERE association_id ${ids} UNION SELECT association_id FROM association_membership WHERE member_id ${ids})`;
    work.push(query<OrganisationRow>(SQL.organisations(linked)).then((rows) => rows.forEach((o) => loaders.organisation.prime(o.id, o))));
  }
  const units = want.careUnits;
  if (units) {
    const rows = query<CareUnitRow & { position: number }>(SQL.careUnitPages(ids, units, parameters.length + 1), careUnitPageParameters(units));
    work.push(
      Promise.all([pageIds(), rows]).then(([keys, found]) => {
        const loader = loaders.careUnitsOfOrganisation(units);
        careUnitPagesOf(keys, units, found).forEach((p, i) => loader.prime(keys[i], p));
      }),
    );
  }
  await Promise.all(work);
}
