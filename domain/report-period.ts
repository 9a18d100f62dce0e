/** The period of a planner report: checked against a dated maximum, and cut into calendar months. */
import { addDays, addMonths } from './date-arithmetic';

/** One calendar month of a report's period, cut to the period at either end. */
export interface ReportMonth {
  /** 'YYYY-MM'. */
  month: string;
  /** First day counted in it: the 1st, or the period's first day. */
  from: string;
  /** Last day counted in it: the month's last, or the period's last day. */
  to: string;
}

/** What is wrong with a period, naming the field, or null: it ends before it starts, or spans more than `maxMonths` calendar months. */
export function reportPeriodProblem(period: { from: string; to: string }, maxMonths: number): { field: string; message: string } | null {
  if (period.to < period.from) return { field: 'period.to', message: 'period.to: the period ends before it starts' };
  if (period.to >= addMonths(period.from, maxMonths)) return { field: 'period', message: `period: at most ${maxMonths} months` };
  return null;
}

/** Every calendar month the period touches, oldest first. */
export function reportMonths(period: { from: string; to: string }): ReportMonth[] {
  const months: ReportMonth[] = [];
  for (let first = `${period.from.slice(0, 7)}-01`; first <= period.to; first = addMonths(first, 1)) {
    const last = addDays(addMonths(first, 1), -1);
    months.push({ month: first.slice(0, 7), from: first < period.from ? period.from : first, to: last > period.to ? period.to : last });
  }
  return months;
}
