/**
 * Funding programmes: national money paid to a principal per treatment given under set conditions
 * (seed 004: rehabiliteringsgarantin, 2008–2015). A programme and each of its forms are dated data,
 * so a treatment is judged by the versions valid on its date, never by constants in code.
 */
import { CareLevel } from './enums';
import { ageOn } from './personnummer';

/** What a form's amount pays for. */
export enum FundingUnit {
  /** One course of treatment (KBT/IPT: 8–20 sessions as a rule). */
  TREATMENT = 'TREATMENT',
  /** One series of combined efforts by several professions over weeks (multimodal rehabilitation). */
  SERIES = 'SERIES',
}

/** How often a principal reports what it did under a programme. */
export enum ReportingCadence {
  QUARTERLY = 'QUARTERLY',
  YEARLY = 'YEARLY',
}

/** The conditions a form treats (seed 004). */
export enum Indication {
  ANXIETY = 'ANXIETY',
  DEPRESSION = 'DEPRESSION',
  STRESS = 'STRESS',
  /** Long-lasting diffuse pain in shoulders, neck or back. */
  LONG_LASTING_PAIN = 'LONG_LASTING_PAIN',
}

/** One version of a form of a programme. */
export interface FundingForm {
  /** KBT, IPT, MMR1, MMR2. */
  code: string;
  name: string;
  unit: FundingUnit;
  /** The care level that usually gives it (MMR1 primary care, MMR2 specialist care); null for any. */
  careLevel: CareLevel | null;
  /** The band of sessions a treatment has as a rule; null when the form is not counted in sessions. */
  sessionsMin: number | null;
  sessionsMax: number | null;
  /** The band of weeks a series runs; null when the form is not counted in weeks. */
  weeksMin: number | null;
  weeksMax: number | null;
  indications: Indication[];
  /** Paid per treatment or series, in whole SEK. */
  amountSek: number;
  validFrom: string;
  validTo: string | null;
}

/** One version of a programme with every version of its forms. */
export interface FundingProgramme {
  id: string;
  code: string;
  name: string;
  validFrom: string;
  /** Last day; null while open-ended. */
  validTo: string | null;
  /** Age band, both ends included, on the day treatment starts. */
  ageMin: number;
  ageMax: number;
  /** What must hold besides age and indication (e.g. a medical assessment first), as the agreement says it. */
  conditions: string;
  reportingCadence: ReportingCadence;
  forms: FundingForm[];
}

const validOn = (v: { validFrom: string; validTo: string | null }, date: string) => v.validFrom <= date && (v.validTo === null || date <= v.validTo);

/** The programmes valid on a date, each with only its forms valid on that date. */
export function programmesOn(programmes: readonly FundingProgramme[], date: string): FundingProgramme[] {
  return programmes.filter((p) => validOn(p, date)).map((p) => ({ ...p, forms: p.forms.filter((f) => validOn(f, date)) }));
}

/** The version of a programme valid on a date; undefined when the programme did not run then. */
export function programmeOn(programmes: readonly FundingProgramme[], code: string, date: string): FundingProgramme | undefined {
  return programmes.find((p) => p.code === code && validOn(p, date));
}

/** The version of a programme's form valid on a date; undefined when there is none. */
export function formOn(programme: FundingProgramme, formCode: string, date: string): FundingForm | undefined {
  return programme.forms.find((f) => f.code === formCode && validOn(f, date));
}

export type AgeBand = { holds: true; age: number } | { holds: false; age: number; reason: string };

/** Whether a person born on birthDate is inside the programme's age band on a date (both ends included). */
export function ageBandOn(programme: FundingProgramme, birthDate: string, onDate: string): AgeBand {
  const age = ageOn(birthDate, onDate);
  if (age < programme.ageMin) return { holds: false, age, reason: `${age} years old on ${onDate}: the programme starts at ${programme.ageMin}` };
  if (age > programme.ageMax) return { holds: false, age, reason: `${age} years old on ${onDate}: the programme ends at ${programme.ageMax}` };
  return { holds: true, age };
}

/** A treatment asked about: what it is and how much of it was given. */
export interface TreatmentQuestion {
  programmeCode: string;
  formCode: string;
  /** The day treatment started: the programme, form, amount and age band are those of this day. */
  startedOn: string;
  birthDate: string;
  /** Sessions given (forms counted in sessions). */
  sessions?: number;
  /** Weeks the series ran (forms counted in weeks). */
  weeks?: number;
}

/** A reason a treatment is not paid, with the field of the question at fault. */
export interface FundingRefusal {
  field: keyof TreatmentQuestion;
  reason: string;
}

export type TreatmentFunding = { paid: true; amountSek: number; programme: FundingProgramme; form: FundingForm } | { paid: false; refusals: FundingRefusal[] };

/**
 * What a treatment earns under a programme: the form's amount on the day it started, when the
 * programme ran then, the person was inside the age band, and the sessions or weeks given are
 * inside the form's band; otherwise every reason it is not paid.
 */
export function treatmentFunding(programmes: readonly FundingProgramme[], q: TreatmentQuestion): TreatmentFunding {
  const programme = programmeOn(programmes, q.programmeCode, q.startedOn);
  if (!programme) return { paid: false, refusals: [{ field: 'startedOn', reason: `${q.programmeCode} did not run on ${q.startedOn}` }] };
  const form = formOn(programme, q.formCode, q.startedOn);
  if (!form) return { paid: false, refusals: [{ field: 'formCode', reason: `${q.programmeCode} has no form ${q.formCode} on ${q.startedOn}` }] };
  const refusals: FundingRefusal[] = [];
  const age = ageBandOn(programme, q.birthDate, q.startedOn);
  if (!age.holds) refusals.push({ field: 'birthDate', reason: age.reason });
  const band = (field: 'sessions' | 'weeks', value: number | undefined, min: number | null, max: number | null) => {
    if (min === null && max === null) return;
    if (value === undefined) refusals.push({ field, reason: `${form.code} is counted in ${field}: give them` });
    else if ((min !== null && value < min) || (max !== null && value > max)) refusals.push({ field, reason: `${value} ${field}: ${form.code} is ${min ?? 0}–${max ?? '∞'} ${field}` });
  };
  band('sessions', q.sessions, form.sessionsMin, form.sessionsMax);
  band('weeks', q.weeks, form.weeksMin, form.weeksMax);
  return refusals.length ? { paid: false, refusals } : { paid: true, amountSek: form.amountSek, programme, form };
}

/** A calendar quarter, `YYYY-Qn`, as its first and last day; null for anything else. */
export function quarterPeriod(quarter: string): { from: string; to: string } | null {
  const m = /^(\d{4})-Q([1-4])$/.exec(quarter);
  if (!m) return null;
  const year = m[1];
  const q = Number(m[2]);
  const lastDay = ['03-31', '06-30', '09-30', '12-31'][q - 1];
  const firstMonth = String(q * 3 - 2).padStart(2, '0');
  return { from: `${year}-${firstMonth}-01`, to: `${year}-${lastDay}` };
}

/** The quarter a date falls in, `YYYY-Qn`. */
export function quarterOf(date: string): string {
  return `${date.slice(0, 4)}-Q${Math.ceil(Number(date.slice(5, 7)) / 3)}`;
}

/** What is wrong with naming a programme (and a form) to fund a plan or a commitment. */
export interface FundingChoiceProblem {
  field: 'fundingProgrammeId' | 'fundingForm';
  message: string;
}

/**
 * Why a plan or commitment starting on `onDate`, for a person born on `birthDate`, may not name
 * this programme version (and form): the version must apply on that day, the person be inside
 * its age band then, and a form, when one is asked for, be one of the version's forms on that
 * day. Empty when it may.
 */
export function fundingChoiceProblems(programme: FundingProgramme, formCode: string | null, onDate: string, birthDate: string): FundingChoiceProblem[] {
  if (!validOn(programme, onDate)) {
    return [{ field: 'fundingProgrammeId', message: `${programme.code} (from ${programme.validFrom}) does not apply on ${onDate}` }];
  }
  const problems: FundingChoiceProblem[] = [];
  const age = ageBandOn(programme, birthDate, onDate);
  if (!age.holds) problems.push({ field: 'fundingProgrammeId', message: age.reason });
  if (formCode !== null && !formOn(programme, formCode, onDate)) {
    const forms = programme.forms.filter((f) => validOn(f, onDate)).map((f) => f.code);
    problems.push({ field: 'fundingForm', message: `${programme.code} has no form ${formCode} on ${onDate} (it has ${forms.join(', ') || 'none'})` });
  }
  return problems;
}
