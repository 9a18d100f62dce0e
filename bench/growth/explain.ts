import { Client } from 'pg';
import type { CapturedStatement } from './statement-capture';

/** Tables larger than this are not to be read whole by a benchmarked statement (issue 14). */
export const SEQ_SCAN_LIMIT = 10_000;

export interface SeqScan {
  table: string;
  rows: number;
  /** The statement's first line, to find it again. */
  statement: string;
}

/**
 * EXPLAINs each statement a request ran, as it ran: under its own opening (the app role, the
 * viewer's region and organisation; row-level security applies) with its own parameters, in a
 * transaction rolled back. Returns each sequential scan of a table with more than SEQ_SCAN_LIMIT
 * rows (by the planner's statistics), and how many distinct statements were explained.
 */
export async function seqScansOf(adminUrl: string, statements: CapturedStatement[]): Promise<{ explained: number; scans: SeqScan[] }> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const sizes = new Map<string, number>(
      (await client.query(`SELECT relname, reltuples::bigint AS n FROM pg_class WHERE relkind IN ('r', 'p') AND relnamespace = 'public'::regnamespace`)).rows.map((r) => [
        r.relname,
        Number(r.n),
      ]),
    );
    const found: SeqScan[] = [];
    const seen = new Set<string>();
    for (const s of statements) {
      if (seen.has(s.sql) || !/^\s*(SELECT|WITH|INSERT|UPDATE|DELETE)\b/i.test(s.sql)) continue;
      seen.add(s.sql);
      await client.query(s.opening ?? 'BEGIN');
      try {
        const [{ 'QUERY PLAN': plan }] = (await client.query(`EXPLAIN (FORMAT JSON) ${s.sql}`, s.params)).rows;
        for (const table of seqScannedTables(plan[0].Plan)) {
          const rows = sizes.get(table) ?? 0;
          if (rows > SEQ_SCAN_LIMIT) found.push({ table, rows, statement: s.sql.trim().split('\n')[0].slice(0, 100) });
        }
      } finally {
        await client.query('ROLLBACK');
      }
    }
    return { explained: seen.size, scans: found };
  } finally {
    await client.end();
  }
}

function seqScannedTables(node: any): string[] {
  const own = node['Node Type'] === 'Seq Scan' ? [node['Relation Name'] as string] : [];
  return [...own, ...((node.Plans ?? []) as any[]).flatMap(seqScannedTables)];
}

/** How one statement over the access log ran: which partitions it read, how, and at what cost. */
export interface LogPlan {
  statement: string;
  /** Partitions of the access log the plan reads (after pruning at plan time and at run time). */
  partitions: number;
  /** The scan node types over them, e.g. "Index Scan ×3". */
  scans: string;
  planningMs: number;
  executionMs: number;
  buffers: number;
}

/**
 * EXPLAIN ANALYZE of each SELECT a request ran that reads the access log, under its own opening, in
 * a transaction rolled back: partition pruning (how many months it touched) and index use at volume.
 */
export async function accessLogPlans(adminUrl: string, statements: CapturedStatement[]): Promise<LogPlan[]> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const plans: LogPlan[] = [];
    const seen = new Set<string>();
    for (const s of statements) {
      if (seen.has(s.sql) || !/^\s*(SELECT|WITH)\b/i.test(s.sql) || !/\baccess_log\b/.test(s.sql)) continue;
      seen.add(s.sql);
      await client.query(s.opening ?? 'BEGIN');
      try {
        const [{ 'QUERY PLAN': [result] }] = (await client.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${s.sql}`, s.params)).rows;
        const scans = logScans(result.Plan);
        const kinds = new Map<string, number>();
        for (const scan of scans) kinds.set(scan.type, (kinds.get(scan.type) ?? 0) + 1);
        plans.push({
          statement: s.sql.trim().replace(/\s+/g, ' ').slice(0, 90),
          partitions: new Set(scans.map((scan) => scan.relation)).size,
          scans: [...kinds].map(([type, n]) => `${type} ×${n}`).join(', '),
          planningMs: result['Planning Time'],
          executionMs: result['Execution Time'],
          buffers: (result.Plan['Shared Hit Blocks'] ?? 0) + (result.Plan['Shared Read Blocks'] ?? 0),
        });
      } finally {
        await client.query('ROLLBACK');
      }
    }
    return plans;
  } finally {
    await client.end();
  }
}

/** Scan nodes over the access log's partitions that ran (a node pruned at run time has no loops). */
function logScans(node: any): { relation: string; type: string }[] {
  const relation: string | undefined = node['Relation Name'];
  const own = relation?.startsWith('access_log_') && relation !== 'access_log_chain_head' && relation !== 'access_log_archived' && node['Actual Loops'] > 0 ? [{ relation, type: node['Node Type'] }] : [];
  return [...own, ...((node.Plans ?? []) as any[]).flatMap(logScans)];
}
