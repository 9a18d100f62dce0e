/**
 * Consent to share patient data between organisations. A consent names one direction, the data
 * categories it covers and the days it applies; revocation ends it from that instant on.
 */
import { ConsentPurpose, DataCategory } from './enums';

/** What a rule needs to know of a recorded consent. */
export interface ConsentFacts {
  sourceOrganisationId: string;
  recipientOrganisationId: string;
  categories: readonly DataCategory[];
  validFrom: string; // first day it applies
  validTo: string; // last day it applies (inclusive)
  revokedAt: Date | null; // instant of revocation
}

export interface Flow {
  category: DataCategory;
  fromOrganisationId: string;
  toOrganisationId: string;
  at: Date;
  onDate: string; // local date of `at` in the region's time zone
}

/** Does `consent` apply from `from` to `to` at that moment? Revoked (revokedAt <= at), expired or not-yet-valid consents do not. */
function applies(consent: ConsentFacts, flow: Omit<Flow, 'category'>): boolean {
  return (
    consent.sourceOrganisationId === flow.fromOrganisationId &&
    consent.recipientOrganisationId === flow.toOrganisationId &&
    // ISO dates compare correctly as strings.
    consent.validFrom <= flow.onDate &&
    flow.onDate <= consent.validTo &&
    (consent.revokedAt === null || consent.revokedAt.getTime() > flow.at.getTime())
  );
}

/** May data of `flow.category` go from `from` to `to` at that moment? One-way: a consent A→B never allows B→A. */
export function consentAllowsFlow(consents: readonly ConsentFacts[], flow: Flow): boolean {
  return consents.some((consent) => applies(consent, flow) && consent.categories.includes(flow.category));
}

/** A recorded consent with the purpose it was given for. */
export interface PurposedConsentFacts extends ConsentFacts {
  purpose: ConsentPurpose;
}

/**
 * Is there a consent in force from `from` to `to`, given for `purpose` and covering `category`?
 * E.g. a SIP consent covers the plan itself (CARE_AND_REHAB_PLAN). One-way, like consentAllowsFlow.
 */
export function consentCoversPurpose(consents: readonly PurposedConsentFacts[], flow: Flow & { purpose: ConsentPurpose }): boolean {
  return consentAllowsFlow(
    consents.filter((consent) => consent.purpose === flow.purpose),
    flow,
  );
}

export interface ConsentPeriodProblem {
  field: 'validFrom' | 'validTo';
  message: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Days from `from` to `to` ('YYYY-MM-DD'), counted in UTC so that no time-zone shift can move them. */
function daysBetween(from: string, to: string): number {
  const utc = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  return (utc(to) - utc(from)) / DAY_MS;
}

/** Problems with a new consent's period: validTo before validFrom (on validTo); validFrom before today (on validFrom: consent is not retroactive); validTo more than maxDays after today (on validTo, message naming maxDays). Empty when fine. */
export function consentPeriodProblems(
  period: { validFrom: string; validTo: string },
  today: string,
  maxDays: number,
): ConsentPeriodProblem[] {
  const problems: ConsentPeriodProblem[] = [];
  if (period.validTo < period.validFrom) {
    problems.push({ field: 'validTo', message: 'a consent cannot end before it starts' });
  }
  if (period.validFrom < today) {
    problems.push({ field: 'validFrom', message: 'a consent cannot start before today: it does not apply retroactively' });
  }
  if (daysBetween(today, period.validTo) > maxDays) {
    problems.push({ field: 'validTo', message: `a consent can end at most ${maxDays} days after today` });
  }
  return problems;
}
