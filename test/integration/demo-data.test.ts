import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { Role } from '../../domain/enums';
import { loadConfig } from '../../server/config';
import { countDemoData, DemoCounts, inOneSession, removeDemoData } from '../../server/database/demo-data';
import { startTestApp, TestApp } from '../support/test-app';

/** Small enough to be quick on PGlite, large enough for figures in every month. */
const HANDOFFS = 1500;
const DAY_MS = 86_400_000;
const CLI = path.join(__dirname, '../../dist/server/database/demo-data-cli.js');

/**
 * `npm run seed:demo` as a user runs it, on the run's database: DATABASE_URL's scratch database, or
 * the embedded one, which this run's set-up serves from its DATA_DIR (as a running server does:
 * the command comes in through its socket).
 */
function seedDemo(...args: string[]) {
  const database = process.env.SAMREHAB_TEST_BACKEND === 'postgresql' ? { DATABASE_URL: process.env.SAMREHAB_TEST_DATABASE_URL } : {};
  const env = { PATH: process.env.PATH, DATA_DIR: process.env.SAMREHAB_TEST_DATA_DIR, ...database, ...(args.includes('production') ? { NODE_ENV: 'production' } : {}) };
  return promisify(execFile)(process.execPath, [CLI, ...args.filter((a) => a !== 'production')], { env });
}

const DISCHARGES = `query($period: PeriodInput!) { handoffDeadlineReport(regionCode: "20", period: $period) {
  smallCellThreshold
  total { discharges { value suppressed } admissionNoticesDue { value } admissionNoticesOnTime { value } liabilityDays { value } }
  byMunicipality { municipality { id } cells { discharges { value suppressed } } } } }`;
const SIPS = `query($period: PeriodInput!) { sipStatistics(regionCode: "20", period: $period) {
  region { started { total { value } } followUpsDue { total { value } } followedUpOnTime { total { value } } }
  byMunicipality { municipality { id } figures { started { female { value suppressed } male { value suppressed } total { value suppressed } } } } } }`;
const PLANS = `query($period: PeriodInput!) { rehabPlanStatistics(regionCode: "20", period: $period) {
  region { longTermPlans { total { value } } shortTermPlans { total { value } } evaluations { total { value } } reportsDue { total { value } } reportsOnTime { total { value } } }
  byMunicipality { municipality { id } figures { longTermPlans { total { value suppressed } } shortTermPlans { total { value suppressed } } } } } }`;

/** Shown as a number above zero, or hidden as a small number: a cell that has people in it. */
const present = (c: { value: number | null; suppressed: boolean }) => c.suppressed || (c.value ?? 0) > 0;

/** The last twelve whole months before today's (UTC dates: the seed's 24 months cover them either way). */
function lastTwelveMonths(today = new Date()): { from: string; to: string }[] {
  return Array.from({ length: 12 }, (_, i) => {
    const first = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 12 + i, 1));
    const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 1) - DAY_MS);
    return { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
  });
}

describe('demo data (npm run seed:demo)', () => {
  let app: TestApp;
  let planner: string;
  let municipalities: number;
  let seeded: DemoCounts;
  const now = new Date();
  const months = lastTwelveMonths(now);
  const year = { from: months[0].from, to: months[11].to };
  const seed = async () => {
    const { stdout } = await seedDemo('--handoffs', String(HANDOFFS));
    expect(stdout).toContain(`${HANDOFFS} hand-offs`);
    return inOneSession(app.dataSource, (s) => countDemoData(s, 'SE', '20'));
  };

  const ask = async (query: string, period: { from: string; to: string }) => {
    const res = await app.gql(query, { period }, planner);
    expect(res.errors).toBeUndefined();
    return Object.values(res.data!)[0] as any;
  };

  beforeAll(async () => {
    app = await startTestApp();
    planner = await app.token('20', Role.PLANNER);
    [{ n: municipalities }] = await app.dataSource.query(
      `SELECT count(*)::int AS n FROM organisation o JOIN region r ON r.id = o.region_id WHERE r.code = '20' AND r.country = 'SE' AND o.kind = 'MUNICIPALITY'`,
    );
    seeded = await seed();
  }, 600_000);

  afterAll(async () => {
    // The suites share the database: the demo batch goes again.
    if (app) await inOneSession(app.dataSource, (s) => removeDemoData(s, 'SE', '20'));
    await app?.stop();
  }, 120_000);

  it('makes about 0.9 patient per hand-off, women and men alike, a SIP for some and plans for a quarter', async () => {
    expect(seeded).toEqual({ patients: Math.ceil(HANDOFFS * 0.9), handoffs: HANDOFFS, sips: expect.any(Number), rehabPlans: HANDOFFS / 4 });
    expect(seeded.sips).toBeGreaterThan(HANDOFFS * 0.2);
    expect(seeded.sips).toBeLessThan(HANDOFFS * 0.4);
    const sexes = await app.dataSource.query(`SELECT legal_sex AS sex, count(*)::int AS n FROM patient WHERE given_name = 'Demo' AND family_name LIKE 'Demodata %' GROUP BY 1 ORDER BY 1`);
    expect(sexes).toEqual([{ sex: 'FEMALE', n: seeded.patients / 2 }, { sex: 'MALE', n: seeded.patients / 2 }]);
  });

  it('shows discharges in every month of the last twelve, late notices and liability days, and hides small cells', async () => {
    const reports: any[] = [];
    for (const month of months) reports.push(await ask(DISCHARGES, month));
    for (const report of reports) {
      const total = report.total.find((c: any) => c.discharges.value !== null);
      expect(total.discharges.value).toBeGreaterThan(0);
    }
    const cells = reports.flatMap((r) => r.byMunicipality.flatMap((m: any) => m.cells.map((c: any) => c.discharges)));
    expect(reports[0].smallCellThreshold).toBeGreaterThan(1);
    expect(cells.some((c) => c.suppressed)).toBe(true);
    expect(cells.some((c) => !c.suppressed && c.value >= reports[0].smallCellThreshold)).toBe(true);

    const whole = await ask(DISCHARGES, year);
    const withDischarges = whole.byMunicipality.filter((m: any) => m.municipality && m.cells.some((c: any) => present(c.discharges)));
    expect(withDischarges.length).toBeGreaterThan(municipalities * 0.8);
    const [all] = whole.total;
    // About one admission notice in ten late; liability days for those who waited.
    expect(all.admissionNoticesOnTime.value).toBeLessThan(all.admissionNoticesDue.value * 0.97);
    expect(all.admissionNoticesOnTime.value).toBeGreaterThan(all.admissionNoticesDue.value * 0.8);
    expect(all.liabilityDays.value).toBeGreaterThan(0);
  }, 300_000);

  it('shows SIPs started in every month, follow-ups some of them missed, for most municipalities', async () => {
    for (const month of months) expect((await ask(SIPS, month)).region.started.total.value).toBeGreaterThan(0);
    const whole = await ask(SIPS, year);
    expect(whole.region.followedUpOnTime.total.value).toBeLessThan(whole.region.followUpsDue.total.value);
    const started = whole.byMunicipality.filter((m: any) => m.municipality && present(m.figures.started.total));
    expect(started.length).toBeGreaterThan(municipalities * 0.8);
  }, 300_000);

  it('shows rehabilitation plans, evaluations and therapy reports (some late) for most municipalities', async () => {
    const whole = await ask(PLANS, year);
    const r = whole.region;
    expect(r.longTermPlans.total.value + r.shortTermPlans.total.value).toBeGreaterThan(0);
    expect(r.evaluations.total.value).toBeGreaterThan(0);
    expect(r.reportsOnTime.total.value).toBeLessThan(r.reportsDue.total.value);
    const withPlans = whole.byMunicipality.filter((m: any) => m.municipality && (present(m.figures.longTermPlans.total) || present(m.figures.shortTermPlans.total)));
    expect(withPlans.length).toBeGreaterThan(municipalities * 0.6);
  }, 300_000);

  it('replaces the batch when seeded again: the same amounts, not double', async () => {
    // Counted by the batch's marks, not by the report: other suites add discharges of their own meanwhile.
    expect(await seed()).toEqual(seeded);
    expect(await inOneSession(app.dataSource, (s) => countDemoData(s, 'SE', '20'))).toEqual(seeded);
  }, 600_000);

  it('removes the batch and nothing else (--remove)', async () => {
    // Other suites write patients into the same database meanwhile: every one there before stays
    // (IS NOT TRUE: their patients without a name, NULL, are others too).
    const others: string[] = (await app.dataSource.query(`SELECT id FROM patient WHERE (given_name = 'Demo' AND family_name LIKE 'Demodata %') IS NOT TRUE`)).map((r: { id: string }) => r.id);
    expect(others.length).toBeGreaterThan(0);
    expect((await seedDemo('--remove')).stdout).toContain(`${seeded.patients} demo patients`);
    expect(await inOneSession(app.dataSource, (s) => countDemoData(s, 'SE', '20'))).toEqual({ patients: 0, handoffs: 0, sips: 0, rehabPlans: 0 });
    expect(await app.dataSource.query(`SELECT count(*)::int AS n FROM patient WHERE id = ANY($1::uuid[])`, [others])).toEqual([{ n: others.length }]);
  }, 120_000);

  it('is refused in production: the command, and DEMO_DATA at start', async () => {
    await expect(seedDemo('production')).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('never written in production') });
    const production = { NODE_ENV: 'production', AUTH_ISSUER: 'i', AUTH_AUDIENCE: 'a', AUTH_JWKS_URL: 'https://idp.example/jwks', PATIENT_DATA_KEY: Buffer.alloc(32).toString('base64') };
    expect(() => loadConfig({ ...production, DEMO_DATA: 'true' })).toThrow('DEMO_DATA=true is refused with NODE_ENV=production');
    expect(loadConfig(production).demoData).toBe(false);
  });
});
