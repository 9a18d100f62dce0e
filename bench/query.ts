/** The benchmarked read: a page of organisations with region, association links and care units. */
export const ORGANISATIONS_QUERY = `query Bench { organisations(first: 20) { edges { node {
  id name kind municipalityCode
  region { code name }
  members { financingShare member { name } }
  memberships { financingShare association { name } }
  careUnits(first: 5) { edges { node { name careLevel } } }
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
