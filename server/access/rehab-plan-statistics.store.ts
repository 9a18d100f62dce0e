import { LegalSex, Role } from '../../domain/enums';
import { ForbiddenError } from '../../schema/common/errors';
import type { RequestScope } from './request-scope';

/** One group of an aggregate: home municipality (null: none recorded), sex, and the group's own key. */
export interface GroupedFigure {
  /** The calendar month 'YYYY-MM' of a report's period; null for the whole period (figures that do not add up over months), absent for reports without months. */
  month?: string | null;
  municipalityId: string | null;
  sex: LegalSex;
  /** The breakdown's value (a need, a therapy form, a programme form); null for figures without one. */
  key: string | null;
  /** How many (plans, commitments, reports, evaluations, treatments). */
  n: number;
  /** A sum that belongs to them (visits, amounts, T-score changes); 0 when the figure has none. */
  total: number;
}

/** The figures of rehabPlanStatistics, each a list of groups by month (commitments and visits also for the whole period, month null). */
export interface RehabPlanFigureRows {
  plansByNeed: GroupedFigure[];
  plansByTherapyForm: GroupedFigure[];
  evaluations: GroupedFigure[];
  /** Commitments in effect on some day of the period; total: the visits they allow. */
  commitments: GroupedFigure[];
  /** Visits held under those commitments up to the period's end (n and total alike). */
  visitsUsed: GroupedFigure[];
  /** Reports that fell due in the period (key ON_TIME for those in by their date, LATE otherwise). */
  reportsDue: GroupedFigure[];
  /** The codes of the therapy forms valid on some day of the period, by code. */
  therapyForms: string[];
}

/** A group of one of several figures read by one statement: `figure` names the figure. */
type FigureRow = GroupedFigure & { figure: 'NEED' | 'FORM' | 'COMMITMENTS' | 'VISITS' | 'REPORTS' };

/** `month, municipality, sex, key, n, total` as the rows' properties. */
const GROUP = `p.home_municipality_id AS "municipalityId", p.legal_sex AS sex`;
/**
 * The row's patient (`p`), found by key once the row is chosen; none for an example patient, so the
 * row drops out. LIMIT 1 (the key is unique) keeps the subquery from being merged into a join, which the
 * planner would make a hash join over all of the region's patients (issue 14: no whole-table reads).
 */
const PATIENT_OF = (patientId: string) =>
  `CROSS JOIN LATERAL (SELECT p.home_municipality_id, p.legal_sex FROM patient p WHERE p.id = ${patientId} AND NOT p.example LIMIT 1) p`;
const COUNTS = `count(*)::int AS n`;
/** Instants from the local midnight starting the first day ($3) to the one ending the last ($4), in the region's zone ($2). */
const CREATED_IN_PERIOD = (column: string) => `${column} >= ($3::date::timestamp AT TIME ZONE $2) AND ${column} < (($4::date + 1)::timestamp AT TIME ZONE $2)`;

/** The calendar month 'YYYY-MM' of a local date or (with the region's zone, $2) of an instant. */
const MONTH_OF_DATE = (column: string) => `to_char(${column}, 'YYYY-MM')`;
const MONTH_OF_INSTANT = (column: string) => `to_char(${column} AT TIME ZONE $2, 'YYYY-MM')`;

/**
 * The last day a commitment pays for: its validity, cut short by an end date in the intervention
 * text or by a revocation (from that day on); lastPaidDay of domain/payment-commitment.ts in SQL.
 */
const COMMITMENT_END = `LEAST(c.valid_to, COALESCE(c.intervention_end_date, c.valid_to), COALESCE(c.revoked_from - 1, c.valid_to))`;
/** The commitment's report falls due in the period ($2…$3): on its date, unless revoked by then. */
const REPORT_FALLS_DUE = `c.report_due_on BETWEEN $2::date AND $3::date AND (c.revoked_from IS NULL OR c.revoked_from > c.report_due_on)`;

/** A commitment of the period with its patient's group, whether it is in effect, the first and last month it is, and whether its report falls due. */
const COMMITMENT_COLUMNS = `c.id, c.visits, c.report_due_on, ${GROUP}, c.valid_from <= $3::date AND ${COMMITMENT_END} >= $2::date AS in_effect,
  date_trunc('month', GREATEST(c.valid_from, $2::date)::timestamp) AS first_month,
  date_trunc('month', LEAST(${COMMITMENT_END}, $3::date)::timestamp) AS last_month, ${REPORT_FALLS_DUE} AS report_falls_due`;

/**
 * The planners' figures of rehabilitation plans, payment commitments and therapy reports,
 * aggregated in PostgreSQL: only counts and sums per home municipality and sex leave the database,
 * never a patient row. PLANNER of the region only. Example patients are left out.
 */
export class RehabPlanStatisticsStore {
  constructor(private readonly scope: RequestScope) {}

  private requirePlannerOf(regionId: string) {
    const viewer = this.scope.requireRole(Role.PLANNER, Role.TENANT_ADMIN);
    if (viewer.regionId !== regionId) throw new ForbiddenError("Planners see their own region's figures", 'regionCode');
  }

  /**
   * Plans created in the period by need and by each therapy form they recommend, and the
   * evaluations made in it with the sum of their T-score changes: the T-score the evaluation came
   * to less the one the goal set's baselines give, by the Kiresuk–Sherman formula with the ρ the
   * evaluation used (the formula of domain/gas.ts, here in SQL so that no plan leaves the database;
   * test/integration/rehab-plan-statistics.test.ts holds the two equal).
   */
  async planFigures(regionId: string, timeZone: string, from: string, to: string, today: string): Promise<RehabPlanFigureRows> {
    this.requirePlannerOf(regionId);
    // One turn of the event loop: one transaction, one round trip. Each figure's rows are read with
    // their patient once (looked up by key, see PATIENT_OF), then grouped per figure; `figure` says which list a row belongs to.
    // Counts and sums only, so the read replica may answer (server/access/read-routing.ts).
    const db = this.scope.reads.lagTolerant;
    const [, planRows, evaluations, therapyForms, commitmentRows] = await Promise.all([
      // The estimates of these aggregates lie far above their work: JIT compiling would cost more than it saves.
      db.query(`SELECT set_config('jit', 'off', true)`),
      db.query<FigureRow[]>(
        `WITH plans AS MATERIALIZED (
           SELECT ${MONTH_OF_INSTANT('rp.created_at')} AS month, ${GROUP}, rp.need, rp.therapy_forms
           FROM rehab_plan rp ${PATIENT_OF('rp.patient_id')}
           WHERE rp.region_id = $1 AND ${CREATED_IN_PERIOD('rp.created_at')})
         SELECT 'NEED' AS figure, month, "municipalityId", sex, need AS key, ${COUNTS}, 0 AS total FROM plans GROUP BY 2, 3, 4, 5
         UNION ALL
         SELECT 'FORM', month, "municipalityId", sex, f.form, ${COUNTS}, 0 FROM plans CROSS JOIN unnest(plans.therapy_forms) f(form) GROUP BY 2, 3, 4, 5`,
        [regionId, timeZone, from, to],
      ),
      db.query<GroupedFigure[]>(
        `SELECT ${MONTH_OF_DATE('e.evaluated_on')} AS month, ${GROUP}, NULL AS key, ${COUNTS},
                COALESCE(sum(e.t_score - (50 + 10 * g.weighted / sqrt((1 - e.rho) * g.squares + e.rho * g.weights * g.weights))), 0)::float8 AS total
         FROM rehab_plan_evaluation e
         CROSS JOIN LATERAL (SELECT rp.patient_id FROM rehab_plan rp WHERE rp.id = e.plan_id LIMIT 1) rp
         ${PATIENT_OF('rp.patient_id')}
         CROSS JOIN LATERAL (
           SELECT sum(gg.weight * gg.baseline) AS weighted, sum(gg.weight * gg.weight) AS squares, sum(gg.weight) AS weights
           FROM gas_goal gg WHERE gg.plan_id = e.plan_id AND gg.evaluation_period = e.evaluation_period
         ) g
         WHERE e.region_id = $1 AND e.evaluated_on BETWEEN $2::date AND $3::date AND g.weights > 0
         GROUP BY 1, 2, 3`,
        [regionId, from, to],
      ),
      db.query<{ code: string }[]>(`SELECT DISTINCT code FROM therapy_form WHERE valid_from <= $2::date AND (valid_to IS NULL OR valid_to >= $1::date) ORDER BY code`, [from, to]),
      // The commitments in effect on some day of the period, and those whose report falls due in it.
      // A report falls due on its date while the commitment runs; one not in is counted once the date has passed.
      // A commitment counts in the period once and in every month of it that it is in effect; its
      // visits used are those held up to the last day of the period, or of the month: a visit counts
      // in the months of the commitment's effect from its own month on. Commitments and visits are
      // first counted per group and span of months (a few hundred rows), which are then spread over
      // their months, rather than spreading each commitment and joining each month with its visits.
      // The commitments are read in two parts that indexes answer: those valid up to the period's start
      // or later (`valid_to >= $2` is implied by being in effect), from an index that holds every
      // column read, and the earlier ones whose report falls due in the period. OFFSET 0 keeps each
      // commitment's visits a look-up in their index (not a hash join over all of the region's visits).
      db.query<FigureRow[]>(
        `WITH commitments AS MATERIALIZED (
           SELECT ${COMMITMENT_COLUMNS} FROM payment_commitment c ${PATIENT_OF('c.patient_id')}
           WHERE c.region_id = $1 AND c.valid_to >= $2::date AND ((c.valid_from <= $3::date AND ${COMMITMENT_END} >= $2::date) OR ${REPORT_FALLS_DUE})
           UNION ALL
           SELECT ${COMMITMENT_COLUMNS} FROM payment_commitment c ${PATIENT_OF('c.patient_id')}
           WHERE c.region_id = $1 AND c.valid_to < $2::date AND ${REPORT_FALLS_DUE}),
         spans AS (
           SELECT 'COMMITMENTS' AS figure, "municipalityId", sex, first_month, last_month, count(*) AS n, sum(visits) AS total
           FROM commitments WHERE in_effect GROUP BY 2, 3, 4, 5
           UNION ALL
           SELECT 'VISITS', c."municipalityId", c.sex, GREATEST(date_trunc('month', v.visit_date::timestamp), c.first_month), c.last_month, count(*), count(*)
           FROM commitments c
           CROSS JOIN LATERAL (SELECT v.visit_date FROM therapy_visit v WHERE v.commitment_id = c.id AND v.visit_date <= $3::date OFFSET 0) v
           WHERE c.in_effect GROUP BY 2, 3, 4, 5)
         SELECT figure, NULL AS month, "municipalityId", sex, NULL AS key, sum(n)::int AS n, sum(total)::int AS total FROM spans GROUP BY 1, 3, 4
         UNION ALL
         SELECT figure, to_char(m.first, 'YYYY-MM'), "municipalityId", sex, NULL, sum(n)::int, sum(total)::int
         FROM spans CROSS JOIN LATERAL generate_series(spans.first_month, spans.last_month, interval '1 month') AS m(first) GROUP BY 1, 2, 3, 4
         UNION ALL
         SELECT 'REPORTS', ${MONTH_OF_DATE('c.report_due_on')}, "municipalityId", sex, CASE WHEN r.submitted_on <= c.report_due_on THEN 'ON_TIME' ELSE 'LATE' END, ${COUNTS}, 0
         FROM commitments c LEFT JOIN LATERAL (SELECT r.submitted_on FROM therapy_report r WHERE r.commitment_id = c.id LIMIT 1) r ON true
         WHERE c.report_falls_due AND (c.report_due_on < $4::date OR r.submitted_on IS NOT NULL)
         GROUP BY 2, 3, 4, 5`,
        [regionId, from, to, today],
      ),
    ]);
    const of = (rows: FigureRow[], figure: FigureRow['figure']): GroupedFigure[] =>
      rows.filter((r) => r.figure === figure).map(({ month, municipalityId, sex, key, n, total }) => ({ month, municipalityId, sex, key, n, total }));
    return {
      plansByNeed: of(planRows, 'NEED'),
      plansByTherapyForm: of(planRows, 'FORM'),
      evaluations,
      therapyForms: therapyForms.map((f) => f.code),
      commitments: of(commitmentRows, 'COMMITMENTS'),
      visitsUsed: of(commitmentRows, 'VISITS'),
      reportsDue: of(commitmentRows, 'REPORTS'),
    };
  }

  /**
   * Treatments completed in a period under a funding programme, by form and sex, with the amount
   * they earn: each commitment naming a version of the programme counts once, in the period its
   * last paid day falls in (when that day has passed), if it earns under domain/funding-programme.ts's
   * treatmentFunding, here in SQL: the programme and the form's version valid on the first visit, the person inside
   * the age band that day, the visits held within the form's band of sessions, or the weeks from
   * first to last visit (whole weeks begun) within its band of weeks.
   * test/integration/programme-report.test.ts holds the two equal.
   */
  async programmeFigures(regionId: string, programmeCode: string, from: string, to: string, today: string): Promise<GroupedFigure[]> {
    this.requirePlannerOf(regionId);
    // Counts and sums only, so the read replica may answer (server/access/read-routing.ts).
    return this.scope.reads.lagTolerant.query<GroupedFigure[]>(
      `SELECT NULL::uuid AS "municipalityId", t.sex, f.code AS key, count(*)::int AS n, sum(f.amount_sek)::int AS total
       FROM (
         SELECT c.funding_programme_id, c.funding_form, p.legal_sex AS sex, p.birth_date, v.visits, v.first_visit,
                (v.last_visit - v.first_visit) / 7 + 1 AS weeks
         FROM payment_commitment c
         JOIN funding_programme fp ON fp.id = c.funding_programme_id AND fp.code = $2
         JOIN patient p ON p.id = c.patient_id AND NOT p.example
         CROSS JOIN LATERAL (SELECT count(*)::int AS visits, min(visit_date) AS first_visit, max(visit_date) AS last_visit FROM therapy_visit v WHERE v.commitment_id = c.id) v
         WHERE c.region_id = $1 AND c.funding_programme_id IS NOT NULL AND v.visits > 0
           AND ${COMMITMENT_END} BETWEEN $3::date AND LEAST($4::date, $5::date - 1)
       ) t
       JOIN funding_programme fp ON fp.id = t.funding_programme_id
       JOIN funding_programme_form f ON f.programme_id = t.funding_programme_id AND f.code = t.funding_form
         AND f.valid_from <= t.first_visit AND (f.valid_to IS NULL OR f.valid_to >= t.first_visit)
       WHERE fp.valid_from <= t.first_visit AND (fp.valid_to IS NULL OR fp.valid_to >= t.first_visit)
         AND extract(year FROM age(t.first_visit, t.birth_date)) BETWEEN fp.age_min AND fp.age_max
         AND (f.sessions_min IS NULL OR t.visits >= f.sessions_min) AND (f.sessions_max IS NULL OR t.visits <= f.sessions_max)
         AND (f.weeks_min IS NULL OR t.weeks >= f.weeks_min) AND (f.weeks_max IS NULL OR t.weeks <= f.weeks_max)
       GROUP BY 2, 3`,
      [regionId, programmeCode, from, to, today],
    );
  }
}
