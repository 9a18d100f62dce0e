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
 * What of an error may be logged: its name, code and stack frames, and the same of its cause.
 * Never its message: driver and graphql-js messages quote input ("invalid input syntax for type
 * uuid: …", "Variable "$i" got invalid value { givenName: … }"), and the first line of a stack
 * repeats the message, so only the "at …" lines are kept.
 */
export function safeError(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { type: typeof err };
  const code = errorCode(err);
  const frames = (err.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line)).map((line) => line.trim());
  const cause = err.cause instanceof Error ? { cause: safeError(err.cause) } : {};
  return { name: err.name, ...(code ? { code } : {}), frames, ...cause };
}
