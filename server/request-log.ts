import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { trace } from '@opentelemetry/api';
import { Logger } from './logger';
import { tracingEnabled } from './tracing/tracer';

/** The routes the server answers; any other path is logged as "*" (a path may carry anything). */
const ROUTES = new Set(['/graphql', '/healthz', '/readyz', '/metrics']);

declare global {
  namespace Express {
    interface Locals {
      /** The request's id: the x-request-id header and the key of its access-log rows. */
      requestId: string;
      /** The application log bound to this request: every line carries its request id. */
      log: Logger;
    }
  }
}

/**
 * First in the chain: gives the request an id, names it in `x-request-id` on whatever answers
 * (health routes, 4xx from the body parser and the router included), binds a child logger to it
 * (and to the trace, when tracing is on) and writes one line when the response is done: id, method, route, status and duration. Never
 * headers, bodies, query strings or variables: they carry tokens and personal data.
 */
export function requestLog(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    const requestId = randomUUID();
    res.locals.requestId = requestId;
    // With tracing on, the request's root span (HTTP) carries its id, and its log lines the trace's.
    const span = tracingEnabled() ? trace.getActiveSpan() : undefined;
    span?.setAttribute('samrehab.request_id', requestId);
    res.locals.log = logger.child(span ? { requestId, traceId: span.spanContext().traceId } : { requestId });
    res.setHeader('x-request-id', requestId);
    const path = req.path;
    let written = false;
    const done = () => {
      if (written) return;
      written = true;
      res.locals.log.info(
        {
          method: req.method,
          path: ROUTES.has(path) ? path : '*',
          status: res.statusCode,
          // A client that hangs up before the answer is sent is not a status the server chose.
          ...(res.writableFinished ? {} : { aborted: true }),
          durationMs: Number(process.hrtime.bigint() - started) / 1e6,
        },
        'request',
      );
    };
    res.on('finish', done);
    res.on('close', done);
    next();
  };
}
