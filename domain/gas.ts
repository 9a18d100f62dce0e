/**
 * Goal Attainment Scaling (GAS; Kiresuk & Sherman 1968), as the rehabilitation plans use it: each
 * goal has five described levels, −2 (much less than expected) … 0 (the expected outcome) … +2
 * (much more), a weight and a baseline; attainments are scored on those levels, and a goal set
 * sums up as the T-score
 *
 *   T = 50 + 10·Σwᵢxᵢ / √((1−ρ)·Σwᵢ² + ρ·(Σwᵢ)²)
 *
 * with ρ the assumed correlation between goals (a dated parameter, 0.3 by default). T is 50 when
 * every goal is attained as expected.
 */

/** The five levels, in the order a goal describes them. */
export const GAS_LEVELS = [-2, -1, 0, 1, 2] as const;

/** A goal as it is set: its title, its five levels in order, its weight and baseline. */
export interface GasGoalDraft {
  title: string;
  /** Each described level with the level it claims to be; valid only as −2, −1, 0, +1, +2 in that order. */
  levels: readonly { level: number; description: string }[];
  weight: number;
  baseline: number;
}

/** What is wrong with a goal set, naming the input field (e.g. `goals[1].levels`). */
export interface GasProblem {
  field: string;
  message: string;
}

const isLevel = (x: number) => Number.isInteger(x) && x >= -2 && x <= 2;

/** Why a goal set cannot be set, each problem once per goal; empty when it can. */
export function gasGoalProblems(goals: readonly GasGoalDraft[], field = 'goals'): GasProblem[] {
  const problems: GasProblem[] = [];
  goals.forEach((goal, i) => {
    const at = `${field}[${i}]`;
    if (!goal.title.trim()) problems.push({ field: `${at}.title`, message: 'A goal needs a title' });
    if (goal.levels.length !== GAS_LEVELS.length) {
      problems.push({ field: `${at}.levels`, message: `A GAS goal describes five levels (−2 … +2); got ${goal.levels.length}` });
    } else if (goal.levels.some((l, j) => l.level !== GAS_LEVELS[j])) {
      problems.push({ field: `${at}.levels`, message: 'The levels must be −2, −1, 0, +1, +2, in that order' });
    } else if (goal.levels.some((l) => !l.description.trim())) {
      problems.push({ field: `${at}.levels`, message: 'Every level needs a description' });
    }
    if (!(Number.isFinite(goal.weight) && goal.weight > 0)) problems.push({ field: `${at}.weight`, message: 'A weight must be greater than 0' });
    if (!isLevel(goal.baseline)) problems.push({ field: `${at}.baseline`, message: 'The baseline is a level from −2 to +2' });
  });
  return problems;
}

/** Why an attainment cannot be scored (null when it can). */
export function attainmentProblem(attainment: number): string | null {
  return isLevel(attainment) ? null : 'An attainment is a level from −2 to +2';
}

/** The inputs of a T-score: each goal's weight and attainment, and ρ. */
export interface TScoreInputs {
  goals: readonly { weight: number; attainment: number }[];
  rho: number;
}

/** The T-score, rounded to two decimals; null for an empty goal set (it has none). */
export function tScore({ goals, rho }: TScoreInputs): number | null {
  if (goals.length === 0) return null;
  const weighted = goals.reduce((sum, g) => sum + g.weight * g.attainment, 0);
  const squares = goals.reduce((sum, g) => sum + g.weight * g.weight, 0);
  const total = goals.reduce((sum, g) => sum + g.weight, 0);
  const t = 50 + (10 * weighted) / Math.sqrt((1 - rho) * squares + rho * total * total);
  return Math.round(t * 100) / 100;
}
