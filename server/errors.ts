import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { Logger, safeError } from './logger';

/** The codes a client can rely on in `extensions.code`. */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

const HTTP_STATUS: Partial<Record<ErrorCode, number>> = { [ErrorCode.UNAUTHENTICATED]: 401 };

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
export class ConflictError extends AppError {
  constructor(message: string, field?: string, details?: Record<string, unknown>) {
    super(ErrorCode.CONFLICT, message, field, details);
  }
}

/** Codes produced by Apollo and graphql-js for malformed requests; they are safe to show. */
const REQUEST_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);
const CLIENT_CODES = new Set<string>([...Object.values(ErrorCode), ...REQUEST_CODES]);

/**
 * The one place where errors leave the server: coded errors pass, anything else is logged in
 * full and masked, so a driver message or stack trace never reaches a client.
 */
export function createFormatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const code = formatted.extensions?.code;
    if (original instanceof GraphQLError && typeof code === 'string' && CLIENT_CODES.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
      return formatted;
    }
    logger.error({ err: safeError(original), path: formatted.path }, 'unexpected error');
    return {
      message: 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}
