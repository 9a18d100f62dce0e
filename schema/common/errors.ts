import { GraphQLError } from 'graphql';

/** The codes a client can rely on in `extensions.code`. */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
  /** The request itself is not a GraphQL request: a body that is not JSON, a batch, no query. */
  BAD_REQUEST = 'BAD_REQUEST',
  /** The body is larger than the server reads (1 MB). */
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  /** The body is not JSON in UTF-8. */
  UNSUPPORTED_MEDIA_TYPE = 'UNSUPPORTED_MEDIA_TYPE',
  /** The database or the identity provider cannot be reached now; the request may be retried. */
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
}

const HTTP_STATUS: Partial<Record<ErrorCode, number>> = { [ErrorCode.UNAUTHENTICATED]: 401, [ErrorCode.SERVICE_UNAVAILABLE]: 503 };

/** A coded error meant for the client. `field` names the argument or input field concerned. */
export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, field?: string, details?: Record<string, unknown>) {
    super(message, {
      extensions: { code, ...(field ? { field } : {}), ...details, ...(HTTP_STATUS[code] ? { http: { status: HTTP_STATUS[code] } } : {}) },
    });
  }
}

export class BadUserInputError extends AppError {
  constructor(message: string, field: string, details?: Record<string, unknown>) {
    super(ErrorCode.BAD_USER_INPUT, message, field, details);
  }
}
export class UnauthenticatedError extends AppError {
  constructor(message = 'Sign in: this operation needs a valid bearer token') {
    super(ErrorCode.UNAUTHENTICATED, message);
  }
}
export class ForbiddenError extends AppError {
  constructor(message: string, field?: string) {
    super(ErrorCode.FORBIDDEN, message, field);
  }
}
export class NotFoundError extends AppError {
  constructor(message: string, field?: string) {
    super(ErrorCode.NOT_FOUND, message, field);
  }
}
/** Why a CONFLICT happened, in `extensions.reason`: clients retry, re-read or give up depending on it. */
export enum ConflictReason {
  /** The record changed since the version the client read (or named an older version): read it again and retry. */
  STALE_VERSION = 'STALE_VERSION',
  /** A record that must be unique exists already: work on that one instead. */
  DUPLICATE = 'DUPLICATE',
  /** The record's state does not allow the step: retrying will not help until the state changes. */
  ILLEGAL_STATE = 'ILLEGAL_STATE',
  /** A therapy visit the payment commitment does not pay (`extensions.notPaidReason` says why): nothing was recorded. */
  NOT_PAID = 'NOT_PAID',
}

export class ConflictError extends AppError {
  constructor(reason: ConflictReason, message: string, field?: string, details?: Record<string, unknown>) {
    super(ErrorCode.CONFLICT, message, field, { ...details, reason });
  }
}

export class ServiceUnavailableError extends AppError {
  constructor(message: string) {
    super(ErrorCode.SERVICE_UNAVAILABLE, message);
  }
}
