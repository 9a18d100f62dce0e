/**
 * A discharge's figures for the planners' report, kept per hand-off (issue 14): what its message
 * log says once, so that the report adds up one small row per discharge instead of replaying every
 * log. The figures of a discharge depend on "now" only in three ways, each kept here as the instant
 * or date it turns on:
 * - an admission notice not sent falls due once now passes its due instant, unless the case ended
 *   before that (judged when it ended: never due);
 * - a discharge-ready period without a SIP call-out likewise falls due once now passes the
 *   call-out's last in-time instant, unless the period ended before it;
 * - an open period's liability runs from its liable-from date up to today's local date.
 * Everything else (notices and call-outs sent, on time or late, closed periods' liability) is
 * fixed by the log. `dischargeFiguresAt` reads the figures at any now; it gives what
 * dischargeFigures(handoffTimeline(…, now)) gives (test/unit/discharge-summary.test.ts), and the
 * report's SQL computes dischargeFiguresAt over the stored summaries.
 */
import type { DischargeParameters } from './discharge-deadlines';
import { DischargeFigures } from './discharge-figures';
import { caseEndOf, handoffTimeline, TimelineInput } from './handoff-timeline';
import { localDateOf } from './local-date';

export interface DischargeSummary {
  /** An admission notice was sent: it fell due, whenever now is. */
  admissionNoticeSent: boolean;
  admissionNoticeOnTime: boolean;
  /** No admission notice: it falls due when now is after this instant; null: it never does (the case ended in time). */
  admissionNoticeDueAfter: Date | null;
  /** Discharge-ready periods with a SIP call-out: each fell due. */
  sipCallOutsMade: number;
  sipCallOutsOnTime: number;
  /** Periods without a call-out that fall due when now is after the instant (periods that ended in time are left out). */
  sipCallOutsDueAfter: Date[];
  /** Liability days of the periods that have ended. */
  closedLiabilityDays: number;
  /** The liable-from dates of open periods in which the municipality had both notices. */
  openLiableFrom: string[];
  /** SEK per liability day; null where no amount is agreed. */
  dailyAmount: number | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const daysBetween = (from: string, to: string) => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS;
const after = (a: Date, b: Date) => a.getTime() > b.getTime();

/**
 * The summary of a discharge's log. The timeline is read at its admission as "now": every part
 * kept here is independent of now (a deadline's due instant, what was sent, closed periods).
 */
export function dischargeSummary(input: Omit<TimelineInput, 'now'>): DischargeSummary {
  const t = handoffTimeline({ ...input, now: input.admittedAt });
  // The case ended when the patient left (a discharge's occurredAt) or when it was cancelled.
  const caseEnd = caseEndOf(input.messages)?.occurredAt ?? null;
  const admission = t.admissionNotice;
  const summary: DischargeSummary = {
    admissionNoticeSent: admission.metAt !== null,
    admissionNoticeOnTime: admission.metAt !== null && admission.met === true,
    admissionNoticeDueAfter: admission.metAt === null && (caseEnd === null || after(caseEnd, admission.due!)) ? admission.due : null,
    sipCallOutsMade: 0,
    sipCallOutsOnTime: 0,
    sipCallOutsDueAfter: [],
    closedLiabilityDays: 0,
    openLiableFrom: [],
    dailyAmount: input.parameters.dailyAmount,
  };
  for (const period of t.readyPeriods) {
    const callOut = period.sipCallOut;
    if (callOut.metAt !== null) {
      summary.sipCallOutsMade += 1;
      if (callOut.met === true) summary.sipCallOutsOnTime += 1;
    } else if (period.endedAt === null || after(period.endedAt, callOut.due!)) {
      summary.sipCallOutsDueAfter.push(callOut.due!);
    }
    if (period.endedAt !== null) summary.closedLiabilityDays += period.liability.days;
    else if (period.liability.liableFromDate !== null) summary.openLiableFrom.push(period.liability.liableFromDate);
  }
  return summary;
}

/** A discharge's figures at `now` (in its region's time zone), from its summary. */
export function dischargeFiguresAt(s: DischargeSummary, now: Date, timeZone: string): DischargeFigures {
  const today = localDateOf(now, timeZone);
  const fallenDue = (instant: Date | null) => instant !== null && after(now, instant);
  const liabilityDays = s.closedLiabilityDays + s.openLiableFrom.reduce((sum, from) => sum + Math.max(0, daysBetween(from, today) + 1), 0);
  return {
    discharges: 1,
    admissionNoticesDue: Number(s.admissionNoticeSent || fallenDue(s.admissionNoticeDueAfter)),
    admissionNoticesOnTime: Number(s.admissionNoticeOnTime),
    sipCallOutsDue: s.sipCallOutsMade + s.sipCallOutsDueAfter.filter(fallenDue).length,
    sipCallOutsOnTime: s.sipCallOutsOnTime,
    liabilityDays,
    liabilityAmount: s.dailyAmount === null ? null : liabilityDays * s.dailyAmount,
  };
}

/**
 * The parameters a summary was computed with, as a short text kept beside it: their values in a
 * fixed order, e.g. `[24,3,3,"CALENDAR",12000,null]` (admission notice hours, call-out days,
 * liability after days, day kind, daily amount, late-send cutoff). Equal texts, equal parameters.
 */
export function dischargeParametersKey(p: DischargeParameters): string {
  return JSON.stringify([p.admissionNoticeHours, p.sipCallOutDays, p.liabilityAfterDays, p.liabilityDayKind, p.dailyAmount, p.lateSendCutoff]);
}
