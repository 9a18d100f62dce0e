import { FundingProgramme, ageBandOn, formOn, programmesOn, quarterOf, quarterPeriod, treatmentFunding } from '../../domain/funding-programme';
import { FUNDING_PROGRAMMES } from '../../entities/seed/funding-programmes';

/** The seeded rehabiliteringsgarantin, with a later made-up version whose KBT amount changed, to show the dating. */
const garantin: FundingProgramme = { ...FUNDING_PROGRAMMES[0], id: 'rg-2008' };
const later: FundingProgramme = {
  ...garantin,
  id: 'rg-2030',
  validFrom: '2030-01-01',
  validTo: null,
  forms: [{ ...garantin.forms.find((f) => f.code === 'KBT')!, amountSek: 15_000, validFrom: '2030-01-01', validTo: null }],
};
const PROGRAMMES = [garantin, later];

describe('funding programmes as dated data', () => {
  it('seeds rehabiliteringsgarantin as closed 2008–2015, 16–67 years, quarterly, with its four forms and amounts', () => {
    expect(garantin).toMatchObject({ code: 'REHABILITERINGSGARANTIN', validFrom: '2008-01-01', validTo: '2015-12-31', ageMin: 16, ageMax: 67, reportingCadence: 'QUARTERLY' });
    expect(garantin.forms.map((f) => [f.code, f.unit, f.careLevel, f.sessionsMin, f.sessionsMax, f.weeksMin, f.weeksMax, f.amountSek])).toEqual([
      ['KBT', 'TREATMENT', null, 8, 20, null, null, 12_000],
      ['IPT', 'TREATMENT', null, 8, 20, null, null, 12_000],
      ['MMR1', 'SERIES', 'PRIMARY_CARE', null, null, 4, 8, 25_000],
      ['MMR2', 'SERIES', 'SPECIALIST_CARE', null, null, 4, 8, 45_000],
    ]);
    // Every form's version lies inside its programme's validity.
    for (const p of FUNDING_PROGRAMMES) for (const f of p.forms) expect(p.validFrom <= f.validFrom && (p.validTo === null || (f.validTo !== null && f.validTo <= p.validTo))).toBe(true);
  });

  it('knows which programme and forms apply on a date, both ends of the validity included', () => {
    expect(programmesOn(PROGRAMMES, '2007-12-31')).toEqual([]);
    expect(programmesOn(PROGRAMMES, '2008-01-01').map((p) => p.id)).toEqual(['rg-2008']);
    expect(programmesOn(PROGRAMMES, '2015-12-31')[0].forms).toHaveLength(4);
    expect(programmesOn(PROGRAMMES, '2016-01-01')).toEqual([]);
    expect(programmesOn(PROGRAMMES, '2031-06-01').map((p) => [p.id, p.forms.map((f) => f.code)])).toEqual([['rg-2030', ['KBT']]]);
    expect(formOn(garantin, 'MMR2', '2012-05-01')?.amountSek).toBe(45_000);
    expect(formOn(garantin, 'MMR2', '2016-05-01')).toBeUndefined();
  });

  it('checks the age band on the day treatment starts, both ends included', () => {
    expect(ageBandOn(garantin, '1996-03-10', '2012-03-10')).toEqual({ holds: true, age: 16 });
    expect(ageBandOn(garantin, '1996-03-10', '2012-03-09')).toMatchObject({ holds: false, age: 15 });
    expect(ageBandOn(garantin, '1944-06-01', '2012-05-31')).toEqual({ holds: true, age: 67 });
    expect(ageBandOn(garantin, '1944-06-01', '2012-06-01')).toMatchObject({ holds: false, age: 68, reason: '68 years old on 2012-06-01: the programme ends at 67' });
  });

  it('pays the amount of the form valid on the day the treatment started', () => {
    const kbt = { programmeCode: 'REHABILITERINGSGARANTIN', formCode: 'KBT', birthDate: '1980-01-01', sessions: 12 };
    expect(treatmentFunding(PROGRAMMES, { ...kbt, startedOn: '2015-12-31' })).toMatchObject({ paid: true, amountSek: 12_000 });
    expect(treatmentFunding(PROGRAMMES, { ...kbt, startedOn: '2030-02-01' })).toMatchObject({ paid: true, amountSek: 15_000 });
    expect(treatmentFunding(PROGRAMMES, { programmeCode: 'REHABILITERINGSGARANTIN', formCode: 'MMR1', birthDate: '1980-01-01', startedOn: '2014-09-01', weeks: 6 })).toMatchObject({ paid: true, amountSek: 25_000 });
  });

  it('refuses a treatment outside the programme, naming every reason', () => {
    const base = { programmeCode: 'REHABILITERINGSGARANTIN', formCode: 'KBT', birthDate: '1980-01-01', sessions: 10 };
    expect(treatmentFunding(PROGRAMMES, { ...base, startedOn: '2016-01-01' })).toEqual({ paid: false, refusals: [{ field: 'startedOn', reason: 'REHABILITERINGSGARANTIN did not run on 2016-01-01' }] });
    expect(treatmentFunding(PROGRAMMES, { ...base, formCode: 'MMR1', startedOn: '2031-01-01' })).toEqual({ paid: false, refusals: [{ field: 'formCode', reason: 'REHABILITERINGSGARANTIN has no form MMR1 on 2031-01-01' }] });
    expect(treatmentFunding(PROGRAMMES, { ...base, birthDate: '1940-01-01', sessions: 21, startedOn: '2012-01-01' })).toEqual({
      paid: false,
      refusals: [
        { field: 'birthDate', reason: '72 years old on 2012-01-01: the programme ends at 67' },
        { field: 'sessions', reason: '21 sessions: KBT is 8–20 sessions' },
      ],
    });
    expect(treatmentFunding(PROGRAMMES, { ...base, sessions: 7, startedOn: '2012-01-01' })).toMatchObject({ paid: false, refusals: [{ field: 'sessions' }] });
    expect(treatmentFunding(PROGRAMMES, { ...base, formCode: 'MMR2', sessions: undefined, weeks: 9, startedOn: '2012-01-01' })).toMatchObject({ paid: false, refusals: [{ field: 'weeks', reason: '9 weeks: MMR2 is 4–8 weeks' }] });
    expect(treatmentFunding(PROGRAMMES, { ...base, formCode: 'MMR2', sessions: undefined, startedOn: '2012-01-01' })).toMatchObject({ paid: false, refusals: [{ field: 'weeks' }] });
  });

  it('names quarters and their days', () => {
    expect(quarterPeriod('2015-Q1')).toEqual({ from: '2015-01-01', to: '2015-03-31' });
    expect(quarterPeriod('2015-Q4')).toEqual({ from: '2015-10-01', to: '2015-12-31' });
    expect(quarterPeriod('2015-Q5')).toBeNull();
    expect(quarterPeriod('15-Q1')).toBeNull();
    expect([quarterOf('2015-03-31'), quarterOf('2015-04-01'), quarterOf('2015-12-31')]).toEqual(['2015-Q1', '2015-Q2', '2015-Q4']);
  });
});
