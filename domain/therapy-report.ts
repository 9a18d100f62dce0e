/**
 * The therapy report (terapirapport, seed 000) a provider sends the paying principal (to the
 * referring clinic) and the patient at the end of a therapy period. Its required content, from ÅHS's
 * guidance to its partners (2023):
 * - the patient's name and personnummer, the commitment number, the therapist's name and contact;
 * - the sessions held, with dates and lengths;
 * - a short description of the patient's functional ability and how it affects everyday life;
 * - the goals set before therapy and how they were met (preferably GAS goals, so a score is optional);
 * - the assessment instruments used and their results;
 * - the need for continued therapy, on what grounds and with what goal;
 * - a summary of the therapy when it ends with the commitment.
 * The guidance also asks the provider, at the end of a period, to take a position on the patient's
 * motivation: the platform requires it as well.
 * The personnummer and the commitment number come from the records themselves, so they are never
 * missing; the patient's name can be (a record without one), and so can everything the provider writes.
 */
import { addMonths } from './date-arithmetic';

export interface TherapyGoalOutcome {
  /** A goal set before therapy started. */
  goal: string;
  /** How it was met. */
  outcome: string;
  /** Its GAS attainment (−2 … +2), when the goal was written as a GAS goal. */
  gasScore: number | null;
}

export interface AssessmentResult {
  instrument: string;
  result: string;
}

/** What the provider writes. */
export interface TherapyReportText {
  therapistName: string | null;
  therapistContact: string | null;
  functionalAbility: string | null;
  goals: readonly TherapyGoalOutcome[];
  assessments: readonly AssessmentResult[];
  /** Whether therapy should go on after this period; null while not stated. */
  continuedTherapyNeeded: boolean | null;
  /** On what grounds and with what goal therapy should go on. */
  continuedTherapyGrounds: string | null;
  patientMotivation: string | null;
  /** How the therapy went, as a whole: required when it ends with the commitment. */
  endSummary: string | null;
}

/** A report as checked: the provider's text with what the records add. */
export interface TherapyReportContent extends TherapyReportText {
  /** The patient's name on the record, null when the record has none. */
  patientName: string | null;
  /** The sessions held: the visits recorded under the commitment. */
  sessions: readonly { date: string; minutes: number }[];
}

/** A report's required items, in the order problems are reported. */
export enum TherapyReportItem {
  PATIENT_NAME = 'PATIENT_NAME',
  THERAPIST_NAME = 'THERAPIST_NAME',
  THERAPIST_CONTACT = 'THERAPIST_CONTACT',
  SESSIONS = 'SESSIONS',
  FUNCTIONAL_ABILITY = 'FUNCTIONAL_ABILITY',
  GOALS = 'GOALS',
  ASSESSMENTS = 'ASSESSMENTS',
  CONTINUED_THERAPY = 'CONTINUED_THERAPY',
  PATIENT_MOTIVATION = 'PATIENT_MOTIVATION',
  END_SUMMARY = 'END_SUMMARY',
}

export interface TherapyReportProblem {
  item: TherapyReportItem;
  /** The input field to correct (`visits` when sessions are missing: record them first). */
  field: keyof TherapyReportContent;
  message: string;
}

const isBlank = (text: string | null) => text === null || text.trim() === '';
type Check = (content: TherapyReportContent) => Omit<TherapyReportProblem, 'item'> | null;

const CHECKS: Record<TherapyReportItem, Check> = {
  [TherapyReportItem.PATIENT_NAME]: ({ patientName }) =>
    isBlank(patientName) ? { field: 'patientName', message: "the patient's record has no name for the report" } : null,
  [TherapyReportItem.THERAPIST_NAME]: ({ therapistName }) => (isBlank(therapistName) ? { field: 'therapistName', message: "the therapist's name is missing" } : null),
  [TherapyReportItem.THERAPIST_CONTACT]: ({ therapistContact }) =>
    isBlank(therapistContact) ? { field: 'therapistContact', message: "the therapist's contact details are missing" } : null,
  [TherapyReportItem.SESSIONS]: ({ sessions }) =>
    sessions.length === 0 ? { field: 'sessions', message: 'no sessions are recorded under the commitment: record the visits held first' } : null,
  [TherapyReportItem.FUNCTIONAL_ABILITY]: ({ functionalAbility }) =>
    isBlank(functionalAbility) ? { field: 'functionalAbility', message: "a description of the patient's functional ability and how it affects everyday life is missing" } : null,
  [TherapyReportItem.GOALS]: ({ goals }) => {
    if (goals.length === 0) return { field: 'goals', message: 'the goals set before therapy, and how they were met, are missing' };
    if (goals.some((g) => isBlank(g.goal) || isBlank(g.outcome))) return { field: 'goals', message: 'every goal needs its text and how it was met' };
    return goals.some((g) => g.gasScore !== null && !(Number.isInteger(g.gasScore) && g.gasScore >= -2 && g.gasScore <= 2))
      ? { field: 'goals', message: 'a GAS score is a whole number from -2 to +2' }
      : null;
  },
  [TherapyReportItem.ASSESSMENTS]: ({ assessments }) => {
    if (assessments.length === 0) return { field: 'assessments', message: 'the assessment instruments used, and their results, are missing' };
    return assessments.some((a) => isBlank(a.instrument) || isBlank(a.result)) ? { field: 'assessments', message: 'every assessment needs its instrument and its result' } : null;
  },
  [TherapyReportItem.CONTINUED_THERAPY]: ({ continuedTherapyNeeded, continuedTherapyGrounds }) => {
    if (continuedTherapyNeeded === null) return { field: 'continuedTherapyNeeded', message: 'whether therapy should continue is not stated' };
    return continuedTherapyNeeded && isBlank(continuedTherapyGrounds)
      ? { field: 'continuedTherapyGrounds', message: 'continued therapy needs its grounds and its goal' }
      : null;
  },
  [TherapyReportItem.PATIENT_MOTIVATION]: ({ patientMotivation }) =>
    isBlank(patientMotivation) ? { field: 'patientMotivation', message: "an assessment of the patient's motivation is missing" } : null,
  [TherapyReportItem.END_SUMMARY]: ({ continuedTherapyNeeded, endSummary }) =>
    continuedTherapyNeeded === false && isBlank(endSummary)
      ? { field: 'endSummary', message: 'therapy ends with the commitment: a summary of how it went is missing' }
      : null,
};

/** Every required item the report lacks, at most one problem per item, in TherapyReportItem's order. Empty: it may be submitted. */
export function therapyReportProblems(content: TherapyReportContent): TherapyReportProblem[] {
  return Object.values(TherapyReportItem).flatMap((item) => {
    const problem = CHECKS[item](content);
    return problem === null ? [] : [{ item, ...problem }];
  });
}

/**
 * The last day the report may reach the principal: `leadMonths` calendar months before the period's
 * last day (the dated parameter therapy.reportLeadMonths; ÅHS: two months), at least that early.
 */
export function therapyReportDueDate(periodEnd: string, leadMonths: number): string {
  return addMonths(periodEnd, -leadMonths);
}

/** Reached the principal on or before its due date (local dates). */
export function reportOnTime(dueDate: string, submittedOn: string): boolean {
  return submittedOn <= dueDate;
}

