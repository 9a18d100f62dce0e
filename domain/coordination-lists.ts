/**
 * The coordinator's lists (issue 18 item 4): which open cases need attention first, and who is a
 * "young adult" (seed 002: Västmanland's adult psychiatry treats them as a group of their own).
 */
/** An age band in whole years, both ends included (rule parameters coordination.youngAdultFromAge and …ToAge). */
export interface AgeBand {
  from: number;
  to: number;
}

/**
 * The birth dates of persons whose age on `onDate` lies in `band`: born after `bornAfter` and on
 * or before `bornOnOrBefore`. A person turns N on their birthday; one born on 29 February turns N
 * on 1 March in a common year (the day after 28 February), as Swedish practice counts it.
 */
export function birthDatesInBand(band: AgeBand, onDate: string): { bornAfter: string; bornOnOrBefore: string } {
  return { bornAfter: yearsBefore(onDate, band.to + 1), bornOnOrBefore: yearsBefore(onDate, band.from) };
}

/** The latest birth date of someone who is `years` old on `onDate`. */
function yearsBefore(onDate: string, years: number): string {
  const [y, m, d] = onDate.split('-').map(Number);
  const year = String(y - years).padStart(4, '0');
  // 29 February in a year that has none: someone born on 1 March is `years` old that day.
  if (m === 2 && d === 29 && !isLeapYear(y - years)) return `${year}-02-28`;
  return `${year}-${onDate.slice(5)}`;
}

const isLeapYear = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** What the attention order compares: a case's sick-leave end, its last activity and its id. */
export interface AttentionKey {
  sickLeaveTo: string;
  lastActivityAt: Date;
  id: string;
}

/**
 * The order of the coordinator's list, what needs attention first: the sick leave that ends
 * soonest (the return to work must be prepared before it ends), then the case longest without an
 * activity, then the case id so that the order is stable. The list's SQL sorts by the same columns
 * (sick_leave_to, last_activity_at, id); attentionCursor is a case's place in it.
 */
export function byAttention(a: AttentionKey, b: AttentionKey): number {
  return a.sickLeaveTo.localeCompare(b.sickLeaveTo) || a.lastActivityAt.getTime() - b.lastActivityAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The last-activity instant before which a case has gone `days` days without activity, counted from `now`. */
export function quietSince(now: Date, days: number): Date {
  return new Date(now.getTime() - days * 86_400_000);
}

/** A case's place in the attention order, as the list's cursor carries it. */
export const attentionCursor = (k: AttentionKey): string[] => [k.sickLeaveTo, k.lastActivityAt.toISOString(), k.id];
