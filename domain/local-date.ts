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
