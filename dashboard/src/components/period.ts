import { addDays, addMonths } from '../../../domain/date-arithmetic';
import { reportPeriodProblem } from '../../../domain/report-period';

/** A report period from whole months: the first day of `from` to the last day of `to` (months 'YYYY-MM'). */
export function monthsToPeriod(from: string, to: string): { from: string; to: string } {
  return { from: `${from}-01`, to: addDays(addMonths(`${to}-01`, 1), -1) };
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export type PeriodProblem = { kind: 'month'; field: 'from' | 'to' } | { kind: 'order' } | { kind: 'length'; maxMonths: number };

/**
 * What is wrong with the months picked, or null: not a month, `to` before `from`, or longer than
 * the region's reports.maxPeriodMonths (the API's own rule, domain/report-period.ts).
 */
export function periodProblem(from: string, to: string, maxMonths: number): PeriodProblem | null {
  if (!MONTH.test(from)) return { kind: 'month', field: 'from' };
  if (!MONTH.test(to)) return { kind: 'month', field: 'to' };
  const problem = reportPeriodProblem(monthsToPeriod(from, to), maxMonths);
  if (problem === null) return null;
  return problem.field === 'period.to' ? { kind: 'order' } : { kind: 'length', maxMonths };
}

/** The default months: the last twelve, this one included. */
export function defaultMonths(today: string): { from: string; to: string } {
  return { from: addMonths(today, -11).slice(0, 7), to: today.slice(0, 7) };
}
