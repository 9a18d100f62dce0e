import { dischargeParameterPeriods, dischargeParametersOn } from '../../domain/discharge-deadlines';
import type { DatedParameter } from '../../domain/rule-parameters';

const REGION = 'region-20';
const defaults: DatedParameter[] = [
  { key: 'discharge.admissionNoticeHours', regionId: null, value: 24, validFrom: '2020-01-01', validTo: null },
  { key: 'discharge.sipCallOutDays', regionId: null, value: 3, validFrom: '2020-01-01', validTo: null },
  { key: 'discharge.liabilityAfterDays', regionId: null, value: 3, validFrom: '2020-01-01', validTo: null },
  { key: 'discharge.liabilityAfterDays.psychiatry', regionId: null, value: 3, validFrom: '2020-01-01', validTo: null },
  { key: 'discharge.liabilityDayKind', regionId: null, value: 'CALENDAR', validFrom: '2020-01-01', validTo: null },
];
const regional: DatedParameter[] = [
  { key: 'discharge.dailyAmount', regionId: REGION, value: 12000, validFrom: '2026-03-01', validTo: null },
  { key: 'discharge.lateSendCutoff', regionId: REGION, value: '14:00', validFrom: '2026-02-10', validTo: '2026-02-20' },
  { key: 'discharge.liabilityAfterDays.psychiatry', regionId: REGION, value: 5, validFrom: '2026-02-15', validTo: null },
  // Another region's value changes nothing here.
  { key: 'discharge.sipCallOutDays', regionId: 'region-19', value: 2, validFrom: '2026-02-05', validTo: null },
];

const days = (from: string, to: string) => {
  const out: string[] = [];
  for (let d = from; d <= to; d = new Date(Date.parse(`${d}T00:00:00Z`) + 86400_000).toISOString().slice(0, 10)) out.push(d);
  return out;
};

describe('discharge parameters over a period of admission dates (what the report passes to SQL)', () => {
  it('gives, on every date and for psychiatric and other care, what dischargeParametersOn gives that date', () => {
    const periods = dischargeParameterPeriods([...defaults, ...regional], REGION, '2026-01-25', '2026-03-10');
    for (const date of days('2026-01-25', '2026-03-10')) {
      for (const psychiatric of [false, true]) {
        const covering = periods.filter((p) => p.psychiatric === psychiatric && p.from <= date && date <= p.to);
        expect(covering.map((p) => p.parameters)).toEqual([dischargeParametersOn([...defaults, ...regional], REGION, date, psychiatric)]);
      }
    }
  });

  it('splits only where a parameter of the region (or a default) starts or the day after one ends', () => {
    const periods = dischargeParameterPeriods([...defaults, ...regional], REGION, '2026-01-25', '2026-03-10');
    expect([...new Set(periods.map((p) => `${p.from}…${p.to}`))]).toEqual([
      '2026-01-25…2026-02-09',
      '2026-02-10…2026-02-14',
      '2026-02-15…2026-02-20',
      '2026-02-21…2026-02-28',
      '2026-03-01…2026-03-10',
    ]);
  });

  it('leaves out the dates on which a required parameter has no value', () => {
    const periods = dischargeParameterPeriods(defaults, REGION, '2019-12-30', '2020-01-02');
    expect(periods.map((p) => `${p.from}…${p.to}`)).toEqual(['2020-01-01…2020-01-02', '2020-01-01…2020-01-02']);
  });
});
