import fs from 'node:fs';
import { CoordinationStatisticsDocument, type CoordinationStatisticsQuery } from '../../client-sdk/src/generated';
import type { BySex, Shown } from '../../dashboard/src/components/figure';
import { COORDINATION_MEASURES } from '../../dashboard/src/views/coordination.measures';
import { close, contrastProblems, type Dashboard, readTable, screenshot, startDashboard, tabStops } from './harness';

type Figures = CoordinationStatisticsQuery['coordinationStatistics']['region'];

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
const bySex = (f: BySex) => SEXES.map((s) => f[s].display);
const isSuppressed = (display: string) => /^(<\d+|\.\.)$/.test(display);

/** A row's cells as the API displays them: every measure, then each of the region's KVÅ codes ("–" when the row lists none). */
const cells = (f: Figures, kvaCodes: string[]) => [
  ...COORDINATION_MEASURES.flatMap((m) => bySex(f[m])),
  ...kvaCodes.flatMap((code) => {
    const rate = f.kvaPer100Cases.find((k) => k.code === code);
    return rate ? bySex(rate.per100Cases) : ['–', '–', '–'];
  }),
];

describe('the rehabilitation-coordination view in a browser', () => {
  let dashboard: Dashboard;
  let planner: string;

  beforeAll(async () => {
    dashboard = await startDashboard();
    planner = await dashboard.token('20', 'PLANNER');
  });
  afterAll(() => dashboard?.stop());

  it.each([
    ['the whole region', undefined],
    ['one municipality (Falun)', '2080'],
  ])('shows the API’s figures for the same period, %s, suppressed cells as the API says, no CSP violation', async (_name, municipality) => {
    const from = monthsBack(11);
    const to = thisMonth;
    const opened = await dashboard.open(planner, 'coordination', { from, to, municipality });
    expect(opened.messages).toEqual([]);
    expect(opened.cspViolations).toEqual([]);
    expect(await opened.page.textContent('h1')).toBe('Rehabiliteringskoordinering');
    console.log(`[${dashboard.backend}] coordination (${municipality ?? 'region 20'}, ${from}–${to}): view ready ${opened.loadMs?.toFixed(0)} ms after navigation start`);
    const { coordinationStatistics: report } = await dashboard.api(CoordinationStatisticsDocument, { regionCode: '20', period: { from: `${from}-01`, to: lastDay(to) } }, planner);
    const codes = report.region.kvaPer100Cases.map((k) => k.code);
    const municipalities = report.byMunicipality.filter((r) => !municipality || r.municipality?.municipalityCode === municipality);
    if (municipality) expect(municipalities.map((r) => r.municipality?.municipalityCode)).toEqual([municipality]);
    const expected: Record<string, { headers?: string[]; rows: string[][] }> = {
      'care-unit': { headers: report.byCareUnit.map((r) => r.careUnit?.name ?? 'Ingen vårdenhet angiven'), rows: report.byCareUnit.map((r) => cells(r.figures, codes)) },
      municipality: { headers: municipalities.map((r) => r.municipality?.name ?? 'Okänd hemkommun'), rows: municipalities.map((r) => cells(r.figures, codes)) },
      'age-band': { rows: report.byAgeBand.map((r) => cells(r.figures, codes)) },
      gap: {
        rows: report.employerContactGap.map((g) => [
          ...bySex(g.opened),
          ...bySex(g.withEmployerContact),
          ...bySex(g.employerContactShare),
          (g.gapPercentagePoints as Shown).display,
        ]),
      },
    };
    const apiSuppressed = Object.values(expected).flatMap((e) => e.rows.flat()).filter(isSuppressed);
    let suppressedShown = 0;
    for (const [breakdown, { headers, rows }] of Object.entries(expected)) {
      const table = await readTable(opened.page, `[data-breakdown=${breakdown}] table`);
      expect(table.rows.map((r) => r.slice(1))).toEqual(rows);
      if (headers) expect(table.rows.map((r) => r[0])).toEqual(headers);
      const suppressed = await opened.page.$$eval(`[data-breakdown=${breakdown}] td.suppressed`, (tds) => tds.map((td) => td.textContent ?? ''));
      for (const text of suppressed) expect(text).toMatch(/^(<\d+|\.\.)$/);
      suppressedShown += suppressed.length;
    }
    expect(suppressedShown).toBe(apiSuppressed.length);
    // A chart beside every table, but the care units' when the period has no case (the API then lists none).
    expect(await opened.page.$$('[data-breakdown] .chart')).toHaveLength(report.byCareUnit.length > 0 ? 4 : 3);
    expect(await opened.page.$$('[data-breakdown=care-unit] .no-rows')).toHaveLength(report.byCareUnit.length > 0 ? 0 : 1);
    expect(await contrastProblems(opened.page)).toEqual([]);
    if (!municipality) await screenshot(opened.page, 'coordination');
    await close(opened);
  });

  it('reaches every control of the page with Tab, the measure picker and each CSV export included', async () => {
    const opened = await dashboard.open(planner, 'coordination', { from: monthsBack(2), to: thisMonth });
    const { reached, controls } = await tabStops(opened.page);
    expect(reached).toEqual(controls);
    expect(reached).toEqual(expect.arrayContaining(['#period-from', '#period-to', '#municipality', '#coordination-measure']));
    expect(reached.filter((r) => r.startsWith('button:Ladda ned CSV')).length).toBe(4);
    await close(opened);
  });

  it('exports the gap table as CSV with the cells shown, in English, and redraws the charts for another measure', async () => {
    const opened = await dashboard.open(planner, 'coordination', { from: monthsBack(2), to: thisMonth, lang: 'en' });
    expect(await opened.page.textContent('h1')).toBe('Rehabilitation coordination');
    const table = await readTable(opened.page, '[data-breakdown=gap] table');
    const [download] = await Promise.all([opened.page.waitForEvent('download'), opened.page.click('[data-breakdown=gap] button.csv')]);
    const csv = fs.readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
    expect(csv.trim().split('\r\n').slice(1).map((line) => line.slice(1, -1).split('","'))).toEqual(table.rows);
    const ageBands = await readTable(opened.page, '[data-breakdown=age-band] table');
    await opened.page.selectOption('#coordination-measure', 'employerContactShare');
    await opened.page.waitForSelector('[data-breakdown=gap] .chart canvas');
    expect(await readTable(opened.page, '[data-breakdown=age-band] table')).toEqual(ageBands);
    expect((await opened.page.$$('.chart')).length).toBeGreaterThanOrEqual(3);
    await close(opened);
  });

  it('shows the view to a TENANT_ADMIN of the region, and a role the statistics are not for as a message with the API’s code', async () => {
    const admin = await dashboard.open(await dashboard.token('20', 'TENANT_ADMIN'), 'coordination', { from: monthsBack(2), to: thisMonth });
    expect(admin.messages).toEqual([]);
    expect(await admin.page.$$('[data-breakdown] table')).toHaveLength(4);
    await close(admin);
    const staff = await dashboard.open(await dashboard.token('20', 'CARE_STAFF'), 'coordination', { from: monthsBack(2), to: thisMonth });
    expect(staff.messages).toEqual([expect.stringMatching(/FORBIDDEN/)]);
    expect(await staff.page.isVisible('#period-from')).toBe(true);
    expect(await staff.page.$$('table')).toEqual([]);
    await close(staff);
  });

  it('shows a period longer than reports.maxPeriodMonths as a message, with the controls still there', async () => {
    const opened = await dashboard.open(planner, 'coordination', { from: monthsBack(40), to: thisMonth });
    expect(opened.messages).toEqual([expect.stringMatching(/högst 36 månader/)]);
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
