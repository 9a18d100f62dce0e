import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Chains the access log: one chain per region (rows without a region form a chain of their own),
 * each row with its position (`chain_seq`), the previous row's hash (`prev_hash`) and its own
 * `hash` = sha256(prev_hash || canonical text of every other column). The append-only trigger does
 * not bind the table's owner, who can disable it; a changed, removed or reordered row then no
 * longer fits the chain, which `accessLogVerify` recomputes.
 */
export class AccessLogChain1733100000000 implements MigrationInterface {
  name = 'AccessLogChain1733100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE access_log ADD COLUMN chain_seq bigint, ADD COLUMN prev_hash bytea, ADD COLUMN hash bytea`);
    // The canonical text is the row as jsonb (keys in a fixed order) without the chain's own
    // columns and without nulls, so a nullable column added later leaves older rows' hashes valid.
    // Timestamps render in the session's time zone: fixed to UTC so every session hashes alike.
    await q.query(`
      CREATE FUNCTION access_log_chain_hash(prev bytea, entry access_log) RETURNS bytea
      LANGUAGE sql STABLE SET timezone = 'UTC' AS $$
        SELECT sha256(coalesce(prev, '\\x'::bytea)
                      || convert_to(jsonb_strip_nulls(to_jsonb(entry) - 'chain_seq' - 'prev_hash' - 'hash')::text, 'UTF8'))
      $$`);
    // SECURITY DEFINER: the application's role may see only its region's rows (row-level
    // security), but the seal must read the chain's last row whoever writes. VOLATILE, so that
    // each row of a multi-row INSERT sees the rows the same statement sealed before it. The
    // advisory lock serialises writers of one chain until their transaction ends; writers run at
    // READ COMMITTED, so the last row read after the lock is the one its holder committed.
    await q.query(`
      CREATE FUNCTION access_log_seal() RETURNS trigger
      LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
      DECLARE
        last_seq bigint;
        last_hash bytea;
      BEGIN
        PERFORM pg_advisory_xact_lock(4250613, hashtext(coalesce(NEW.region_id::text, '')));
        IF NEW.region_id IS NULL THEN
          SELECT chain_seq, hash INTO last_seq, last_hash FROM access_log
           WHERE region_id IS NULL AND chain_seq IS NOT NULL ORDER BY chain_seq DESC LIMIT 1;
        ELSE
          SELECT chain_seq, hash INTO last_seq, last_hash FROM access_log
           WHERE region_id = NEW.region_id AND chain_seq IS NOT NULL ORDER BY chain_seq DESC LIMIT 1;
        END IF;
        NEW.chain_seq := coalesce(last_seq, 0) + 1;
        NEW.prev_hash := last_hash;
        NEW.hash := access_log_chain_hash(last_hash, NEW);
        RETURN NEW;
      END $$`);
    // BEFORE triggers fire in name order: the seal must come last (after access_log_resolve,
    // which fills columns), since it hashes the row as it will be stored.
    await q.query(`CREATE TRIGGER access_log_seal BEFORE INSERT ON access_log FOR EACH ROW EXECUTE FUNCTION access_log_seal()`);

    // Rows written before the chain existed are chained in the order they were written.
    await q.query(`ALTER TABLE access_log DISABLE TRIGGER access_log_no_change`);
    await q.query(`
      UPDATE access_log l SET chain_seq = s.seq
        FROM (SELECT id, row_number() OVER (PARTITION BY region_id ORDER BY id) AS seq FROM access_log) s
       WHERE s.id = l.id`);
    await q.query(`
      DO $$
      DECLARE
        entry access_log;
        prev bytea;
      BEGIN
        FOR entry IN SELECT * FROM access_log ORDER BY region_id NULLS FIRST, chain_seq LOOP
          IF entry.chain_seq = 1 THEN prev := NULL; END IF;
          UPDATE access_log SET prev_hash = prev, hash = access_log_chain_hash(prev, entry) WHERE id = entry.id RETURNING hash INTO prev;
        END LOOP;
      END $$`);
    await q.query(`ALTER TABLE access_log ENABLE TRIGGER access_log_no_change`);
    await q.query(`ALTER TABLE access_log ALTER COLUMN chain_seq SET NOT NULL, ALTER COLUMN hash SET NOT NULL`);
    // One position per chain; also the index the seal's "last row" and verification walk.
    await q.query(`CREATE UNIQUE INDEX access_log_chain_uq ON access_log (region_id, chain_seq) NULLS NOT DISTINCT`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX access_log_chain_uq`);
    await q.query(`DROP TRIGGER access_log_seal ON access_log`);
    await q.query(`DROP FUNCTION access_log_seal()`);
    await q.query(`ALTER TABLE access_log DROP COLUMN chain_seq, DROP COLUMN prev_hash, DROP COLUMN hash`);
    await q.query(`DROP FUNCTION access_log_chain_hash(bytea, access_log)`);
  }
}
