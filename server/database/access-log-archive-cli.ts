import path from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { AccessLogArchiveError, archiveAccessLog, Session, verifyAccessLogArchive } from './access-log-archive';
import { EmbeddedDatabase, startEmbeddedDatabase } from './embedded';

const USAGE = `usage: npm run accesslog:archive -- [--dir <directory>] [--dry-run]
       npm run accesslog:archive -- --verify <directory>/access_log_yYYYYmMM.jsonl
Connects as the access log's owner: DATABASE_MIGRATION_URL, else DATABASE_URL, else the embedded
database under DATA_DIR (stop the server first: it holds the data directory).`;

/** A pg client as the archive's session: one connection, so BEGIN … COMMIT is one transaction. */
function sessionOf(client: Client): Session {
  const query = async (sql: string, parameters?: unknown[]) => (await client.query(sql, parameters)).rows as any;
  return {
    query,
    async transaction(work) {
      await client.query('BEGIN');
      try {
        const result = await work({ query });
        await client.query('COMMIT');
        return result;
      } catch (e) {
        await client.query('ROLLBACK');
        throw e;
      }
    },
  };
}

async function main() {
  const { values } = parseArgs({ options: { dir: { type: 'string' }, 'dry-run': { type: 'boolean' }, verify: { type: 'string' }, help: { type: 'boolean' } } });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const dataDir = path.resolve(process.env.DATA_DIR ?? 'data');
  const url = process.env.DATABASE_MIGRATION_URL?.trim() || process.env.DATABASE_URL?.trim() || null;
  let embedded: EmbeddedDatabase | null = null;
  if (!url) embedded = await startEmbeddedDatabase(dataDir);
  const client = new Client({ connectionString: url ?? embedded!.url, application_name: 'samrehab-archive' });
  await client.connect();
  try {
    const session = sessionOf(client);
    if (values.verify) {
      const result = await verifyAccessLogArchive(session, values.verify);
      console.log(result.problem === null ? `${values.verify}: ${result.rows} rows, intact` : `${values.verify}: BROKEN: ${result.problem}`);
      process.exitCode = result.problem === null ? 0 : 1;
      return;
    }
    const dir = path.resolve(values.dir ?? path.join(dataDir, 'access-log-archive'));
    const report = await archiveAccessLog(session, { dir, dryRun: values['dry-run'] === true });
    console.log(`retention ${report.retentionMonths} months (accessLog.retentionMonths)${values['dry-run'] ? ', dry run: nothing written or removed' : ''}`);
    if (report.archived.length === 0) console.log('no month is past the retention');
    for (const m of report.archived) {
      console.log(`${m.partition}: ${m.rows} rows${m.sha256 ? ` exported to ${path.join(dir, `${m.partition}.jsonl`)} (sha256 ${m.sha256}) and removed` : ' would be exported and removed'}`);
    }
    if (report.defaultRowsPastRetention > 0) console.log(`access_log_default holds ${report.defaultRowsPastRetention} rows past the retention: see the README (Operations)`);
  } finally {
    await client.end();
    await embedded?.stop();
  }
}

main().catch((e) => {
  // Codes and the step's own messages only: a driver message may quote the URL.
  if (e instanceof AccessLogArchiveError) console.error(`accesslog:archive refused (${e.code}): ${e.message}`);
  else console.error(`accesslog:archive failed: ${(e as { code?: string }).code ?? (e as Error).name}`);
  process.exit(1);
});
