import type { Viewer } from '../auth/viewer';
import type { Queryable } from './sql';

/**
 * The viewers who wrote recently, kept on the primary (table recent_writer, UNLOGGED: see its
 * migration) so that every instance knows them. Times are the primary's clock at both ends, so the
 * instances' clocks never meet.
 */

/** `viewer`'s request that wrote has ended, now: one upsert by key, on `primary`. */
export async function markWrote(primary: Queryable, viewer: Viewer): Promise<void> {
  await primary.query(
    `INSERT INTO recent_writer (organisation_id, user_id, region_id, wrote_at) VALUES ($1, $2, $3, now())
     ON CONFLICT (organisation_id, user_id) DO UPDATE SET wrote_at = excluded.wrote_at`,
    [viewer.organisationId, viewer.userId, viewer.regionId],
  );
}

/** Whether `viewer` wrote within the last `windowMs`: one read by key, on `primary`; an older row counts as none. */
export async function wroteWithin(primary: Queryable, viewer: Viewer, windowMs: number): Promise<boolean> {
  const [row] = await primary.query<{ recent: boolean }[]>(
    `SELECT EXISTS (SELECT 1 FROM recent_writer WHERE organisation_id = $1 AND user_id = $2 AND wrote_at > now() - $3::int * interval '1 millisecond') AS recent`,
    [viewer.organisationId, viewer.userId, windowMs],
  );
  return row.recent;
}
