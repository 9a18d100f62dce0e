/**
 * Every code the server puts in `extensions.code` (its ErrorCode enum and the request codes Apollo
 * and graphql-js produce); test/sdk/error-codes.test.ts keeps the list equal to the server's.
 */
export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'INTERNAL_SERVER_ERROR',
  'BAD_REQUEST',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'SERVICE_UNAVAILABLE',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * Why the server answered CONFLICT: `STALE_VERSION` (the record changed since the version you read:
 * read it again and retry), `DUPLICATE` (a record that must be unique exists already),
 * `ILLEGAL_STATE` (the record's state does not allow the step), `NOT_PAID` (a therapy visit its payment
 * commitment does not pay; `extensions.notPaidReason` says why).
 */
export const CONFLICT_REASONS = ['STALE_VERSION', 'DUPLICATE', 'ILLEGAL_STATE', 'NOT_PAID'] as const;

export type ConflictReason = (typeof CONFLICT_REASONS)[number];

/** One error of a GraphQL response, with the server's code and, for input errors, the field. */
export interface SamrehabGraphQLError {
  message: string;
  path?: readonly (string | number)[];
  extensions?: { code?: ErrorCode; field?: string; reason?: ConflictReason; [key: string]: unknown };
}

/**
 * The server answered with errors. `code` and `reason` are the first error's; `data` holds what the
 * server could still answer (null fields where the errors are), so a page with one refused nested
 * record is not lost.
 */
export class SamrehabError<D = unknown> extends Error {
  readonly code: ErrorCode | undefined;
  readonly reason: ConflictReason | undefined;
  constructor(
    readonly errors: readonly SamrehabGraphQLError[],
    readonly status: number,
    readonly data: D | null | undefined = undefined,
  ) {
    super(errors.map((e) => e.message).join('; '));
    this.name = 'SamrehabError';
    this.code = errors[0]?.extensions?.code;
    this.reason = errors[0]?.extensions?.reason;
  }
}

/** The answer was not a GraphQL response (a proxy's error page, a gateway timeout): no JSON to read. */
export class SamrehabHttpError extends Error {
  constructor(
    readonly status: number,
    readonly contentType: string | null,
  ) {
    super(`The server answered HTTP ${status} with ${contentType ?? 'no content type'}, not a GraphQL response`);
    this.name = 'SamrehabHttpError';
  }
}
