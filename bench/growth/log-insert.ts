import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { AuditOutcome, AuditRecordType } from '../../domain/audit';
import { Role } from '../../domain/enums';
import { AuditLog } from '../../server/access/audit';
import { openingStatement } from '../../server/access/tenant-db';
import { APP_ROLE } from './database';

export interface LogInsertCost {
  writes: number;
  p50Ms: number;
  p99Ms: number;
  /** SQL statements per write: the opening, the audit INSERT (its triggers run inside it) and COMMIT. */
  statements: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/**
 * The cost of one access-log write at the log's current size: `writes` transactions one after
 * another, each as a request's would be (the app role, the viewer's tenant), writing one row with
 * the audit writer's own statement (server/access/audit.ts) for a patient that has rows already.
 */
export async function measureLogInserts(adminUrl: string, viewer: { regionId: string; organisationId: string }, patientId: string, writes = 1000): Promise<LogInsertCost> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  let statements = 0;
  const db = {
    query: async (sql: string, parameters?: unknown[]) => {
      statements++;
      return (await client.query(sql, parameters)).rows as any;
    },
  };
  try {
    const times: number[] = [];
    for (let i = 0; i < writes; i++) {
      const start = performance.now();
      await db.query(openingStatement(APP_ROLE, viewer));
      const log = new AuditLog(db, { userId: 'bench-writer', ...viewer, careUnitId: null, roles: new Set([Role.CARE_STAFF]) }, randomUUID());
      await log.write([{ action: 'patient', recordType: AuditRecordType.PATIENT, patientId, recordId: patientId, outcome: AuditOutcome.ALLOWED }]);
      await db.query('COMMIT');
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    return { writes, p50Ms: percentile(times, 50), p99Ms: percentile(times, 99), statements: statements / writes };
  } finally {
    await client.end();
  }
}
