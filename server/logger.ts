import pino from 'pino';

/**
 * Application log (JSON lines on stdout). It carries ids, never personnummer, names or tokens:
 * the redaction list is a second line of defence, not permission to log such values.
 */
export function createLogger(level: string) {
  return pino({
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
  });
}

export type Logger = ReturnType<typeof createLogger>;

/**
 * What of an error may be logged: name, message, code and stack. Driver errors carry bind
 * parameters and row details (which may be personal data), so they are never logged whole.
 */
export function safeError(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { message: String(err) };
  const code = (err as { code?: unknown }).code;
  return { name: err.name, message: err.message, ...(typeof code === 'string' ? { code } : {}), stack: err.stack };
}
