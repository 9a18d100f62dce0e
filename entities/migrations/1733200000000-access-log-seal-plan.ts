import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The seal's look-up of its chain's last row keeps its index whatever the statistics say.
 *
 * Measured: once `access_log` had been analysed while empty (reltuples 0, "known empty"), the
 * seal's plan for "last row of this region's chain" was a sequential scan and a sort (cheapest
 * on an empty table); plpgsql caches that plan in the session and nothing re-plans it until the
 * next ANALYZE, so every row of a batch read the whole growing chain: 5,000-row batches took
 * 4.8 s, 15 s, 23 s (1 → 4.6 ms per row) until autovacuum analysed the table, then 0.4 s.
 * With sequential scans, bitmap scans and sorts priced out inside the seal, the only plan left
 * is the backward walk of access_log_chain_uq (region_id, chain_seq), which reads one row at any
 * size. The function's other statements touch no table, and the settings end with each call.
 */
export class AccessLogSealPlan1733200000000 implements MigrationInterface {
  name = 'AccessLogSealPlan1733200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER FUNCTION access_log_seal() SET enable_seqscan = off SET enable_bitmapscan = off SET enable_sort = off`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER FUNCTION access_log_seal() RESET enable_seqscan RESET enable_bitmapscan RESET enable_sort`);
  }
}
