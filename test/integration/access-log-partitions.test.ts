import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EntityManager } from 'typeorm';
import { verifyAccessLogChain } from '../../server/access/access-log-chain';
import { AccessLogArchiveError, archiveAccessLog, Session, verifyAccessLogArchive } from '../../server/database/access-log-archive';
import { prepareAccessLogMonths } from '../../server/database/access-log-partitions';
import { startTestApp, TestApp } from '../support/test-app';

const monthName = (d: Date) => `access_log_y${d.toISOString().slice(0, 4)}m${d.toISOString().slice(5, 7)}`;

/**
 * The access log partitioned by month (issue 19): rows land in their month, every partition keeps
 * the log's protections, and the archive step exports a month past the retention (60 months by
 * default), removes it, and leaves a chain that still verifies. `app.dataSource` connects as a
 * superuser, which plays the owner. The archive's months lie before 2000, which no other suite
 * writes; each chain here is a region id of its own (the log has no key to the region table).
 */
describe('access log partitions', () => {
  let app: TestApp;
  let dir: string;
  const owner = (): Session => ({ query: (sql, parameters) => app.dataSource.query(sql, parameters), transaction: (work) => app.dataSource.transaction((tx) => work(tx)) });

  beforeAll(async () => {
    app = await startTestApp();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samrehab-archive-'));
  });
  afterAll(async () => {
    await app?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Runs `work` as the app role, in a transaction rolled back afterwards. */
  async function asAppRole<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    const runner = app.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      await runner.query(`SET LOCAL ROLE ${app.config.appRole}`);
      return await work(runner.manager);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  }

  /** Writes log rows of one chain at the given instants, in that order, as the owner (through the seal). */
  async function write(regionId: string, instants: string[]): Promise<void> {
    for (const at of instants) {
      await app.dataSource.query(`INSERT INTO access_log (region_id, at, user_id, action, record_type, outcome) VALUES ($1, $2, 'archive-test', 'patient', 'PATIENT', 'ALLOWED')`, [
        regionId,
        at,
      ]);
    }
  }

  const exists = async (table: string) => (await app.dataSource.query(`SELECT to_regclass($1) IS NOT NULL AS found`, [`public.${table}`]))[0].found as boolean;

  it('writes a row into its month, and a month without a partition into the DEFAULT one, where it stays', async () => {
    const regionId = randomUUID();
    await write(regionId, [new Date().toISOString(), '1990-06-15T12:00:00Z']);
    const rows = await app.dataSource.query(`SELECT at, tableoid::regclass::text AS partition FROM access_log WHERE region_id = $1 ORDER BY chain_seq`, [regionId]);
    expect(rows.map((r: { partition: string }) => r.partition)).toEqual([monthName(new Date()), 'access_log_default']);
    // That month's rows stay where they are: no partition is made over them.
    expect(await app.dataSource.query(`SELECT access_log_create_partition('1990-06-01') AS made`)).toEqual([{ made: false }]);
    expect(await exists('access_log_y1990m06')).toBe(false);
  });

  it('has the current month and the next three made, and making them again makes none', async () => {
    const now = new Date();
    for (let i = 0; i <= 3; i++) expect(await exists(monthName(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + i, 1))))).toBe(true);
    expect(await prepareAccessLogMonths(app.dataSource)).toBe(0);
    // The app role may ask for the next months (the daily run), not for any month it likes.
    expect(await asAppRole((tx) => prepareAccessLogMonths(tx))).toBe(0);
    await expect(asAppRole((tx) => tx.query(`SELECT access_log_create_partition('2040-01-01')`))).rejects.toThrow(/permission denied/);
  });

  it("keeps the log's protections on every partition: forced row-level security, the triggers, no grant to the app role", async () => {
    const partitions: { name: string; rls: boolean; forced: boolean; triggers: string[]; appPrivileges: boolean }[] = await app.dataSource.query(
      `SELECT c.relname AS name, c.relrowsecurity AS rls, c.relforcerowsecurity AS forced,
              (SELECT array_agg(t.tgname::text ORDER BY t.tgname) FROM pg_trigger t WHERE t.tgrelid = c.oid) AS triggers,
              has_table_privilege($1, c.oid, 'SELECT, INSERT, UPDATE, DELETE, TRUNCATE') AS "appPrivileges"
         FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'access_log'::regclass`,
      [app.config.appRole],
    );
    expect(partitions.length).toBeGreaterThanOrEqual(5);
    for (const p of partitions) {
      expect(p).toEqual({ name: p.name, rls: true, forced: true, triggers: ['access_log_no_change', 'access_log_no_truncate', 'access_log_resolve', 'access_log_seal'], appPrivileges: false });
    }
    const current = monthName(new Date());
    await expect(app.dataSource.query(`TRUNCATE ${current}`)).rejects.toThrow(/append-only/);
    await expect(app.dataSource.query(`DELETE FROM ${current}`)).rejects.toThrow(/append-only/);
  });

  it('archives a month past the retention: exported with its seals, removed, and the rest of its chain still verifies', async () => {
    const regionId = randomUUID();
    await app.dataSource.query(`SELECT access_log_create_partition('1999-01-01'), access_log_create_partition('1999-02-01')`);
    await write(regionId, ['1999-01-05T08:00:00Z', '1999-01-20T09:30:00.123456Z', '1999-01-31T23:59:59.999999Z', '1999-02-01T00:00:00Z', '1999-02-14T10:00:00Z']);

    // February 2004: with 60 months kept, January 1999 is the last month out, February 1999 the first in.
    const report = await archiveAccessLog(owner(), { dir, now: new Date('2004-02-15T12:00:00Z') });
    expect(report.retentionMonths).toBe(60);
    expect(report.archived.map((m) => m.partition)).toEqual(['access_log_y1999m01']);
    const [month] = report.archived;
    expect(month).toEqual(expect.objectContaining({ rows: 3, chains: [expect.objectContaining({ regionId, firstSeq: 1, firstPrevHash: null, lastSeq: 3, rows: 3 })] }));
    expect(await exists('access_log_y1999m01')).toBe(false);
    expect(await exists('access_log_y1999m02')).toBe(true);
    const file = path.join(dir, 'access_log_y1999m01.jsonl');
    expect(fs.readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(3);
    expect(await app.dataSource.query(`SELECT last_seq::int AS "lastSeq", encode(last_hash, 'hex') AS "lastHash" FROM access_log_archived WHERE region_id = $1`, [regionId])).toEqual([
      { lastSeq: 3, lastHash: month.chains[0].lastHash },
    ]);

    // What remains starts from the archive's seal.
    const rest = await verifyAccessLogChain(app.dataSource, regionId, { from: '1999-02-01', to: '1999-02-28' }, 'UTC');
    expect(rest).toEqual(expect.objectContaining({ rowsChecked: 2, breakKind: null }));

    // The archive checks against its manifest and its own hashes; a changed row does not.
    expect(await verifyAccessLogArchive(app.dataSource, file)).toEqual({ rows: 3, problem: null });
    const changedDir = fs.mkdtempSync(path.join(dir, 'changed-'));
    const changed = path.join(changedDir, path.basename(file));
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    lines[1] = lines[1].replace('"action": "patient"', '"action": "patients"');
    fs.writeFileSync(changed, lines.join('\n'));
    const manifest = JSON.parse(fs.readFileSync(file.replace(/\.jsonl$/, '.manifest.json'), 'utf8'));
    fs.writeFileSync(changed.replace(/\.jsonl$/, '.manifest.json'), JSON.stringify(manifest));
    expect((await verifyAccessLogArchive(app.dataSource, changed)).problem).toMatch(/sha256/);
    manifest.sha256 = (await import('node:crypto')).createHash('sha256').update(lines.join('\n')).digest('hex');
    fs.writeFileSync(changed.replace(/\.jsonl$/, '.manifest.json'), JSON.stringify(manifest));
    expect((await verifyAccessLogArchive(app.dataSource, changed)).problem).toMatch(/does not hash to its stored hash/);

    // Run again: nothing more is due, and nothing is overwritten.
    expect((await archiveAccessLog(owner(), { dir, now: new Date('2004-02-15T12:00:00Z') })).archived).toEqual([]);
  });

  it('refuses the app role before writing anything, and the database refuses it the detach', async () => {
    await app.dataSource.query(`SELECT access_log_create_partition('1998-01-01')`);
    const refusedDir = path.join(dir, 'refused');
    await expect(asAppRole((tx) => archiveAccessLog({ query: (sql, p) => tx.query(sql, p), transaction: (work) => work(tx) }, { dir: refusedDir, now: new Date('2004-02-15T12:00:00Z') }))).rejects.toThrow(
      AccessLogArchiveError,
    );
    await expect(asAppRole((tx) => tx.query(`ALTER TABLE access_log DETACH PARTITION access_log_y1998m01`))).rejects.toThrow(/must be owner/);
    expect(fs.existsSync(refusedDir)).toBe(false);
    expect(await exists('access_log_y1998m01')).toBe(true);
    await app.dataSource.query(`ALTER TABLE access_log DETACH PARTITION access_log_y1998m01`);
    await app.dataSource.query(`DROP TABLE access_log_y1998m01`);
  });

  it('stops at a month whose chain has rows outside it that come first, and removes nothing', async () => {
    const regionId = randomUUID();
    await app.dataSource.query(`SELECT access_log_create_partition('1998-05-01'), access_log_create_partition('1998-06-01')`);
    // A writer that waited for the chain across the month's end: June's row is sealed before May's.
    await write(regionId, ['1998-06-01T00:00:00.5Z', '1998-05-31T23:59:59.9Z']);
    try {
      const refusal = archiveAccessLog(owner(), { dir, now: new Date('2003-06-15T12:00:00Z') });
      await expect(refusal).rejects.toThrow(AccessLogArchiveError);
      await expect(refusal).rejects.toMatchObject({ code: 'CHAIN_INTERLEAVED' });
      expect(await exists('access_log_y1998m05')).toBe(true);
      expect(fs.existsSync(path.join(dir, 'access_log_y1998m05.jsonl'))).toBe(false);
    } finally {
      for (const p of ['access_log_y1998m05', 'access_log_y1998m06']) {
        await app.dataSource.query(`ALTER TABLE access_log DETACH PARTITION ${p}`);
        await app.dataSource.query(`DROP TABLE ${p}`);
      }
    }
  });
});
