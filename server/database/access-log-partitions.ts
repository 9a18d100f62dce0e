import type { Queryable } from '../access/sql';
import { Logger, safeError } from '../logger';

/**
 * Months of the access log made ahead of the current one (UTC). Start-up and a daily run make
 * them, so a month's partition exists well before its first row; should both stop for longer, the
 * DEFAULT partition still takes the rows (entities/migrations/1733370000000-access-log-partitions.ts).
 */
export const ACCESS_LOG_MONTHS_AHEAD = 3;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Makes the current month's and the next months' partitions where missing; answers how many it made. */
export async function prepareAccessLogMonths(db: Queryable): Promise<number> {
  const [{ made }] = await db.query(`SELECT access_log_prepare_months($1) AS made`, [ACCESS_LOG_MONTHS_AHEAD]);
  return made;
}

/**
 * Runs prepareAccessLogMonths once a day on `db` (the app role may: the function is the owner's,
 * SECURITY DEFINER). A failure is logged by its code and tried again the next day.
 */
export function scheduleAccessLogMonths(db: Queryable, logger: Logger): { stop(): void } {
  const timer = setInterval(() => {
    prepareAccessLogMonths(db).then(
      (made) => {
        if (made > 0) logger.info({ made }, 'access log: months prepared');
      },
      (error) => logger.error({ error: safeError(error) }, 'access log: preparing the next months failed'),
    );
  }, DAY_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
