import { decideRuleParameterSet, OwnParameterValue } from '../../domain/rule-parameter-change';
import { parseParameterValue, RULE_PARAMETER_SCHEMAS } from '../../domain/rule-parameter-schema';
import { PARAMETER } from '../../domain/rule-parameters';
import { DEFAULT_RULE_PARAMETERS } from '../../entities/seed/rule-parameters';

const TODAY = '2026-12-03';
const seeded: OwnParameterValue = { id: 'seeded', validFrom: '2000-01-01', validTo: null };
const set = (key: string, value: string | null, validFrom = '2027-01-10', own: OwnParameterValue[] = []) => decideRuleParameterSet({ key, value, validFrom }, own, TODAY);

describe("a region's new value of a rule parameter", () => {
  it('ends the open-ended value the day before the new one starts, and stores the value typed', () => {
    expect(set(PARAMETER.DISCHARGE_DAILY_AMOUNT, '15000.50', '2027-01-10', [{ id: 'old', validFrom: '2025-01-01', validTo: '2025-12-31' }, seeded])).toEqual({
      insert: { key: PARAMETER.DISCHARGE_DAILY_AMOUNT, value: 15000.5, validFrom: '2027-01-10' },
      close: { id: 'seeded', validTo: '2027-01-09' },
    });
    expect(set(PARAMETER.DISCHARGE_LATE_SEND_CUTOFF, '14:00', '2027-03-01')).toEqual({
      insert: { key: PARAMETER.DISCHARGE_LATE_SEND_CUTOFF, value: '14:00', validFrom: '2027-03-01' },
      close: null,
    });
  });

  it('may start today, never before (a case keeps the values of its start date)', () => {
    expect(set(PARAMETER.DISCHARGE_SIP_CALL_OUT_DAYS, '2', TODAY)).toMatchObject({ insert: { value: 2, validFrom: TODAY } });
    expect(set(PARAMETER.DISCHARGE_SIP_CALL_OUT_DAYS, '2', '2026-12-02')).toEqual({ refused: { field: 'validFrom', message: expect.stringContaining(TODAY) } });
  });

  it('does not silently replace a value already scheduled for that day or later', () => {
    const scheduled = { id: 'next', validFrom: '2027-02-01', validTo: null };
    expect(set(PARAMETER.DISCHARGE_DAILY_AMOUNT, '1', '2027-02-01', [scheduled])).toMatchObject({ refused: { field: 'validFrom' } });
    expect(set(PARAMETER.DISCHARGE_DAILY_AMOUNT, '1', '2027-02-02', [scheduled])).toMatchObject({ close: { id: 'next', validTo: '2027-02-01' } });
  });

  it('refuses an unknown key, a value of the wrong type and one out of range, naming the field', () => {
    expect(set('discharge.unknown', '1')).toMatchObject({ refused: { field: 'key' } });
    expect(set(PARAMETER.DISCHARGE_SIP_CALL_OUT_DAYS, '2.5')).toMatchObject({ refused: { field: 'value', message: expect.stringContaining('whole number') } });
    expect(set(PARAMETER.DISCHARGE_SIP_CALL_OUT_DAYS, '31')).toMatchObject({ refused: { field: 'value', message: expect.stringContaining('from 1 to 30 days') } });
    expect(set(PARAMETER.DISCHARGE_LATE_SEND_CUTOFF, '24:00')).toMatchObject({ refused: { field: 'value' } });
    expect(set(PARAMETER.DISCHARGE_LIABILITY_DAY_KIND, 'calendar')).toMatchObject({ refused: { field: 'value', message: expect.stringContaining('CALENDAR, WORKING') } });
    expect(set(PARAMETER.DISCHARGE_DAILY_AMOUNT, '-1')).toMatchObject({ refused: { field: 'value' } });
    expect(set(PARAMETER.DISCHARGE_SIP_CALL_OUT_DAYS, null)).toMatchObject({ refused: { field: 'value', message: expect.stringContaining('must have a value') } });
  });

  it('turns a rule off with no value where the key allows it', () => {
    expect(set(PARAMETER.DISCHARGE_LATE_SEND_CUTOFF, null)).toMatchObject({ insert: { value: null } });
    expect(set(PARAMETER.DISCHARGE_DAILY_AMOUNT, null)).toMatchObject({ insert: { value: null } });
  });
});

describe('the schemas of the keys regions set', () => {
  it('cover the values the issue names: liability days, the daily amount, the 14:00 rule, the small cell threshold, the KVÅ mapping, the look-back of event times', () => {
    const named = [
      PARAMETER.EVENTS_LOOK_BACK_DAYS,
      PARAMETER.DISCHARGE_LIABILITY_AFTER_DAYS,
      PARAMETER.DISCHARGE_DAILY_AMOUNT,
      PARAMETER.DISCHARGE_LATE_SEND_CUTOFF,
      PARAMETER.STATISTICS_SMALL_CELL_THRESHOLD,
      `${PARAMETER.SIP_KVA_CODE_PREFIX}ESTABLISH`,
      `${PARAMETER.SIP_KVA_CODE_PREFIX}FOLLOW_UP`,
    ];
    expect(named.filter((key) => !RULE_PARAMETER_SCHEMAS[key])).toEqual([]);
  });

  it('accept every seeded value of a settable key as it is stored', () => {
    const settable = DEFAULT_RULE_PARAMETERS.filter((p) => RULE_PARAMETER_SCHEMAS[p.key]);
    expect(settable.length).toBeGreaterThanOrEqual(10);
    for (const p of settable) expect([p.key, parseParameterValue(RULE_PARAMETER_SCHEMAS[p.key], String(p.value))]).toEqual([p.key, { value: p.value }]);
  });

  it('parse booleans', () => {
    const flag = { type: 'BOOLEAN' as any, description: 'a flag', unit: null };
    expect(parseParameterValue(flag, 'true')).toEqual({ value: true });
    expect(parseParameterValue(flag, 'yes')).toEqual({ problem: 'must be true or false' });
  });
});

describe('the look-back of event times', () => {
  it('is a whole number of days from 1 to 365', () => {
    const schema = RULE_PARAMETER_SCHEMAS[PARAMETER.EVENTS_LOOK_BACK_DAYS];
    expect(parseParameterValue(schema, '14')).toEqual({ value: 14 });
    expect(parseParameterValue(schema, '0')).toEqual({ problem: 'must be from 1 to 365 days' });
    expect(parseParameterValue(schema, '366')).toMatchObject({ problem: expect.any(String) });
    expect(parseParameterValue(schema, null)).toEqual({ problem: 'must have a value' });
  });
});
