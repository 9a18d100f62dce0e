import { DataSource } from 'typeorm';
import type { Clock } from './access/request-scope';

/**
 * The clock of a deployment started with CLOCK=controlled (the pattern of Stripe's test clocks):
 * it starts at the real time and runs on with it, a set distance ahead, which only grows: a
 * TENANT_ADMIN moves it forward (`testClockAdvance`), never back. The distance is kept in the
 * database (`controlled_clock`), so a restart does not move it back, and the clock runs on between
 * moves, so records made one after another keep their order. Its `floor`, the last instant it was
 * moved to, holds it there even if the machine's clock is set back.
 *
 * Each instance holds the distance in memory: a deployment with several instances sees a move on
 * the others only after their restart (test deployments run one).
 */
export class ControlledClock implements Clock {
  private constructor(
    private offsetMs: number,
    private floorMs: number,
  ) {}

  /** The clock as the database keeps it (the migration creates its one row). */
  static async load(db: DataSource): Promise<ControlledClock> {
    const [row] = await db.query(`SELECT offset_ms::float8 AS "offsetMs", advanced_to AS "advancedTo" FROM controlled_clock`);
    if (!row) throw new Error('controlled_clock has no row: the migrations have not run');
    return new ControlledClock(row.offsetMs, row.advancedTo ? new Date(row.advancedTo).getTime() : 0);
  }

  now(): Date {
    return new Date(Math.max(Date.now() + this.offsetMs, this.floorMs));
  }

  /** Takes over a move another transaction has stored (see TestClockStore.advance). */
  movedTo(offsetMs: number, to: Date): void {
    this.offsetMs = Math.max(this.offsetMs, offsetMs);
    this.floorMs = Math.max(this.floorMs, to.getTime());
  }
}

/** Whether a clock is a deployment's controlled clock. */
export const isControlled = (clock: Clock): clock is ControlledClock => clock instanceof ControlledClock;
