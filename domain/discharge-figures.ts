/**
 * What coordinated discharges add up to in the planners' report: the figures of one discharge,
 * read off its timeline, and their sum over a group. The report's SQL computes the same figures
 * (test/integration/handoff-report-sql.test.ts holds it to these).
 */
import { DeadlineStatus, DeadlineView, HandoffTimeline } from './handoff-timeline';

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

export const NO_DISCHARGES: DischargeFigures = {
  discharges: 0,
  admissionNoticesDue: 0,
  admissionNoticesOnTime: 0,
  sipCallOutsDue: 0,
  sipCallOutsOnTime: 0,
  liabilityDays: 0,
  liabilityAmount: 0,
};

export function addFigures(a: DischargeFigures, b: DischargeFigures): DischargeFigures {
  return {
    discharges: a.discharges + b.discharges,
    admissionNoticesDue: a.admissionNoticesDue + b.admissionNoticesDue,
    admissionNoticesOnTime: a.admissionNoticesOnTime + b.admissionNoticesOnTime,
    sipCallOutsDue: a.sipCallOutsDue + b.sipCallOutsDue,
    sipCallOutsOnTime: a.sipCallOutsOnTime + b.sipCallOutsOnTime,
    liabilityDays: a.liabilityDays + b.liabilityDays,
    liabilityAmount: a.liabilityAmount === null || b.liabilityAmount === null ? null : a.liabilityAmount + b.liabilityAmount,
  };
}

/** A deadline that fell due: acted on in time or not, as opposed to still running or not needed. */
const fellDue = (d: DeadlineView) => d.status === DeadlineStatus.MET || d.status === DeadlineStatus.MISSED;

/** One discharge's figures, from its timeline. */
export function dischargeFigures(t: HandoffTimeline): DischargeFigures {
  const callOuts = t.readyPeriods.map((r) => r.sipCallOut);
  return {
    discharges: 1,
    admissionNoticesDue: Number(fellDue(t.admissionNotice)),
    admissionNoticesOnTime: Number(t.admissionNotice.status === DeadlineStatus.MET),
    sipCallOutsDue: callOuts.filter(fellDue).length,
    sipCallOutsOnTime: callOuts.filter((d) => d.status === DeadlineStatus.MET).length,
    liabilityDays: t.liabilityDays,
    liabilityAmount: t.liabilityAmount,
  };
}
