/** Planner statistics: small counts identify people, so they are shown only as "fewer than". */

export interface SuppressedCount {
  /** null when suppressed. */
  value: number | null;
  suppressed: boolean;
  /** What a report shows: the count, or '<threshold'. */
  display: string;
}

/**
 * Hides counts from 1 to threshold - 1. Zero is shown: it identifies nobody. The threshold (5 by
 * practice) is configuration, passed in.
 */
export function suppressSmall(count: number, threshold: number): SuppressedCount {
  return count > 0 && count < threshold
    ? { value: null, suppressed: true, display: `<${threshold}` }
    : { value: count, suppressed: false, display: String(count) };
}
