import { AccessLogBreak } from '../../domain/audit';
import type { Queryable } from './sql';

export interface ChainVerification {
  rowsChecked: number;
  firstBrokenRowId: string | null;
  firstBrokenAt: Date | null;
  breakKind: AccessLogBreak | null;
  /** Hex sha256 of the last row checked, null when none was. */
  lastHash: string | null;
}

/** The instants of a period of local dates, both days included, in the region's time zone ($4). */
const PERIOD = `at >= ($2::date::timestamp AT TIME ZONE $4) AND at < (($3::date + 1)::timestamp AT TIME ZONE $4)`;

/*
 * Recomputes one region's chain over the rows written in the period: from the first to the last
 * position written then, starting from the stored hash of the row just before (in the log, or,
 * once its month is archived, the archive's seal in access_log_archived). Each row must
 * follow its predecessor's position by one, carry its predecessor's hash as prev_hash, and hash to
 * its own hash. A wrong link is told apart afterwards, for the first broken row only (the look-up
 * of a hash elsewhere in the chain is a scan): another row's hash means reordered; otherwise the
 * row itself changed, or the row it was written after is gone.
 */
const VERIFY_SQL = `
WITH bounds AS (
  SELECT min(chain_seq) AS first_seq, max(chain_seq) AS last_seq
    FROM access_log WHERE region_id = $1 AND ${PERIOD}
),
anchor AS (
  (SELECT a.chain_seq, a.hash FROM access_log a, bounds b WHERE a.region_id = $1 AND a.chain_seq = b.first_seq - 1
   UNION ALL
   SELECT r.last_seq, r.last_hash FROM access_log_archived r, bounds b WHERE r.region_id = $1 AND r.last_seq = b.first_seq - 1)
  LIMIT 1
),
checked AS (
  SELECT l.id, l.at, l.chain_seq, l.prev_hash, l.hash,
         access_log_chain_hash(l.prev_hash, l) = l.hash AS intact,
         CASE WHEN row_number() OVER w > 1 THEN lag(l.chain_seq) OVER w
              WHEN b.first_seq = 1 THEN 0
              ELSE (SELECT chain_seq FROM anchor) END AS before_seq,
         CASE WHEN row_number() OVER w > 1 THEN lag(l.hash) OVER w
              ELSE (SELECT hash FROM anchor) END AS before_hash
    FROM access_log l CROSS JOIN bounds b
   WHERE l.region_id = $1 AND l.chain_seq BETWEEN b.first_seq AND b.last_seq
  WINDOW w AS (ORDER BY l.chain_seq)
),
judged AS (
  SELECT c.*,
         CASE WHEN c.before_seq IS NULL OR c.chain_seq <> c.before_seq + 1 THEN 'MISSING'
              WHEN c.prev_hash IS DISTINCT FROM c.before_hash THEN 'LINK'
              WHEN NOT c.intact THEN 'ALTERED' END AS broken
    FROM checked c
)
SELECT (SELECT count(*) FROM judged)::int AS "rowsChecked",
       (SELECT encode(hash, 'hex') FROM judged ORDER BY chain_seq DESC LIMIT 1) AS "lastHash",
       f.id::text AS "firstBrokenRowId", f.at AS "firstBrokenAt",
       CASE WHEN f.broken IS NULL OR f.broken <> 'LINK' THEN f.broken
            WHEN EXISTS (SELECT 1 FROM access_log o WHERE o.region_id = $1 AND o.hash = f.prev_hash AND o.id <> f.id) THEN 'REORDERED'
            WHEN NOT f.intact THEN 'ALTERED'
            ELSE 'MISSING' END AS "breakKind"
  FROM (SELECT 1) one
  LEFT JOIN LATERAL (SELECT * FROM judged WHERE broken IS NOT NULL ORDER BY chain_seq LIMIT 1) f ON true`;

/** Rows of the period without a chain position (possible only once the owner dropped the constraints and the trigger). */
const UNSEALED_SQL = `
SELECT count(*) OVER ()::int AS n, id::text AS id, at FROM access_log
 WHERE region_id = $1 AND ${PERIOD} AND (chain_seq IS NULL OR hash IS NULL)
 ORDER BY at, id LIMIT 1`;

/**
 * Verifies the access-log chain of a region for the rows written in a period of local dates (both
 * days included) in `timeZone`. Under row-level security the caller's role reads only its own
 * region's rows, which is all this reads.
 */
export async function verifyAccessLogChain(db: Queryable, regionId: string, period: { from: string; to: string }, timeZone: string): Promise<ChainVerification> {
  const params = [regionId, period.from, period.to, timeZone];
  const [chain] = await db.query(VERIFY_SQL, params);
  const [unsealed] = await db.query(UNSEALED_SQL, params);
  const result: ChainVerification = {
    rowsChecked: chain.rowsChecked + (unsealed?.n ?? 0),
    firstBrokenRowId: chain.firstBrokenRowId,
    firstBrokenAt: chain.firstBrokenAt,
    breakKind: chain.breakKind,
    lastHash: chain.lastHash,
  };
  if (unsealed && (!result.firstBrokenAt || unsealed.at < result.firstBrokenAt)) {
    Object.assign(result, { firstBrokenRowId: unsealed.id, firstBrokenAt: unsealed.at, breakKind: AccessLogBreak.UNSEALED });
  }
  return result;
}
