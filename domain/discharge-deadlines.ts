/**
 * Deadlines and municipal payment liability of coordinated discharge (lag 2017:612). Deadlines in
 * hours run on instants; day rules run on local dates of the region's time zone, so a change to or
 * from summer time never moves a day.
 */
import Holidays from 'date-holidays';
import { formatterPerTimeZone, localDateOf } from './local-date';
import { DatedParameter, PARAMETER, parameterOn } from './rule-parameters';

/** Dated, per-region values (resolved by the caller for the relevant date), defaults from DOMAIN.md. */
export interface DischargeParameters {
  admissionNoticeHours: number; // 24
  sipCallOutDays: number; // 3 (calendar days after the discharge-ready notice)
  liabilityAfterDays: number; // 3 (psychiatry may differ: the caller passes the value for the unit)
  liabilityDayKind: 'CALENDAR' | 'WORKING'; // CALENDAR by default
  dailyAmount: number | null; // SEK per day, 12000 for Region Dalarna; null where no amount is agreed
  lateSendCutoff: string | null; // '14:00' or null: a notice sent after this local time counts as sent the next working day
}

/** The parameters on a date, or the key of the first one that must have a value and has none. */
function resolveDischargeParameters(parameters: readonly DatedParameter[], regionId: string, onDate: string, psychiatric: boolean): DischargeParameters | { missing: string } {
  const value = <T>(key: string) => parameterOn<T>(parameters, key, regionId, onDate);
  const required = {
    admissionNoticeHours: PARAMETER.DISCHARGE_ADMISSION_NOTICE_HOURS,
    sipCallOutDays: PARAMETER.DISCHARGE_SIP_CALL_OUT_DAYS,
    liabilityAfterDays: psychiatric ? PARAMETER.DISCHARGE_LIABILITY_AFTER_DAYS_PSYCHIATRY : PARAMETER.DISCHARGE_LIABILITY_AFTER_DAYS,
    liabilityDayKind: PARAMETER.DISCHARGE_LIABILITY_DAY_KIND,
  };
  const missing = Object.values(required).find((key) => value(key) === undefined);
  if (missing !== undefined) return { missing };
  return {
    admissionNoticeHours: value<number>(required.admissionNoticeHours)!,
    sipCallOutDays: value<number>(required.sipCallOutDays)!,
    liabilityAfterDays: value<number>(required.liabilityAfterDays)!,
    liabilityDayKind: value<DischargeParameters['liabilityDayKind']>(required.liabilityDayKind)!,
    dailyAmount: value<number>(PARAMETER.DISCHARGE_DAILY_AMOUNT) ?? null,
    lateSendCutoff: value<string | null>(PARAMETER.DISCHARGE_LATE_SEND_CUTOFF) ?? null,
  };
}

/**
 * The discharge parameters of a region on a date (the admission date: a case runs under the rules
 * in force when it started). Psychiatric inpatient care has its own liability period. Every value
 * but the daily amount is seeded as a default; a region without an agreed amount has none.
 */
export function dischargeParametersOn(parameters: readonly DatedParameter[], regionId: string, onDate: string, psychiatric: boolean): DischargeParameters {
  const resolved = resolveDischargeParameters(parameters, regionId, onDate, psychiatric);
  if ('missing' in resolved) throw new Error(`Rule parameter ${resolved.missing} has no value on ${onDate}`);
  return resolved;
}

/** The discharge parameters of a region on a date (as dischargeParametersOn), or null when a required one has no value then. */
export function dischargeParametersIfSet(parameters: readonly DatedParameter[], regionId: string, onDate: string, psychiatric: boolean): DischargeParameters | null {
  const resolved = resolveDischargeParameters(parameters, regionId, onDate, psychiatric);
  return 'missing' in resolved ? null : resolved;
}

/** Discharge parameters that hold for every admission date from `from` to `to` (inclusive). */
export interface DischargeParameterPeriod {
  from: string;
  to: string;
  psychiatric: boolean;
  parameters: DischargeParameters;
}

const DISCHARGE_KEYS: ReadonlySet<string> = new Set(Object.values(PARAMETER).filter((key) => key.startsWith('discharge.')));

/**
 * The discharge parameters of a region over the admission dates `from`…`to`, as the periods in
 * which dischargeParametersOn gives one answer (for each of psychiatric and other care): a value
 * can change only where a parameter starts or the day after one ends. A period in which a
 * required parameter has no value is left out; a discharge admitted in it has no parameters.
 */
export function dischargeParameterPeriods(parameters: readonly DatedParameter[], regionId: string, from: string, to: string): DischargeParameterPeriod[] {
  const relevant = parameters.filter((p) => DISCHARGE_KEYS.has(p.key) && (p.regionId === regionId || p.regionId === null));
  const changes = relevant.flatMap((p) => (p.validTo === null ? [p.validFrom] : [p.validFrom, addDays(p.validTo, 1)]));
  const starts = [...new Set([from, ...changes.filter((d) => d > from && d <= to)])].sort();
  return starts.flatMap((start, i) => {
    const end = i + 1 < starts.length ? addDays(starts[i + 1], -1) : to;
    return [false, true].flatMap((psychiatric) => {
      const resolved = resolveDischargeParameters(parameters, regionId, start, psychiatric);
      return 'missing' in resolved ? [] : [{ from: start, to: end, psychiatric, parameters: resolved }];
    });
  });
}

export interface WorkingCalendar {
  isWorkingDay(localDate: string): boolean;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Midnight UTC of a 'YYYY-MM-DD' date: day arithmetic in UTC has no summer time to trip over. */
const utcMidnight = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
const addDays = (date: string, days: number) => new Date(utcMidnight(date) + days * DAY_MS).toISOString().slice(0, 10);
const daysBetween = (from: string, to: string) => (utcMidnight(to) - utcMidnight(from)) / DAY_MS;

/**
 * Which date-holidays types are days off. 'public' are the holidays by law. 'bank' is, for Sweden,
 * midsommarafton, julafton and nyårsafton: not holidays by law, but days off under the collective
 * agreements, so municipalities and hospitals run weekend staffing and nobody acts on a notice.
 * 'observance' (skärtorsdagen, annandag pingst since 2005, …) and 'optional' (half days such as
 * trettondagsafton) are working days.
 */
const DAY_OFF_TYPES: ReadonlySet<string> = new Set(['public', 'bank']);

/** Swedish working days: Monday–Friday except public holidays and the 'bank' days above, from date-holidays. Caches per year. */
export function swedishWorkingCalendar(): WorkingCalendar {
  const holidays = new Holidays('SE');
  const daysOffByYear = new Map<number, Set<string>>();
  const daysOff = (year: number) => {
    let days = daysOffByYear.get(year);
    if (days === undefined) {
      // Entries carry 'YYYY-MM-DD HH:mm:ss' in Swedish local time.
      days = new Set(holidays.getHolidays(year).filter((h) => DAY_OFF_TYPES.has(h.type)).map((h) => h.date.slice(0, 10)));
      daysOffByYear.set(year, days);
    }
    return days;
  };
  return {
    isWorkingDay(localDate) {
      const weekday = new Date(utcMidnight(localDate)).getUTCDay();
      return weekday !== 0 && weekday !== 6 && !daysOff(Number(localDate.slice(0, 4))).has(localDate);
    },
  };
}

const timeFormatter = formatterPerTimeZone('en-GB', { hourCycle: 'h23', hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** Milliseconds since local midnight of `instant` in `timeZone`. */
function localTimeOfDay(instant: Date, timeZone: string): number {
  const parts = timeFormatter(timeZone).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return ((part('hour') * 60 + part('minute')) * 60 + part('second')) * 1000 + instant.getUTCMilliseconds();
}

/**
 * The instant at `timeOfDay` ms after local midnight of `localDate`. The first guess reads the
 * wall-clock time as UTC, which can lie across a change of clocks from the answer, so the offset is
 * taken again at the guess. Local midnight and office hours are never in the skipped or repeated
 * hour of Swedish or Finnish time, so the answer is unique.
 */
function instantAt(localDate: string, timeOfDay: number, timeZone: string): Date {
  const wallClock = utcMidnight(localDate) + timeOfDay;
  const offsetAt = (instant: number) => utcMidnight(localDateOf(new Date(instant), timeZone)) + localTimeOfDay(new Date(instant), timeZone) - instant;
  return new Date(wallClock - offsetAt(wallClock - offsetAt(wallClock)));
}

function cutoffTimeOfDay(cutoff: string): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(cutoff);
  if (match === null) throw new Error(`a late-send cutoff is a local time HH:MM, not '${cutoff}'`);
  return (Number(match[1]) * 60 + Number(match[2])) * 60 * 1000;
}

/** The `n`-th day after `start` that `counts`; `start` itself when n is 0. */
function nthCountedDayAfter(start: string, n: number, counts: (date: string) => boolean): string {
  let day = start;
  for (let counted = 0; counted < n; ) {
    day = addDays(day, 1);
    if (counts(day)) counted += 1;
  }
  return day;
}

function nextWorkingDay(after: string, calendar: WorkingCalendar): string {
  return nthCountedDayAfter(after, 1, (date) => calendar.isWorkingDay(date));
}

/**
 * The local date a message counts as sent: after the cutoff (local time, strictly after HH:MM, so
 * 14:00:00 is still in time) or on a non-working day, it counts as the start of the next working
 * day. The cutoff and the moving off non-working days are one local practice: without a cutoff
 * (null) every message counts on the local date it was sent.
 */
export function effectiveSendDate(sentAt: Date, timeZone: string, cutoff: string | null, calendar: WorkingCalendar): { localDate: string; moved: boolean } {
  const localDate = localDateOf(sentAt, timeZone);
  if (cutoff === null || (calendar.isWorkingDay(localDate) && localTimeOfDay(sentAt, timeZone) <= cutoffTimeOfDay(cutoff))) {
    return { localDate, moved: false };
  }
  return { localDate: nextWorkingDay(localDate, calendar), moved: true };
}

/**
 * `due`: the last instant at which the action is in time. `dueDate`: the local date a day-counted
 * deadline falls on; null for deadlines in hours. `metAt`: when the action happened, even if late;
 * `met`: whether it was in time, false as soon as an open deadline can no longer be met, null while
 * open and still in time.
 */
export interface Deadline {
  due: Date | null;
  dueDate: string | null;
  metAt: Date | null;
  met: boolean | null;
}

function deadline(due: Date, dueDate: string | null, doneAt: Date | null, now: Date, inTime: (at: Date) => boolean): Deadline {
  return { due, dueDate, metAt: doneAt, met: doneAt !== null ? inTime(doneAt) : inTime(now) ? null : false };
}

/** Admission notice within `admissionNoticeHours` of admission (an instant deadline: 24 real hours, whatever the clocks do). */
export function admissionNoticeDeadline(admittedAt: Date, sentAt: Date | null, now: Date, p: DischargeParameters): Deadline {
  const due = new Date(admittedAt.getTime() + p.admissionNoticeHours * 60 * 60 * 1000);
  return deadline(due, null, sentAt, now, (at) => at.getTime() <= due.getTime());
}

/**
 * SIP call-out within `sipCallOutDays` calendar days after the local date of the discharge-ready
 * notice being given (its recording time: the law counts from the notice, not from the readiness it
 * reports). A period that ends on a Saturday, Sunday or holiday runs to the next working day (lag
 * 1930:173 om beräkning av lagstadgad tid), so `dueDate` is always a working day and never before
 * the notice. A call-out counts on its effectiveSendDate: with a cutoff `due` is the cutoff time on
 * `dueDate` (a call-out at 14:01 that day counts for the next working day and is late); without
 * one, `due` is the end of `dueDate`.
 */
export function sipCallOutDeadline(
  noticeGivenAt: Date,
  calledOutAt: Date | null,
  now: Date,
  timeZone: string,
  p: DischargeParameters,
  calendar: WorkingCalendar,
): Deadline {
  const periodEnd = addDays(localDateOf(noticeGivenAt, timeZone), p.sipCallOutDays);
  const dueDate = calendar.isWorkingDay(periodEnd) ? periodEnd : nextWorkingDay(periodEnd, calendar);
  const due =
    p.lateSendCutoff === null
      ? new Date(instantAt(addDays(dueDate, 1), 0, timeZone).getTime() - 1)
      : instantAt(dueDate, cutoffTimeOfDay(p.lateSendCutoff), timeZone);
  const inTime = (at: Date) => effectiveSendDate(at, timeZone, p.lateSendCutoff, calendar).localDate <= dueDate;
  return deadline(due, dueDate, calledOutAt, now, inTime);
}

export interface LiabilityInput {
  dischargeReadyAt: Date; // when the patient became discharge-ready (the notice's occurredAt, an event time)
  noticesReceivedAt: Date | null; // when the municipality had BOTH the admission notice and the discharge-ready notice (the later recording time of the two); null = not yet → no liability
  endedAt: Date | null; // when the patient left or stopped being ready (occurredAt), or the cancellation was recorded; null = still open (use now)
  now: Date;
}

export interface Liability {
  liableFromDate: string | null;
  days: number;
  /** null when the region has no agreed daily amount. */
  amount: number | null;
}

/**
 * The municipality's payment liability for one discharge-ready period, in local dates.
 *
 * Day 0 is the later of the discharge-ready date and the date the municipality had both notices;
 * it never counts. From the day after, N days must pass: N calendar days (CALENDAR) or N working
 * days (WORKING). The municipality is liable from the calendar day after the N-th, and for every
 * calendar day from then up to and including the end date (the day of discharge, cancellation or
 * interruption, or today while open): the patient occupies the bed on weekends too.
 * amount = days × dailyAmount (null without an agreed amount). `liableFromDate` is set as soon as
 * both notices are received, also when the period ends before it and days is 0; it is null only
 * while they are not.
 *
 * Worked example, N = 3: discharge-ready Monday 2026-03-02 10:00, both notices that day.
 * CALENDAR: Tue 03-03, Wed 03-04, Thu 03-05 pass, liable from Friday 2026-03-06; discharged Monday
 * 2026-03-09 → Fri, Sat, Sun, Mon = 4 days, 4 × 12 000 = 48 000 SEK; discharged Thursday → 0.
 * WORKING, discharge-ready Wednesday 2026-03-04: Thu, Fri, Mon pass, liable from Tuesday
 * 2026-03-10 (CALENDAR: from Sunday 2026-03-08).
 */
export function paymentLiability(input: LiabilityInput, timeZone: string, p: DischargeParameters, calendar: WorkingCalendar): Liability {
  if (input.noticesReceivedAt === null) return { liableFromDate: null, days: 0, amount: p.dailyAmount === null ? null : 0 };
  const readyDate = localDateOf(input.dischargeReadyAt, timeZone);
  const receivedDate = localDateOf(input.noticesReceivedAt, timeZone);
  const dayZero = readyDate > receivedDate ? readyDate : receivedDate;
  const counts = p.liabilityDayKind === 'CALENDAR' ? () => true : (date: string) => calendar.isWorkingDay(date);
  const liableFromDate = addDays(nthCountedDayAfter(dayZero, p.liabilityAfterDays, counts), 1);
  const endDate = localDateOf(input.endedAt ?? input.now, timeZone);
  const days = Math.max(0, daysBetween(liableFromDate, endDate) + 1);
  return { liableFromDate, days, amount: p.dailyAmount === null ? null : days * p.dailyAmount };
}
