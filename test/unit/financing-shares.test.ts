import { financingShareProblems } from '../../domain/financing-shares';

describe('financing shares of a coordination association', () => {
  it('accepts shares that are all known and add up to 100 % (Finsam Falun-Borlänge)', () => {
    expect(financingShareProblems([25, 25, 25, 13, 12])).toEqual([]);
  });

  it('accepts partly known shares that stay at or under 100 % (Södra Dalarna)', () => {
    expect(financingShareProblems([25, null, null, 11, 8, 6])).toEqual([]);
    expect(financingShareProblems([null, null])).toEqual([]);
  });

  it('refuses known shares above 100 % in total', () => {
    expect(financingShareProblems([60, 50, null])).toEqual([{ index: null, message: expect.stringMatching(/110 %, more than 100 %/) }]);
  });

  it('refuses all-known shares that do not reach 100 %', () => {
    expect(financingShareProblems([25, 25, 25, 13])).toEqual([{ index: null, message: expect.stringMatching(/88 %, not 100 %/) }]);
  });

  it('names the member whose share is out of range or too precise', () => {
    expect(financingShareProblems([50, 0, null])).toEqual([{ index: 1, message: expect.stringMatching(/more than 0/) }]);
    expect(financingShareProblems([101])).toEqual([{ index: 0, message: expect.stringMatching(/at most 100/) }]);
    expect(financingShareProblems([33.333, null])).toEqual([{ index: 0, message: expect.stringMatching(/two decimals/) }]);
  });

  it('adds decimals without floating-point drift', () => {
    expect(financingShareProblems([33.33, 33.33, 33.34])).toEqual([]);
    expect(financingShareProblems([0.1, 0.2, 99.7])).toEqual([]);
  });
});
