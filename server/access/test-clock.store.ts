import { Role } from '../../domain/enums';
import { decideClockAdvance } from '../../domain/test-clock';
import { BadUserInputError, ForbiddenError } from '../../schema/common/errors';
import { isControlled } from '../controlled-clock';
import type { RequestScope } from './request-scope';

/** The deployment's clock: what it reads, and a TENANT_ADMIN's move of a controlled one. */
export class TestClockStore {
  constructor(private readonly scope: RequestScope) {}

  /** What "now" is for this deployment, and whether it is a controlled clock. */
  read(): { now: Date; controlled: boolean } {
    this.scope.requireViewer();
    return { now: this.scope.now(), controlled: isControlled(this.scope.clock) };
  }

  /**
   * Moves a controlled clock forward to `to` (TENANT_ADMIN): FORBIDDEN where the clock is the
   * system's, BAD_USER_INPUT on `to` when it lies before the clock's now. The move is stored
   * (row locked, so concurrent moves take turns) before the clock takes it over.
   */
  async advance(to: Date): Promise<{ now: Date; controlled: boolean }> {
    const viewer = this.scope.requireRole(Role.TENANT_ADMIN);
    const clock = this.scope.clock;
    if (!isControlled(clock)) throw new ForbiddenError('to: this deployment runs on the system clock; only a server started with CLOCK=controlled can be moved', 'to');
    const offsetMs = await this.scope.db.transaction(async (tx) => {
      const [row] = await tx.query(`SELECT offset_ms::float8 AS "offsetMs" FROM controlled_clock FOR UPDATE`);
      // The real time: the distance ahead is measured from it.
      const realNow = new Date();
      const decision = decideClockAdvance(clock.now(), to, realNow, row.offsetMs);
      if ('refused' in decision) throw new BadUserInputError(decision.refused, 'to');
      await tx.query(
        `UPDATE controlled_clock SET offset_ms = $1, advanced_to = $2, advanced_at = $3, advanced_by_user_id = $4, advanced_by_organisation_id = $5`,
        [decision.offsetMs, to, realNow, viewer.userId, viewer.organisationId],
      );
      return decision.offsetMs;
    });
    clock.movedTo(offsetMs, to);
    this.scope.logger.info({ userId: viewer.userId, to: to.toISOString() }, 'test clock advanced');
    return this.read();
  }
}
