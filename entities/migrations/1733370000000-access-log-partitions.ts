import { MigrationInterface, QueryRunner } from 'typeorm';

/** Every column of the access log, in the order the unpartitioned table had them. */
const COLUMNS = `id, at, request_id, region_id, user_id, organisation_id, care_unit_id, roles, patient_id, action, record_type, record_id,
  purpose, outcome, patient_region_id, chain_seq, prev_hash, hash`;

const TABLE = `
        id bigint GENERATED ALWAYS AS IDENTITY,
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        request_id uuid,
        region_id uuid,
        user_id text,
        organisation_id uuid,
        care_unit_id uuid,
        roles text[] NOT NULL DEFAULT '{}',
        patient_id uuid,
        action text NOT NULL,
        record_type text NOT NULL,
        record_id uuid,
        purpose text,
        outcome text NOT NULL,
        patient_region_id uuid,
        chain_seq bigint NOT NULL,
        prev_hash bytea,
        hash bytea NOT NULL`;

/** The indexes every partition carries (the unpartitioned table's, the chain's no longer unique). */
const INDEXES = [
  `CREATE INDEX access_log_request_idx ON access_log (request_id)`,
  `CREATE INDEX access_log_patient_region_idx ON access_log (patient_region_id, at)`,
  `CREATE INDEX access_log_region_at_idx ON access_log (region_id, at, id)`,
  `CREATE INDEX access_log_region_refused_at_idx ON access_log (region_id, at, id) WHERE outcome <> 'ALLOWED'`,
];

/** The hash of 1733100000000-access-log-chain, for a row of any of the log's tables (`entry`). */
const chainHash = (entryType: string) => `
      CREATE FUNCTION access_log_chain_hash(prev bytea, entry ${entryType}) RETURNS bytea
      LANGUAGE sql STABLE SET timezone = 'UTC' AS $$
        SELECT sha256(coalesce(prev, '\\x'::bytea)
                      || convert_to(jsonb_strip_nulls(to_jsonb(entry) - 'chain_seq' - 'prev_hash' - 'hash')::text, 'UTF8'))
      $$`;

/** The row-level security of 1733000000000-tenancy-in-the-database, on the table named. */
async function tenancy(q: QueryRunner, table: string): Promise<void> {
  await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
  await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
  await q.query(`CREATE POLICY access_log_owner ON ${table} TO CURRENT_USER USING (true) WITH CHECK (true)`);
  await q.query(`CREATE POLICY access_log_append ON ${table} FOR INSERT WITH CHECK (region_id IS NOT DISTINCT FROM (SELECT app_region_id()))`);
  await q.query(`CREATE POLICY access_log_read ON ${table} FOR SELECT USING (region_id = (SELECT app_region_id()) OR patient_region_id = (SELECT app_region_id()))`);
}

/** The triggers of the earlier migrations: patient resolved, row sealed (in that order, by name), no change, no truncate. */
async function triggers(q: QueryRunner, table: string): Promise<void> {
  await q.query(`CREATE TRIGGER access_log_resolve BEFORE INSERT ON ${table} FOR EACH ROW EXECUTE FUNCTION access_log_resolve()`);
  await q.query(`CREATE TRIGGER access_log_seal BEFORE INSERT ON ${table} FOR EACH ROW EXECUTE FUNCTION access_log_seal()`);
  await q.query(`CREATE TRIGGER access_log_no_change BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION access_log_append_only()`);
  await q.query(`CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION access_log_append_only()`);
}

/**
 * The access log partitioned by month (issue 19): `access_log` becomes a table partitioned by
 * RANGE on `at`, one partition a calendar month in UTC (`access_log_y2026m12`), so that the
 * archive step (server/database/access-log-archive.ts) detaches and drops a month past the
 * retention instead of deleting rows, and reads of a period touch only its months.
 *
 * What changes with it:
 * - The primary key is (id, at): a key of a partitioned table must hold the partition key. No
 *   foreign key points at the log, and `id` stays unique by its identity sequence.
 * - The chain's position (region_id, chain_seq) can no longer be a unique index (it spans
 *   partitions). The seal is what hands out positions, one writer of a chain at a time, and a
 *   duplicate would show in accessLogVerify as MISSING; the index stays, not unique.
 * - The seal looks for its chain's last row in one month only: `access_log_chain_head` keeps, per
 *   chain, the month (UTC) of the row sealed last, moved by the seal when a row falls in another
 *   month (about once a month). "Last row of the chain" over the whole partitioned table would open
 *   every partition's index on every insert, a cost growing with the retention; a head holding the
 *   last position and hash instead would be one row updated by every insert, whose versions pile up
 *   while any snapshot is open (a backup, a long report) and slow every seal. The head only guides
 *   the seal: verification recomputes the chain from the rows alone.
 * - A patient's index is (patient_id, id), the order patientAccessLog reads (was (patient_id, at)):
 *   over many months, (patient_id, at) left a page of a long-stay patient's log to fetch and sort
 *   all of that patient's rows (12,513 rows, 39 ms, at 10 million rows).
 * - `access_log_chain_hash` takes any of the log's row types (a trigger on a partition sees the
 *   partition's own row type); the hash is the same text as before, so every stored hash stands.
 * - `access_log_archived` keeps, per archived month and chain, the last position and hash taken
 *   away, so the verification of the rows that remain starts from the archive's seal.
 *
 * Months are made ahead (`access_log_prepare_months`, at start-up and daily), and a DEFAULT
 * partition takes any row whose month has none (a back-dated or far-future `at`): an insert into
 * the log is never refused for want of a partition, since a refused log row refuses the access it
 * records. Every partition is protected as the parent is: the row triggers are cloned to it by
 * PostgreSQL; row-level security (forced, with no policy: nobody reads a partition directly) and
 * the TRUNCATE trigger are added by `access_log_create_partition`; the app role gets no grant on a
 * partition (it reaches the rows through the parent only).
 */
export class AccessLogPartitions1733370000000 implements MigrationInterface {
  name = 'AccessLogPartitions1733370000000';

  async up(q: QueryRunner): Promise<void> {
    for (const index of ['access_log_patient_idx', 'access_log_request_idx', 'access_log_patient_region_idx', 'access_log_chain_uq', 'access_log_region_at_idx', 'access_log_region_refused_at_idx']) {
      await q.query(`DROP INDEX ${index}`);
    }
    await q.query(`ALTER TABLE access_log RENAME TO access_log_unpartitioned`);
    await q.query(`ALTER TABLE access_log_unpartitioned RENAME CONSTRAINT access_log_pkey TO access_log_unpartitioned_pkey`);
    await q.query(`ALTER SEQUENCE access_log_id_seq RENAME TO access_log_unpartitioned_id_seq`);
    await q.query(`CREATE TABLE access_log (${TABLE}, PRIMARY KEY (id, at)) PARTITION BY RANGE (at)`);
    await q.query(`REVOKE ALL ON access_log FROM PUBLIC`);

    // A partition is made by the owner, under the parent's protections (see the class comment).
    // Partitions are made while nobody may write the month yet; a month whose rows already sit in
    // the default partition stays there (moving rows would delete and re-insert log rows).
    await q.query(`
      CREATE FUNCTION access_log_create_partition(in_month date) RETURNS boolean
      LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
      DECLARE
        first_day timestamp := date_trunc('month', in_month::timestamp);
        part text := 'access_log_' || to_char(first_day, '"y"YYYY"m"MM');
        lo text := to_char(first_day, 'YYYY-MM-DD') || ' 00:00:00+00';
        hi text := to_char(first_day + interval '1 month', 'YYYY-MM-DD') || ' 00:00:00+00';
      BEGIN
        -- Instances preparing months at once make each one once.
        PERFORM pg_advisory_xact_lock(4250614);
        IF to_regclass('public.' || part) IS NOT NULL THEN RETURN false; END IF;
        -- Through the partitioned table: a partition's own row-level security admits nobody.
        IF to_regclass('public.access_log_default') IS NOT NULL
           AND EXISTS (SELECT 1 FROM public.access_log WHERE tableoid = 'public.access_log_default'::regclass AND at >= lo::timestamptz AND at < hi::timestamptz) THEN
          RETURN false;
        END IF;
        EXECUTE format('CREATE TABLE public.%I PARTITION OF public.access_log FOR VALUES FROM (%L) TO (%L)', part, lo, hi);
        PERFORM public.access_log_protect_partition(part);
        RETURN true;
      END $$`);
    await q.query(`
      CREATE FUNCTION access_log_protect_partition(part text) RETURNS void
      LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
      BEGIN
        EXECUTE format('ALTER TABLE public.%I ENABLE ROW LEVEL SECURITY', part);
        EXECUTE format('ALTER TABLE public.%I FORCE ROW LEVEL SECURITY', part);
        EXECUTE format('REVOKE ALL ON public.%I FROM PUBLIC', part);
        EXECUTE format('CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON public.%I FOR EACH STATEMENT EXECUTE FUNCTION public.access_log_append_only()', part);
      END $$`);
    // The months from the current one (UTC) to `ahead` months after it. SECURITY DEFINER: the app
    // role (which owns nothing) calls it daily; it makes nothing but the next months' partitions.
    await q.query(`
      CREATE FUNCTION access_log_prepare_months(ahead int) RETURNS int
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
      DECLARE
        made int := 0;
      BEGIN
        IF ahead IS NULL OR ahead < 0 OR ahead > 12 THEN
          RAISE EXCEPTION 'access_log_prepare_months: ahead must be 0 to 12 months' USING ERRCODE = 'invalid_parameter_value';
        END IF;
        FOR i IN 0..ahead LOOP
          IF public.access_log_create_partition((date_trunc('month', now() AT TIME ZONE 'UTC') + make_interval(months => i))::date) THEN
            made := made + 1;
          END IF;
        END LOOP;
        RETURN made;
      END $$`);
    for (const fn of ['access_log_create_partition(date)', 'access_log_protect_partition(text)', 'access_log_prepare_months(int)']) {
      await q.query(`REVOKE EXECUTE ON FUNCTION ${fn} FROM PUBLIC`);
    }

    await q.query(`CREATE TABLE access_log_default PARTITION OF access_log DEFAULT`);
    await q.query(`SELECT access_log_protect_partition('access_log_default')`);
    await q.query(`SELECT access_log_create_partition(m::date) FROM (SELECT DISTINCT date_trunc('month', at AT TIME ZONE 'UTC') AS m FROM access_log_unpartitioned) months`);
    await q.query(`SELECT access_log_prepare_months(3)`);

    // The rows as they are, in their order, before the triggers exist (they are sealed already).
    await q.query(`INSERT INTO access_log (${COLUMNS}) OVERRIDING SYSTEM VALUE SELECT ${COLUMNS} FROM access_log_unpartitioned ORDER BY id`);
    await q.query(`SELECT setval(pg_get_serial_sequence('access_log', 'id'), (SELECT max(id) FROM access_log_unpartitioned))`);
    for (const index of INDEXES) await q.query(index);
    // A patient's log is read newest first by id (patientAccessLog): in id order in each month, so
    // a page merges the months' newest rows instead of sorting all of a long-stay patient's rows.
    await q.query(`CREATE INDEX access_log_patient_idx ON access_log (patient_id, id)`);
    await q.query(`CREATE INDEX access_log_chain_idx ON access_log (region_id, chain_seq)`);

    await q.query(`
      CREATE TABLE access_log_chain_head (
        region_id uuid,
        month timestamptz NOT NULL,
        CONSTRAINT access_log_chain_head_uq UNIQUE NULLS NOT DISTINCT (region_id)
      )`);
    await q.query(`REVOKE ALL ON access_log_chain_head FROM PUBLIC`);
    await q.query(`INSERT INTO access_log_chain_head (region_id, month)
      SELECT DISTINCT ON (region_id) region_id, date_trunc('month', at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' FROM access_log ORDER BY region_id, chain_seq DESC`);
    await q.query(`
      CREATE TABLE access_log_archived (
        partition text NOT NULL,
        region_id uuid,
        first_seq bigint NOT NULL,
        last_seq bigint NOT NULL,
        rows bigint NOT NULL,
        last_hash bytea NOT NULL,
        file text NOT NULL,
        file_sha256 text NOT NULL,
        archived_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT access_log_archived_uq UNIQUE NULLS NOT DISTINCT (partition, region_id)
      )`);
    await q.query(`CREATE INDEX access_log_archived_chain_idx ON access_log_archived (region_id, last_seq)`);

    await q.query(`DROP FUNCTION access_log_chain_hash(bytea, access_log_unpartitioned)`);
    await q.query(`DROP TABLE access_log_unpartitioned`);
    await q.query(chainHash('anyelement'));
    await q.query(sealFunction('access_log_chain_head'));
    await triggers(q, 'access_log');
    await tenancy(q, 'access_log');
    await q.query(`ANALYZE access_log`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE access_log RENAME TO access_log_partitioned`);
    for (const index of ['access_log_patient_idx', 'access_log_request_idx', 'access_log_patient_region_idx', 'access_log_region_at_idx', 'access_log_region_refused_at_idx', 'access_log_chain_idx']) {
      await q.query(`DROP INDEX ${index}`);
    }
    await q.query(`ALTER TABLE access_log_partitioned RENAME CONSTRAINT access_log_pkey TO access_log_partitioned_pkey`);
    await q.query(`ALTER SEQUENCE access_log_id_seq RENAME TO access_log_partitioned_id_seq`);
    await q.query(`CREATE TABLE access_log (${TABLE}, PRIMARY KEY (id))`);
    await q.query(`INSERT INTO access_log (${COLUMNS}) OVERRIDING SYSTEM VALUE SELECT ${COLUMNS} FROM access_log_partitioned ORDER BY id`);
    await q.query(`SELECT setval(pg_get_serial_sequence('access_log', 'id'), (SELECT max(id) FROM access_log_partitioned))`);
    for (const index of INDEXES) await q.query(index);
    await q.query(`CREATE INDEX access_log_patient_idx ON access_log (patient_id, at)`);
    await q.query(`CREATE UNIQUE INDEX access_log_chain_uq ON access_log (region_id, chain_seq) NULLS NOT DISTINCT`);
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON access_log FROM PUBLIC`);

    await q.query(`DROP FUNCTION access_log_chain_hash(bytea, anyelement)`);
    await q.query(chainHash('access_log'));
    await q.query(sealFunction('access_log'));
    await q.query(`DROP TABLE access_log_partitioned`);
    await q.query(`DROP TABLE access_log_chain_head`);
    await q.query(`DROP TABLE access_log_archived`);
    for (const fn of ['access_log_prepare_months(int)', 'access_log_create_partition(date)', 'access_log_protect_partition(text)']) await q.query(`DROP FUNCTION ${fn}`);
    await triggers(q, 'access_log');
    await tenancy(q, 'access_log');
  }
}

/**
 * The seal of 1733100000000-access-log-chain (with the plan settings of 1733200000000), finding the
 * chain's last row in the whole log (down) or, guided by the head, in the month of the row sealed
 * last (plan_cache_mode: each look-up planned with its month's bounds as constants, so the planner
 * prunes to that one partition; bounds computed in the query, timestamptz + interval being only
 * STABLE, would leave every partition to plan).
 * Once that month is archived, the chain continues from the archive's seal.
 */
function sealFunction(source: 'access_log_chain_head' | 'access_log'): string {
  const chain = (column: string) => `(CASE WHEN NEW.region_id IS NULL THEN ${column} IS NULL ELSE ${column} = NEW.region_id END)`;
  if (source === 'access_log') {
    return sealBody(
      '',
      `
        IF NEW.region_id IS NULL THEN
          SELECT chain_seq, hash INTO tip_seq, tip_hash FROM access_log WHERE region_id IS NULL AND chain_seq IS NOT NULL ORDER BY chain_seq DESC LIMIT 1;
        ELSE
          SELECT chain_seq, hash INTO tip_seq, tip_hash FROM access_log WHERE region_id = NEW.region_id AND chain_seq IS NOT NULL ORDER BY chain_seq DESC LIMIT 1;
        END IF;`,
      '',
    );
  }
  return sealBody(
    ' SET plan_cache_mode = force_custom_plan',
    `
        row_month := date_trunc('month', NEW.at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC';
        IF NEW.region_id IS NULL THEN
          SELECT month, month + interval '1 month' INTO tip_month, tip_end FROM access_log_chain_head WHERE region_id IS NULL;
          SELECT chain_seq, hash INTO tip_seq, tip_hash FROM access_log
           WHERE region_id IS NULL AND chain_seq IS NOT NULL AND at >= tip_month AND at < tip_end ORDER BY chain_seq DESC LIMIT 1;
        ELSE
          SELECT month, month + interval '1 month' INTO tip_month, tip_end FROM access_log_chain_head WHERE region_id = NEW.region_id;
          SELECT chain_seq, hash INTO tip_seq, tip_hash FROM access_log
           WHERE region_id = NEW.region_id AND chain_seq IS NOT NULL AND at >= tip_month AND at < tip_end ORDER BY chain_seq DESC LIMIT 1;
        END IF;
        IF tip_month IS NOT NULL AND tip_seq IS NULL THEN
          SELECT last_seq, last_hash INTO tip_seq, tip_hash FROM access_log_archived WHERE ${chain('region_id')} ORDER BY last_seq DESC LIMIT 1;
        END IF;`,
    `
        -- The head moves with the row, in the same statement: a failed insert takes its move back too.
        IF tip_month IS NULL THEN
          INSERT INTO access_log_chain_head (region_id, month) VALUES (NEW.region_id, row_month);
        ELSIF tip_month <> row_month THEN
          UPDATE access_log_chain_head SET month = row_month WHERE ${chain('region_id')};
        END IF;`,
  );
}

const sealBody = (settings: string, findLast: string, moveHead: string) => `
      CREATE OR REPLACE FUNCTION access_log_seal() RETURNS trigger
      LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public
      SET enable_seqscan = off SET enable_bitmapscan = off SET enable_sort = off${settings} AS $$
      DECLARE
        tip_seq bigint;
        tip_hash bytea;
        tip_month timestamptz;
        tip_end timestamptz;
        row_month timestamptz;
      BEGIN
        PERFORM pg_advisory_xact_lock(4250613, hashtext(coalesce(NEW.region_id::text, '')));${findLast}
        NEW.chain_seq := coalesce(tip_seq, 0) + 1;
        NEW.prev_hash := tip_hash;
        NEW.hash := access_log_chain_hash(tip_hash, NEW);${moveHead}
        RETURN NEW;
      END $$`;
