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

const COORDINATION = `query($period: PeriodInput!) { coordinationStatistics(regionCode: "20", period: $period) {
  region { opened { female { value suppressed } male { value suppressed } } withEmployerContact { female { value } male { value } }
           meanDaysToFirstContact { female { value } male { value } } kvaPer100Cases { code per100Cases { total { value } } } }
  byAgeBand { ageBand figures { opened { total { value suppressed } } } } } }`;

/** The demo's coordination cases, with their patients' sex and age at opening. */
const DEMO_CASES = `SELECT c.*, p.legal_sex AS sex, date_part('year', age(c.opened_at::date, p.birth_date))::int AS age
  FROM coordination_case c JOIN patient p ON p.id = c.patient_id WHERE p.given_name = 'Demo' AND p.family_name LIKE 'Demodata %'`;

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

  it('makes about 0.9 patient per hand-off, women and men alike, a SIP for some, plans for a quarter and coordination cases for a fifth', async () => {
    expect(seeded).toEqual({ patients: Math.ceil(HANDOFFS * 0.9), handoffs: HANDOFFS, sips: expect.any(Number), rehabPlans: HANDOFFS / 4, coordinationCases: HANDOFFS / 5 });
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

  it('makes coordination cases in every status, most closed, some declined, for women and men, young adults among them', async () => {
    const statuses: { status: string; n: number }[] = await app.dataSource.query(`SELECT status, count(*)::int AS n FROM (${DEMO_CASES}) c GROUP BY 1 ORDER BY 1`);
    const share = (status: string) => (statuses.find((s) => s.status === status)?.n ?? 0) / seeded.coordinationCases;
    expect(statuses.map((s) => s.status)).toEqual(['ACTIVE', 'CLOSED', 'CONTACTED', 'DECLINED', 'FOLLOW_UP', 'NONE']);
    expect(share('CLOSED')).toBeGreaterThan(0.4);
    expect(share('DECLINED')).toBeGreaterThan(0.05);
    expect(share('DECLINED')).toBeLessThan(0.2);
    const [people] = await app.dataSource.query(
      `SELECT count(*) FILTER (WHERE sex = 'FEMALE')::int AS women, count(*) FILTER (WHERE sex = 'MALE')::int AS men, count(*) FILTER (WHERE age BETWEEN 19 AND 29)::int AS young,
              count(DISTINCT occupation)::int AS occupations, count(DISTINCT sick_leave_degree)::int AS degrees, count(*) FILTER (WHERE status <> 'NONE' AND first_contact_at IS NULL)::int AS uncontacted
       FROM (${DEMO_CASES}) c`,
    );
    expect(people).toMatchObject({ occupations: 4, degrees: 4, uncontacted: 0 });
    expect(people.women).toBeGreaterThan(seeded.coordinationCases * 0.3);
    expect(people.men).toBeGreaterThan(seeded.coordinationCases * 0.3);
    expect(people.young).toBeGreaterThan(0);
    // Employed cases with employer contact: men's more often than women's.
    const employer: { sex: string; share: number }[] = await app.dataSource.query(
      `SELECT sex, avg((EXISTS (SELECT 1 FROM coordination_activity a WHERE a.case_id = c.id AND a.actor_kind = 'EMPLOYER' AND a.answered))::int)::float8 AS share
       FROM (${DEMO_CASES}) c WHERE occupation = 'EMPLOYED' AND status NOT IN ('NONE', 'CONTACTED', 'DECLINED') GROUP BY 1 ORDER BY 1`,
    );
    expect(employer[0].sex).toBe('FEMALE');
    expect(employer[0].share).toBeGreaterThan(0);
    expect(employer[1].share).toBeGreaterThan(employer[0].share);
  });

  it('gives coordination activities the consents and KVÅ codes the rules ask for', async () => {
    const [kinds] = await app.dataSource.query(
      `SELECT count(*) FILTER (WHERE a.kind = 'CONTACT' AND a.answered)::int AS answered, count(*) FILTER (WHERE a.kind = 'CONTACT' AND NOT a.answered)::int AS unanswered,
              count(*) FILTER (WHERE a.kind = 'MEETING')::int AS meetings, count(*) FILTER (WHERE a.kind = 'RETURN_TO_WORK_PLAN')::int AS plans,
              (SELECT count(*)::int FROM coordination_return_to_work_step s JOIN coordination_return_to_work_plan p ON p.id = s.plan_id WHERE p.case_id IN (SELECT id FROM (${DEMO_CASES}) x)) AS steps
       FROM coordination_activity a WHERE a.case_id IN (SELECT id FROM (${DEMO_CASES}) x)`,
    );
    expect(kinds.answered).toBeGreaterThan(0);
    expect(kinds.unanswered).toBeGreaterThan(0);
    expect(kinds.meetings).toBeGreaterThan(0);
    expect(kinds.plans).toBeGreaterThan(0);
    expect(kinds.steps).toBe(kinds.plans * 2);
    const [wrong] = await app.dataSource.query(
      `SELECT
         -- GC001 only for what reached its actor while the case was ACTIVE or FOLLOW_UP.
         (SELECT count(*)::int FROM coordination_kva k JOIN coordination_activity a ON a.id = k.activity_id JOIN (${DEMO_CASES}) c ON c.id = k.case_id
           WHERE k.code = 'GC001' AND (a.answered IS FALSE OR a.held IS FALSE OR c.outcome = 'NO_INTERVENTION' OR c.status IN ('NONE', 'CONTACTED', 'DECLINED')
             OR NOT EXISTS (SELECT 1 FROM coordination_status_change s WHERE s.case_id = c.id AND s.to_status = 'ACTIVE' AND s.changed_at <= a.occurred_at))) AS gc001,
         -- An activation needs the consent to coordination in force.
         (SELECT count(*)::int FROM coordination_status_change s JOIN (${DEMO_CASES}) c ON c.id = s.case_id WHERE s.to_status = 'ACTIVE' AND NOT EXISTS (
           SELECT 1 FROM coordination_consent k WHERE k.case_id = c.id AND k.actor_kind IS NULL AND k.recorded_at <= s.changed_at AND s.changed_at::date BETWEEN k.valid_from AND k.valid_to)) AS activations,
         -- An activity with an actor needs a consent naming that actor.
         (SELECT count(*)::int FROM coordination_activity a JOIN (${DEMO_CASES}) c ON c.id = a.case_id WHERE a.actor_kind IS NOT NULL AND NOT EXISTS (
           SELECT 1 FROM coordination_consent k WHERE k.case_id = c.id AND k.actor_kind = a.actor_kind AND k.employer_id IS NOT DISTINCT FROM a.employer_id
             AND k.recorded_at <= a.occurred_at AND a.occurred_at::date BETWEEN k.valid_from AND k.valid_to)) AS disclosures,
         (SELECT count(*)::int FROM coordination_kva k JOIN (${DEMO_CASES}) c ON c.id = k.case_id WHERE k.code = 'GC001') AS gc001s`,
    );
    expect(wrong).toMatchObject({ gc001: 0, activations: 0, disclosures: 0 });
    expect(wrong.gc001s).toBeGreaterThan(0);
  });

  it('shows coordination statistics for women and men over the last twelve months', async () => {
    const r = await ask(COORDINATION, year);
    for (const sex of ['female', 'male']) {
      expect(r.region.opened[sex]).toMatchObject({ suppressed: false, value: expect.any(Number) });
      expect(r.region.opened[sex].value).toBeGreaterThan(0);
      expect(r.region.withEmployerContact[sex].value).toBeGreaterThan(0);
      expect(r.region.meanDaysToFirstContact[sex].value).toBeGreaterThan(0);
    }
    expect(r.region.kvaPer100Cases.find((k: any) => k.code === 'GC001').per100Cases.total.value).toBeGreaterThan(0);
    expect(present(r.byAgeBand.find((b: any) => b.ageBand === 'YOUNG_ADULT').figures.opened.total)).toBe(true);
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
    expect(await inOneSession(app.dataSource, (s) => countDemoData(s, 'SE', '20'))).toEqual({ patients: 0, handoffs: 0, sips: 0, rehabPlans: 0, coordinationCases: 0 });
    expect(await app.dataSource.query(`SELECT count(*)::int AS n FROM coordination_case WHERE created_by LIKE 'demo-user-%'`)).toEqual([{ n: 0 }]);
    expect(await app.dataSource.query(`SELECT count(*)::int AS n FROM patient WHERE id = ANY($1::uuid[])`, [others])).toEqual([{ n: others.length }]);
  }, 120_000);

  it('is refused in production: the command, and DEMO_DATA at start', async () => {
    await expect(seedDemo('production')).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('never written in production') });
    const production = { NODE_ENV: 'production', AUTH_ISSUER: 'i', AUTH_AUDIENCE: 'a', AUTH_JWKS_URL: 'https://idp.example/jwks', PATIENT_DATA_KEY: Buffer.alloc(32).toString('base64') };
    expect(() => loadConfig({ ...production, DEMO_DATA: 'true' })).toThrow('DEMO_DATA=true is refused with NODE_ENV=production');
    expect(loadConfig(production).demoData).toBe(false);
  });
});
