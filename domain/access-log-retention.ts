/**
 * The access log's retention (issue 19): the log is kept in calendar months (UTC), and a month is
 * archived (exported, then taken out of the database) once it lies wholly more than the retention
 * before the current month. Months are written 'YYYY-MM'; dates 'YYYY-MM-DD'.
 */

/** The month `months` after (or, negative, before) `month`. */
export function addMonths(month: string, months: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + months;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * The months of `months` past retention on `today`: those before the current month less
 * `retentionMonths`, oldest first. Every row of such a month is older than the retention (a row
 * of the last day of the newest one is kept the retention and a day). A retention below one month
 * is refused: the current month is always being written.
 */
export function monthsPastRetention(months: readonly string[], today: string, retentionMonths: number): string[] {
  const firstKept = firstKeptMonth(today, retentionMonths);
  return months.filter((m) => m < firstKept).sort();
}

/** The oldest month the log keeps on `today`. */
export function firstKeptMonth(today: string, retentionMonths: number): string {
  if (!Number.isInteger(retentionMonths) || retentionMonths < 1) throw new RangeError(`retentionMonths must be a whole number of months, at least 1 (got ${retentionMonths})`);
  return addMonths(today.slice(0, 7), -retentionMonths);
}
