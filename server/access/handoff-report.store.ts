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
 * One pass, without joins between intermediate results (whose row counts the planner cannot know):
 * `log` is every discharge admitted in the period (a range on handoff_region_admitted_idx from
 * local midnights) with the parameters in force on its admission date (passed in as periods, see
 * dischargeParameterPeriods) and each of its messages (one row without a message when it has none),
 * with whether the message reached the home municipality; `facts` adds, in log order, what follows
 * each message (the end of a discharge-ready period, the next SIP call-out) and the case's own
 * facts (its end, its first admission notice, the first that reached the municipality); `periods`
 * judges, on each discharge-ready notice, the call-out deadline and the liability on local dates
 * through the working calendar (the table filled from swedishWorkingCalendar); `discharges` adds
 * them up per discharge. A deadline of a closed case or period is judged when it closed, an open
 * one now.
 */
const FIGURES_SQL = `
WITH parameters AS (
  SELECT * FROM jsonb_to_recordset($6::jsonb) AS p(
    "from" date, "to" date, psychiatric boolean, "admissionNoticeHours" numeric, "sipCallOutDays" integer,
    "liabilityAfterDays" integer, "liabilityDayKind" text, "dailyAmount" numeric, "lateSendCutoff" time)
),
log AS (
  SELECT h.id AS handoff_id, h.home_municipality_id, h.sending_care_unit_id, pt.legal_sex, p."from" IS NULL AS without_parameters,
         h.admitted_at + p."admissionNoticeHours" * interval '1 hour' AS admission_notice_due,
         p."sipCallOutDays" AS call_out_days, p."lateSendCutoff" AS cutoff, p."liabilityAfterDays" AS liability_after,
         p."liabilityDayKind" AS liability_day_kind, p."dailyAmount" AS daily_amount,
         m.id AS message_id, m.kind, m.sent_at,
         EXISTS (SELECT 1 FROM handoff_message_recipient r
                 WHERE r.message_id = m.id AND r.region_id = m.region_id AND r.organisation_id = h.home_municipality_id) AS to_municipality
  FROM handoff h
  JOIN patient pt ON pt.id = h.patient_id
  LEFT JOIN parameters p ON p.psychiatric = h.psychiatric AND (h.admitted_at AT TIME ZONE $2)::date BETWEEN p."from" AND p."to"
  LEFT JOIN handoff_message m ON m.handoff_id = h.id AND m.region_id = h.region_id
  WHERE h.region_id = $1 AND h.kind = $5
    AND h.admitted_at >= ($3::date::timestamp AT TIME ZONE $2) AND h.admitted_at < (($4::date + 1)::timestamp AT TIME ZONE $2)
),
facts AS (
  SELECT l.*,
         min(l.sent_at) FILTER (WHERE l.kind = ANY($8::text[])) OVER later AS period_end_at,
         min(l.sent_at) FILTER (WHERE l.kind = $11) OVER later AS next_call_out_at,
         min(l.sent_at) FILTER (WHERE l.kind = ANY($9::text[])) OVER whole AS case_end_at,
         min(l.sent_at) FILTER (WHERE l.kind = $10) OVER whole AS admission_at,
         min(l.sent_at) FILTER (WHERE l.kind = $10 AND l.to_municipality) OVER whole AS municipality_admission_at
  FROM log l
  WINDOW whole AS (PARTITION BY l.handoff_id),
         later AS (PARTITION BY l.handoff_id ORDER BY l.sent_at, l.message_id ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING)
),
ready AS (
  SELECT f.*, f.kind IS NOT DISTINCT FROM $12 AS starts_period,
         CASE WHEN f.period_end_at IS NULL OR f.next_call_out_at <= f.period_end_at THEN f.next_call_out_at END AS call_out_at,
         -- Liability needs both notices at the municipality, the later of them within this period.
         CASE WHEN f.to_municipality AND f.municipality_admission_at IS NOT NULL AND (f.period_end_at IS NULL OR f.municipality_admission_at <= f.period_end_at)
              THEN greatest(f.sent_at, f.municipality_admission_at) END AS notices_received_at
  FROM facts f
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
  SELECT d.*,
         -- The call-out's due date: the period's last day, or the next working day after it.
         CASE WHEN due.working THEN due.day ELSE due.next_working_day END AS due_date,
         -- The date the judged instant counts on (effectiveSendDate): after the cutoff or on a day off, the next working day.
         CASE WHEN d.cutoff IS NULL OR (judged.working AND (d.judged_at AT TIME ZONE $2)::time <= d.cutoff) THEN judged.day ELSE judged.next_working_day END AS judged_date,
         CASE WHEN d.notices_received_at IS NULL THEN 0
              ELSE greatest(0, d.end_date - (CASE WHEN d.liability_day_kind = 'CALENDAR' OR d.liability_after = 0 THEN d.day_zero + d.liability_after ELSE nth.day END + 1) + 1)
         END AS liability_days
  FROM dated d
  LEFT JOIN working_calendar due ON d.starts_period AND due.day = d.call_out_period_end
  LEFT JOIN working_calendar judged ON d.starts_period AND judged.day = (d.judged_at AT TIME ZONE $2)::date
  -- Liability counted in working days: the N-th working day after day zero.
  LEFT JOIN working_calendar zero ON d.starts_period AND d.liability_day_kind = 'WORKING' AND zero.day = d.day_zero
  LEFT JOIN working_calendar nth ON nth.working AND nth.working_days_up_to = zero.working_days_up_to + d.liability_after
),
discharges AS (
  SELECT p.handoff_id, p.home_municipality_id, p.sending_care_unit_id, p.legal_sex, p.daily_amount, p.without_parameters,
         bool_or(p.admission_at IS NOT NULL OR least(p.case_end_at, $7::timestamptz) > p.admission_notice_due) AS admission_notice_due,
         coalesce(bool_or(p.admission_at <= p.admission_notice_due), false) AS admission_notice_on_time,
         count(*) FILTER (WHERE p.starts_period AND (p.call_out_at IS NOT NULL OR p.judged_date > p.due_date)) AS call_outs_due,
         count(*) FILTER (WHERE p.starts_period AND p.call_out_at IS NOT NULL AND p.judged_date <= p.due_date) AS call_outs_on_time,
         coalesce(sum(p.liability_days) FILTER (WHERE p.starts_period), 0) AS liability_days
  FROM periods p
  GROUP BY p.handoff_id, p.home_municipality_id, p.sending_care_unit_id, p.legal_sex, p.daily_amount, p.without_parameters
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
      // The planner's estimate of this statement is far above its cost (the recipient sub-plan is
      // costed per message), so PostgreSQL would JIT-compile it: seconds of compiling for a few
      // hundred milliseconds of work, measured at 10,000 discharges.
      await tx.query(`SET LOCAL jit = off`);
      return tx.query(FIGURES_SQL, figuresParameters);
    });
  }
}
