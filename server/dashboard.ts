import fs from 'node:fs';
import path from 'node:path';
import express, { type Express, type Request, type Response } from 'express';
import { OrganisationKind, Role } from '../domain/enums';
import { referenceRows } from '../entities/seed/seed';
import { signDevToken } from './auth/dev-keys';
import type { Config } from './config';

/**
 * The issuer's origin when the page signs in by OpenID Connect (its discovery and token requests go
 * there), else null; only an http(s) issuer is a place the page may connect to.
 */
function issuerOrigin(config: Config): string | null {
  if (dashboardConfig(config).mode !== 'oidc') return null;
  try {
    const issuer = new URL(config.auth.issuer);
    return /^https?:$/.test(issuer.protocol) ? issuer.origin : null;
  } catch {
    return null;
  }
}

/**
 * The page's rules: everything from this server (and requests to the OIDC issuer, when that is how it
 * signs in), no inline script or style, no eval. ECharts draws on canvas and sets styles through the
 * CSSOM (element.style), which style-src does not govern.
 */
export function dashboardCsp(config: Config): string {
  const issuer = issuerOrigin(config);
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    `connect-src 'self'${issuer ? ` ${issuer}` : ''}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The roles the development sign-in offers: the dashboard's users. */
const DEV_ROLES = [Role.PLANNER, Role.TENANT_ADMIN] as const;

/**
 * The built page (npm run build:dashboard writes dist/dashboard): next to dist/server when running
 * the build, under dist/ when running from source (ts-jest, after `npm run build`).
 */
function builtFiles(): string | null {
  for (const dir of [path.join(__dirname, '..', 'dashboard'), path.join(__dirname, '..', 'dist', 'dashboard')]) {
    if (fs.existsSync(path.join(dir, 'app.js'))) return dir;
  }
  return null;
}

/** What the page needs to choose its sign-in: development tokens, or OpenID Connect against the configured issuer. */
export function dashboardConfig(config: Config) {
  return config.auth.jwksUrl === null
    ? { mode: 'development' as const }
    : { mode: 'oidc' as const, issuer: config.auth.issuer, clientId: config.dashboardClientId };
}

/** The regions' principals and municipalities of the reference data, by region, for the development picker. */
function devOrganisations() {
  const { regions, organisations } = referenceRows();
  return regions.map((r) => ({
    region: { code: r.code, country: r.country, name: r.name },
    organisations: organisations
      .filter((o) => o.regionId === r.id && (o.kind === OrganisationKind.REGION || o.kind === OrganisationKind.MUNICIPALITY))
      .map((o) => ({ id: o.id, name: o.name, kind: o.kind, municipalityCode: o.municipalityCode })),
  }));
}

/**
 * The development sign-in: the picker's organisations and a token for one of them with a
 * dashboard role, signed with the development key (as `npm run token`). Only when development
 * tokens are accepted: never with config.production, which requires a JWKS URL.
 */
function mountDevSignIn(app: Express, config: Config) {
  const known = new Set(devOrganisations().flatMap((r) => r.organisations.map((o) => o.id)));
  app.get('/dashboard/dev/organisations', (_req, res) => {
    res.json({ roles: DEV_ROLES, regions: devOrganisations() });
  });
  app.post('/dashboard/dev/token', express.json({ limit: '1kb' }), async (req: Request, res: Response) => {
    const { organisationId, role } = (req.body ?? {}) as { organisationId?: unknown; role?: unknown };
    if (typeof organisationId !== 'string' || !known.has(organisationId)) {
      res.status(400).json({ errors: [{ message: 'organisationId: not a region or municipality of the reference data', extensions: { code: 'BAD_USER_INPUT', field: 'organisationId' } }] });
      return;
    }
    if (typeof role !== 'string' || !(DEV_ROLES as readonly string[]).includes(role)) {
      res.status(400).json({ errors: [{ message: `role: one of ${DEV_ROLES.join(', ')}`, extensions: { code: 'BAD_USER_INPUT', field: 'role' } }] });
      return;
    }
    res.setHeader('Cache-Control', 'no-store');
    res.json({ token: await signDevToken(config.dataDir, { userId: 'dashboard-dev', organisationId, roles: [role], expiresIn: '8h' }) });
  });
}

const HOME = `<!DOCTYPE html>
<html lang="sv">
<head><meta charset="utf-8"><title>samrehab</title></head>
<body>
<h1>samrehab</h1>
<ul>
<li><a href="/dashboard/">Planerarnas översikt (dashboard)</a></li>
</ul>
</body>
</html>
`;

/**
 * The planners' dashboard at /dashboard (the page built from dashboard/, under a strict CSP), its
 * /dashboard/config.json, the development sign-in (never in production), and `/` linking to it.
 */
export function mountDashboard(app: Express, config: Config): void {
  const files = builtFiles();
  const csp = dashboardCsp(config);
  const strict = (_req: Request, res: Response, next: () => void) => {
    res.setHeader('Content-Security-Policy', csp);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    next();
  };
  app.get('/', strict, (_req, res) => {
    res.type('html').send(HOME);
  });
  app.get('/dashboard/config.json', (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json(dashboardConfig(config));
  });
  if (dashboardConfig(config).mode === 'development' && !config.production) mountDevSignIn(app, config);
  app.use('/dashboard', strict);
  if (files === null) {
    app.get('/dashboard/', (_req, res) => {
      res.status(503).type('text/plain').send('The dashboard is not built: npm run build (or npm run build:dashboard).\n');
    });
    return;
  }
  // serve-static sends /dashboard on to /dashboard/, where the page's relative URLs resolve.
  app.use('/dashboard', express.static(files, { index: 'index.html', maxAge: 0, fallthrough: true }));
  // The issuer's redirect back after sign-in (OpenID Connect): the same page, which takes the code.
  app.get('/dashboard/callback', (_req, res) => res.sendFile(path.join(files, 'index.html')));
}
