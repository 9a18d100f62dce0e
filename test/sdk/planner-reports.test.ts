import { createClient } from '../../client-sdk/src';
import { Role } from '../../domain/enums';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The planners' dashboard reads the three reports through the SDK's operations: at the longest
 * period (reports.maxPeriodMonths, 36) they pass the query limits and give the one shape: every
 * municipality of the region and every month of the period, zeros included.
 */
describe("the planner reports' SDK operations", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.stop());

  const period = { from: '2024-01-01', to: '2026-12-31' };

  it('read three years of hand-offs, SIPs and rehabilitation plans by month and municipality', async () => {
    const client = createClient({ url: app.url, token: await app.token('20', Role.PLANNER) });
    const [handoffs, sips, plans] = await Promise.all([
      client.HandoffDeadlineReport({ regionCode: '20', period }),
      client.SipStatistics({ regionCode: '20', period }),
      client.RehabPlanStatistics({ regionCode: '20', period }),
    ]);
    for (const report of [handoffs.handoffDeadlineReport, sips.sipStatistics, plans.rehabPlanStatistics]) {
      expect(report.byMonth.map((m) => m.month)).toHaveLength(36);
      expect(report.byMonth[0]).toMatchObject({ month: '2024-01', from: '2024-01-01', to: '2024-01-31' });
      expect(report.byMunicipality.filter((r) => r.municipality !== null)).toHaveLength(15);
      expect(report.byMonth.every((m) => m.byMunicipality.length === report.byMunicipality.length)).toBe(true);
    }
    const figures = handoffs.handoffDeadlineReport.region;
    expect(Object.keys(figures.discharges)).toEqual(expect.arrayContaining(['total', 'female', 'male']));
  });

  it('narrow to one municipality', async () => {
    const client = createClient({ url: app.url, token: await app.token('20', Role.PLANNER) });
    const { sipStatistics } = await client.SipStatistics({ regionCode: '20', period, municipalityCode: '2062' });
    expect(sipStatistics.byMunicipality.map((r) => r.municipality?.name)).toEqual(['Mora kommun']);
  });
});
