/**
 * Payment commitments (betalningsförbindelse, seed 000): a paying principal commits to a number of
 * visits of one therapy form, of a stated length, within a validity period. The rules, from ÅHS's
 * guidance to its partners (2023):
 * - a commitment is never retroactive: it starts on the day it is issued at the earliest;
 * - treatment without a valid commitment is not paid;
 * - an end date in the intervention text overrides the commitment's validity;
 * - the visits are spread over the whole validity;
 * - the visit length is stated and does not include record keeping; no admin fees (so a commitment
 *   carries no fee lines at all).
 *
 * The spread rule chosen here is an even spread by day: by the end of day d of a validity of D days
 * (d counted from 1 on the first day, D ending on the paid period's last day), at most
 * ceil(visits × d / D) visits are paid. So 10 visits over 100 days allow 1 visit on day 1, 2 from day
 * 11, and all 10 from day 91; a provider may work ahead within the current share and catch up any
 * time later, but may not use the period's visits early. A revocation freezes the allowance at the
 * day before it takes effect.
 */
import { addDays, daysBetween } from './date-arithmetic';

export interface PaymentCommitmentTerms {
  /** Total number of visits committed. */
  visits: number;
  /** Length of one visit in minutes; record keeping is done outside it. */
  visitMinutes: number;
  validFrom: string;
  /** Last day of validity (inclusive). */
  validTo: string;
  /** An end date stated in the intervention text: it ends the therapy whatever the validity says. */
  interventionEndDate: string | null;
  /** The day the commitment was issued (local date of the paying principal's region). */
  issuedOn: string;
  /** First day from which it is revoked; null while not revoked. */
  revokedFrom: string | null;
}

/** The days visits are paid on: from validFrom to the validity's end or the intervention's end date, whichever is first. */
export function paidPeriod(terms: Pick<PaymentCommitmentTerms, 'validFrom' | 'validTo' | 'interventionEndDate'>): { from: string; to: string } {
  const to = terms.interventionEndDate !== null && terms.interventionEndDate < terms.validTo ? terms.interventionEndDate : terms.validTo;
  return { from: terms.validFrom, to };
}

/** The last day a visit is paid: the paid period's end, or the day before a revocation takes effect. */
export function lastPaidDay(terms: PaymentCommitmentTerms): string {
  const { to } = paidPeriod(terms);
  if (terms.revokedFrom === null) return to;
  const beforeRevocation = addDays(terms.revokedFrom, -1);
  return beforeRevocation < to ? beforeRevocation : to;
}

/**
 * How many visits, counted from the start, are paid up to and including `date` (the even spread,
 * see above): 0 before the validity, every visit from the paid period's last day on, and no more
 * after a revocation than by the day before it.
 */
export function visitsAllowed(terms: PaymentCommitmentTerms, date: string): number {
  const period = paidPeriod(terms);
  const until = terms.revokedFrom !== null && terms.revokedFrom <= date ? addDays(terms.revokedFrom, -1) : date;
  if (until < period.from) return 0;
  const totalDays = daysBetween(period.from, period.to) + 1;
  const elapsedDays = Math.min(daysBetween(period.from, until) + 1, totalDays);
  return Math.ceil((terms.visits * elapsedDays) / totalDays);
}

/** What a commitment is issued with; the issue day is today in the payer's region. */
export interface CommitmentDraft {
  number: string;
  therapyForm: string;
  visits: number;
  visitMinutes: number;
  validFrom: string;
  validTo: string;
  interventionEndDate: string | null;
}

export interface CommitmentProblem {
  /** The input field to correct. */
  field: keyof CommitmentDraft | 'providerOrganisationId';
  message: string;
}

const isPositiveInteger = (n: number) => Number.isInteger(n) && n > 0;

/**
 * Everything wrong with a commitment issued on `issuedOn`, in input order; empty when it may be
 * issued. `therapyForms` are the therapy form codes valid on its first day.
 */
export function commitmentDraftProblems(draft: CommitmentDraft, issuedOn: string, therapyForms: readonly string[]): CommitmentProblem[] {
  const problems: CommitmentProblem[] = [];
  if (draft.number.trim() === '') problems.push({ field: 'number', message: 'a payment commitment needs its number' });
  if (!therapyForms.includes(draft.therapyForm)) {
    problems.push({ field: 'therapyForm', message: `${draft.therapyForm} is not a therapy form valid on ${draft.validFrom}` });
  }
  if (!isPositiveInteger(draft.visits)) problems.push({ field: 'visits', message: 'the number of visits must be a whole number of at least 1' });
  if (!isPositiveInteger(draft.visitMinutes)) problems.push({ field: 'visitMinutes', message: 'the visit length must be a whole number of minutes of at least 1' });
  if (draft.validFrom < issuedOn) {
    problems.push({ field: 'validFrom', message: `a payment commitment is never retroactive: issued on ${issuedOn}, it cannot start on ${draft.validFrom}` });
  }
  if (draft.validTo < draft.validFrom) problems.push({ field: 'validTo', message: `the validity ends (${draft.validTo}) before it starts (${draft.validFrom})` });
  if (draft.interventionEndDate !== null && draft.interventionEndDate < draft.validFrom) {
    problems.push({ field: 'interventionEndDate', message: `the intervention's end date ${draft.interventionEndDate} is before the commitment starts (${draft.validFrom})` });
  }
  if (problems.length === 0) {
    // One visit a day at most: more visits than paid days cannot be spread over the validity.
    const { from, to } = paidPeriod(draft);
    const days = daysBetween(from, to) + 1;
    if (draft.visits > days) {
      problems.push({ field: 'visits', message: `${draft.visits} visits do not fit the ${days} days from ${from} to ${to} at one visit a day` });
    }
  }
  return problems;
}

/** Why a visit is not paid under a commitment. */
export enum NotPaidReason {
  BEFORE_VALIDITY = 'BEFORE_VALIDITY',
  AFTER_VALIDITY = 'AFTER_VALIDITY',
  AFTER_INTERVENTION_END = 'AFTER_INTERVENTION_END',
  REVOKED = 'REVOKED',
  /** More visits by that date than the even spread allows (or one of the later visits would be). */
  AHEAD_OF_SPREAD = 'AHEAD_OF_SPREAD',
  ALL_VISITS_USED = 'ALL_VISITS_USED',
  LONGER_THAN_COMMITTED = 'LONGER_THAN_COMMITTED',
}

export interface VisitInput {
  date: string;
  minutes: number;
}

export type VisitDecision =
  | { ok: true }
  /** Input no commitment could accept: BAD_USER_INPUT on the field. */
  | { ok: false; code: 'BAD_USER_INPUT'; field: keyof VisitInput; message: string }
  /** A visit the commitment does not pay. */
  | { ok: false; code: 'NOT_PAID'; reason: NotPaidReason; field: keyof VisitInput; message: string };

/**
 * Whether a visit may be recorded as paid under a commitment that already has visits on
 * `recordedDates`. A visit recorded late counts from its own date on, so every later recorded
 * visit must still fit the spread too.
 */
export function decideVisit(terms: PaymentCommitmentTerms, recordedDates: readonly string[], visit: VisitInput, today: string): VisitDecision {
  if (!isPositiveInteger(visit.minutes)) return { ok: false, code: 'BAD_USER_INPUT', field: 'minutes', message: 'the visit length must be a whole number of minutes of at least 1' };
  if (visit.date > today) return { ok: false, code: 'BAD_USER_INPUT', field: 'date', message: `a visit is recorded once held: ${visit.date} is after today (${today})` };
  const notPaid = (reason: NotPaidReason, field: keyof VisitInput, message: string): VisitDecision => ({ ok: false, code: 'NOT_PAID', reason, field, message: `not paid: ${message}` });
  const period = paidPeriod(terms);
  if (visit.date < terms.validFrom) return notPaid(NotPaidReason.BEFORE_VALIDITY, 'date', `${visit.date} is before the commitment is valid (from ${terms.validFrom})`);
  if (terms.revokedFrom !== null && visit.date >= terms.revokedFrom) return notPaid(NotPaidReason.REVOKED, 'date', `the commitment is revoked from ${terms.revokedFrom}`);
  if (visit.date > period.to) {
    return period.to === terms.validTo
      ? notPaid(NotPaidReason.AFTER_VALIDITY, 'date', `${visit.date} is after the commitment's validity (to ${terms.validTo})`)
      : notPaid(NotPaidReason.AFTER_INTERVENTION_END, 'date', `${visit.date} is after the intervention's end date ${terms.interventionEndDate}`);
  }
  if (visit.minutes > terms.visitMinutes) {
    return notPaid(NotPaidReason.LONGER_THAN_COMMITTED, 'minutes', `${visit.minutes} minutes is longer than the ${terms.visitMinutes} committed per visit`);
  }
  if (recordedDates.length + 1 > terms.visits) return notPaid(NotPaidReason.ALL_VISITS_USED, 'date', `all ${terms.visits} visits are used`);
  const dates = [...recordedDates, visit.date].sort();
  const checkFrom = dates.indexOf(visit.date);
  for (let i = checkFrom; i < dates.length; i++) {
    // Only the last visit of a day counts that day's total.
    if (i + 1 < dates.length && dates[i + 1] === dates[i]) continue;
    const allowed = visitsAllowed(terms, dates[i]);
    if (i + 1 > allowed) {
      return notPaid(NotPaidReason.AHEAD_OF_SPREAD, 'date', `${i + 1} visits by ${dates[i]} is more than the ${allowed} the even spread over ${period.from}–${period.to} allows by then`);
    }
  }
  return { ok: true };
}

export type RevocationDecision = { ok: true } | { ok: false; code: 'ILLEGAL_STATE' | 'BAD_USER_INPUT'; message: string };

/**
 * Whether a commitment may be revoked from `revokedFrom`, decided today. Like the commitment itself a
 * revocation is never retroactive: a visit already recorded stays paid.
 */
export function decideRevocation(terms: PaymentCommitmentTerms, revokedFrom: string, today: string, lastVisitDate: string | null): RevocationDecision {
  const refuse = (message: string): RevocationDecision => ({ ok: false, code: 'BAD_USER_INPUT', message });
  if (terms.revokedFrom !== null) return { ok: false, code: 'ILLEGAL_STATE', message: `the commitment is already revoked from ${terms.revokedFrom}` };
  if (revokedFrom < today) return refuse(`a revocation takes effect today (${today}) at the earliest, not ${revokedFrom}`);
  const { to } = paidPeriod(terms);
  if (revokedFrom > to) return refuse(`${revokedFrom} is after the commitment's last paid day ${to}`);
  if (lastVisitDate !== null && revokedFrom <= lastVisitDate) return refuse(`a visit on ${lastVisitDate} is already recorded as paid`);
  return { ok: true };
}

/** The plan a commitment is issued under, as the issue decision reads it. */
export interface CommitmentPlanFacts {
  ownerOrganisationId: string;
  /** Only a plan in force (ACTIVE) is a basis for therapy. */
  active: boolean;
  /** The therapy forms the plan recommends. */
  therapyForms: readonly string[];
}

export type IssueDecision =
  | { ok: true }
  | { ok: false; code: 'FORBIDDEN' | 'ILLEGAL_STATE'; field: string; message: string }
  | { ok: false; code: 'BAD_USER_INPUT'; field: string; message: string; problems: CommitmentProblem[] };

/**
 * Whether the viewer's organisation may issue `draft` to `providerOrganisationId` under the plan on
 * `issuedOn`: the plan's own principal pays, under a plan in force, for a therapy form the plan
 * recommends and the code table knows that day (`therapyForms`), to another organisation; and the
 * draft's own rules (commitmentDraftProblems). Every input problem is named at once.
 */
export function decideCommitmentIssue(
  plan: CommitmentPlanFacts,
  viewerOrganisationId: string,
  providerOrganisationId: string,
  draft: CommitmentDraft,
  issuedOn: string,
  therapyForms: readonly string[],
): IssueDecision {
  if (plan.ownerOrganisationId !== viewerOrganisationId) return { ok: false, code: 'FORBIDDEN', field: 'planId', message: "Only the plan's principal issues payment commitments under it" };
  if (!plan.active) return { ok: false, code: 'ILLEGAL_STATE', field: 'planId', message: 'Payment commitments are issued under an ACTIVE plan only' };
  const problems = commitmentDraftProblems(draft, issuedOn, therapyForms);
  if (providerOrganisationId === viewerOrganisationId) problems.unshift({ field: 'providerOrganisationId', message: 'the provider is another organisation than the payer' });
  if (!problems.some((p) => p.field === 'therapyForm') && !plan.therapyForms.includes(draft.therapyForm)) {
    problems.push({ field: 'therapyForm', message: `the plan does not recommend ${draft.therapyForm} (it recommends ${plan.therapyForms.join(', ') || 'none'})` });
  }
  if (problems.length === 0) return { ok: true };
  return { ok: false, code: 'BAD_USER_INPUT', field: problems[0].field, message: problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems };
}
