import { Client } from 'pg';
import { IdentityNumberCipher } from '../../server/crypto/identity-number-cipher';
import { fillHandoffs, SyntheticHandoffs } from '../../server/database/synthetic/handoff-fill';
import { fillRehabPlans, SyntheticPlans } from '../../server/database/synthetic/rehab-fill';
import { fillAccessLog, preparePastMonths } from './access-log-fill';
import { BENCH_PATIENT_DATA_KEY } from './identities';

/**
 * The days the hand-offs' admissions are spread over: two years up to 50,000 hand-offs, then 25,000
 * a year (an assumed rate for a large region, not a statistic), so that 100,000 are four years: a
 * region's database holds the years since the law (2018), and its planners ask for one of them,
 * not for half of everything there is.
 */
export function spanDays(handoffs: number): number {
  return Math.round(730 * Math.max(1, handoffs / 50_000));
}

/** The bench's region and marks: Dalarna, hand-offs over spanDays (three years of plans), one in ten with a SIP. */
const BENCH_FILL: Omit<SyntheticHandoffs, 'handoffs' | 'now' | 'days'> = {
  country: 'SE',
  regionCode: '20',
  firstPatient: 1,
  givenName: 'Testperson',
  familyPrefix: '',
  actor: 'bench-user-',
  sipShare: 0.1,
  lateAdmissionNoticeShare: 0,
  lateCallOutShare: 0,
  missedFollowUpShare: 0,
  sexDifferences: false,
  accessLog: true,
};

/** As many rehabilitation plans as hand-offs, on all the region's patients (issue 17's lists at volume). */
export const benchPlans = (plans: number, now: Date): SyntheticPlans => ({ country: 'SE', regionCode: '20', plans, now, days: 1095, actor: 'bench-user-', onlyFilledPatients: false });

export interface FillReport {
  /** Seconds per step, in order. */
  steps: [string, number][];
  /** Access-log rows written through the triggers, and the microseconds they took per row. */
  accessLogRows: number;
  accessLogMicrosPerRow: number;
  rows: Record<string, number>;
}

/**
 * Fills the database at `adminUrl` (as a superuser) with `handoffs` hand-offs (about 0.9 patient
 * each) up to `now`, their SIPs and access-log rows (server/database/synthetic/handoff-fill.ts), and
 * as many rehabilitation plans (rehab-fill.ts); then vacuums, and counts the rows.
 */
export async function fill(adminUrl: string, handoffs: number, now: Date, progress: (line: string) => void, accessLogRows: number | null = null): Promise<FillReport> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  const steps: [string, number][] = [];
  const timed = async (name: string, work: () => Promise<unknown>) => {
    const start = process.hrtime.bigint();
    await work();
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    steps.push([name, seconds]);
    progress(`  ${name.padEnd(26)} ${seconds.toFixed(1).padStart(6)} s`);
  };
  try {
    const cipher = new IdentityNumberCipher(Buffer.from(BENCH_PATIENT_DATA_KEY, 'base64'));
    // The log's months back to the oldest row, as a server running all along would have made them;
    // with ACCESS_LOG_ROWS its volume first, so that the rows written through the triggers are the
    // chain's last and a month's verification spans that month, not the whole volume.
    const beforeAccessLog = async (logRows: number) => {
      await preparePastMonths(client, now);
      if (accessLogRows === null) return;
      await timed('access_log (volume)', async () => {
        const grown = await fillAccessLog(adminUrl, accessLogRows - logRows, now, progress);
        progress(`    ${grown.added.toLocaleString('en')} rows chained in SQL, ${grown.microsPerRow.toFixed(0)} µs per row`);
      });
    };
    const log = await fillHandoffs(client, cipher, { ...BENCH_FILL, handoffs, now, days: spanDays(handoffs), beforeAccessLog }, timed, progress);
    await fillRehabPlans(client, benchPlans(handoffs, now), timed);
    await timed('vacuum analyze', () => client.query('VACUUM ANALYZE'));
    const counted = await client.query(
      `SELECT relname AS table, n_live_tup::int AS n FROM pg_stat_user_tables WHERE schemaname = 'public' AND n_live_tup > 0 ORDER BY n_live_tup DESC`,
    );
    return { steps, ...log, rows: Object.fromEntries(counted.rows.map((r) => [r.table, r.n])) };
  } finally {
    await client.end();
  }
}
