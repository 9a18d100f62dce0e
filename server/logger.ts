import pino from 'pino';

/**
 * Application log (JSON lines on stdout, or on `destination`, which tests use to read what was
 * written). It carries ids, codes and paths, never personnummer, names, addresses, tokens or input
 * values: the redaction list is a second line of defence, not permission to log such values.
 */
export function createLogger(level: string, destination?: pino.DestinationStream) {
  const options: pino.LoggerOptions = {
    level,
    redact: {
      paths: [
        'req.headers.authorization',
        'authorization',
        'token',
        '*.token',
        'personnummer',
        '*.personnummer',
        'personalIdentityNumber',
        '*.personalIdentityNumber',
        'name',
        '*.name',
        'variables',
        '*.variables',
      ],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

export type Logger = pino.Logger;

/** The code an error carries: a PostgreSQL SQLSTATE, a Node errno code or a GraphQL extensions.code. */
export function errorCode(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const { code, extensions, driverError } = err as { code?: unknown; extensions?: { code?: unknown }; driverError?: unknown };
  if (typeof code === 'string') return code;
  if (typeof extensions?.code === 'string') return extensions.code;
  return driverError ? errorCode(driverError) : undefined;
}

/**
 * Whether a value is an Error, also one from another realm (fetch's errors inside a test VM),
 * which `instanceof Error` does not recognise.
 */
export function isError(value: unknown): value is Error {
  return value instanceof Error || (typeof value === 'object' && value !== null && typeof (value as Error).name === 'string' && typeof (value as Error).message === 'string');
}

/**
 * What of an error may be logged: its name (as `type`), code and stack frames, and the same of its cause.
 * Never its message: driver and graphql-js messages quote input ("invalid input syntax for type
 * uuid: …", "Variable "$i" got invalid value { givenName: … }"), and the first line of a stack
 * repeats the message, so only the "at …" lines are kept.
 */
export function safeError(err: unknown): Record<string, unknown> {
  if (!isError(err)) return { type: typeof err };
  const code = errorCode(err);
  const frames = (err.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line)).map((line) => line.trim());
  const cause = isError(err.cause) ? { cause: safeError(err.cause) } : {};
  // `type`, not `name`: the redaction list censors any `name` key.
  return { type: err.name, ...(code ? { code } : {}), frames, ...cause };
}

/**
 * Apollo Server's own log (plugin failures, "Unexpected error processing request: <error>") on
 * this log instead of the console. Its messages append an error's text after a colon, so only what
 * comes before the first colon is kept, and an error object is logged as safeError.
 */
export function apolloLogger(logger: Logger) {
  const entry = (level: 'debug' | 'info' | 'warn' | 'error') => (message?: unknown) => {
    if (isError(message)) logger[level]({ source: 'apollo', error: safeError(message) }, 'apollo server error');
    else logger[level]({ source: 'apollo' }, String(message).split(':')[0]);
  };
  return { debug: entry('debug'), info: entry('info'), warn: entry('warn'), error: entry('error') };
}
