/**
 * Rehabilitation plans (ÅHS, seed 000): a principal's plan for a patient, the basis for therapy at
 * long-term need, with goals that are concrete and measurable (GAS, domain/gas.ts) and an
 * evaluation after about a year.
 */

/** How long the person needs rehabilitation. */
export enum RehabNeed {
  /** Less than a year. */
  SHORT_TERM = 'SHORT_TERM',
  /** More than a year: the basis for therapy bought from other providers, and for FPA's demanding medical rehabilitation. */
  LONG_TERM = 'LONG_TERM',
}

export enum RehabPlanStatus {
  DRAFT = 'DRAFT',
  ACTIVE = 'ACTIVE',
  /** An evaluation period has been closed; the next period's goals are set before the plan is active again. */
  EVALUATED = 'EVALUATED',
  CLOSED = 'CLOSED',
}

/** One version of a therapy form of the dated code table. */
export interface TherapyForm {
  code: string;
  labelSv: string;
  labelEn: string;
  validFrom: string;
  /** Last day it applies (inclusive); null while open-ended. */
  validTo: string | null;
}
