import fs from 'node:fs';
import { HandoffDeadlineReportDocument, OrganisationsDocument } from '../../client-sdk/src/generated';
import { DISCHARGE_MEASURES } from '../../dashboard/src/views/discharge.measures';
import { close, contrastProblems, type Dashboard, readTable, screenshot, settle, startDashboard, tabStops } from './harness';

const settleMessages = async (page: Parameters<typeof settle>[0]) => (await settle(page)).messages;

const SEXES = ['female', 'male', 'total'] as const;
/** Whole months of the demo data (the last 24 months up to now). */
const thisMonth = new Date().toISOString().slice(0, 7);
const monthsBack = (n: number) => {
  const d = new Date(`${thisMonth}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - n);
  return d.toISOString().slice(0, 7);
};
const lastDay = (month: string) => {
  const d = new Date(`${month}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 1);
  d.setUTCDate(0);
  return d.toISOString().slice(0, 10);
};

describe('the coordinated-discharge view in a browser', () => {
  let dashboard: Dashboard;
  let planner: string;

  beforeAll(async () => {
    dashboard = await startDashboard();
    planner = await dashboard.token('20', 'PLANNER');
  });
  afterAll(() => dashboard?.stop());

  it('signs in with the development picker as a PLANNER of Region Dalarna and shows the view', async () => {
    const opened = await dashboard.open(null, null);
    const { page } = opened;
    await page.selectOption('#signin-organisation', { label: 'Region Dalarna' });
    await page.selectOption('#signin-role', 'PLANNER');
    await page.click('form.signin button[type=submit]');
    await page.waitForFunction(() => performance.getEntriesByName('samrehab:view-ready').length > 0);
    expect(await page.textContent('h1')).toBe('Samordnad utskrivning');
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
    expect(await page.evaluate(() => sessionStorage.getItem('samrehab.dashboard.token'))).toMatch(/^ey/);
    await close(opened);
  });

  it.each([
    ['the whole region', undefined],
    ['one municipality (Mora)', '2062'],
  ])('shows the API’s figures for the same period, %s, with suppressed cells as the API says and no CSP violation', async (_name, municipality) => {
    const from = monthsBack(5);
    const to = thisMonth;
    const opened = await dashboard.open(planner, 'discharge', { from, to, municipality });
    expect(opened.messages).toEqual([]);
    expect(opened.cspViolations).toEqual([]);
    console.log(`[${dashboard.backend}] coordinated discharge (${municipality ?? 'region 20'}, ${from}–${to}): view ready ${opened.loadMs?.toFixed(0)} ms after navigation start`);
    const { handoffDeadlineReport: report } = await dashboard.api(
      HandoffDeadlineReportDocument,
      { regionCode: '20', period: { from: `${from}-01`, to: lastDay(to) }, municipalityCode: municipality ?? null },
      planner,
    );
    const cells = (figures: (typeof report)['region']) => DISCHARGE_MEASURES.flatMap((m) => SEXES.map((s) => figures[m][s].display));
    const expected = {
      municipality: report.byMunicipality.map((r) => [r.municipality?.name ?? '', ...cells(r.figures)]),
      hospital: report.byHospital.map((r) => [r.hospital?.name ?? '', ...cells(r.figures)]),
      month: report.byMonth.map((m) => [m.month, ...cells(municipality ? m.byMunicipality[0].figures : m.region)]),
    };
    for (const [breakdown, rows] of Object.entries(expected)) {
      const table = await readTable(opened.page, `[data-breakdown=${breakdown}] table`);
      // Unknown rows (a null municipality or hospital) get the page's own words; every figure is the API's display.
      expect([breakdown, table.rows.map((r) => r.slice(1))]).toEqual([breakdown, rows.map((r) => r.slice(1))]);
      expect(table.rows.map((r) => r[0])).toEqual(rows.map((r, i) => r[0] || table.rows[i][0]));
    }
    // A suppressed cell never shows a number: as many cells marked suppressed as the API hid, each "<5" or "..".
    const shown = await opened.page.$$eval('td.suppressed', (tds) => tds.map((td) => td.textContent ?? ''));
    const rowsOf = (f: (typeof report)['region']) => DISCHARGE_MEASURES.flatMap((m) => SEXES.map((s) => f[m][s]));
    const hidden = [
      ...report.byMunicipality.flatMap((r) => rowsOf(r.figures)),
      ...report.byHospital.flatMap((r) => rowsOf(r.figures)),
      ...report.byMonth.flatMap((m) => rowsOf(municipality ? m.byMunicipality[0].figures : m.region)),
    ].filter((f) => f.suppressed);
    expect(shown.length).toBe(hidden.length);
    for (const text of shown) expect(text).toMatch(/^(<\d+|\.\.)$/);
    console.log(`[${dashboard.backend}] ${shown.length} suppressed cells shown as the API says`);
    await screenshot(opened.page, municipality ? `coordinated-discharge-${municipality}` : 'coordinated-discharge');
    await close(opened);
  });

  it('has text at 4.5:1 contrast or more, and reaches every control of the page with Tab, in the order they appear', async () => {
    const opened = await dashboard.open(planner, 'discharge', { from: monthsBack(2), to: thisMonth });
    expect(await contrastProblems(opened.page)).toEqual([]);
    const { reached, controls } = await tabStops(opened.page);
    expect(reached).toEqual(controls);
    expect(reached).toEqual(expect.arrayContaining(['#period-from', '#period-to', '#municipality', '#discharge-measure']));
    await close(opened);
  });

  it('exports a table as CSV with the cells shown, and redraws the charts for another measure', async () => {
    const opened = await dashboard.open(planner, 'discharge', { from: monthsBack(2), to: thisMonth, municipality: '2062' });
    const table = await readTable(opened.page, '[data-breakdown=month] table');
    const [download] = await Promise.all([opened.page.waitForEvent('download'), opened.page.click('[data-breakdown=month] button.csv')]);
    const csv = fs.readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
    const lines = csv.trim().split('\r\n').map((line) => line.slice(1, -1).split('","'));
    expect(lines.slice(1)).toEqual(table.rows);
    expect(lines[0][1]).toBe('Utskrivningar – Kvinnor');
    await opened.page.selectOption('#discharge-measure', 'liabilityDays');
    await opened.page.waitForSelector('[data-breakdown=month] .chart canvas');
    expect(await readTable(opened.page, '[data-breakdown=month] table')).toEqual(table);
    expect(await opened.page.$$('.chart')).toHaveLength(3);
    await close(opened);
  });

  it('switches to English: the lang attribute, the navigation and the view', async () => {
    const opened = await dashboard.open(planner, 'discharge', { from: monthsBack(2), to: thisMonth, lang: 'en' });
    expect(await opened.page.getAttribute('html', 'lang')).toBe('en');
    expect(await opened.page.textContent('h1')).toBe('Coordinated discharge');
    expect(await opened.page.textContent('[data-breakdown=municipality] thead tr:last-child th:nth-child(2)')).toBe('Women');
    await close(opened);
  });

  it.each([
    ['a period that ends before it starts', { from: thisMonth, to: monthsBack(3) }, /ends before it starts|slutar innan den börjar/],
    ['a period longer than reports.maxPeriodMonths', { from: monthsBack(40), to: thisMonth }, /at most 36 months|högst 36 månader/],
    ['a municipality of another region', { from: monthsBack(2), to: thisMonth, municipality: '0180' }, /0180/],
    ['a month that is not one', { from: '2026-13', to: thisMonth }, /ÅÅÅÅ-MM|YYYY-MM/],
  ])('shows %s as a message in the page, with the controls still there', async (_name, params, message) => {
    const opened = await dashboard.open(planner, 'discharge', params);
    expect(opened.messages).toEqual([expect.stringMatching(message)]);
    expect(await opened.page.isVisible('#period-from')).toBe(true);
    expect(await opened.page.$$('table')).toEqual([]);
    await close(opened);
  });

  it('takes the period typed into the controls: a wrong one as a message, a right one as the figures, in the URL', async () => {
    const opened = await dashboard.open(planner, 'discharge', { from: monthsBack(2), to: thisMonth });
    const { page } = opened;
    await page.fill('#period-from', thisMonth);
    await page.fill('#period-to', monthsBack(1));
    await Promise.all([page.waitForURL(/from=/), page.click('form.controls button[type=submit]')]);
    expect((await settleMessages(page)).join()).toMatch(/slutar innan den börjar/);
    await page.fill('#period-from', monthsBack(3));
    await page.selectOption('#municipality', '2080');
    await Promise.all([page.waitForURL(/municipality=2080/), page.click('form.controls button[type=submit]')]);
    await page.waitForFunction(() => performance.getEntriesByName('samrehab:view-ready').length > 0);
    expect(await settleMessages(page)).toEqual([]);
    expect(new URL(page.url()).searchParams.get('from')).toBe(monthsBack(3));
    expect((await readTable(page, '[data-breakdown=municipality] table')).rows.map((r) => r[0])).toEqual(['Falu kommun']);
    await close(opened);
  });

  it('shows an expired token as "sign in again", with the code, and signs in again from there', async () => {
    const opened = await dashboard.open(await dashboard.token('20', 'PLANNER', '-1h'), 'discharge');
    expect(opened.messages).toEqual([expect.stringMatching(/logga in igen[\s\S]*UNAUTHENTICATED/i)]);
    await opened.page.click('#messages button');
    await opened.page.waitForSelector('#signin-organisation');
    await close(opened);
  });

  it('shows a role the report is not for (TENANT_ADMIN alone) as a message with the API’s code', async () => {
    const opened = await dashboard.open(await dashboard.token('20', 'TENANT_ADMIN'), 'discharge', { from: monthsBack(2), to: thisMonth });
    expect(opened.messages).toEqual([expect.stringMatching(/FORBIDDEN/)]);
    expect(await opened.page.isVisible('#period-from')).toBe(true);
    await close(opened);
  });

  it('lists the same municipalities as the API in the filter', async () => {
    const opened = await dashboard.open(planner, 'discharge', { from: monthsBack(1), to: thisMonth });
    const options = await opened.page.$$eval('#municipality option', (o) => o.map((x) => (x as HTMLOptionElement).value).filter(Boolean));
    const { organisations } = await dashboard.api(OrganisationsDocument, { filter: { regionCode: '20', kind: 'MUNICIPALITY' }, first: 100 }, planner);
    expect([...options].sort()).toEqual(organisations.edges.map((e) => e.node.municipalityCode).sort());
    await close(opened);
  });

  it('logged a line per request and nothing personal: no token, personnummer or demo patient name', () => {
    const log = dashboard.serverLog();
    expect(log).toMatch(/"path":"\/graphql"/);
    expect(log).not.toMatch(/eyJ[\w-]+\.eyJ/);
    expect(log).not.toMatch(/\b(19|20)\d{6}-?\d{4}\b/);
    expect(log).not.toMatch(/Demodata/);
  });
});
