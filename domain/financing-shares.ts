/**
 * Financing shares of a coordination association (samordningsförbund, lag 2003:1210), in percent.
 * A share may be unknown (null). Known shares lie in (0, 100]; together they never exceed 100 %,
 * and when every member's share is known they add up to exactly 100 %.
 */
export interface ShareProblem {
  /** Index of the member the problem concerns, or null for the set as a whole. */
  index: number | null;
  message: string;
}

/** Shares are kept with two decimals; compare in hundredths to avoid floating-point drift. */
const toHundredths = (share: number) => Math.round(share * 100);

export function financingShareProblems(shares: ReadonlyArray<number | null>): ShareProblem[] {
  const problems: ShareProblem[] = [];
  shares.forEach((share, index) => {
    if (share === null) return;
    if (!Number.isFinite(share) || share <= 0 || share > 100) {
      problems.push({ index, message: 'a financing share is more than 0 and at most 100 percent' });
    } else if (Math.abs(toHundredths(share) - share * 100) > 1e-6) {
      problems.push({ index, message: 'a financing share has at most two decimals' });
    }
  });
  if (problems.length > 0) return problems;

  const known = shares.filter((s): s is number => s !== null);
  const total = known.reduce((sum, s) => sum + toHundredths(s), 0);
  if (total > 10_000) {
    problems.push({ index: null, message: `financing shares add up to ${total / 100} %, more than 100 %` });
  } else if (known.length === shares.length && known.length > 0 && total !== 10_000) {
    problems.push({ index: null, message: `financing shares of all members are known and add up to ${total / 100} %, not 100 %` });
  }
  return problems;
}
