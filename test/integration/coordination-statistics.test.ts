import { Role } from '../../domain/enums';
import { seededOrganisationId } from '../../entities/seed/seed';
import { CoordinationRows } from '../support/coordination-rows';
import { testPersonnummer } from '../support/personnummer';
import { codes, startTestApp, TestApp } from '../support/test-app';

/**
 * The planners' coordination figures (coordinationStatistics), aggregated in SQL, on cases of
 * Region Dalarna opened in 2004 so that no other suite's cases fall in the period.
 */
const DALARNA = seededOrganisationId('20')!;
const PERIOD = { from: '2004-01-01', to: '2004-12-31' };
const QUERY = `query($period: PeriodInput!) { coordinationStatistics(regionCode: "20", period: $period) {
  from to smallCellThreshold youngAdultAgeBand { from to }
  region { ...F }
  byCareUnit { careUnit { name } figures { ...F } }
  byMunicipality { municipality { municipalityCode } figures { ...F } }
  byAgeBand { ageBand figures { ...F } }
  employerContactGap { ageBand occupation opened { ...C } withEmployerContact { ...C } employerContactShare { ...D } gapPercentagePoints { value suppressed display } }
} }
fragment C on CountBySex { total { value suppressed display } female { value suppressed display } male { value suppressed display } }
fragment D on DerivedFigureBySex { total { value suppressed display } female { value suppressed display } male { value suppressed display } }
fragment F on CoordinationFigures {
  opened { ...C } declined { ...C } closedWithReturnToWork { ...C } firstContacted { ...C } meanDaysToFirstContact { ...D }
  withEmployerContact { ...C } employerContactShare { ...D } activitiesPer100Cases { ...D } kvaPer100Cases { code per100Cases { ...D } }
}`;

describe('coordinationStatistics: coordination figures for planners, women and men side by side', () => {
  let app: TestApp;
  let data: any;

  beforeAll(async () => {
    app = await startTestApp();
    const [{ region_id: regionId }] = await app.dataSource.query(`SELECT region_id FROM organisation WHERE id = $1`, [DALARNA]);
    const rows = new CoordinationRows(app.dataSource, regionId);
    const staff = await app.token('20', Role.CARE_STAFF);
    const patient = async (birthDate: string, sex: 'FEMALE' | 'MALE') =>
      (await app.gql(`mutation($p: String!) { patientCreate(input: { personnummer: $p, homeMunicipalityCode: "2062" }) { patient { id } } }`, { p: testPersonnummer(birthDate, sex) }, staff)).data
        .patientCreate.patient.id as string;
    const unit = await rows.careUnit(DALARNA, 'Vårdcentralen Statistik');
    const base = { ownerOrganisationId: DALARNA, careUnitId: unit, openedAt: '2004-03-01T09:00:00Z', sickLeaveTo: '2004-06-30' };
    // Six young women (23 on opening), employed: first contact after two days, a held meeting with GC001; four reached their employer.
    for (let i = 0; i < 6; i++) {
      const id = await rows.case({ ...base, patientId: await patient('19800505', 'FEMALE'), firstContactAt: '2004-03-03T09:00:00Z' });
      await rows.activity(id, '2004-03-03T09:00:00Z', { codes: ['GC001'] });
      if (i < 4) await rows.activity(id, '2004-03-10T09:00:00Z', { employer: { answered: true } });
    }
    // Six men of 43, employed: five reached their employer (ZV506), one did not answer; three closed with return to work.
    for (let i = 0; i < 6; i++) {
      const id = await rows.case({ ...base, patientId: await patient('19600505', 'MALE'), ...(i < 3 ? { status: 'CLOSED', outcome: 'RETURNED_TO_WORK', lastActivityAt: '2004-05-01T09:00:00Z' } : {}) });
      await rows.activity(id, '2004-03-10T09:00:00Z', i < 5 ? { employer: { answered: true }, codes: ['ZV506'] } : { employer: { answered: false } });
    }
    // Five job-seeking women of 43; one declined.
    for (let i = 0; i < 5; i++) {
      const id = await rows.case({ ...base, patientId: await patient('19600505', 'FEMALE'), occupation: 'JOB_SEEKING', status: i === 0 ? 'DECLINED' : 'CONTACTED' });
      if (i === 0) await rows.statusChange(id, 'CONTACTED', 'DECLINED', '2004-03-05T09:00:00Z');
    }
    const res = await app.gql(QUERY, { period: PERIOD }, await app.token('20', Role.PLANNER));
    expect(res.errors).toBeUndefined();
    data = res.data.coordinationStatistics;
  });
  afterAll(() => app?.stop());

  const triple = (c: any) => [c.total.display, c.female.display, c.male.display];

  it('counts the cases opened and what became of them, for women and men', () => {
    expect(data.youngAdultAgeBand).toEqual({ from: 16, to: 29 });
    expect(triple(data.region.opened)).toEqual(['17', '11', '6']);
    expect(triple(data.region.firstContacted)).toEqual(['6', '6', '0']);
    expect(triple(data.region.meanDaysToFirstContact)).toEqual(['2.00', '2.00', '–']);
    expect(triple(data.region.activitiesPer100Cases)).toEqual(['94.12', '90.91', '100.00']);
    expect(data.region.kvaPer100Cases.find((k: any) => k.code === 'GC001').per100Cases.female.display).toBe('54.55');
    expect(data.region.kvaPer100Cases.find((k: any) => k.code === 'ZV506').per100Cases.male.display).toBe('83.33');
    expect(data.byCareUnit.find((u: any) => u.careUnit.name === 'Vårdcentralen Statistik').figures.opened.total.display).toBe('17');
    expect(data.byMunicipality.find((m: any) => m.municipality?.municipalityCode === '2062').figures.opened.total.display).toBe('17');
    expect(data.byAgeBand.map((b: any) => [b.ageBand, ...triple(b.figures.opened)])).toEqual([
      ['BELOW_YOUNG_ADULT', '0', '0', '0'],
      ['YOUNG_ADULT', '6', '6', '0'],
      ['ABOVE_YOUNG_ADULT', '11', '5', '6'],
    ]);
  });

  it('never shows a count under the threshold', () => {
    const COUNTS = ['opened', 'declined', 'closedWithReturnToWork', 'firstContacted', 'withEmployerContact'];
    const figures = [data.region, ...data.byCareUnit.map((u: any) => u.figures), ...data.byMunicipality.map((m: any) => m.figures), ...data.byAgeBand.map((b: any) => b.figures)];
    const bySex = [...figures.flatMap((f: any) => COUNTS.map((k) => f[k])), ...data.employerContactGap.flatMap((g: any) => [g.opened, g.withEmployerContact])];
    const seen = bySex.flatMap((c: any) => [c.total, c.female, c.male]);
    expect(seen.length).toBeGreaterThan(100);
    for (const count of seen) expect(count.suppressed ? count.value === null : count.value === 0 || count.value >= data.smallCellThreshold).toBe(true);
    // The three men back at work and the one woman who declined are hidden.
    expect(data.region.closedWithReturnToWork.male).toEqual({ value: null, suppressed: true, display: '<5' });
    expect(data.region.declined.female).toEqual({ value: null, suppressed: true, display: '<5' });
    // Four women reached their employer: hidden, and so is every count they could be worked out from.
    expect(data.region.withEmployerContact.female.display).toBe('<5');
    expect(data.region.employerContactShare.female.suppressed).toBe(true);
  });

  it('always shows women and men side by side, and the employer-contact gap for every age band and occupation', () => {
    const all = [data.region, ...data.byCareUnit.map((u: any) => u.figures), ...data.byMunicipality.map((m: any) => m.figures), ...data.byAgeBand.map((b: any) => b.figures)];
    for (const f of all) {
      for (const key of ['opened', 'declined', 'closedWithReturnToWork', 'firstContacted', 'meanDaysToFirstContact', 'withEmployerContact', 'employerContactShare', 'activitiesPer100Cases']) {
        expect(f[key].female).toBeTruthy();
        expect(f[key].male).toBeTruthy();
      }
    }
    expect(data.employerContactGap).toHaveLength(3 * 4);
    const youngEmployed = data.employerContactGap.find((g: any) => g.ageBand === 'YOUNG_ADULT' && g.occupation === 'EMPLOYED');
    expect(triple(youngEmployed.opened)).toEqual(['6', '6', '0']);
    expect(youngEmployed.employerContactShare.male.display).toBe('–');
    expect(youngEmployed.gapPercentagePoints.display).not.toMatch(/^-?\d/);
  });

  it('answers planners and administrators of the region only', async () => {
    expect(codes(await app.gql(QUERY, { period: PERIOD }, await app.token('19', Role.PLANNER)))).toEqual(['FORBIDDEN']);
    expect(codes(await app.gql(QUERY, { period: PERIOD }, await app.token('20', Role.REHAB_COORDINATOR)))).toEqual(['FORBIDDEN']);
    expect((await app.gql(QUERY, { period: PERIOD }, await app.token('20', Role.TENANT_ADMIN))).errors).toBeUndefined();
    const reversed = await app.gql(QUERY, { period: { from: '2004-12-31', to: '2004-01-01' } }, await app.token('20', Role.PLANNER));
    expect(codes(reversed)).toEqual(['BAD_USER_INPUT']);
  });
});
