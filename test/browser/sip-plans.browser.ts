import fs from 'node:fs';
import { RehabPlanStatisticsDocument, SipStatisticsDocument } from '../../client-sdk/src/generated';
import type { BySex } from '../../dashboard/src/components/figure';
import { REHAB_PLAN_MEASURES } from '../../dashboard/src/views/rehab-plans.measures';
import { SIP_MEASURES } from '../../dashboard/src/views/sip.measures';
import { close, type Dashboard, readTable, screenshot, startDashboard, tabStops } from './harness';

const SEXES = ['female', 'male', 'total'] as const;
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

/** The report's shape the views draw, with the figures of each measure by sex. */
interface Report {
  byMunicipality: { municipality: { name: string } | null; figures: Record<string, BySex> }[];
  byMonth: { month: string; region: Record<string, BySex>; byMunicipality: { figures: Record<string, BySex> }[] }[];
}

/** Each view, its measures in the tables' order, and the same report fetched from the API. */
const VIEWS = [
  {
    id: 'sip',
    heading: 'SIP',
    measures: SIP_MEASURES as readonly string[],
    screenshot: 'sip',
    report: async (d: Dashboard, token: string, period: { from: string; to: string }, municipalityCode: string | null) =>
      (await d.api(SipStatisticsDocument, { regionCode: '20', period, municipalityCode }, token)).sipStatistics as unknown as Report,
  },
  {
    id: 'rehab-plans',
    heading: 'Rehabiliteringsplaner',
    measures: REHAB_PLAN_MEASURES as readonly string[],
    screenshot: 'rehabilitation-plans',
    report: async (d: Dashboard, token: string, period: { from: string; to: string }, municipalityCode: string | null) =>
      (await d.api(RehabPlanStatisticsDocument, { regionCode: '20', period, municipalityCode }, token)).rehabPlanStatistics as unknown as Report,
  },
];

describe('the SIP and rehabilitation-plan views in a browser', () => {
  let dashboard: Dashboard;
  let planner: string;

  beforeAll(async () => {
    dashboard = await startDashboard();
    planner = await dashboard.token('20', 'PLANNER');
  });
  afterAll(() => dashboard?.stop());

  describe.each(VIEWS)('$id', (view) => {
    it.each([
      ['the whole region', undefined],
      ['one municipality (Falun)', '2080'],
    ])('shows the API’s figures for the same period, %s, suppressed cells as the API says, no CSP violation', async (_name, municipality) => {
      const from = monthsBack(11);
      const to = thisMonth;
      const opened = await dashboard.open(planner, view.id, { from, to, municipality });
      expect(opened.messages).toEqual([]);
      expect(opened.cspViolations).toEqual([]);
      expect(await opened.page.textContent('h1')).toBe(view.heading);
      console.log(`[${dashboard.backend}] ${view.id} (${municipality ?? 'region 20'}, ${from}–${to}): view ready ${opened.loadMs?.toFixed(0)} ms after navigation start`);
      const report = await view.report(dashboard, planner, { from: `${from}-01`, to: lastDay(to) }, municipality ?? null);
      const cells = (figures: Record<string, BySex>) => view.measures.flatMap((m) => SEXES.map((s) => figures[m][s].display));
      const expected = {
        municipality: report.byMunicipality.map((r) => cells(r.figures)),
        month: report.byMonth.map((m) => cells(municipality ? m.byMunicipality[0].figures : m.region)),
      };
      const apiSuppressed = Object.values(expected).flat(2).filter((d) => !/^-?\d+(\.\d+)?$/.test(d) && d !== '–');
      let suppressedShown = 0;
      for (const [breakdown, rows] of Object.entries(expected)) {
        const table = await readTable(opened.page, `[data-breakdown=${breakdown}] table`);
        expect(table.rows.map((r) => r.slice(1))).toEqual(rows);
        const suppressed = await opened.page.$$eval(`[data-breakdown=${breakdown}] td.suppressed`, (tds) => tds.map((td) => td.textContent ?? ''));
        for (const text of suppressed) expect(text).toMatch(/^(<\d+|\.\.)$/);
        suppressedShown += suppressed.length;
      }
      expect(suppressedShown).toBe(apiSuppressed.length);
      const months = await readTable(opened.page, '[data-breakdown=month] table');
      expect(months.rows.map((r) => r[0])).toEqual(report.byMonth.map((m) => m.month));
      if (!municipality) await screenshot(opened.page, view.screenshot);
      await close(opened);
    });

    it('reaches every control of the page with Tab, the measure picker and each CSV export included', async () => {
      const opened = await dashboard.open(planner, view.id, { from: monthsBack(2), to: thisMonth });
      const { reached, controls } = await tabStops(opened.page);
      expect(reached).toEqual(controls);
      expect(reached).toEqual(expect.arrayContaining(['#period-from', '#period-to', '#municipality', `#${view.id}-measure`]));
      expect(reached.filter((r) => r.startsWith('button:Ladda ned CSV')).length).toBe(2);
      await close(opened);
    });

    it('exports a table as CSV with the cells shown, and redraws the charts for another measure', async () => {
      const opened = await dashboard.open(planner, view.id, { from: monthsBack(2), to: thisMonth, lang: 'en' });
      expect(await opened.page.getAttribute('html', 'lang')).toBe('en');
      const table = await readTable(opened.page, '[data-breakdown=municipality] table');
      const [download] = await Promise.all([opened.page.waitForEvent('download'), opened.page.click('[data-breakdown=municipality] button.csv')]);
      const csv = fs.readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
      expect(csv.trim().split('\r\n').slice(1).map((line) => line.slice(1, -1).split('","'))).toEqual(table.rows);
      await opened.page.selectOption(`#${view.id}-measure`, view.measures[1]);
      await opened.page.waitForSelector('[data-breakdown=month] .chart canvas');
      expect(await readTable(opened.page, '[data-breakdown=municipality] table')).toEqual(table);
      expect(await opened.page.$$('.chart')).toHaveLength(2);
      await close(opened);
    });
  });

  it.each([
    ['a period that ends before it starts', { from: thisMonth, to: monthsBack(3) }, /slutar innan den börjar/],
    ['a period longer than reports.maxPeriodMonths', { from: monthsBack(40), to: thisMonth }, /högst 36 månader/],
    ['a municipality of another region', { from: monthsBack(2), to: thisMonth, municipality: '0180' }, /0180/],
  ])('shows %s in the SIP view as a message, with the controls still there', async (_name, params, message) => {
    const opened = await dashboard.open(planner, 'sip', params);
    expect(opened.messages).toEqual([expect.stringMatching(message)]);
    expect(await opened.page.isVisible('#period-from')).toBe(true);
    expect(await opened.page.$$('table')).toEqual([]);
    await close(opened);
  });

  it('logs no token and no person on the server for any of it', () => {
    const log = dashboard.serverLog();
    expect(log).toMatch(/"level":30/);
    expect(log).not.toMatch(/eyJ[\w-]+\.[\w-]+/);
    expect(log).not.toMatch(/(?<![\w-])(19|20)\d{6}-?\d{4}(?![\w-])/);
    expect(log).not.toMatch(/Demodata/);
  });
});
