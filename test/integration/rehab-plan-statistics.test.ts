import { randomUUID } from 'node:crypto';
import { Role } from '../../domain/enums';
import { seededOrganisationId } from '../../entities/seed/seed';
import { testPersonnummer } from '../support/personnummer';
import { RehabRows, weekly } from '../support/rehab-rows';
import { codes, startTestApp, TestApp } from '../support/test-app';

/**
 * The planners' rehabilitation figures (rehabPlanStatistics), computed in SQL, on plans of Region
 * Dalarna dated 2003 so that no other suite's records fall in the period. Patients are made through
 * the API; their plans, goals and evaluations are written as rows, the way the seed writes them.
 */
const DALARNA = seededOrganisationId('20')!;
const PROVIDER = seededOrganisationId('2080')!;
const PERIOD = { from: '2003-01-01', to: '2003-12-31' };
const QUERY = `query($period: PeriodInput!, $code: String!) { rehabPlanStatistics(regionCode: $code, period: $period) {
  from to smallCellThreshold
  region { ...F }
  byMunicipality { municipality { municipalityCode } figures { ...F } }
} }
fragment C on CountBySex { total { display } female { display } male { display } }
fragment D on DerivedFigureBySex { total { value display } female { value display } male { value display } }
fragment F on RehabPlanFigures {
  shortTermPlans { ...C } longTermPlans { ...C }
  commitments { ...C } visitsAllowed { ...D } visitsUsed { ...D } reportsDue { ...C } reportsOnTime { ...C }
  plansByTherapyForm { therapyForm plans { ...C } }
  evaluations { ...C } meanTScoreChange { ...D }
}`;

/** The Kiresuk–Sherman T-score (ρ 0.3), as the evaluations store it. */
const tScore = (goals: { weight: number; level: number }[], rho = 0.3) => {
  const sw = goals.reduce((s, g) => s + g.weight, 0);
  const sw2 = goals.reduce((s, g) => s + g.weight * g.weight, 0);
  return 50 + (10 * goals.reduce((s, g) => s + g.weight * g.level, 0)) / Math.sqrt((1 - rho) * sw2 + rho * sw * sw);
};

describe('rehabPlanStatistics: plans, evaluations and their T-score change for planners', () => {
  let app: TestApp;
  let planner: string;
  let regionId: string;
  const display = (c: any) => [c.total.display, c.female.display, c.male.display];
  const municipality = (data: any, code: string) => data.rehabPlanStatistics.byMunicipality.find((m: any) => m.municipality?.municipalityCode === code).figures;

  async function patient(code: string, sex: 'FEMALE' | 'MALE'): Promise<string> {
    const staff = await app.token(code, Role.CARE_STAFF);
    const res = await app.gql(`mutation($p: String!, $m: String!) { patientCreate(input: { personnummer: $p, homeMunicipalityCode: $m }) { patient { id } } }`, { p: testPersonnummer('19690823', sex), m: code }, staff);
    return res.data.patientCreate.patient.id;
  }

  /** A plan created at `createdAt`, and, when given, one evaluation of its first goal set. */
  async function plan(patientId: string, need: string, forms: string[], createdAt: string, evaluation?: { baselines: number[]; attained: number[]; on: string }): Promise<string> {
    const id = randomUUID();
    await app.dataSource.query(
      `INSERT INTO rehab_plan (id, region_id, patient_id, owner_organisation_id, need, therapy_forms, evaluation_date, status, evaluation_period, version, created_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, '2004-01-01', $7, 1, 1, 'test', $8, $8)`,
      [id, regionId, patientId, DALARNA, need, forms, evaluation ? 'EVALUATED' : 'ACTIVE', createdAt],
    );
    await new RehabRows(app.dataSource, regionId).join(patientId, DALARNA, 'REHAB_PLAN', id, null);
    if (!evaluation) return id;
    for (const [i, baseline] of evaluation.baselines.entries()) {
      await app.dataSource.query(
        `INSERT INTO gas_goal (id, region_id, plan_id, evaluation_period, position, title, levels, weight, baseline, created_by, created_at)
         VALUES ($1, $2, $3, 1, $4, 'Mål', ARRAY['-2', '-1', '0', '+1', '+2'], 1, $5, 'test', $6)`,
        [randomUUID(), regionId, id, i + 1, baseline, createdAt],
      );
    }
    const t = tScore(evaluation.attained.map((level) => ({ weight: 1, level })));
    await app.dataSource.query(
      `INSERT INTO rehab_plan_evaluation (id, region_id, plan_id, evaluation_period, evaluated_on, rho, t_score, evaluated_by, evaluated_at)
       VALUES ($1, $2, $3, 1, $4, 0.3, $5, 'test', $4::date)`,
      [randomUUID(), regionId, id, evaluation.on, Math.round(t * 100) / 100],
    );
    return id;
  }

  beforeAll(async () => {
    app = await startTestApp();
    planner = await app.token('20', Role.PLANNER);
    regionId = (await app.dataSource.query(`SELECT region_id FROM organisation WHERE id = $1`, [DALARNA]))[0].region_id;
    // Mora: six women with a long-term plan for physiotherapy (two also psychotherapy), two men short-term.
    for (let i = 0; i < 6; i++) await plan(await patient('2062', 'FEMALE'), 'LONG_TERM', i < 2 ? ['PHYSIOTHERAPY', 'PSYCHOTHERAPY'] : ['PHYSIOTHERAPY'], '2003-03-01T10:00:00Z');
    for (let i = 0; i < 2; i++) await plan(await patient('2062', 'MALE'), 'SHORT_TERM', ['PHYSIOTHERAPY'], '2003-04-01T10:00:00Z');
    // Falun: five women evaluated with three goals from −1 to +1 each, five men from −2 to 0 on two goals.
    // Each with a commitment: the women's of 10 visits, 8 held, reports due 30 June (four in on time, one late);
    // the men's of 12 visits, all held, reports not in; a commitment ended in 2002 is not counted.
    const rows = new RehabRows(app.dataSource, regionId);
    for (let i = 0; i < 5; i++) {
      const patientId = await patient('2080', 'FEMALE');
      const planId = await plan(patientId, 'LONG_TERM', ['OCCUPATIONAL_THERAPY'], '2003-01-10T10:00:00Z', { baselines: [-1, -1, -1], attained: [1, 1, 1], on: '2003-11-01' });
      const c = await rows.commitment({ planId, patientId, payer: DALARNA, provider: PROVIDER, validFrom: '2003-02-01', validTo: '2003-08-31', visits: 10, visitDates: weekly('2003-02-03', 8), reportDueOn: '2003-06-30' });
      await rows.report(c, i < 4 ? '2003-06-30' : '2003-07-15');
    }
    for (let i = 0; i < 5; i++) {
      const patientId = await patient('2080', 'MALE');
      const planId = await plan(patientId, 'LONG_TERM', ['OCCUPATIONAL_THERAPY'], '2003-01-10T10:00:00Z', { baselines: [-2, -2], attained: [0, 0], on: '2003-12-31' });
      await rows.commitment({ planId, patientId, payer: DALARNA, provider: PROVIDER, validFrom: '2003-02-01', validTo: '2003-08-31', visits: 12, visitDates: weekly('2003-02-03', 12), reportDueOn: '2003-06-30' });
      if (i === 0) await rows.commitment({ planId, patientId, payer: DALARNA, provider: PROVIDER, validFrom: '2002-02-01', validTo: '2002-12-31', visits: 12, reportDueOn: '2002-10-31' });
    }
    // At the period's edges in Swedish time: 00:30 on New Year's Day 2003 counts, 00:30 on 2004's does not.
    await plan(await patient('2080', 'MALE'), 'SHORT_TERM', ['SPEECH_THERAPY'], '2002-12-31T23:30:00Z');
    await plan(await patient('2080', 'MALE'), 'SHORT_TERM', ['SPEECH_THERAPY'], '2003-12-31T23:30:00Z');
    // An example person's plan is never counted.
    const example = await patient('2080', 'FEMALE');
    await app.dataSource.query(`UPDATE patient SET example = true WHERE id = $1`, [example]);
    await plan(example, 'LONG_TERM', ['OCCUPATIONAL_THERAPY'], '2003-06-01T10:00:00Z', { baselines: [-2], attained: [2], on: '2003-10-01' });
  });
  afterAll(() => app?.stop());

  it('counts plans by need and therapy form per municipality and sex, small counts suppressed', async () => {
    const res = await app.gql(QUERY, { period: PERIOD, code: '20' }, planner);
    expect(res.errors).toBeUndefined();
    const stats = res.data.rehabPlanStatistics;
    expect(stats).toMatchObject({ from: '2003-01-01', to: '2003-12-31', smallCellThreshold: 5 });
    expect(display(stats.region.longTermPlans)).toEqual(['16', '11', '5']);
    // Mora's two men and Falun's man of New Year's night: three, hidden, and so is every total that shows them.
    expect(display(stats.region.shortTermPlans)).toEqual(['<5', '0', '<5']);
    const mora = municipality(res.data, '2062');
    const falun = municipality(res.data, '2080');
    expect(display(mora.longTermPlans)).toEqual(['6', '6', '0']);
    expect(display(mora.shortTermPlans)).toEqual(['<5', '0', '<5']);
    expect(display(falun.longTermPlans)).toEqual(['10', '5', '5']);
    const forms = (f: any) => Object.fromEntries(f.plansByTherapyForm.map((x: any) => [x.therapyForm, display(x.plans)]));
    expect(forms(mora)).toEqual({
      OCCUPATIONAL_THERAPY: ['0', '0', '0'],
      // Mora's women hidden beside its men: the row total less them would give the men away.
      PHYSIOTHERAPY: ['8', '..', '<5'],
      PSYCHOTHERAPY: ['<5', '<5', '0'],
      SPEECH_THERAPY: ['0', '0', '0'],
    });
    // And so the region's women, which are Mora's alone.
    expect(display(stats.region.plansByTherapyForm.find((x: any) => x.therapyForm === 'PHYSIOTHERAPY').plans)).toEqual(['8', '..', '<5']);
    expect(forms(falun).OCCUPATIONAL_THERAPY).toEqual(['10', '5', '5']);
  });

  it('gives the mean T-score change of the evaluations made in the period, hidden with their count', async () => {
    const res = await app.gql(QUERY, { period: PERIOD, code: '20' }, planner);
    const falun = municipality(res.data, '2080');
    // The evaluation's T-score as stored (two decimals) less the baselines' T-score.
    const stored = (t: number) => Math.round(t * 100) / 100;
    const women = stored(tScore([1, 1, 1].map((level) => ({ weight: 1, level })))) - tScore([-1, -1, -1].map((level) => ({ weight: 1, level })));
    const men = stored(tScore([0, 0].map((level) => ({ weight: 1, level })))) - tScore([-2, -2].map((level) => ({ weight: 1, level })));
    expect(display(falun.evaluations)).toEqual(['10', '5', '5']);
    expect(falun.meanTScoreChange.female.value).toBeCloseTo(women, 1);
    expect(falun.meanTScoreChange.male.value).toBeCloseTo(men, 1);
    expect(falun.meanTScoreChange.total.value).toBeCloseTo((women + men) / 2, 1);
    expect(falun.meanTScoreChange.female.display).toBe('27.38');
    const mora = municipality(res.data, '2062');
    expect(mora.meanTScoreChange.total).toEqual({ value: null, display: '–' });
  });

  it('gives commitments with the visits they allow and those held, and the reports due and in on time', async () => {
    const res = await app.gql(QUERY, { period: PERIOD, code: '20' }, planner);
    const falun = municipality(res.data, '2080');
    expect(display(falun.commitments)).toEqual(['10', '5', '5']);
    expect([falun.visitsAllowed.total.value, falun.visitsAllowed.female.value, falun.visitsAllowed.male.value]).toEqual([110, 50, 60]);
    expect([falun.visitsUsed.total.value, falun.visitsUsed.female.value, falun.visitsUsed.male.value]).toEqual([100, 40, 60]);
    expect(display(falun.reportsDue)).toEqual(['10', '5', '5']);
    // Four women in on time: hidden, and the men's 0 cannot give it away, so the row total goes with it.
    expect(display(falun.reportsOnTime)).toEqual(['<5', '<5', '0']);
    // Mora has none: its sums are zero, not hidden.
    expect(municipality(res.data, '2062').visitsAllowed.total).toEqual({ value: 0, display: '0' });
  });

  it('gives every month of the period with the same rows: plans in the month they were created, commitments in every month they are in effect', async () => {
    const MONTHS = `query($period: PeriodInput!) { rehabPlanStatistics(regionCode: "20", period: $period) {
      byMonth { month from to region { longTermPlans { ...C } commitments { ...C } visitsUsed { total { value } } }
        byMunicipality { municipality { municipalityCode } figures { commitments { ...C } } } } } }
      fragment C on CountBySex { total { display } female { display } male { display } }`;
    const res = await app.gql(MONTHS, { period: PERIOD }, planner);
    expect(res.errors).toBeUndefined();
    const months = res.data.rehabPlanStatistics.byMonth;
    expect(months.map((m: any) => m.month)).toEqual(['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'].map((m) => `2003-${m}`));
    expect(months[1]).toMatchObject({ from: '2003-02-01', to: '2003-02-28' });
    // Falun's ten long-term plans in January, Mora's six in March: 16 in the year.
    expect(months.map((m: any) => display(m.region.longTermPlans)[0])).toEqual(['10', '0', '6', '0', '0', '0', '0', '0', '0', '0', '0', '0']);
    // Falun's ten commitments run from February to August: ten in each of those months (and ten in the year, not 70).
    expect(months.map((m: any) => display(m.region.commitments)[0])).toEqual(['0', '10', '10', '10', '10', '10', '10', '10', '0', '0', '0', '0']);
    const falunOf = (m: any) => m.byMunicipality.find((r: any) => r.municipality.municipalityCode === '2080').figures.commitments;
    expect(display(falunOf(months[3]))).toEqual(['10', '5', '5']);
    expect(months.every((m: any) => m.byMunicipality.length === 15)).toBe(true);
    // Visits held up to the end of each month: four a person by the end of February, all 100 by August.
    expect(months[1].region.visitsUsed.total.value).toBe(40);
    expect(months[7].region.visitsUsed.total.value).toBe(100);
  });

  it('counts a commitment begun before the period with its earlier visits, and a report due in the period of a commitment ended before it', async () => {
    // 1999, Mora: five women's commitments run from November 1998 to March 1999, two visits in 1998 and one in
    // each of January to March, reports due 31 March and never in; five men's ended in December 1998, their
    // reports due 31 January 1999 came in on time.
    const rows = new RehabRows(app.dataSource, regionId);
    for (const sex of ['FEMALE', 'MALE'] as const) {
      for (let i = 0; i < 5; i++) {
        const patientId = await patient('2062', sex);
        const planId = await plan(patientId, 'LONG_TERM', ['PHYSIOTHERAPY'], '1998-05-01T10:00:00Z');
        if (sex === 'FEMALE') {
          const visitDates = ['1998-11-03', '1998-11-10', '1999-01-05', '1999-02-02', '1999-03-02'];
          await rows.commitment({ planId, patientId, payer: DALARNA, provider: PROVIDER, validFrom: '1998-11-01', validTo: '1999-03-31', visits: 6, visitDates, reportDueOn: '1999-03-31' });
        } else {
          const c = await rows.commitment({ planId, patientId, payer: DALARNA, provider: PROVIDER, validFrom: '1998-06-01', validTo: '1998-12-31', visits: 4, reportDueOn: '1999-01-31' });
          await rows.report(c, '1999-01-20');
        }
      }
    }
    const YEAR = `query($period: PeriodInput!) { rehabPlanStatistics(regionCode: "20", period: $period, municipalityCode: "2062") {
      byMunicipality { figures { ...F } } byMonth { byMunicipality { figures { commitments { ...C } visitsUsed { ...D } } } } } }
      fragment C on CountBySex { total { display } female { display } male { display } }
      fragment D on DerivedFigureBySex { total { value } female { value } male { value } }
      fragment F on RehabPlanFigures { commitments { ...C } visitsAllowed { ...D } visitsUsed { ...D } reportsDue { ...C } reportsOnTime { ...C } }`;
    const res = await app.gql(YEAR, { period: { from: '1999-01-01', to: '1999-12-31' } }, planner);
    expect(res.errors).toBeUndefined();
    const mora = res.data.rehabPlanStatistics.byMunicipality[0].figures;
    const values = (d: any) => [d.total.value, d.female.value, d.male.value];
    expect(display(mora.commitments)).toEqual(['5', '5', '0']);
    expect(values(mora.visitsAllowed)).toEqual([30, 30, 0]);
    expect(values(mora.visitsUsed)).toEqual([25, 25, 0]);
    expect(display(mora.reportsDue)).toEqual(['10', '5', '5']);
    expect(display(mora.reportsOnTime)).toEqual(['5', '0', '5']);
    // Visits held up to each month's end, 1998's among them; none after March, when the commitments end.
    const months = res.data.rehabPlanStatistics.byMonth.map((m: any) => m.byMunicipality[0].figures);
    expect(months.map((m: any) => display(m.commitments)[0])).toEqual(['5', '5', '5', '0', '0', '0', '0', '0', '0', '0', '0', '0']);
    expect(months.slice(0, 4).map((m: any) => m.visitsUsed.total.value)).toEqual([15, 20, 25, 0]);
  });

  it('narrows the rows to one municipality and refuses a municipality of another region', async () => {
    const NARROW = `query($period: PeriodInput!, $m: String) { rehabPlanStatistics(regionCode: "20", period: $period, municipalityCode: $m) {
      byMunicipality { municipality { municipalityCode } } byMonth { byMunicipality { municipality { municipalityCode } } } } }`;
    const res = await app.gql(NARROW, { period: PERIOD, m: '2080' }, planner);
    expect(res.errors).toBeUndefined();
    expect(res.data.rehabPlanStatistics.byMunicipality).toEqual([{ municipality: { municipalityCode: '2080' } }]);
    expect(res.data.rehabPlanStatistics.byMonth[0].byMunicipality).toEqual([{ municipality: { municipalityCode: '2080' } }]);
    expect(codes(await app.gql(NARROW, { period: PERIOD, m: '1980' }, planner))).toEqual(['NOT_FOUND']);
    expect(codes(await app.gql(NARROW, { period: { from: '2003-01-01', to: '2006-01-01' } }, planner))).toEqual(['BAD_USER_INPUT']);
  });

  it('answers another region’s planner with its own (empty) figures and refuses them this region’s', async () => {
    const other = await app.token('19', Role.PLANNER);
    const own = await app.gql(QUERY, { period: PERIOD, code: '19' }, other);
    expect(own.errors).toBeUndefined();
    expect(display(own.data.rehabPlanStatistics.region.longTermPlans)).toEqual(['0', '0', '0']);
    expect(display(own.data.rehabPlanStatistics.region.evaluations)).toEqual(['0', '0', '0']);
    expect(codes(await app.gql(QUERY, { period: PERIOD, code: '20' }, other))).toEqual(['FORBIDDEN']);
    expect(codes(await app.gql(QUERY, { period: PERIOD, code: '20' }, await app.token('2062', Role.CARE_STAFF)))).toEqual(['FORBIDDEN']);
  });
});
