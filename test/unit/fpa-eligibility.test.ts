import { FpaCriterion, fpaEligibility } from '../../domain/fpa-eligibility';
import { RehabNeed } from '../../domain/rehab-plan';

const RULE = { need: RehabNeed.LONG_TERM, ageUnder: 65 };
const met = (result: ReturnType<typeof fpaEligibility>) => (result.ok ? result.answer.reasons.map((r) => [r.criterion, r.met]) : result);

describe('FPA eligibility for demanding medical rehabilitation', () => {
  it('is given at a long-term need under 65 on the date asked, with each reason', () => {
    const result = fpaEligibility(RehabNeed.LONG_TERM, '1961-06-01', '2026-05-31', RULE);
    expect(result).toMatchObject({ ok: true, answer: { eligible: true, age: 64, onDate: '2026-05-31' } });
    expect(met(result)).toEqual([[FpaCriterion.RULE_IN_FORCE, true], [FpaCriterion.LONG_TERM_NEED, true], [FpaCriterion.AGE, true]]);
  });

  it('ends on the 65th birthday', () => {
    const result = fpaEligibility(RehabNeed.LONG_TERM, '1961-06-01', '2026-06-01', RULE);
    expect(result).toMatchObject({ ok: true, answer: { eligible: false, age: 65 } });
    expect(met(result)).toEqual([[FpaCriterion.RULE_IN_FORCE, true], [FpaCriterion.LONG_TERM_NEED, true], [FpaCriterion.AGE, false]]);
  });

  it('says so where no rule applies', () => {
    expect(met(fpaEligibility(RehabNeed.LONG_TERM, '1980-01-01', '2026-01-01', undefined))).toEqual([[FpaCriterion.RULE_IN_FORCE, false]]);
  });

  it('refuses a short-term need, naming the field', () => {
    expect(fpaEligibility(RehabNeed.SHORT_TERM, '1980-01-01', '2026-01-01', RULE)).toMatchObject({ ok: false, field: 'need' });
  });
});
