/**
 * What one SIP adds to the planners' figures for a period of local dates. Follow-up is the step
 * audits find skipped, so the figures count follow-ups that fell due and those done on time.
 */
import { followedUpOnTime } from './sip';

/** A plan's life as local dates in its region; null for what has not happened. */
export interface SipLife {
  createdOn: string;
  activatedOn: string | null;
  /** Closed or cancelled on. */
  endedOn: string | null;
  closed: boolean;
}

export interface SipFollowUpLife {
  dueDate: string;
  /** The local date it was done (its occurredAt, which may precede its recording); null while open. */
  doneOn: string | null;
}

export interface SipFigures {
  /** Started (created) in the period. */
  started: number;
  /** Running (activated, not yet ended) on some day of the period. */
  active: number;
  /** Follow-ups due in the period that fell due: due before today, and done or the plan still running on the due date. */
  followUpsDue: number;
  /** Of those, done on or before the due date. */
  followedUpOnTime: number;
  /** Closed (not cancelled) in the period. */
  closed: number;
}

const within = (date: string | null, from: string, to: string) => date !== null && from <= date && date <= to;

export function sipFigures(plan: SipLife, followUps: readonly SipFollowUpLife[], period: { from: string; to: string }, today: string): SipFigures {
  const { from, to } = period;
  // A follow-up not done falls due only while the plan runs: one closed before its date was not skipped.
  const fellDue = followUps.filter((f) => within(f.dueDate, from, to) && f.dueDate < today && (f.doneOn !== null || plan.endedOn === null || plan.endedOn >= f.dueDate));
  return {
    started: Number(within(plan.createdOn, from, to)),
    active: Number(plan.activatedOn !== null && plan.activatedOn <= to && (plan.endedOn === null || plan.endedOn >= from)),
    followUpsDue: fellDue.length,
    followedUpOnTime: fellDue.filter((f) => f.doneOn !== null && followedUpOnTime(f.dueDate, f.doneOn)).length,
    closed: Number(plan.closed && within(plan.endedOn, from, to)),
  };
}
