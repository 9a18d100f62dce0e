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
