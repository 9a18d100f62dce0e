import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { firstKeptMonth, monthsPastRetention } from '../../domain/access-log-retention';
import { parameterOn, PARAMETER } from '../../domain/rule-parameters';
import type { Queryable } from '../access/sql';

/** A connection that can also run a transaction: the owner's, for the archive step. */
export interface Session extends Queryable {
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
}

/** Why the archive step stopped; nothing of the month it names was removed. */
export type ArchiveRefusal = 'NOT_OWNER' | 'NO_RETENTION' | 'CHAIN_INTERLEAVED' | 'FILE_EXISTS' | 'EXPORT_MISMATCH';

export class AccessLogArchiveError extends Error {
  constructor(
    readonly code: ArchiveRefusal,
    message: string,
  ) {
    super(message);
  }
}

/** One chain's part of an archived month: where the rows that remain continue from. */
export interface ChainSeal {
  regionId: string | null;
  firstSeq: number;
  /** The hash the month's first row of the chain was sealed after (the row before it). */
  firstPrevHash: string | null;
  lastSeq: number;
  lastHash: string;
  rows: number;
}

/** What `<partition>.manifest.json` holds beside `<partition>.jsonl`. */
export interface ArchiveManifest {
  partition: string;
  /** 'YYYY-MM' (UTC). */
  month: string;
  from: string;
  to: string;
  rows: number;
  /** Hex sha256 of the .jsonl file. */
  sha256: string;
  retentionMonths: number;
  exportedAt: string;
  chains: ChainSeal[];
}

export interface ArchiveReport {
  retentionMonths: number;
  /** Months past retention, each exported and removed (with `dryRun`, only named). */
  archived: ArchiveManifest[];
  /** Rows in the DEFAULT partition older than the retention: not archived by this step (see the README). */
  defaultRowsPastRetention: number;
}

const PARTITION = /^access_log_y(\d{4})m(\d{2})$/;
/** Rows per read of the export. */
const BATCH = 5_000;

const monthOf = (partition: string) => partition.replace(PARTITION, '$1-$2');
const bounds = (month: string) => {
  const from = `${month}-01T00:00:00Z`;
  const [y, m] = month.split('-').map(Number);
  const to = `${m === 12 ? y + 1 : y}-${String(m === 12 ? 1 : m + 1).padStart(2, '0')}-01T00:00:00Z`;
  return { from, to };
};
/** A chain named in SQL: the region's, or the chain of rows without a region. */
const chainFilter = (regionId: string | null, param: string) => (regionId === null ? `region_id IS NULL AND ${param}::uuid IS NULL` : `region_id = ${param}`);

/**
 * The archive step (issue 19): every monthly partition of the access log past the retention
 * (`accessLog.retentionMonths`, the national value in force on `now`'s date), oldest first, is
 * exported to `<dir>/<partition>.jsonl` (one row a line, as PostgreSQL's to_jsonb renders it, so
 * verifyAccessLogArchive can recompute every hash) with `<partition>.manifest.json` (row count, the
 * file's sha256, and each chain's first and last position and hash), then its chains' last seals
 * are recorded in access_log_archived (where accessLogVerify starts from) and the partition is
 * detached and dropped, in one transaction.
 *
 * Only the log's owner may run it (the app role cannot detach or drop, and is refused before any
 * file is written). A month is refused, and the run stops there, when a chain of it continues in
 * rows outside it with lower positions (a writer that waited for the chain across midnight UTC of
 * the month's end): removing it would leave a gap in what remains.
 */
export async function archiveAccessLog(db: Session, { dir, now = new Date(), dryRun = false }: { dir: string; now?: Date; dryRun?: boolean }): Promise<ArchiveReport> {
  const [owner] = await db.query(`SELECT pg_has_role(current_user, c.relowner, 'USAGE') AS ok FROM pg_class c WHERE c.oid = 'public.access_log'::regclass`);
  if (!owner?.ok) throw new AccessLogArchiveError('NOT_OWNER', "Only the access log's owner (the role that runs the migrations) may archive it");
  const today = now.toISOString().slice(0, 10);
  const parameters = await db.query(
    `SELECT key, region_id AS "regionId", value, valid_from::text AS "validFrom", valid_to::text AS "validTo" FROM rule_parameter WHERE key = $1 AND region_id IS NULL`,
    [PARAMETER.ACCESS_LOG_RETENTION_MONTHS],
  );
  const retentionMonths = parameterOn<number>(parameters, PARAMETER.ACCESS_LOG_RETENTION_MONTHS, null, today);
  if (typeof retentionMonths !== 'number') throw new AccessLogArchiveError('NO_RETENTION', `No ${PARAMETER.ACCESS_LOG_RETENTION_MONTHS} is in force on ${today}`);

  const partitions: string[] = (
    await db.query(`SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'public.access_log'::regclass`)
  )
    .map((r: { name: string }) => r.name)
    .filter((name: string) => PARTITION.test(name));
  const due = monthsPastRetention(partitions.map(monthOf), today, retentionMonths);
  // Through the partitioned table: a partition's own row-level security admits nobody.
  const [{ n: defaultRowsPastRetention }] = await db.query(
    `SELECT count(*)::int AS n FROM access_log WHERE tableoid = 'public.access_log_default'::regclass AND at < $1::timestamptz`,
    [bounds(firstKeptMonth(today, retentionMonths)).from],
  );
  const report: ArchiveReport = { retentionMonths, archived: [], defaultRowsPastRetention };
  if (due.length > 0 && !dryRun) fs.mkdirSync(dir, { recursive: true });
  for (const month of due) {
    const partition = `access_log_y${month.slice(0, 4)}m${month.slice(5, 7)}`;
    const { from, to } = bounds(month);
    if (dryRun) {
      const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM access_log WHERE at >= $1 AND at < $2`, [from, to]);
      report.archived.push({ partition, month, from, to, rows: n, sha256: '', retentionMonths, exportedAt: '', chains: [] });
      continue;
    }
    report.archived.push(await archiveMonth(db, { dir, partition, month, from, to, retentionMonths }));
  }
  return report;
}

async function archiveMonth(
  db: Session,
  { dir, partition, month, from, to, retentionMonths }: { dir: string; partition: string; month: string; from: string; to: string; retentionMonths: number },
): Promise<ArchiveManifest> {
  const file = path.join(dir, `${partition}.jsonl`);
  const manifestFile = path.join(dir, `${partition}.manifest.json`);
  if (fs.existsSync(file) || fs.existsSync(manifestFile)) {
    throw new AccessLogArchiveError('FILE_EXISTS', `${file} exists already: an archive is never overwritten (move it away, or check whether ${partition} was archived)`);
  }
  const chains = await chainSeals(db, from, to);
  for (const chain of chains) {
    const [{ n }] = await db.query(
      `SELECT count(*)::int AS n FROM access_log WHERE ${chainFilter(chain.regionId, '$1')} AND chain_seq <= $2 AND NOT (at >= $3 AND at < $4)`,
      [chain.regionId, chain.lastSeq, from, to],
    );
    if (n > 0) {
      throw new AccessLogArchiveError('CHAIN_INTERLEAVED', `${partition}: ${n} row(s) of chain ${chain.regionId ?? '(no region)'} outside the month come before its last row; archive stopped`);
    }
  }

  // Through the partitioned table (its row-level security admits the owner; a partition's admits nobody), by id.
  const hash = createHash('sha256');
  const out = fs.openSync(file, 'wx');
  let rows = 0;
  try {
    let after = '0';
    for (;;) {
      const batch: { id: string; line: string }[] = await db.query(
        `SELECT l.id::text AS id, to_jsonb(l)::text AS line FROM access_log l WHERE l.at >= $1 AND l.at < $2 AND l.id > $3::bigint ORDER BY l.id LIMIT ${BATCH}`,
        [from, to, after],
      );
      if (batch.length === 0) break;
      const text = batch.map((r) => `${r.line}\n`).join('');
      fs.writeSync(out, text);
      hash.update(text);
      rows += batch.length;
      after = batch[batch.length - 1].id;
    }
    fs.fsyncSync(out);
  } finally {
    fs.closeSync(out);
  }
  const exported = chains.reduce((sum, c) => sum + c.rows, 0);
  if (rows !== exported) {
    fs.rmSync(file);
    throw new AccessLogArchiveError('EXPORT_MISMATCH', `${partition}: exported ${rows} rows, the month holds ${exported}; nothing removed`);
  }
  const manifest: ArchiveManifest = { partition, month, from, to, rows, sha256: hash.digest('hex'), retentionMonths, exportedAt: new Date().toISOString(), chains };
  fs.writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`, { flag: 'wx' });

  await db.transaction(async (tx) => {
    // No row may arrive in the month between the export and the drop (a back-dated insert).
    await tx.query(`LOCK TABLE access_log IN SHARE ROW EXCLUSIVE MODE`);
    const [{ n }] = await tx.query(`SELECT count(*)::int AS n FROM access_log WHERE at >= $1 AND at < $2`, [from, to]);
    if (n !== rows) throw new AccessLogArchiveError('EXPORT_MISMATCH', `${partition}: ${n - rows} row(s) arrived after the export; nothing removed (run again after moving the files away)`);
    for (const c of chains) {
      await tx.query(
        `INSERT INTO access_log_archived (partition, region_id, first_seq, last_seq, rows, last_hash, file, file_sha256) VALUES ($1, $2, $3, $4, $5, decode($6, 'hex'), $7, $8)`,
        [partition, c.regionId, c.firstSeq, c.lastSeq, c.rows, c.lastHash, path.basename(file), manifest.sha256],
      );
    }
    await tx.query(`ALTER TABLE access_log DETACH PARTITION ${partition}`);
    await tx.query(`DROP TABLE ${partition}`);
  });
  return manifest;
}

/** Each chain's first and last position and hash in a month. */
async function chainSeals(db: Queryable, from: string, to: string): Promise<ChainSeal[]> {
  const rows = await db.query(
    `SELECT region_id AS "regionId", count(*)::int AS rows, min(chain_seq)::text AS "firstSeq", max(chain_seq)::text AS "lastSeq"
       FROM access_log WHERE at >= $1 AND at < $2 GROUP BY region_id ORDER BY region_id NULLS FIRST`,
    [from, to],
  );
  const seals: ChainSeal[] = [];
  for (const r of rows) {
    const [first] = await db.query(`SELECT encode(prev_hash, 'hex') AS h FROM access_log WHERE ${chainFilter(r.regionId, '$1')} AND chain_seq = $2 AND at >= $3 AND at < $4`, [
      r.regionId,
      r.firstSeq,
      from,
      to,
    ]);
    const [last] = await db.query(`SELECT encode(hash, 'hex') AS h FROM access_log WHERE ${chainFilter(r.regionId, '$1')} AND chain_seq = $2 AND at >= $3 AND at < $4`, [
      r.regionId,
      r.lastSeq,
      from,
      to,
    ]);
    seals.push({ regionId: r.regionId, firstSeq: Number(r.firstSeq), firstPrevHash: first.h, lastSeq: Number(r.lastSeq), lastHash: last.h, rows: r.rows });
  }
  return seals;
}

export interface ArchiveVerification {
  rows: number;
  /** Null when the file matches its manifest and every row its chain; else what is wrong first. */
  problem: string | null;
}

/**
 * Checks an archived month against its manifest and its own chain: the file's sha256, the row
 * count, each chain's positions without gaps and each row's prev_hash equal to the hash of the row
 * before, and every row's hash recomputed by the database's own access_log_chain_hash (so any
 * database with this schema can check an archive, long after the month left the log).
 */
export async function verifyAccessLogArchive(db: Queryable, file: string): Promise<ArchiveVerification> {
  const manifest: ArchiveManifest = JSON.parse(fs.readFileSync(file.replace(/\.jsonl$/, '.manifest.json'), 'utf8'));
  const text = fs.readFileSync(file, 'utf8');
  if (createHash('sha256').update(text).digest('hex') !== manifest.sha256) return { rows: 0, problem: 'the file does not match the sha256 of its manifest' };
  const lines = text.split('\n').filter(Boolean);
  if (lines.length !== manifest.rows) return { rows: lines.length, problem: `${lines.length} rows, the manifest says ${manifest.rows}` };
  interface Link {
    id: string;
    regionId: string | null;
    seq: number;
    prevHash: string | null;
    hash: string;
    intact: boolean;
  }
  const links: Link[] = [];
  for (let i = 0; i < lines.length; i += BATCH) {
    const checked: Link[] = await db.query(
      `SELECT r.id::text AS id, r.region_id AS "regionId", r.chain_seq::int AS seq, encode(r.prev_hash, 'hex') AS "prevHash", encode(r.hash, 'hex') AS hash,
              access_log_chain_hash(r.prev_hash, r) = r.hash AS intact
         FROM unnest($1::jsonb[]) AS j(line), jsonb_populate_record(NULL::access_log, j.line) AS r`,
      [lines.slice(i, i + BATCH)],
    );
    links.push(...checked);
  }
  const altered = links.find((l) => !l.intact);
  if (altered) return { rows: links.length, problem: `row ${altered.id} does not hash to its stored hash` };
  for (const chain of manifest.chains) {
    const rows = links.filter((l) => l.regionId === chain.regionId).sort((a, b) => a.seq - b.seq);
    let before: { seq: number; hash: string | null } = { seq: chain.firstSeq - 1, hash: chain.firstPrevHash };
    for (const row of rows) {
      if (row.seq !== before.seq + 1 || row.prevHash !== before.hash) return { rows: links.length, problem: `row ${row.id} does not follow the row before it in its chain` };
      before = { seq: row.seq, hash: row.hash };
    }
    if (before.seq !== chain.lastSeq || before.hash !== chain.lastHash) return { rows: links.length, problem: `chain ${chain.regionId ?? '(no region)'} does not end at the manifest's seal` };
  }
  return { rows: links.length, problem: null };
}
