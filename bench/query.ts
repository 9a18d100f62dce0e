/** The benchmarked read: a page of organisations with region, association links and care units. */
export const ORGANISATIONS_QUERY = `query Bench { organisations(first: 20) { edges { node {
  id name kind municipalityCode
  region { code name }
  members { financingShare member { name } }
  memberships { financingShare association { name } }
  careUnits(first: 5) { edges { node { name careLevel } } }
} } } }`;

/**
 * The same read in PostGraphile 5's naming (amber preset, inflection from the tables and foreign
 * keys): `rowId` is the primary key, relations are named after their foreign-key columns.
 */
export const POSTGRAPHILE_QUERY = `query Bench { allOrganisations(first: 20, orderBy: [NAME_ASC, ROW_ID_ASC]) { edges { node {
  rowId name kind municipalityCode
  regionByRegionId { code name }
  associationMembershipsByAssociationId { nodes { financingShare organisationByMemberId { name } } }
  associationMembershipsByMemberId { nodes { financingShare organisationByAssociationId { name } } }
  careUnitsByOrganisationId(first: 5, orderBy: [NAME_ASC, ROW_ID_ASC]) { edges { node { name careLevel } } }
} } } }`;

/**
 * The same answer straight from PostgreSQL in one statement: what a hand-written handler can do at
 * best, the yardstick for the GraphQL stack.
 */
export const ORGANISATIONS_SQL = `
SELECT coalesce(json_agg(json_build_object('node', json_build_object(
  'id', o.id, 'name', o.name, 'kind', o.kind, 'municipalityCode', o.municipality_code,
  'region', json_build_object('code', r.code, 'name', r.name),
  'members', (SELECT coalesce(json_agg(json_build_object('financingShare', m.financing_share::float8, 'member', json_build_object('name', mo.name)) ORDER BY mo.name, m.id), '[]')
              FROM association_membership m JOIN organisation mo ON mo.id = m.member_id WHERE m.association_id = o.id),
  'memberships', (SELECT coalesce(json_agg(json_build_object('financingShare', m.financing_share::float8, 'association', json_build_object('name', a.name)) ORDER BY a.name, m.id), '[]')
                  FROM association_membership m JOIN organisation a ON a.id = m.association_id WHERE m.member_id = o.id),
  'careUnits', json_build_object('edges', (SELECT coalesce(json_agg(json_build_object('node', json_build_object('name', c.name, 'careLevel', c.care_level))), '[]')
               FROM (SELECT name, care_level FROM care_unit WHERE organisation_id = o.id ORDER BY name, id LIMIT 5) c))
)) ORDER BY o.name, o.id), '[]') AS edges
FROM (SELECT * FROM organisation ORDER BY name, id LIMIT 20) o JOIN region r ON r.id = o.region_id`;

/** One organisation of the answer, in a form all three servers' answers reduce to. */
export interface NormalOrganisation {
  id: string;
  name: string;
  kind: string;
  municipalityCode: string | null;
  region: { code: string; name: string };
  /** [financing share, member name], sorted: the servers order links differently. */
  members: [number | null, string][];
  memberships: [number | null, string][];
  careUnits: [string, string][];
}

const share = (value: unknown) => (value === null || value === undefined ? null : Number(value));
const sorted = (links: [number | null, string][]) => links.sort((a, b) => (a[1] === b[1] ? Number(a[0]) - Number(b[0]) : a[1] < b[1] ? -1 : 1));

/** samrehab's (and the raw handler's) answer, normalised. */
export function normaliseSamrehab(body: any): NormalOrganisation[] {
  return body.data.organisations.edges.map(({ node: o }: any) => ({
    id: o.id,
    name: o.name,
    kind: o.kind,
    municipalityCode: o.municipalityCode,
    region: { code: o.region.code, name: o.region.name },
    members: sorted(o.members.map((m: any) => [share(m.financingShare), m.member.name])),
    memberships: sorted(o.memberships.map((m: any) => [share(m.financingShare), m.association.name])),
    careUnits: o.careUnits.edges.map(({ node: c }: any) => [c.name, c.careLevel]),
  }));
}

/** PostGraphile's answer, normalised. */
export function normalisePostGraphile(body: any): NormalOrganisation[] {
  return body.data.allOrganisations.edges.map(({ node: o }: any) => ({
    id: o.rowId,
    name: o.name,
    kind: o.kind,
    municipalityCode: o.municipalityCode,
    region: { code: o.regionByRegionId.code, name: o.regionByRegionId.name },
    members: sorted(o.associationMembershipsByAssociationId.nodes.map((m: any) => [share(m.financingShare), m.organisationByMemberId.name])),
    memberships: sorted(o.associationMembershipsByMemberId.nodes.map((m: any) => [share(m.financingShare), m.organisationByAssociationId.name])),
    careUnits: o.careUnitsByOrganisationId.edges.map(({ node: c }: any) => [c.name, c.careLevel]),
  }));
}
