import { LegalSex, Role } from '../../domain/enums';
import { HandoffKind } from '../../domain/handoff';
import { HandoffMessageKind } from '../../domain/handoff-messages';
import { ENDS_CASE, ENDS_PERIOD } from '../../domain/handoff-timeline';
import type { DischargeParameterPeriod } from '../../domain/discharge-deadlines';
import type { DischargeFigures } from '../../domain/discharge-figures';
import { ForbiddenError } from '../../schema/common/errors';
import type { RequestScope } from './request-scope';

/** One row of the report's figures: a group of one breakdown (its key null: not known) and one sex. */
export interface DischargeFigureRow extends DischargeFigures {
  breakdown: 'MUNICIPALITY' | 'HOSPITAL';
  key: string | null;
  sex: LegalSex;
  /** Discharges admitted on a date for which the region's parameters are incomplete. */
  withoutParameters: number;
}

/**
 * The planners' discharge figures, computed in PostgreSQL: handoffTimeline and
 * dischargeParametersOn (domain/) in SQL over the whole period, grouped per home municipality and
 * per sending care unit, by sex. Only counts leave the database.
 * test/integration/handoff-report-sql.test.ts holds it equal to the domain functions on generated
 * cases.
 *
 * Shaped for 100,000 hand-offs: every step reads narrow rows and does its work once.
 * `discharge` is every discharge admitted in the period (a range on handoff_region_admitted_idx
 * from local midnights) with the parameters in force on its admission date (passed in as periods,
 * see dischargeParameterPeriods). `log` is their messages, only id, kind and time, with whether
 * the message reached the home municipality (asked only of the two kinds that need it: admission
 * and discharge-ready notices). `case_facts` groups the log per discharge (its end, its first
 * admission notice, the first that reached the municipality); `following` is the one ordered pass
 * over the log: what follows each message (the end of a discharge-ready period, the next SIP
 * call-out); `ready` keeps the discharge-ready notices, and `periods` judges only them, the
 * call-out deadline and the liability on local dates through the working calendar (the table
 * filled from swedishWorkingCalendar); `period_sums` adds them up per discharge. A deadline of a
 * closed case or period is judged when it closed, an open one now. The steps join each other by
 * hash (see dischargeFigures), so the planner's guesses at their row counts do not matter.
 */
const FIGURES_SQL = `
WITH parameters AS (
  SELECT * FROM jsonb_to_recordset($6::jsonb) AS p(
    "from" date, "to" date, psychiatric boolean, "admissionNoticeHours" numeric, "sipCallOutDays" integer,
    "liabilityAfterDays" integer, "liabilityDayKind" text, "dailyAmount" numeric, "lateSendCutoff" time)
),
discharge AS MATERIALIZED (
  SELECT h.id, h.region_id, h.home_municipality_id, h.sending_care_unit_id, pt.legal_sex, p."from" IS NULL AS without_parameters,
         h.admitted_at + p."admissionNoticeHours" * interval '1 hour' AS admission_notice_due,
         p."sipCallOutDays" AS call_out_days, p."lateSendCutoff" AS cutoff, p."liabilityAfterDays" AS liability_after,
         p."liabilityDayKind" AS liability_day_kind, p."dailyAmount" AS daily_amount
  FROM handoff h
  JOIN patient pt ON pt.id = h.patient_id
  LEFT JOIN parameters p ON p.psychiatric = h.psychiatric AND (h.admitted_at AT TIME ZONE $2)::date BETWEEN p."from" AND p."to"
  WHERE h.region_id = $1 AND h.kind = $5
    AND h.admitted_at >= ($3::date::timestamp AT TIME ZONE $2) AND h.admitted_at < (($4::date + 1)::timestamp AT TIME ZONE $2)
),
log AS MATERIALIZED (
  SELECT m.handoff_id, m.id, m.kind, m.sent_at,
         -- A look-up on handoff_message_recipient_uq per notice: as EXISTS, PostgreSQL would hash
         -- every recipient of the region first (600,000 at 100,000 hand-offs).
         m.kind IN ($10, $12) AND (SELECT true FROM handoff_message_recipient r
                 WHERE r.message_id = m.id AND r.region_id = m.region_id AND r.organisation_id = d.home_municipality_id LIMIT 1) IS NOT NULL AS to_municipality
  FROM discharge d
  JOIN handoff_message m ON m.handoff_id = d.id AND m.region_id = d.region_id
),
case_facts AS (
  SELECT l.handoff_id,
         min(l.sent_at) FILTER (WHERE l.kind = ANY($9::text[])) AS case_end_at,
         min(l.sent_at) FILTER (WHERE l.kind = $10) AS admission_at,
         min(l.sent_at) FILTER (WHERE l.kind = $10 AND l.to_municipality) AS municipality_admission_at
  FROM log l
  GROUP BY l.handoff_id
),
following AS (
  SELECT l.handoff_id, l.kind, l.sent_at, l.to_municipality,
         min(l.sent_at) FILTER (WHERE l.kind = ANY($8::text[])) OVER later AS period_end_at,
         min(l.sent_at) FILTER (WHERE l.kind = $11) OVER later AS next_call_out_at
  FROM log l
  WINDOW later AS (PARTITION BY l.handoff_id ORDER BY l.sent_at, l.id ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING)
),
ready AS (
  SELECT f.handoff_id, f.sent_at, f.period_end_at, d.call_out_days, d.cutoff, d.liability_after, d.liability_day_kind,
         CASE WHEN f.period_end_at IS NULL OR f.next_call_out_at <= f.period_end_at THEN f.next_call_out_at END AS call_out_at,
         -- Liability needs both notices at the municipality, the later of them within this period.
         CASE WHEN f.to_municipality AND c.municipality_admission_at IS NOT NULL AND (f.period_end_at IS NULL OR c.municipality_admission_at <= f.period_end_at)
              THEN greatest(f.sent_at, c.municipality_admission_at) END AS notices_received_at
  FROM following f
  JOIN discharge d ON d.id = f.handoff_id
  JOIN case_facts c ON c.handoff_id = f.handoff_id
  WHERE f.kind = $12
),
dated AS (
  SELECT r.*,
         (r.sent_at AT TIME ZONE $2)::date + r.call_out_days AS call_out_period_end,
         -- A call-out is judged when it was sent; without one, when the period closed, or now.
         coalesce(r.call_out_at, least(r.period_end_at, $7::timestamptz)) AS judged_at,
         greatest((r.sent_at AT TIME ZONE $2)::date, (r.notices_received_at AT TIME ZONE $2)::date) AS day_zero,
         (coalesce(r.period_end_at, $7::timestamptz) AT TIME ZONE $2)::date AS end_date
  FROM ready r
),
periods AS (
  SELECT d.handoff_id, d.call_out_at,
         -- The call-out's due date: the period's last day, or the next working day after it.
         CASE WHEN due.working THEN due.day ELSE due.next_working_day END AS due_date,
         -- The date the judged instant counts on (effectiveSendDate): after the cutoff or on a day off, the next working day.
         CASE WHEN d.cutoff IS NULL OR (judged.working AND (d.judged_at AT TIME ZONE $2)::time <= d.cutoff) THEN judged.day ELSE judged.next_working_day END AS judged_date,
         CASE WHEN d.notices_received_at IS NULL THEN 0
              ELSE greatest(0, d.end_date - (CASE WHEN d.liability_day_kind = 'CALENDAR' OR d.liability_after = 0 THEN d.day_zero + d.liability_after ELSE nth.day END + 1) + 1)
         END AS liability_days
  FROM dated d
  LEFT JOIN working_calendar due ON due.day = d.call_out_period_end
  LEFT JOIN working_calendar judged ON judged.day = (d.judged_at AT TIME ZONE $2)::date
  -- Liability counted in working days: the N-th working day after day zero.
  LEFT JOIN working_calendar zero ON d.liability_day_kind = 'WORKING' AND zero.day = d.day_zero
  LEFT JOIN working_calendar nth ON nth.working AND nth.working_days_up_to = zero.working_days_up_to + d.liability_after
),
period_sums AS (
  SELECT p.handoff_id,
         count(*) FILTER (WHERE p.call_out_at IS NOT NULL OR p.judged_date > p.due_date) AS call_outs_due,
         count(*) FILTER (WHERE p.call_out_at IS NOT NULL AND p.judged_date <= p.due_date) AS call_outs_on_time,
         sum(p.liability_days) AS liability_days
  FROM periods p
  GROUP BY p.handoff_id
),
discharges AS (
  SELECT d.home_municipality_id, d.sending_care_unit_id, d.legal_sex, d.daily_amount, d.without_parameters,
         c.admission_at IS NOT NULL OR least(c.case_end_at, $7::timestamptz) > d.admission_notice_due AS admission_notice_due,
         coalesce(c.admission_at <= d.admission_notice_due, false) AS admission_notice_on_time,
         coalesce(s.call_outs_due, 0) AS call_outs_due,
         coalesce(s.call_outs_on_time, 0) AS call_outs_on_time,
         coalesce(s.liability_days, 0) AS liability_days
  FROM discharge d
  LEFT JOIN case_facts c ON c.handoff_id = d.id
  LEFT JOIN period_sums s ON s.handoff_id = d.id
)
SELECT CASE WHEN GROUPING(home_municipality_id) = 0 THEN 'MUNICIPALITY' ELSE 'HOSPITAL' END AS breakdown,
       coalesce(home_municipality_id, sending_care_unit_id) AS key,
       legal_sex AS sex,
       count(*)::integer AS discharges,
       count(*) FILTER (WHERE admission_notice_due)::integer AS "admissionNoticesDue",
       count(*) FILTER (WHERE admission_notice_on_time)::integer AS "admissionNoticesOnTime",
       sum(call_outs_due)::integer AS "sipCallOutsDue",
       sum(call_outs_on_time)::integer AS "sipCallOutsOnTime",
       sum(liability_days)::integer AS "liabilityDays",
       CASE WHEN bool_or(daily_amount IS NULL) THEN NULL ELSE sum(liability_days * daily_amount)::float8 END AS "liabilityAmount",
       count(*) FILTER (WHERE without_parameters)::integer AS "withoutParameters"
FROM discharges
GROUP BY GROUPING SETS ((home_municipality_id, legal_sex), (sending_care_unit_id, legal_sex))
ORDER BY 1, 2, 3`;

/**
 * The planners' aggregates of hand-offs. PLANNER of the region asked for; not logged as a patient
 * read, because no row of a patient leaves it, only counts.
 */
export class HandoffReportStore {
  constructor(private readonly scope: RequestScope) {}

  /**
   * The deadline figures of a region's discharges admitted between two local dates (inclusive),
   * per home municipality and per sending care unit, by sex, judged at `now`.
   */
  async dischargeFigures(
    region: { id: string; timeZone: string },
    period: { from: string; to: string },
    parameters: readonly DischargeParameterPeriod[],
  ): Promise<DischargeFigureRow[]> {
    const viewer = this.scope.requireRole(Role.PLANNER);
    if (viewer.regionId !== region.id) throw new ForbiddenError("Planners see their own region's figures", 'regionCode');
    const figuresParameters = [
      region.id,
      region.timeZone,
      period.from,
      period.to,
      HandoffKind.DISCHARGE_FROM_INPATIENT,
      JSON.stringify(parameters.map((p) => ({ from: p.from, to: p.to, psychiatric: p.psychiatric, ...p.parameters }))),
      this.scope.now(),
      [...ENDS_PERIOD],
      [...ENDS_CASE],
      HandoffMessageKind.ADMISSION_NOTICE,
      HandoffMessageKind.SIP_CALL_OUT,
      HandoffMessageKind.DISCHARGE_READY_NOTICE,
    ];
    return this.scope.db.transaction(async (tx) => {
      // The planner's estimate of this statement is far above its cost, so PostgreSQL would
      // JIT-compile it: seconds of compiling for a few hundred milliseconds of work, measured at
      // 10,000 discharges. And its steps join intermediate results whose row counts the planner
      // can only guess (one row for a filtered window, 200 for a grouping); guessed low, it would
      // join them in a nested loop, quadratic in the discharges (seen on the embedded database:
      // minutes at 10,000). Hash joins cost the same at any count; the calendar hashes in a few ms.
      await tx.query(`SELECT set_config('jit', 'off', true), set_config('enable_nestloop', 'off', true)`);
      return tx.query(FIGURES_SQL, figuresParameters);
    });
  }
}
