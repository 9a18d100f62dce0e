import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { Client } from 'pg';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { signDevToken } from '../../server/auth/dev-keys';
import { seededOrganisationId } from '../../entities/seed/seed';
import { documentIdOf } from '../../client-sdk/src/persisted-documents';

const ROOT = path.join(__dirname, '..', '..');
/** Debian's chromium (apt-get install chromium); CHROMIUM overrides. */
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/** The page's token in sessionStorage (dashboard/src/auth/session-token.ts). */
const TOKEN_KEY = 'samrehab.dashboard.token';

/** The URL parameters of a view (months 'YYYY-MM', a municipality code, 'en'). */
export interface ViewParams {
  from?: string;
  to?: string;
  municipality?: string;
  lang?: 'sv' | 'en';
}

/** A view opened in the browser: the page, its load time and what it refused under the CSP. */
export interface OpenedView {
  page: Page;
  /** From the navigation's start to the view's `samrehab:view-ready` mark (ms); null when it showed an error instead. */
  loadMs: number | null;
  /** The page's error messages (the message area's text), empty when none. */
  messages: string[];
  /** Content-Security-Policy violations the page reported (each blocked URI and directive). */
  cspViolations: string[];
}

export interface Dashboard {
  /** e.g. http://127.0.0.1:41234 */
  base: string;
  /** 'pglite' or 'postgresql'. */
  backend: string;
  /** A development token of a seeded organisation ('20', '2080', …) with one role; `ttl` a jose time span ('-1h': expired). */
  token(org: string, role: string, ttl?: string): Promise<string>;
  /** Runs one of the SDK's documents against the API (by documentId), as the page does. */
  api<R, V>(document: TypedDocumentNode<R, V>, variables: V, token: string): Promise<R>;
  /** What the server has logged so far (LOG_LEVEL=info: a line per request, and warnings). */
  serverLog(): string;
  /** Opens a view in a fresh browser context signed in with `token` (or not signed in: null). */
  open(token: string | null, view: string | null, params?: ViewParams): Promise<OpenedView>;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** A scratch database on SAMREHAB_BROWSER_PG's server (dropped by stop()), or null for the embedded PGlite. */
async function scratchDatabase(): Promise<{ url: string; drop(): Promise<void> } | null> {
  const serverUrl = process.env.SAMREHAB_BROWSER_PG;
  if (!serverUrl) return null;
  const name = `samrehab_browser_${process.pid}_${Date.now()}`;
  const admin = async (sql: string) => {
    const client = new Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

async function waitForReady(base: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited (${server.exitCode}) before it was ready`);
    try {
      if ((await fetch(`${base}/readyz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('the server was not ready within 180 s');
}

/**
 * Starts the built server (dist/server/main.js) on demo data (DEMO_DATA=true: Region Dalarna's last
 * 24 months) on PGlite, or on a scratch PostgreSQL database when SAMREHAB_BROWSER_PG names a server,
 * and Debian's chromium.
 */
export async function startDashboard(options: { env?: Record<string, string> } = {}): Promise<Dashboard> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samrehab-browser-'));
  const database = await scratchDatabase();
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, [path.join(ROOT, 'dist', 'server', 'main.js')], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      PORT: String(port),
      DATA_DIR: dataDir,
      DEMO_DATA: 'true',
      LOG_LEVEL: 'info',
      ...(database ? { DATABASE_URL: database.url } : {}),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Kept for the tests to read (nothing personal may be logged); warnings and errors also shown.
  const log: string[] = [];
  for (const stream of [server.stdout!, server.stderr!]) {
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      log.push(chunk);
      if (/"level":(40|50|60)|Error/.test(chunk)) process.stderr.write(chunk);
    });
  }
  let browser: Browser | null = null;
  const stop = async () => {
    await browser?.close();
    if (server.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    await database?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForReady(base, server);
    // launch() gives chromium a fresh profile (user data dir) of its own, removed on close.
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  } catch (e) {
    await stop();
    throw e;
  }
  return {
    base,
    backend: database ? 'postgresql' : 'pglite',
    serverLog: () => log.join(''),
    token: (org, role, ttl = '1h') => signDevToken(dataDir, { userId: 'browser-test', organisationId: seededOrganisationId(org) ?? org, roles: [role], expiresIn: ttl }),
    async api(document, variables, token) {
      const res = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ documentId: await documentIdOf(document), variables }),
      });
      const answer = (await res.json()) as { data?: unknown; errors?: unknown[] };
      if (answer.errors) throw new Error(`the API answered errors: ${JSON.stringify(answer.errors)}`);
      return answer.data as never;
    },
    async open(token, view, params = {}) {
      const context = await browser!.newContext({ viewport: { width: 1400, height: 1000 } });
      await context.addInitScript(
        ([key, value]) => {
          // Once per tab: a reload after "sign in again" must not bring the token back.
          if (value !== null && sessionStorage.getItem('harness.signedIn') === null) {
            sessionStorage.setItem(key, value);
            sessionStorage.setItem('harness.signedIn', 'yes');
          }
          const seen: string[] = [];
          (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
          document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
        },
        [TOKEN_KEY, token] as const,
      );
      const page = await context.newPage();
      const query = new URLSearchParams(Object.entries({ view: view ?? '', ...params }).filter(([, v]) => v) as [string, string][]);
      await page.goto(`${base}/dashboard/?${query}`);
      return settle(page);
    },
    stop,
  };
}

/** Waits until the view has drawn or the page shows a message; reads its load time, messages and CSP violations. */
export async function settle(page: Page): Promise<OpenedView> {
  await page.waitForFunction(
    () => performance.getEntriesByName('samrehab:view-ready').length > 0 || document.querySelector('#messages .message, form.signin') !== null,
  );
  // Charts draw after the tables (a microtask later), and a late CSP report arrives as an event.
  await page.waitForTimeout(200);
  return page.evaluate(() => ({
    loadMs: performance.getEntriesByName('samrehab:view-ready')[0]?.startTime ?? null,
    messages: [...document.querySelectorAll('#messages .message')].map((m) => (m as HTMLElement).innerText.trim()),
    cspViolations: (window as unknown as { __cspViolations: string[] }).__cspViolations,
  })).then((read) => ({ page, ...read }));
}

/** A table of the page as text: its caption, header cells of the last header row, and each body row (row header first). */
export async function readTable(page: Page, selector: string): Promise<{ caption: string; columns: string[]; rows: string[][] }> {
  return page.$eval(selector, (table) => ({
    caption: table.querySelector('caption')?.textContent ?? '',
    columns: [...table.querySelectorAll('thead tr:last-child th')].map((th) => th.textContent ?? ''),
    rows: [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent ?? '')),
  }));
}

/**
 * What Tab reaches, in order, from the top of the page until focus comes round again: each as its
 * id, or tag and text. `controls` lists every focusable control of `within` for comparison.
 */
export async function tabStops(page: Page, within = 'body'): Promise<{ reached: string[]; controls: string[] }> {
  const describe = () => {
    const e = document.activeElement as HTMLElement | null;
    if (!e || e === document.body) return '';
    return e.id ? `#${e.id}` : `${e.tagName.toLowerCase()}:${(e.textContent ?? '').trim().slice(0, 60)}`;
  };
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const reached: string[] = [];
  for (let i = 0; i < 400; i += 1) {
    await page.keyboard.press('Tab');
    const now = await page.evaluate(describe);
    // A month input takes a Tab per part (month, year): the same control again is not a new stop.
    if (now === reached[reached.length - 1]) continue;
    if (now === '' || reached.includes(now)) break;
    reached.push(now);
  }
  const controls = await page.$$eval(`${within} a[href], ${within} button, ${within} input:not([type=hidden]), ${within} select, ${within} [tabindex="0"]`, (nodes) =>
    nodes.map((n) => {
      const e = n as HTMLElement;
      return e.id ? `#${e.id}` : `${e.tagName.toLowerCase()}:${(e.textContent ?? '').trim().slice(0, 60)}`;
    }),
  );
  return { reached, controls };
}

/**
 * Text whose contrast against its background is under `minimum` (WCAG 2.1 AA: 4.5:1 for normal text):
 * every element with text of its own, its colour against the first opaque background up its ancestors.
 * Each as "text (ratio)". Text drawn on canvas (charts) is not in the DOM: the tables carry it.
 */
export async function contrastProblems(page: Page, minimum = 4.5): Promise<string[]> {
  return page.evaluate((min) => {
    const rgba = (css: string) => (css.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r, g, b]: number[]) => {
      const channel = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    };
    const background = (e: Element | null): number[] => {
      for (; e; e = e.parentElement) {
        const c = rgba(getComputedStyle(e).backgroundColor);
        if (c.length === 3 || (c.length === 4 && c[3] > 0)) return c;
      }
      return [255, 255, 255];
    };
    const problems: string[] = [];
    for (const e of document.querySelectorAll('body *')) {
      const own = [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '');
      const box = (e as HTMLElement).getBoundingClientRect();
      if (!own || box.width === 0 || box.height === 0) continue;
      const [l1, l2] = [luminance(rgba(getComputedStyle(e).color)), luminance(background(e))].sort((a, b) => b - a);
      const ratio = (l1 + 0.05) / (l2 + 0.05);
      if (ratio < min) problems.push(`${(e.textContent ?? '').trim().slice(0, 40)} (${ratio.toFixed(2)})`);
    }
    return problems;
  }, minimum);
}

/** Saves a full-page screenshot as docs/screenshots/<name>.png (the README shows one). */
export async function screenshot(page: Page, name: string): Promise<string> {
  const file = path.join(ROOT, 'docs', 'screenshots', `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Closes a view's browser context (each open() has its own). */
export const close = (opened: OpenedView): Promise<void> => (opened.page.context() as BrowserContext).close();
