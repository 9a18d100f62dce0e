import { Role } from '../../domain/enums';
import { codes, startTestApp, TestApp } from '../support/test-app';

/**
 * Who reads the planners' reports (issue 16: the dashboard is for a region's PLANNER and TENANT_ADMIN):
 * both get the same aggregates of their own region; a role for patient work does not, and neither role
 * gets another region's.
 */
const PERIOD = { from: '2026-01-01', to: '2026-06-30' };
const REPORTS = {
  handoffDeadlineReport: `query($r: String!, $p: PeriodInput!) { handoffDeadlineReport(regionCode: $r, period: $p) { smallCellThreshold region { discharges { total { display } } } } }`,
  sipStatistics: `query($r: String!, $p: PeriodInput!) { sipStatistics(regionCode: $r, period: $p) { smallCellThreshold region { started { total { display } } } } }`,
  rehabPlanStatistics: `query($r: String!, $p: PeriodInput!) { rehabPlanStatistics(regionCode: $r, period: $p) { smallCellThreshold region { commitments { total { display } } } } }`,
  coordinationStatistics: `query($r: String!, $p: PeriodInput!) { coordinationStatistics(regionCode: $r, period: $p) { smallCellThreshold region { opened { total { display } } } } }`,
} as const;

describe("the planners' reports by role", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.stop());

  it.each(Object.keys(REPORTS) as (keyof typeof REPORTS)[])('%s: a TENANT_ADMIN of the region gets what its PLANNER gets; CARE_STAFF and another region do not', async (name) => {
    const query = REPORTS[name];
    const planner = await app.gql(query, { r: '20', p: PERIOD }, await app.token('20', Role.PLANNER));
    const admin = await app.gql(query, { r: '20', p: PERIOD }, await app.token('20', Role.TENANT_ADMIN));
    expect(planner.errors).toBeUndefined();
    expect(admin.errors).toBeUndefined();
    expect(admin.data).toEqual(planner.data);
    expect(codes(await app.gql(query, { r: '20', p: PERIOD }, await app.token('2062', Role.CARE_STAFF)))).toEqual(['FORBIDDEN']);
    expect(codes(await app.gql(query, { r: '20', p: PERIOD }, await app.token('19', Role.TENANT_ADMIN)))).toEqual(['FORBIDDEN']);
  });

  it('keeps the funding programme report for PLANNER', async () => {
    const query = `query { programmeReport(regionCode: "20", programme: "REHABILITERINGSGARANTIN", quarter: "2015-Q2") { smallCellThreshold } }`;
    expect(codes(await app.gql(query, {}, await app.token('20', Role.TENANT_ADMIN)))).toEqual(['FORBIDDEN']);
  });
});
