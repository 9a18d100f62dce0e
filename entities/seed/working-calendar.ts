import type { WorkingCalendar } from '../../domain/discharge-deadlines';

export interface WorkingCalendarRow {
  day: string;
  working: boolean;
  /** How many working days from the first row up to and including this day. */
  workingDaysUpTo: number;
  /** The first working day after this day (it may lie past the last row). */
  nextWorkingDay: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const dayAfter = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);

/** Every day of the years `fromYear`…`toYear` as `calendar` judges it. */
export function workingCalendarRows(fromYear: number, toYear: number, calendar: WorkingCalendar): WorkingCalendarRow[] {
  const last = `${toYear}-12-31`;
  const rows: WorkingCalendarRow[] = [];
  let upTo = 0;
  for (let day = `${fromYear}-01-01`; day <= last; day = dayAfter(day)) {
    const working = calendar.isWorkingDay(day);
    if (working) upTo += 1;
    rows.push({ day, working, workingDaysUpTo: upTo, nextWorkingDay: '' });
  }
  // Backwards: each day's next working day is the day after it when that one works, else its.
  let next = dayAfter(last);
  while (!calendar.isWorkingDay(next)) next = dayAfter(next);
  for (let i = rows.length - 1; i >= 0; i--) {
    rows[i].nextWorkingDay = next;
    if (rows[i].working) next = rows[i].day;
  }
  return rows;
}
