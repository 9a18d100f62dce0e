import path from 'node:path';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';

/** Where the explorer's files are served from: ruru's bundle (GraphiQL with its plugins) and the page's bootstrap. */
const ASSETS = '/graphiql';

/**
 * The page's rules: scripts only from this server (no inline script, no eval), the editor's
 * workers likewise, requests only to this server. Styles allow inline: the editor (Monaco) writes
 * <style> elements as it runs.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const PAGE = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>samrehab GraphQL explorer</title>
<link rel="stylesheet" href="${ASSETS}/ruru.css">
<link rel="stylesheet" href="${ASSETS}/explorer.css">
</head>
<body>
<div id="explorer"><p>Loading the explorer… It needs JavaScript. Paste a token from <code>npm run token</code> into the Headers tab.</p></div>
<script type="module" src="${ASSETS}/bootstrap.js"></script>
</body>
</html>
`;

const STYLE = `body { margin: 0; } #explorer { height: 100vh; }\n`;

/**
 * Starts the explorer: the editor's workers from this server, then GraphiQL against /graphql with
 * an Authorization header to fill in the Headers tab (a development token: `npm run token`).
 */
const BOOTSTRAP = `import { React, createRoot, Ruru } from './ruru.js';

const example = [
  '# A planner report by month (a PLANNER token of region 20 in the Headers tab below).',
  'query {',
  '  sipStatistics(regionCode: "20", period: { from: "2026-01-01", to: "2026-03-31" }) {',
  '    region { started { total { display } female { display } male { display } } }',
  '    byMonth { month byMunicipality { municipality { name } figures { started { total { display } } } } }',
  '  }',
  '}',
  '',
].join('\\n');

const workers = { json: 'jsonWorker.js', graphql: 'graphqlWorker.js' };
globalThis.MonacoEnvironment = {
  getWorker: (_id, label) => new Worker(new URL(workers[label] ?? 'editorWorker.js', import.meta.url), { type: 'module' }),
};
const root = document.getElementById('explorer');
root.textContent = '';
createRoot(root).render(
  React.createElement(Ruru, {
    endpoint: new URL('/graphql', window.location.href).href,
    defaultHeaders: JSON.stringify({ Authorization: 'Bearer <token: npm run token -- --org 20 --role PLANNER>' }, null, 2),
    defaultQuery: example,
    debugTools: [],
  }),
);
`;

/** ruru's static bundle, or null when ruru (a development dependency) is not installed. */
function ruruStatic(): string | null {
  try {
    return path.join(path.dirname(require.resolve('ruru')), '..', 'static');
  } catch {
    return null;
  }
}

/**
 * The offline GraphQL explorer of development (GraphiQL, as ruru's bundle, served from
 * node_modules by the app: no CDN): GET /graphql from a browser (Accept preferring text/html, no
 * query) gets the page, under a strict Content-Security-Policy; its files are under /graphiql.
 * Mounted before /graphql's own middleware. Never in production (config.production), where GET
 * /graphql from a browser gets Apollo's JSON answer and /graphiql nothing. Returns whether it is on.
 */
export function mountExplorer(app: Express): boolean {
  const files = ruruStatic();
  if (files === null) return false;
  app.get('/graphql', (req: Request, res: Response, next: NextFunction) => {
    if (req.query.query !== undefined || req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) !== 'text/html') {
      next();
      return;
    }
    res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    res.setHeader('Cache-Control', 'no-store');
    res.type('html').send(PAGE);
  });
  app.get(`${ASSETS}/bootstrap.js`, (_req, res) => {
    res.type('text/javascript').send(BOOTSTRAP);
  });
  app.get(`${ASSETS}/explorer.css`, (_req, res) => {
    res.type('text/css').send(STYLE);
  });
  app.use(ASSETS, express.static(files, { index: false, fallthrough: true, maxAge: '1h' }));
  return true;
}
