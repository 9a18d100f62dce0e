/**
 * Eligibility for demanding medical rehabilitation paid by FPA (Kela), as ÅHS explains it to
 * patients on Åland: a long-term need for rehabilitation and an age under a limit on the day asked.
 * The rule is dated configuration (parameter `fpa.demandingMedicalRehabilitation`, seeded for
 * Åland only); where no rule applies the answer says so. Pure: the caller looks up the rule and
 * the person's birth date.
 */
import { ageOn } from './personnummer';
import { RehabNeed } from './rehab-plan';

/** The rule's value as configured: the need FPA requires and the age the person must be under. */
export interface FpaRule {
  need: RehabNeed;
  ageUnder: number;
}

/** One criterion of the rule. */
export enum FpaCriterion {
  /** A rule for the region applies on the date. */
  RULE_IN_FORCE = 'RULE_IN_FORCE',
  LONG_TERM_NEED = 'LONG_TERM_NEED',
  AGE = 'AGE',
}

export interface FpaReason {
  criterion: FpaCriterion;
  met: boolean;
  /** What was weighed, in words a patient can be given. */
  explanation: string;
}

export interface FpaEligibility {
  eligible: boolean;
  onDate: string;
  /** The person's age on the date. */
  age: number;
  /** Each criterion weighed, in the order above; only the rule when none applies. */
  reasons: FpaReason[];
}

export type FpaEligibilityResult = { ok: true; answer: FpaEligibility } | { ok: false; field: 'need'; message: string };

/**
 * Whether FPA may pay for demanding medical rehabilitation, with the reasons. A short-term need is
 * not a question FPA answers (its rehabilitation is for long-term needs): refused, naming `need`.
 */
export function fpaEligibility(need: RehabNeed, birthDate: string, onDate: string, rule: FpaRule | undefined): FpaEligibilityResult {
  if (need === RehabNeed.SHORT_TERM) {
    return { ok: false, field: 'need', message: 'FPA pays for demanding medical rehabilitation at a long-term need (more than a year) only; this need is short-term' };
  }
  const age = ageOn(birthDate, onDate);
  if (!rule) {
    return {
      ok: true,
      answer: { eligible: false, onDate, age, reasons: [{ criterion: FpaCriterion.RULE_IN_FORCE, met: false, explanation: `No FPA rule applies in the patient's region on ${onDate} (FPA pays on Åland)` }] },
    };
  }
  const reasons: FpaReason[] = [
    { criterion: FpaCriterion.RULE_IN_FORCE, met: true, explanation: `FPA's rule for demanding medical rehabilitation applies on ${onDate}` },
    {
      criterion: FpaCriterion.LONG_TERM_NEED,
      met: need === rule.need,
      explanation: need === rule.need ? 'The need for rehabilitation is long-term (more than a year)' : `FPA requires a need that is ${rule.need}`,
    },
    {
      criterion: FpaCriterion.AGE,
      met: age < rule.ageUnder,
      explanation: age < rule.ageUnder ? `Aged ${age} on ${onDate}: under ${rule.ageUnder}` : `Aged ${age} on ${onDate}: FPA requires an age under ${rule.ageUnder}`,
    },
  ];
  return { ok: true, answer: { eligible: reasons.every((r) => r.met), onDate, age, reasons } };
}
