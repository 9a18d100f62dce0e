import { LegalSex, Role } from '../../domain/enums';
import { dischargeParameterPeriods } from '../../domain/discharge-deadlines';
import type { DischargeFigures } from '../../domain/discharge-figures';
import { localDateOf } from '../../domain/local-date';
import { dischargeParametersKey } from '../../domain/discharge-summary';
import type { DatedParameter } from '../../domain/rule-parameters';
import { ForbiddenError } from '../../schema/common/errors';
import { refreshSummaries, REFRESH_CHUNK } from './discharge-summary.sql';
import type { RequestScope } from './request-scope';

/** One row of the report's figures: a group of one breakdown (its key null: not known), one month of admission and one sex. */
export interface DischargeFigureRow extends DischargeFigures {
  breakdown: 'MUNICIPALITY' | 'HOSPITAL';
  /** The calendar month 'YYYY-MM' of the admission's local date. */
  month: string;
  key: string | null;
  sex: LegalSex;
  /** Discharges admitted on a date for which the region's parameters are incomplete. */
  withoutParameters: number;
}

/** The statement's rows: the figures, and at most one row naming the discharges whose summary must be computed first. */
type ReportRow = DischargeFigureRow | { breakdown: 'STALE'; stale: string[] };

/**
 * The planners' discharge figures, added up in PostgreSQL from one summary row per discharge
 * (handoff_discharge_summary, see domain/discharge-summary.ts): dischargeFiguresAt in SQL,
 * grouped per home municipality and per sending care unit, by sex. Only counts leave the database.
 * test/integration/handoff-report-sql.test.ts holds it equal to the domain's timeline.
 *
 * `discharge` is every discharge admitted in the period (a range on the summaries' (region,
 * admission) index from local midnights: every discharge has its row, see the migration
 * 1733260000000), stale when the triggers marked it so (new, or its messages or hand-off changed
 * since the figures were computed) or computed with other parameters than those in force on the
 * admission date now (passed in as periods with their dischargeParametersKey, see
 * dischargeParameterPeriods). Per summary, a deadline not acted on counts as due once now ($6) is
 * past its instant, and an open period's liability runs to today's local date ($7). `groups` adds
 * the fresh summaries up per month of admission (local), municipality, care unit and sex in one hashed pass (a few hundred
 * groups, where sorting every discharge for the grouping sets spilled to disk at 100,000) and
 * collects the stale ones' ids; the grouping sets then add up the groups, and the stale ids come
 * back as one row, for the store to recompute and ask again.
 */
const FIGURES_SQL = `
WITH parameters AS (
  -- Each period from the first instant of its first day to the first of the day after its last.
  SELECT p.psychiatric, p.key, (p."from"::timestamp AT TIME ZONE $2) AS from_at, ((p."to" + 1)::timestamp AT TIME ZONE $2) AS until
  FROM jsonb_to_recordset($5::jsonb) AS p("from" date, "to" date, psychiatric boolean, key text)
),
discharge AS (
  SELECT s.handoff_id AS id, to_char(s.admitted_at AT TIME ZONE $2, 'YYYY-MM') AS month, s.stale OR s.parameters_key IS DISTINCT FROM p.key AS stale,
         s.home_municipality_id, s.sending_care_unit_id, s.legal_sex, s.daily_amount, s.parameters_key IS NULL AS without_parameters,
         s.admission_notice_sent OR s.admission_notice_due_after < $6 AS admission_notice_due, s.admission_notice_on_time,
         s.sip_call_outs_made + CASE WHEN cardinality(s.sip_call_outs_due_after) = 0 THEN 0
           ELSE (SELECT count(*) FROM unnest(s.sip_call_outs_due_after) AS due(at) WHERE due.at < $6) END AS call_outs_due,
         s.sip_call_outs_on_time AS call_outs_on_time,
         s.closed_liability_days + CASE WHEN cardinality(s.open_liable_from) = 0 THEN 0
           ELSE (SELECT sum(greatest(0, $7::date - open.day + 1)) FROM unnest(s.open_liable_from) AS open(day)) END AS liability_days
  FROM handoff_discharge_summary s
  LEFT JOIN parameters p ON p.psychiatric = s.psychiatric AND s.admitted_at >= p.from_at AND s.admitted_at < p.until
  WHERE s.region_id = $1
    AND s.admitted_at >= ($3::date::timestamp AT TIME ZONE $2) AND s.admitted_at < (($4::date + 1)::timestamp AT TIME ZONE $2)
),
groups AS MATERIALIZED (
  SELECT month, home_municipality_id, sending_care_unit_id, legal_sex,
         count(*) FILTER (WHERE NOT stale) AS discharges,
         count(*) FILTER (WHERE NOT stale AND admission_notice_due) AS admission_notices_due,
         count(*) FILTER (WHERE NOT stale AND admission_notice_on_time) AS admission_notices_on_time,
         sum(call_outs_due) FILTER (WHERE NOT stale) AS call_outs_due,
         sum(call_outs_on_time) FILTER (WHERE NOT stale) AS call_outs_on_time,
         sum(liability_days) FILTER (WHERE NOT stale) AS liability_days,
         bool_or(daily_amount IS NULL) FILTER (WHERE NOT stale) AS amount_unknown,
         sum(liability_days * daily_amount) FILTER (WHERE NOT stale) AS liability_amount,
         count(*) FILTER (WHERE NOT stale AND without_parameters) AS without_parameters,
         array_agg(id) FILTER (WHERE stale) AS stale
  FROM discharge
  GROUP BY month, home_municipality_id, sending_care_unit_id, legal_sex
)
SELECT CASE WHEN GROUPING(home_municipality_id) = 0 THEN 'MUNICIPALITY' ELSE 'HOSPITAL' END AS breakdown,
       month,
       coalesce(home_municipality_id, sending_care_unit_id) AS key,
       legal_sex AS sex,
       sum(discharges)::integer AS discharges,
       sum(admission_notices_due)::integer AS "admissionNoticesDue",
       sum(admission_notices_on_time)::integer AS "admissionNoticesOnTime",
       sum(call_outs_due)::integer AS "sipCallOutsDue",
       sum(call_outs_on_time)::integer AS "sipCallOutsOnTime",
       sum(liability_days)::integer AS "liabilityDays",
       CASE WHEN bool_or(amount_unknown) THEN NULL ELSE sum(liability_amount)::float8 END AS "liabilityAmount",
       sum(without_parameters)::integer AS "withoutParameters",
       NULL::uuid[] AS stale
FROM groups
WHERE discharges > 0
GROUP BY GROUPING SETS ((month, home_municipality_id, legal_sex), (month, sending_care_unit_id, legal_sex))
UNION ALL
SELECT 'STALE', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, array_agg(ids.id)
FROM groups CROSS JOIN unnest(groups.stale) AS ids(id)
HAVING count(*) > 0
ORDER BY 1, 2, 3, 4`;

/** Rounds of recomputing before the report gives up: only a hand-off changing between every two rounds needs more than one. */
const ROUNDS = 3;

/**
 * The planners' aggregates of hand-offs. PLANNER of the region asked for; not logged as a patient
 * read, because no row of a patient leaves it, only counts.
 */
export class HandoffReportStore {
  constructor(private readonly scope: RequestScope) {}

  /**
   * The deadline figures of a region's discharges admitted between two local dates (inclusive),
   * per month of admission, home municipality and sending care unit, by sex, judged at `now`. Summaries that are
   * stale (discharges written before summaries were kept or by other means than the app, parameters
   * changed since) are computed first, REFRESH_CHUNK discharges at a time.
   */
  async dischargeFigures(region: { id: string; timeZone: string }, period: { from: string; to: string }, parameters: readonly DatedParameter[]): Promise<DischargeFigureRow[]> {
    const viewer = this.scope.requireRole(Role.PLANNER, Role.TENANT_ADMIN);
    if (viewer.regionId !== region.id) throw new ForbiddenError("Planners see their own region's figures", 'regionCode');
    const periods = dischargeParameterPeriods(parameters, region.id, period.from, period.to);
    const now = this.scope.now();
    const figuresParameters = [
      region.id,
      region.timeZone,
      period.from,
      period.to,
      JSON.stringify(periods.map((p) => ({ from: p.from, to: p.to, psychiatric: p.psychiatric, key: dischargeParametersKey(p.parameters) }))),
      now,
      localDateOf(now, region.timeZone),
    ];
    for (let round = 1; ; round++) {
      // One message, one transaction. The planner's estimate of the statement is far above its
      // cost (100,000 rows read once), so PostgreSQL would JIT-compile it: hundreds of
      // milliseconds of compiling for tens of work.
      // Counts only, so the read replica may answer (server/access/read-routing.ts).
      const db = this.scope.reads.lagTolerant;
      const [, rows] = await Promise.all([db.query(`SELECT set_config('jit', 'off', true)`), db.query<ReportRow[]>(FIGURES_SQL, figuresParameters)]);
      const stale = rows.find((r): r is Extract<ReportRow, { breakdown: 'STALE' }> => r.breakdown === 'STALE');
      if (!stale) return rows as DischargeFigureRow[];
      if (round === ROUNDS) throw new Error(`The summaries of ${stale.stale.length} discharges changed in every one of ${ROUNDS} rounds`);
      // The summaries are written on the primary, and the next round reads them back from there.
      this.scope.reads.writes();
      for (let i = 0; i < stale.stale.length; i += REFRESH_CHUNK) {
        await refreshSummaries(this.scope.db, region, parameters, stale.stale.slice(i, i + REFRESH_CHUNK));
      }
    }
  }
}
