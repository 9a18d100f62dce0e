import { attainmentProblem, GasGoalDraft, gasGoalProblems, tScore } from '../../domain/gas';

const levels = [-2, -1, 0, 1, 2].map((level) => ({ level, description: `nivå ${level}` }));
const goal = (extra: Partial<GasGoalDraft> = {}): GasGoalDraft => ({ title: 'Gå 500 m', levels, weight: 1, baseline: -1, ...extra });
const equal = (attainments: number[]) => attainments.map((attainment) => ({ weight: 1, attainment }));

describe('the Kiresuk–Sherman T-score', () => {
  it('is 50.00 when every goal is attained as expected', () => {
    expect(tScore({ goals: equal([0, 0, 0]), rho: 0.3 })).toBe(50);
  });

  it('is 63.69 for three equal-weight goals at +1 and 25.19 for two at −2 (ρ 0.3)', () => {
    expect(tScore({ goals: equal([1, 1, 1]), rho: 0.3 })).toBe(63.69);
    expect(tScore({ goals: equal([-2, -2]), rho: 0.3 })).toBe(25.19);
  });

  it('weighs each goal by its weight and takes ρ as given', () => {
    // 50 + 10·(2·1 + 1·(−1)) / √(0.7·5 + 0.3·9) = 50 + 10 / √6.2
    expect(tScore({ goals: [{ weight: 2, attainment: 1 }, { weight: 1, attainment: -1 }], rho: 0.3 })).toBe(54.02);
    // With uncorrelated goals (ρ 0) one goal at +1 is 60.
    expect(tScore({ goals: equal([1]), rho: 0 })).toBe(60);
    expect(tScore({ goals: equal([1, 1]), rho: 0.5 })).not.toBe(tScore({ goals: equal([1, 1]), rho: 0.3 }));
  });

  it('has none for an empty goal set', () => {
    expect(tScore({ goals: [], rho: 0.3 })).toBeNull();
  });
});

describe('GAS goals and scores', () => {
  it('accepts five described levels in order, a weight above 0 and a baseline on the scale', () => {
    expect(gasGoalProblems([goal(), goal({ weight: 0.5, baseline: -2 })])).toEqual([]);
  });

  it('refuses levels that are not five, not in order or not described, naming the goal', () => {
    expect(gasGoalProblems([goal(), goal({ levels: levels.slice(1) })])).toEqual([{ field: 'goals[1].levels', message: expect.stringContaining('five levels') }]);
    expect(gasGoalProblems([goal({ levels: [...levels].reverse() })])).toEqual([{ field: 'goals[0].levels', message: expect.stringContaining('in that order') }]);
    expect(gasGoalProblems([goal({ levels: levels.map((l) => (l.level === 0 ? { ...l, level: 3 } : l)) })]).map((p) => p.field)).toEqual(['goals[0].levels']);
    expect(gasGoalProblems([goal({ levels: levels.map((l) => ({ ...l, description: l.level === 1 ? ' ' : l.description })) })]).map((p) => p.field)).toEqual(['goals[0].levels']);
  });

  it('refuses a weight of 0 or below (or not a number) and a baseline off the scale', () => {
    for (const weight of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) expect(gasGoalProblems([goal({ weight })]).map((p) => p.field)).toEqual(['goals[0].weight']);
    for (const baseline of [3, -3, 0.5]) expect(gasGoalProblems([goal({ baseline })]).map((p) => p.field)).toEqual(['goals[0].baseline']);
    expect(gasGoalProblems([goal({ title: ' ', weight: 0 })]).map((p) => p.field)).toEqual(['goals[0].title', 'goals[0].weight']);
  });

  it('scores whole levels from −2 to +2 only', () => {
    for (const x of [-2, -1, 0, 1, 2]) expect(attainmentProblem(x)).toBeNull();
    for (const x of [3, -3, 0.5]) expect(attainmentProblem(x)).toMatch(/−2 to \+2/);
  });
});
