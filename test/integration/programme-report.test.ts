import { Role } from '../../domain/enums';
import { FundingProgramme, quarterPeriod, treatmentFunding } from '../../domain/funding-programme';
import { lastPaidDay } from '../../domain/payment-commitment';
import { seededOrganisationId } from '../../entities/seed/seed';
import { testPersonnummer } from '../support/personnummer';
import { RehabRows, weekly } from '../support/rehab-rows';
import { codes, startTestApp, TestApp } from '../support/test-app';

/**
 * programmeReport counts, in SQL, the treatments given under rehabiliteringsgarantin (2008–2015)
 * by form and sex. The commitments are of 2015 and written as rows (the API never issues one
 * retroactively); what the report must count is what domain/funding-programme.ts's
 * treatmentFunding pays, for each commitment whose last paid day falls in the quarter.
 */
const DALARNA = seededOrganisationId('20')!;
const MORA = seededOrganisationId('2062')!;
const QUERY = `query($code: String!, $quarter: String!, $programme: String!) { programmeReport(regionCode: $code, programme: $programme, quarter: $quarter) {
  programme quarter from to smallCellThreshold
  forms { form figures { ...P } }
  total { ...P }
} }
fragment P on ProgrammeFigures { treatments { total { display } female { display } male { display } } amountSek { total { value display } female { value display } male { value display } } }`;

interface Case {
  sex: 'FEMALE' | 'MALE';
  birth: string;
  form: string;
  validFrom: string;
  validTo: string;
  visitDates: string[];
  revokedFrom?: string;
  interventionEndDate?: string;
  example?: boolean;
}

const kbt = (sex: 'FEMALE' | 'MALE', extra: Partial<Case> = {}): Case => ({ sex, birth: '19811117', form: 'KBT', validFrom: '2015-03-01', validTo: '2015-05-31', visitDates: weekly('2015-03-02', 10), ...extra });
const mmr2 = (sex: 'FEMALE' | 'MALE', extra: Partial<Case> = {}): Case => ({ sex, birth: '19731021', form: 'MMR2', validFrom: '2015-05-01', validTo: '2015-06-30', visitDates: weekly('2015-05-04', 6), ...extra });

const CASES: Case[] = [
  ...Array.from({ length: 5 }, () => kbt('FEMALE')),
  // Revoked from 1 July: its last paid day is 30 June, so it is a Q2 treatment.
  kbt('FEMALE', { validTo: '2015-09-30', revokedFrom: '2015-07-01' }),
  ...Array.from({ length: 5 }, () => kbt('MALE')),
  ...Array.from({ length: 5 }, () => mmr2('FEMALE')),
  ...Array.from({ length: 5 }, () => mmr2('MALE')),
  // Not paid: 7 sessions; 70 years old at the first visit; a 10-week series; an example person.
  kbt('FEMALE', { visitDates: weekly('2015-03-02', 7) }),
  kbt('FEMALE', { birth: '19441229' }),
  mmr2('MALE', { form: 'MMR1', visitDates: weekly('2015-04-20', 10) }),
  kbt('FEMALE', { example: true }),
  // Q3: the intervention text ends it on 1 July.
  kbt('FEMALE', { validTo: '2015-09-30', interventionEndDate: '2015-07-01' }),
];

describe('programmeReport: treatments and amounts under a funding programme, by form and sex', () => {
  let app: TestApp;
  let planner: string;
  let programmes: FundingProgramme[];

  beforeAll(async () => {
    app = await startTestApp();
    planner = await app.token('20', Role.PLANNER);
    const regionId = (await app.dataSource.query(`SELECT region_id FROM organisation WHERE id = $1`, [DALARNA]))[0].region_id;
    const rows = new RehabRows(app.dataSource, regionId);
    programmes = (await app.gql(`{ fundingProgrammes { id code name validFrom validTo ageMin ageMax conditions reportingCadence forms { code name unit careLevel sessionsMin sessionsMax weeksMin weeksMax indications amountSek validFrom validTo } } }`, {}, planner)).data.fundingProgrammes;
    const garantin = programmes.find((p) => p.code === 'REHABILITERINGSGARANTIN')!;
    const staff = await app.token('2062', Role.CARE_STAFF);
    for (const c of CASES) {
      const res = await app.gql(`mutation($p: String!) { patientCreate(input: { personnummer: $p, homeMunicipalityCode: "2062" }) { patient { id } } }`, { p: testPersonnummer(c.birth, c.sex) }, staff);
      expect(res.errors).toBeUndefined();
      const patientId = res.data.patientCreate.patient.id;
      if (c.example) await app.dataSource.query(`UPDATE patient SET example = true WHERE id = $1`, [patientId]);
      const planId = await rows.plan({ patientId, owner: DALARNA, fundingProgrammeId: garantin.id });
      await rows.commitment({ planId, patientId, payer: DALARNA, provider: MORA, ...c, fundingProgrammeId: garantin.id, fundingForm: c.form });
    }
  });
  afterAll(() => app?.stop());

  /** What the domain pays for the cases whose last paid day falls in the quarter: [form][sex] → [count, amount]. */
  function expected(quarter: string) {
    const { from, to } = quarterPeriod(quarter)!;
    const paid: Record<string, Record<string, [number, number]>> = {};
    for (const c of CASES) {
      const last = lastPaidDay({ validFrom: c.validFrom, validTo: c.validTo, interventionEndDate: c.interventionEndDate ?? null, revokedFrom: c.revokedFrom ?? null } as any);
      if (c.example || last < from || last > to) continue;
      const first = c.visitDates[0];
      const weeks = Math.floor((Date.parse(c.visitDates[c.visitDates.length - 1]) - Date.parse(first)) / (7 * 86400_000)) + 1;
      const birthDate = `${c.birth.slice(0, 4)}-${c.birth.slice(4, 6)}-${c.birth.slice(6)}`;
      const funding = treatmentFunding(programmes, { programmeCode: 'REHABILITERINGSGARANTIN', formCode: c.form, startedOn: first, birthDate, sessions: c.visitDates.length, weeks });
      if (!funding.paid) continue;
      const cell = ((paid[c.form] ??= {})[c.sex] ??= [0, 0]);
      cell[0] += 1;
      cell[1] += funding.amountSek;
    }
    return paid;
  }

  it('counts what the programme pays for, per form and sex, as the domain rules do', async () => {
    const res = await app.gql(QUERY, { code: '20', quarter: '2015-Q2', programme: 'REHABILITERINGSGARANTIN' }, planner);
    expect(res.errors).toBeUndefined();
    const report = res.data.programmeReport;
    expect(report).toMatchObject({ programme: 'REHABILITERINGSGARANTIN', quarter: '2015-Q2', from: '2015-04-01', to: '2015-06-30', smallCellThreshold: 5 });
    const want = expected('2015-Q2');
    expect(want).toEqual({ KBT: { FEMALE: [6, 72_000], MALE: [5, 60_000] }, MMR2: { FEMALE: [5, 225_000], MALE: [5, 225_000] } });
    for (const { form, figures } of report.forms) {
      for (const sex of ['FEMALE', 'MALE'] as const) {
        const [n, amount] = want[form]?.[sex] ?? [0, 0];
        const key = sex === 'FEMALE' ? 'female' : 'male';
        expect([form, sex, figures.treatments[key].display, figures.amountSek[key].value]).toEqual([form, sex, String(n), amount]);
      }
    }
    expect(report.total.treatments.total.display).toBe('21');
    expect(report.total.amountSek.total).toEqual({ value: 582_000, display: '582000' });
  });

  it('suppresses a small count and hides its amount with it', async () => {
    const res = await app.gql(QUERY, { code: '20', quarter: '2015-Q3', programme: 'REHABILITERINGSGARANTIN' }, planner);
    const kbtFigures = res.data.programmeReport.forms.find((f: any) => f.form === 'KBT').figures;
    expect(expected('2015-Q3')).toEqual({ KBT: { FEMALE: [1, 12_000] } });
    expect(kbtFigures.treatments.female.display).toBe('<5');
    expect(kbtFigures.amountSek.female).toEqual({ value: null, display: '..' });
    expect(res.data.programmeReport.total.amountSek.total).toEqual({ value: null, display: '..' });
  });

  it('shows another region’s planner nothing of this region, and refuses bad arguments naming them', async () => {
    const other = await app.token('19', Role.PLANNER);
    const own = await app.gql(QUERY, { code: '19', quarter: '2015-Q2', programme: 'REHABILITERINGSGARANTIN' }, other);
    expect(own.data.programmeReport.total.treatments.total.display).toBe('0');
    expect(codes(await app.gql(QUERY, { code: '20', quarter: '2015-Q2', programme: 'REHABILITERINGSGARANTIN' }, other))).toEqual(['FORBIDDEN']);
    const quarter = await app.gql(QUERY, { code: '20', quarter: '2015-Q5', programme: 'REHABILITERINGSGARANTIN' }, planner);
    expect([codes(quarter), quarter.errors![0].extensions!.field]).toEqual([['BAD_USER_INPUT'], 'quarter']);
    const programme = await app.gql(QUERY, { code: '20', quarter: '2015-Q2', programme: 'NO_SUCH_PROGRAMME' }, planner);
    expect([codes(programme), programme.errors![0].extensions!.field]).toEqual([['NOT_FOUND'], 'programme']);
  });
});
