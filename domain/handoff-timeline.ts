/**
 * A discharge's deadlines and payment liability, read from its message log: the admission notice,
 * and for every discharge-ready period (a discharge-ready notice up to the discharge, the
 * interruption of readiness or the cancellation that ends it) the SIP call-out and the
 * municipality's liability.
 *
 * Two times per message (issue 15): `sentAt`, when the server recorded it, and `occurredAt`, when
 * what it reports happened (domain/event-time.ts; the recording time for messages that are
 * themselves the event). Each deadline counts from the time the law counts from:
 * - the admission notice is due `admissionNoticeHours` after the admission (the hand-off's
 *   admittedAt, an event time) and is given when recorded;
 * - a discharge-ready period runs from the notice's occurredAt (the patient became ready) to the
 *   occurredAt of the DISCHARGE_NOTICE or READINESS_INTERRUPTED that ends it (the patient left,
 *   or stopped being ready), or the recording of a CANCELLATION;
 * - the SIP call-out is due within `sipCallOutDays` of the discharge-ready notice being given, so
 *   it counts from the notice's recording time, and a call-out counts when it is sent (recorded;
 *   the 14:00 rule `lateSendCutoff` is about that instant);
 * - liability starts N days after the later of the readiness (occurredAt) and the municipality
 *   having both notices (their recording times), and stops at the period's end (occurredAt).
 * Which message belongs to which period is read in the log's order (recording time).
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
  /** When the server recorded it: a notice or call-out counts as given then. */
  sentAt: Date;
  /** When what it reports happened: the client's occurredAt for event messages, else sentAt. */
  occurredAt: Date;
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
  /** When the patient became discharge-ready (the notice's occurredAt). */
  startedAt: Date;
  /** When the period ended (the ending message's occurredAt); null while open. */
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

/** The message that ended the case (a discharge or cancellation), in log order; null while open. */
export function caseEndOf<M extends Pick<TimelineMessage, 'kind' | 'sentAt'>>(messages: readonly M[]): M | null {
  const inLogOrder = [...messages].sort((a, b) => a.sentAt.getTime() - b.sentAt.getTime());
  return inLogOrder.find((m) => ENDS_CASE.has(m.kind)) ?? null;
}

export function handoffTimeline(input: TimelineInput): HandoffTimeline {
  const { now, timeZone, parameters: p, calendar } = input;
  // The log's order: by recording time (the input's order for equal times).
  const messages = [...input.messages].sort((a, b) => a.sentAt.getTime() - b.sentAt.getTime());
  const caseEnd = messages.find((m) => ENDS_CASE.has(m.kind)) ?? null;
  const admission = messages.find((m) => m.kind === HandoffMessageKind.ADMISSION_NOTICE) ?? null;
  const admissionNotice = view((asOf) => admissionNoticeDeadline(input.admittedAt, admission?.sentAt ?? null, asOf, p), now, caseEnd?.occurredAt ?? null);
  const toMunicipality = (m: TimelineMessage) => input.homeMunicipalityId !== null && m.recipientOrganisationIds.includes(input.homeMunicipalityId);
  const municipalityAdmission = messages.findIndex((m) => m.kind === HandoffMessageKind.ADMISSION_NOTICE && toMunicipality(m));

  const readyPeriods: ReadyPeriod[] = [];
  messages.forEach((start, i) => {
    if (start.kind !== HandoffMessageKind.DISCHARGE_READY_NOTICE) return;
    const endIndex = messages.findIndex((m, j) => j > i && ENDS_PERIOD.has(m.kind));
    const end = endIndex < 0 ? null : messages[endIndex];
    const within = (j: number) => end === null || j < endIndex;
    const callOut = messages.find((m, j) => j > i && within(j) && m.kind === HandoffMessageKind.SIP_CALL_OUT) ?? null;
    const periodEnd = end?.occurredAt ?? null;
    const sipCallOut = view((asOf) => sipCallOutDeadline(start.sentAt, callOut?.sentAt ?? null, asOf, timeZone, p, calendar), now, periodEnd);
    // Liability needs both notices at the municipality, the later of them given within this period.
    const bothReceived =
      toMunicipality(start) && municipalityAdmission >= 0 && within(municipalityAdmission)
        ? new Date(Math.max(start.sentAt.getTime(), messages[municipalityAdmission].sentAt.getTime()))
        : null;
    const liability = paymentLiability({ dischargeReadyAt: start.occurredAt, noticesReceivedAt: bothReceived, endedAt: periodEnd, now }, timeZone, p, calendar);
    readyPeriods.push({ startedAt: start.occurredAt, endedAt: periodEnd, endedBy: end?.kind ?? null, sipCallOut, liability });
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
