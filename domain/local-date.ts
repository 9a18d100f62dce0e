/**
 * A function from time zone to a formatter of `options`, building each formatter once for the life
 * of the process: building an Intl.DateTimeFormat costs about a millisecond, formatting with one a
 * microsecond, and only a handful of time zones exist.
 */
export function formatterPerTimeZone(locale: string, options: Intl.DateTimeFormatOptions): (timeZone: string) => Intl.DateTimeFormat {
  const formatters = new Map<string, Intl.DateTimeFormat>();
  return (timeZone) => {
    let formatter = formatters.get(timeZone);
    if (formatter === undefined) {
      formatter = new Intl.DateTimeFormat(locale, { ...options, timeZone });
      formatters.set(timeZone, formatter);
    }
    return formatter;
  };
}

// en-CA formats dates as YYYY-MM-DD.
const dateFormatter = formatterPerTimeZone('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' });

/** The local calendar date 'YYYY-MM-DD' of an instant in a time zone (Europe/Stockholm, Europe/Mariehamn). */
export function localDateOf(instant: Date, timeZone: string): string {
  return dateFormatter(timeZone).format(instant);
}

/**
 * The local date `months` calendar months after `date` (before, when negative); a day the target
 * month lacks becomes its last day (31 January + 1 month = 28 or 29 February).
 */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(targetYear, 4)}-${pad(targetMonth)}-${pad(Math.min(day, lastDay))}`;
}
