import type { NextFunction, Request, Response } from 'express';
import { ErrorCode } from '../schema/common/errors';
import { safeError } from './logger';

/** An error answer in the GraphQL response shape, so a client reads every failure the same way. */
function sendError(res: Response, status: number, code: string, message: string) {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

/**
 * JSON bodies are read as UTF-8 only (RFC 8259 §8.1; GraphQL over HTTP). The body parser would
 * decode a declared utf-16 body into nonsense and answer 400; a clear 415 tells the client why.
 */
export function requireUtf8(req: Request, res: Response, next: NextFunction) {
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(req.headers['content-type'] ?? '')?.[1];
  if (charset && charset.toLowerCase() !== 'utf-8' && charset.toLowerCase() !== 'utf8') {
    sendError(res, 415, ErrorCode.UNSUPPORTED_MEDIA_TYPE, 'The request body must be JSON in UTF-8 (charset=utf-8)');
    return;
  }
  next();
}

/** The body parser's failures (see body-parser's `type` values), as the client should see them. */
const BODY_ERRORS: Record<string, [number, ErrorCode, string]> = {
  'entity.parse.failed': [400, ErrorCode.BAD_REQUEST, 'The request body is not a JSON object (or array of operations)'],
  'entity.too.large': [413, ErrorCode.PAYLOAD_TOO_LARGE, 'The request body is larger than 1 MB'],
  'entity.verify.failed': [400, ErrorCode.BAD_REQUEST, 'The request body could not be read'],
  'request.aborted': [400, ErrorCode.BAD_REQUEST, 'The request body ended early'],
  'request.size.invalid': [400, ErrorCode.BAD_REQUEST, 'The request body does not match its Content-Length'],
  'charset.unsupported': [415, ErrorCode.UNSUPPORTED_MEDIA_TYPE, 'The request body must be JSON in UTF-8 (charset=utf-8)'],
  'encoding.unsupported': [415, ErrorCode.UNSUPPORTED_MEDIA_TYPE, 'The request body may be sent as identity, gzip, deflate or br only'],
};

/**
 * Last in the chain: turns any error that reached express (a body that does not parse, is too
 * large or in another charset) into a coded JSON answer. Express's own handler would answer HTML
 * with a stack and absolute paths and print the raw body (personal data) to stderr.
 */
export function jsonErrorHandler(err: unknown, _req: Request, res: Response, next: NextFunction) {
  if (res.headersSent) {
    next(err);
    return;
  }
  const rawType = (err as { type?: unknown }).type;
  // body-parser's codes look like 'entity.too.large'; anything else is logged as a placeholder, never as it is.
  const type = typeof rawType === 'string' && /^[a-z]+(\.[a-z]+)*$/.test(rawType) ? rawType : 'unknown';
  const known = Object.hasOwn(BODY_ERRORS, type) ? BODY_ERRORS[type] : undefined;
  if (known) {
    res.locals.log.debug({ type, status: known[0] }, 'request body refused');
    sendError(res, ...known);
    return;
  }
  // Other client faults the body parser finds (a body that does not inflate, say) carry a 4xx.
  const status = (err as { status?: unknown }).status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    res.locals.log.debug({ type, status }, 'request body refused');
    sendError(res, status === 413 ? 413 : 400, status === 413 ? ErrorCode.PAYLOAD_TOO_LARGE : ErrorCode.BAD_REQUEST, 'The request body could not be read');
    return;
  }
  res.locals.log.error({ error: safeError(err) }, 'unexpected error outside GraphQL');
  sendError(res, 500, ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error');
}

/** Any route the server does not serve. */
export function notFound(_req: Request, res: Response) {
  sendError(res, 404, ErrorCode.NOT_FOUND, 'There is nothing here: the API is at /graphql');
}
