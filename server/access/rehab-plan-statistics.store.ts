import { LegalSex, Role } from '../../domain/enums';
import { ForbiddenError } from '../../schema/common/errors';
import type { RequestScope } from './request-scope';

/** One group of an aggregate: home municipality (null: none recorded), sex, and the group's own key. */
export interface GroupedFigure {
  municipalityId: string | null;
  sex: LegalSex;
  /** The breakdown's value (a need, a therapy form, a programme form); null for figures without one. */
  key: string | null;
  /** How many (plans, commitments, reports, evaluations, treatments). */
  n: number;
  /** A sum that belongs to them (visits, amounts, T-score changes); 0 when the figure has none. */
  total: number;
}

/** The figures of rehabPlanStatistics, each a list of groups. */
export interface RehabPlanFigureRows {
  plansByNeed: GroupedFigure[];
  plansByTherapyForm: GroupedFigure[];
  evaluations: GroupedFigure[];
  /** The codes of the therapy forms valid on some day of the period, by code. */
  therapyForms: string[];
}

/** `municipality, sex, key, n, total` as the rows' properties. */
const GROUP = `p.home_municipality_id AS "municipalityId", p.legal_sex AS sex`;
const COUNTS = `count(*)::int AS n`;
/** Instants from the local midnight starting the first day ($3) to the one ending the last ($4), in the region's zone ($2). */
const CREATED_IN_PERIOD = (column: string) => `${column} >= ($3::date::timestamp AT TIME ZONE $2) AND ${column} < (($4::date + 1)::timestamp AT TIME ZONE $2)`;

/**
 * The planners' figures of rehabilitation plans, payment commitments and therapy reports,
 * aggregated in PostgreSQL: only counts and sums per home municipality and sex leave the database,
 * never a patient row. PLANNER of the region only. Example patients are left out.
 */
export class RehabPlanStatisticsStore {
  constructor(private readonly scope: RequestScope) {}

  private requirePlannerOf(regionId: string) {
    const viewer = this.scope.requireRole(Role.PLANNER);
    if (viewer.regionId !== regionId) throw new ForbiddenError("Planners see their own region's figures", 'regionCode');
  }

  /**
   * Plans created in the period by need and by each therapy form they recommend, and the
   * evaluations made in it with the sum of their T-score changes: the T-score the evaluation came
   * to less the one the goal set's baselines give, by the Kiresuk–Sherman formula with the ρ the
   * evaluation used (the formula of domain/gas.ts, here in SQL so that no plan leaves the database;
   * test/integration/rehab-plan-statistics.test.ts holds the two equal).
   */
  async planFigures(regionId: string, timeZone: string, from: string, to: string): Promise<RehabPlanFigureRows> {
    this.requirePlannerOf(regionId);
    const parameters = [regionId, timeZone, from, to];
    const plans = `FROM rehab_plan rp JOIN patient p ON p.id = rp.patient_id AND NOT p.example WHERE rp.region_id = $1 AND ${CREATED_IN_PERIOD('rp.created_at')}`;
    // One turn of the event loop: one transaction, one round trip.
    const [plansByNeed, plansByTherapyForm, evaluations, therapyForms] = await Promise.all([
      this.scope.db.query<GroupedFigure[]>(`SELECT ${GROUP}, rp.need AS key, ${COUNTS}, 0 AS total ${plans} GROUP BY 1, 2, 3`, parameters),
      this.scope.db.query<GroupedFigure[]>(`SELECT ${GROUP}, f.form AS key, ${COUNTS}, 0 AS total ${plans.replace('WHERE', 'CROSS JOIN unnest(rp.therapy_forms) f(form) WHERE')} GROUP BY 1, 2, 3`, parameters),
      this.scope.db.query<GroupedFigure[]>(
        `SELECT ${GROUP}, NULL AS key, ${COUNTS},
                COALESCE(sum(e.t_score - (50 + 10 * g.weighted / sqrt((1 - e.rho) * g.squares + e.rho * g.weights * g.weights))), 0)::float8 AS total
         FROM rehab_plan_evaluation e
         JOIN rehab_plan rp ON rp.id = e.plan_id
         JOIN patient p ON p.id = rp.patient_id AND NOT p.example
         CROSS JOIN LATERAL (
           SELECT sum(gg.weight * gg.baseline) AS weighted, sum(gg.weight * gg.weight) AS squares, sum(gg.weight) AS weights
           FROM gas_goal gg WHERE gg.plan_id = e.plan_id AND gg.evaluation_period = e.evaluation_period
         ) g
         WHERE e.region_id = $1 AND e.evaluated_on BETWEEN $2::date AND $3::date AND g.weights > 0
         GROUP BY 1, 2`,
        [regionId, from, to],
      ),
      this.scope.db.query<{ code: string }[]>(`SELECT DISTINCT code FROM therapy_form WHERE valid_from <= $2::date AND (valid_to IS NULL OR valid_to >= $1::date) ORDER BY code`, [from, to]),
    ]);
    return { plansByNeed, plansByTherapyForm, evaluations, therapyForms: therapyForms.map((f) => f.code) };
  }
}
