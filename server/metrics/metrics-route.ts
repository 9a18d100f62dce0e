import { createHash, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { ErrorCode } from '../../schema/common/errors';
import { safeError } from '../logger';
import { registry } from './registry';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * GET /metrics in the Prometheus text format. With METRICS_TOKEN set, only a scraper sending
 * `Authorization: Bearer <METRICS_TOKEN>` is answered (401 otherwise); without it, the route is
 * open in development and not served at all in production (404), so a deployment never exposes it
 * by accident.
 */
export function metricsRoute({ token, production }: { token: string | null; production: boolean }) {
  const expected = token === null ? null : digest(`Bearer ${token}`);
  return async (req: Request, res: Response, next: NextFunction) => {
    if (expected === null && production) return next();
    // Digests of equal length: the comparison takes as long for any wrong header.
    if (expected !== null && !timingSafeEqual(digest(req.headers.authorization ?? ''), expected)) {
      res.status(401).setHeader('www-authenticate', 'Bearer').json({ errors: [{ message: 'Metrics need the bearer token METRICS_TOKEN', extensions: { code: ErrorCode.UNAUTHENTICATED } }] });
      return;
    }
    try {
      res.setHeader('content-type', registry.contentType);
      res.send(await registry.metrics());
    } catch (e) {
      res.locals.log.error({ error: safeError(e) }, 'metrics not collected');
      res.status(500).json({ errors: [{ message: 'Metrics could not be collected', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } }] });
    }
  };
}
