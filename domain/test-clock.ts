/** A move of a controlled clock: the distance ahead of the real time that puts it at `to`. */
export type ClockAdvance = { offsetMs: number } | { refused: string };

/**
 * Whether a controlled clock that reads `now` (running `offsetMs` ahead of `realNow`) may move to
 * `to`: only forward (to `now` itself is no move), and the distance never shrinks.
 */
export function decideClockAdvance(now: Date, to: Date, realNow: Date, offsetMs: number): ClockAdvance {
  if (to.getTime() < now.getTime()) return { refused: `to: the clock reads ${now.toISOString()} and only moves forward` };
  return { offsetMs: Math.max(offsetMs, to.getTime() - realNow.getTime()) };
}
