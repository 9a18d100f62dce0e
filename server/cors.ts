import type { NextFunction, Request, Response } from 'express';

/** What a dashboard on another origin sends: JSON, the bearer token, Apollo's CSRF header and operation name. */
const ALLOWED_HEADERS = 'authorization, content-type, apollo-require-preflight, x-apollo-operation-name';
/** How long a browser may keep a preflight's answer, in seconds. */
const PREFLIGHT_MAX_AGE = '600';

/**
 * Cross-origin requests to /graphql from the origins named in CORS_ORIGINS (exact
 * `scheme://host[:port]`; `*` any origin, refused in production by config.ts). An allowed origin
 * gets its own origin back and a preflight is answered here (204); any other gets no CORS header, so
 * the browser refuses the answer to the page. Credentials are not allowed: tokens travel in the
 * Authorization header, never in cookies.
 */
export function cors(origins: readonly string[]) {
  const any = origins.includes('*');
  const allowed = new Set(origins);
  return (req: Request, res: Response, next: NextFunction) => {
    // Answers differ by Origin: caches must keep them apart.
    res.vary('Origin');
    const origin = req.headers.origin;
    const preflight = req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
    if (origin === undefined || !(any || allowed.has(origin))) {
      if (preflight) res.status(204).end();
      else next();
      return;
    }
    res.setHeader('Access-Control-Allow-Origin', any ? '*' : origin);
    if (!preflight) {
      next();
      return;
    }
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
    res.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS);
    res.setHeader('Access-Control-Max-Age', PREFLIGHT_MAX_AGE);
    res.status(204).end();
  };
}
