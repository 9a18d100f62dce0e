/**
 * A discharge's deadlines and payment liability, read from its message log: the admission notice,
 * and for every discharge-ready period (a discharge-ready notice up to the discharge, the
 * interruption of readiness or the cancellation that ends it) the SIP call-out and the
 * municipality's liability.
 */
import {
  admissionNoticeDeadline,
  Deadline,
  DischargeParameters,
  Liability,
  paymentLiability,
  sipCallOutDeadline,
  WorkingCalendar,
} from './discharge-deadlines';
import { HandoffMessageKind } from './handoff-messages';

export enum DeadlineStatus {
  /** Still open and still in time. */
  PENDING = 'PENDING',
  MET = 'MET',
  /** Done late, or not done when it fell due. */
  MISSED = 'MISSED',
  /** The case ended before the deadline without the action (e.g. discharged without needing a SIP). */
  NOT_NEEDED = 'NOT_NEEDED',
}

export interface DeadlineView extends Deadline {
  status: DeadlineStatus;
}

export interface TimelineMessage {
  kind: HandoffMessageKind;
  sentAt: Date;
  recipientOrganisationIds: readonly string[];
}

export interface TimelineInput {
  admittedAt: Date;
  homeMunicipalityId: string | null;
  messages: readonly TimelineMessage[];
  now: Date;
  timeZone: string;
  parameters: DischargeParameters;
  calendar: WorkingCalendar;
}

export interface ReadyPeriod {
  startedAt: Date;
  endedAt: Date | null;
  endedBy: HandoffMessageKind | null;
  sipCallOut: DeadlineView;
  liability: Liability;
}

export interface HandoffTimeline {
  admissionNotice: DeadlineView;
  readyPeriods: ReadyPeriod[];
  liabilityDays: number;
  /** null when the region has no agreed daily amount. */
  liabilityAmount: number | null;
  /** The earliest due instant of a deadline not yet acted on in an open case (the inbox's sort key). */
  nextDueAt: Date | null;
}

/** Messages that end a discharge-ready period, and those that end the case (also read by the planner report's SQL). */
export const ENDS_PERIOD: ReadonlySet<HandoffMessageKind> = new Set([HandoffMessageKind.READINESS_INTERRUPTED, HandoffMessageKind.DISCHARGE_NOTICE, HandoffMessageKind.CANCELLATION]);
export const ENDS_CASE: ReadonlySet<HandoffMessageKind> = new Set([HandoffMessageKind.DISCHARGE_NOTICE, HandoffMessageKind.CANCELLATION]);

const earlier = (a: Date, b: Date) => (a.getTime() <= b.getTime() ? a : b);

/** A deadline judged at `closedAt` when the case (or period) closed, else now. */
function view(compute: (asOf: Date) => Deadline, now: Date, closedAt: Date | null): DeadlineView {
  const deadline = compute(closedAt ? earlier(closedAt, now) : now);
  const status =
    deadline.met === true ? DeadlineStatus.MET : deadline.met === false ? DeadlineStatus.MISSED : closedAt ? DeadlineStatus.NOT_NEEDED : DeadlineStatus.PENDING;
  return { ...deadline, status };
}

const undone = (d: DeadlineView) => d.metAt === null && (d.status === DeadlineStatus.PENDING || d.status === DeadlineStatus.MISSED);

export function handoffTimeline(input: TimelineInput): HandoffTimeline {
  const { now, timeZone, parameters: p, calendar } = input;
  const messages = [...input.messages].sort((a, b) => a.sentAt.getTime() - b.sentAt.getTime());
  const caseEnd = messages.find((m) => ENDS_CASE.has(m.kind)) ?? null;
  const admission = messages.find((m) => m.kind === HandoffMessageKind.ADMISSION_NOTICE) ?? null;
  const admissionNotice = view((asOf) => admissionNoticeDeadline(input.admittedAt, admission?.sentAt ?? null, asOf, p), now, caseEnd?.sentAt ?? null);
  const toMunicipality = (m: TimelineMessage) => input.homeMunicipalityId !== null && m.recipientOrganisationIds.includes(input.homeMunicipalityId);
  const municipalityAdmission = messages.find((m) => m.kind === HandoffMessageKind.ADMISSION_NOTICE && toMunicipality(m)) ?? null;

  const readyPeriods: ReadyPeriod[] = [];
  messages.forEach((start, i) => {
    if (start.kind !== HandoffMessageKind.DISCHARGE_READY_NOTICE) return;
    const end = messages.slice(i + 1).find((m) => ENDS_PERIOD.has(m.kind)) ?? null;
    const within = (m: TimelineMessage) => end === null || m.sentAt.getTime() <= end.sentAt.getTime();
    const callOut = messages.slice(i + 1).find((m) => m.kind === HandoffMessageKind.SIP_CALL_OUT && within(m)) ?? null;
    const periodEnd = end?.sentAt ?? null;
    const sipCallOut = view((asOf) => sipCallOutDeadline(start.sentAt, callOut?.sentAt ?? null, asOf, timeZone, p, calendar), now, periodEnd);
    // Liability needs both notices at the municipality, the later of them within this period.
    const bothReceived =
      toMunicipality(start) && municipalityAdmission !== null && within(municipalityAdmission)
        ? new Date(Math.max(start.sentAt.getTime(), municipalityAdmission.sentAt.getTime()))
        : null;
    const liability = paymentLiability({ dischargeReadyAt: start.sentAt, noticesReceivedAt: bothReceived, endedAt: periodEnd, now }, timeZone, p, calendar);
    readyPeriods.push({ startedAt: start.sentAt, endedAt: periodEnd, endedBy: end?.kind ?? null, sipCallOut, liability });
  });

  const open = caseEnd === null;
  const undoneDues = [admissionNotice, ...readyPeriods.filter((r) => r.endedAt === null).map((r) => r.sipCallOut)]
    .filter((d) => open && undone(d) && d.due !== null)
    .map((d) => d.due!.getTime());
  const liabilityDays = readyPeriods.reduce((sum, r) => sum + r.liability.days, 0);
  return {
    admissionNotice,
    readyPeriods,
    liabilityDays,
    liabilityAmount: p.dailyAmount === null ? null : liabilityDays * p.dailyAmount,
    nextDueAt: undoneDues.length ? new Date(Math.min(...undoneDues)) : null,
  };
}
