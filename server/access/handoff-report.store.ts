import { LegalSex, Role } from '../../domain/enums';
import { HandoffKind } from '../../domain/handoff';
import { HandoffMessageKind } from '../../domain/handoff-messages';
import { ENDS_CASE, ENDS_PERIOD } from '../../domain/handoff-timeline';
import type { DischargeParameterPeriod } from '../../domain/discharge-deadlines';
import { ForbiddenError } from '../../schema/common/errors';
import type { RequestScope } from './request-scope';

/** What the discharges of one group and sex add up to (see domain/handoff-timeline.ts). */
export interface DischargeFigures {
  discharges: number;
  admissionNoticesDue: number;
  admissionNoticesOnTime: number;
  sipCallOutsDue: number;
  sipCallOutsOnTime: number;
  liabilityDays: number;
  /** null when a discharge of the group has no agreed daily amount. */
  liabilityAmount: number | null;
}

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
 * per sending care unit, by sex. Only counts leave the database. test/integration/
 * handoff-report-sql.test.ts holds it equal to the domain functions on generated cases.
 *
 * Its parts, in order: the discharges admitted in the period (a range on handoff_region_admitted_idx
 * from local midnights), each with the parameters in force on its admission date (passed in as
 * periods, see dischargeParameterPeriods); their messages in log order, with whether each reached
 * the home municipality; per case, its end and its (municipality's) admission notice; per
 * discharge-ready period (a DISCHARGE_READY_NOTICE up to the next message that ends a period), its
 * end, its first SIP call-out within it and when the municipality had both notices; then the
 * call-out deadline and the liability on local dates through the working calendar (the table
 * filled from swedishWorkingCalendar). A deadline of a closed case or period is judged when it
 * closed, an open one now.
 */
const FIGURES_SQL = `
WITH parameters AS (
  SELECT * FROM jsonb_to_recordset($6::jsonb) AS p(
    "from" date, "to" date, psychiatric boolean, "admissionNoticeHours" numeric, "sipCallOutDays" integer,
    "liabilityAfterDays" integer, "liabilityDayKind" text, "dailyAmount" numeric, "lateSendCutoff" time)
),
discharge AS (
  SELECT h.id, h.home_municipality_id, h.sending_care_unit_id, h.admitted_at, pt.legal_sex, p."from" IS NULL AS without_parameters,
         h.admitted_at + p."admissionNoticeHours" * interval '1 hour' AS admission_notice_due,
         p."sipCallOutDays" AS call_out_days, p."lateSendCutoff" AS cutoff, p."liabilityAfterDays" AS liability_after,
         p."liabilityDayKind" AS liability_day_kind, p."dailyAmount" AS daily_amount
  FROM handoff h
  JOIN patient pt ON pt.id = h.patient_id
  LEFT JOIN parameters p ON p.psychiatric = h.psychiatric AND (h.admitted_at AT TIME ZONE $2)::date BETWEEN p."from" AND p."to"
  WHERE h.region_id = $1 AND h.kind = $5
    AND h.admitted_at >= ($3::date::timestamp AT TIME ZONE $2) AND h.admitted_at < (($4::date + 1)::timestamp AT TIME ZONE $2)
),
message AS (
  SELECT m.handoff_id, m.id, m.kind, m.sent_at,
         EXISTS (SELECT 1 FROM handoff_message_recipient r
                 WHERE r.message_id = m.id AND r.region_id = m.region_id AND r.organisation_id = d.home_municipality_id) AS to_municipality
  FROM discharge d JOIN handoff_message m ON m.handoff_id = d.id AND m.region_id = $1
),
in_order AS (
  SELECT m.*,
         min(m.sent_at) FILTER (WHERE m.kind = ANY($8::text[])) OVER later AS period_end_at,
         min(m.sent_at) FILTER (WHERE m.kind = $11) OVER later AS next_call_out_at
  FROM message m
  WINDOW later AS (PARTITION BY m.handoff_id ORDER BY m.sent_at, m.id ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING)
),
case_facts AS (
  SELECT m.handoff_id,
         min(m.sent_at) FILTER (WHERE m.kind = ANY($9::text[])) AS case_end_at,
         min(m.sent_at) FILTER (WHERE m.kind = $10) AS admission_at,
         min(m.sent_at) FILTER (WHERE m.kind = $10 AND m.to_municipality) AS municipality_admission_at
  FROM message m GROUP BY m.handoff_id
),
ready_period AS (
  SELECT o.handoff_id, o.sent_at AS ready_at, o.period_end_at,
         CASE WHEN o.period_end_at IS NULL OR o.next_call_out_at <= o.period_end_at THEN o.next_call_out_at END AS call_out_at,
         CASE WHEN o.to_municipality AND c.municipality_admission_at IS NOT NULL AND (o.period_end_at IS NULL OR c.municipality_admission_at <= o.period_end_at)
              THEN greatest(o.sent_at, c.municipality_admission_at) END AS notices_received_at
  FROM in_order o JOIN case_facts c ON c.handoff_id = o.handoff_id
  WHERE o.kind = $12
),
period_dates AS (
  SELECT p.handoff_id, p.call_out_at, p.notices_received_at, d.cutoff, d.liability_after, d.liability_day_kind,
         (p.ready_at AT TIME ZONE $2)::date + d.call_out_days AS call_out_period_end,
         -- A call-out is judged when it was sent; without one, when the period closed, or now.
         coalesce(p.call_out_at, least(p.period_end_at, $7::timestamptz)) AS judged_at,
         greatest((p.ready_at AT TIME ZONE $2)::date, (p.notices_received_at AT TIME ZONE $2)::date) AS day_zero,
         (coalesce(p.period_end_at, $7::timestamptz) AT TIME ZONE $2)::date AS end_date
  FROM ready_period p JOIN discharge d ON d.id = p.handoff_id
),
period_deadlines AS (
  SELECT p.handoff_id, p.call_out_at IS NOT NULL AS called_out,
         -- The call-out's due date: the period's last day, or the next working day after it.
         CASE WHEN due.working THEN due.day ELSE due.next_working_day END AS due_date,
         -- The date the judged instant counts on (effectiveSendDate): after the cutoff or on a day off, the next working day.
         CASE WHEN p.cutoff IS NULL OR (judged.working AND (p.judged_at AT TIME ZONE $2)::time <= p.cutoff) THEN judged.day ELSE judged.next_working_day END AS judged_date,
         CASE WHEN p.notices_received_at IS NULL THEN 0
              ELSE greatest(0, p.end_date - (CASE WHEN p.liability_day_kind = 'CALENDAR' OR p.liability_after = 0 THEN p.day_zero + p.liability_after ELSE nth.day END + 1) + 1)
         END AS liability_days
  FROM period_dates p
  JOIN working_calendar due ON due.day = p.call_out_period_end
  JOIN working_calendar judged ON judged.day = (p.judged_at AT TIME ZONE $2)::date
  -- Liability counted in working days: the N-th working day after day zero.
  LEFT JOIN working_calendar zero ON p.liability_day_kind = 'WORKING' AND zero.day = p.day_zero
  LEFT JOIN working_calendar nth ON nth.working AND nth.working_days_up_to = zero.working_days_up_to + p.liability_after
),
period_figures AS (
  SELECT handoff_id,
         count(*) FILTER (WHERE called_out OR judged_date > due_date) AS call_outs_due,
         count(*) FILTER (WHERE called_out AND judged_date <= due_date) AS call_outs_on_time,
         sum(liability_days) AS liability_days
  FROM period_deadlines GROUP BY handoff_id
),
figures AS (
  SELECT d.home_municipality_id, d.sending_care_unit_id, d.legal_sex, d.daily_amount, d.without_parameters,
         c.admission_at IS NOT NULL OR least(c.case_end_at, $7::timestamptz) > d.admission_notice_due AS admission_notice_due,
         coalesce(c.admission_at <= d.admission_notice_due, false) AS admission_notice_on_time,
         coalesce(f.call_outs_due, 0) AS call_outs_due, coalesce(f.call_outs_on_time, 0) AS call_outs_on_time,
         coalesce(f.liability_days, 0) AS liability_days
  FROM discharge d
  LEFT JOIN case_facts c ON c.handoff_id = d.id
  LEFT JOIN period_figures f ON f.handoff_id = d.id
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
FROM figures
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
    return this.scope.db.query(FIGURES_SQL, [
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
    ]);
  }
}
