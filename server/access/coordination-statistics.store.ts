import { CoordinationAgeBand, CoordinationGroup } from '../../domain/coordination-statistics';
import { AgeBand } from '../../domain/coordination-lists';
import { Role } from '../../domain/enums';
import { ForbiddenError } from '../../schema/common/errors';
import type { RequestScope } from './request-scope';

/**
 * The group keys of a case opened in the period: care unit, the patient's home municipality and
 * sex, the age band of the patient's age on the local day of opening ($5/$6: the young-adult
 * band), the occupation. The patient is looked up by key (LIMIT 1 keeps it a look-up, not a hash
 * join over the region's patients); example patients have none, so their cases drop out.
 */
const CASES_OF_PERIOD = `
  SELECT cc.id, cc.region_id, cc.care_unit_id, cc.occupation, cc.status, cc.outcome, cc.opened_at, cc.first_contact_at,
         p.home_municipality_id, p.legal_sex,
         CASE WHEN a.age < $5 THEN '${CoordinationAgeBand.BELOW_YOUNG_ADULT}' WHEN a.age <= $6 THEN '${CoordinationAgeBand.YOUNG_ADULT}'
              ELSE '${CoordinationAgeBand.ABOVE_YOUNG_ADULT}' END AS age_band
  FROM coordination_case cc
  CROSS JOIN LATERAL (SELECT p.home_municipality_id, p.legal_sex, p.birth_date FROM patient p
                      WHERE p.id = cc.patient_id AND p.region_id = cc.region_id AND NOT p.example LIMIT 1) p
  CROSS JOIN LATERAL (SELECT date_part('year', age((cc.opened_at AT TIME ZONE $2)::date, p.birth_date))::int AS age) a
  WHERE cc.region_id = $1 AND cc.opened_at >= ($3::date::timestamp AT TIME ZONE $2) AND cc.opened_at < (($4::date + 1)::timestamp AT TIME ZONE $2)`;

const KEYS = `c.care_unit_id AS "careUnitId", c.home_municipality_id AS "municipalityId", c.age_band AS "ageBand", c.occupation, c.legal_sex AS sex`;

/**
 * The planners' figures of rehabilitation coordination, aggregated in PostgreSQL: counts and sums
 * per group of cases leave the database, never a case. PLANNER or TENANT_ADMIN of the region.
 */
export class CoordinationStatisticsStore {
  constructor(private readonly scope: RequestScope) {}

  /**
   * The cases opened in the period (local dates in `timeZone`), grouped by care unit, home
   * municipality, age band, occupation and sex, with what became of them. Employer contact: a
   * contact the employer answered or a meeting with it held. Two statements in one transaction:
   * the figures, and the KVÅ codes by group and code.
   */
  async groups(regionId: string, timeZone: string, from: string, to: string, youngAdults: AgeBand): Promise<CoordinationGroup[]> {
    const viewer = this.scope.requireRole(Role.PLANNER, Role.TENANT_ADMIN);
    if (viewer.regionId !== regionId) throw new ForbiddenError("Planners see their own region's figures", 'regionCode');
    const db = this.scope.reads.lagTolerant;
    const parameters = [regionId, timeZone, from, to, youngAdults.from, youngAdults.to];
    const [, figures, kva] = await Promise.all([
      db.query(`SELECT set_config('jit', 'off', true)`),
      db.query<Omit<CoordinationGroup, 'kva'>[]>(
        `WITH c AS MATERIALIZED (${CASES_OF_PERIOD})
         SELECT ${KEYS}, count(*)::int AS opened,
                count(*) FILTER (WHERE c.status = 'DECLINED' OR EXISTS (
                  SELECT 1 FROM coordination_status_change sc WHERE sc.case_id = c.id AND sc.region_id = c.region_id AND sc.to_status = 'DECLINED'))::int AS declined,
                count(*) FILTER (WHERE c.outcome IN ('RETURNED_TO_WORK', 'PARTLY_RETURNED_TO_WORK'))::int AS "closedWithReturnToWork",
                count(c.first_contact_at)::int AS "firstContacted",
                COALESCE(sum(extract(epoch FROM c.first_contact_at - c.opened_at) / 86400), 0)::float8 AS "daysToFirstContact",
                count(*) FILTER (WHERE EXISTS (
                  SELECT 1 FROM coordination_activity ca WHERE ca.case_id = c.id AND ca.region_id = c.region_id
                    AND ca.actor_kind = 'EMPLOYER' AND (ca.answered OR ca.held)))::int AS "employerContact",
                COALESCE(sum((SELECT count(*) FROM coordination_activity ca WHERE ca.case_id = c.id AND ca.region_id = c.region_id)), 0)::int AS activities
         FROM c GROUP BY 1, 2, 3, 4, 5`,
        parameters,
      ),
      db.query<{ careUnitId: string; municipalityId: string | null; ageBand: string; occupation: string; sex: string; code: string; n: number }[]>(
        `WITH c AS MATERIALIZED (${CASES_OF_PERIOD})
         SELECT ${KEYS}, k.code, count(*)::int AS n
         FROM c JOIN coordination_kva k ON k.case_id = c.id AND k.region_id = c.region_id
         GROUP BY 1, 2, 3, 4, 5, 6`,
        parameters,
      ),
    ]);
    const key = (g: { careUnitId: string; municipalityId: string | null; ageBand: string; occupation: string; sex: string }) =>
      [g.careUnitId, g.municipalityId, g.ageBand, g.occupation, g.sex].join('|');
    const codes = new Map<string, Record<string, number>>();
    for (const row of kva) (codes.get(key(row)) ?? codes.set(key(row), {}).get(key(row))!)[row.code] = row.n;
    return figures.map((g) => ({ ...g, kva: codes.get(key(g)) ?? {} }));
  }
}
