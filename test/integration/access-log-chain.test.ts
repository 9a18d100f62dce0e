import { EntityManager } from 'typeorm';
import { Role } from '../../domain/enums';
import { localDateOf } from '../../domain/local-date';
import { AccessLogChain1733100000000 } from '../../entities/migrations/1733100000000-access-log-chain';
import { AccessLogPartitions1733370000000 } from '../../entities/migrations/1733370000000-access-log-partitions';
import { grantAppRole } from '../../server/database/app-role';
import { testPersonnummer } from '../support/personnummer';
import { codes, startTestApp, TestApp } from '../support/test-app';

const VERIFY = `query($code: String!, $period: PeriodInput!) {
  accessLogVerify(regionCode: $code, period: $period) { from to verified rowsChecked firstBrokenRowId firstBrokenAt breakKind lastHash } }`;

interface ChainRow {
  id: string;
  chainSeq: string;
  prevHash: string | null;
  hash: string;
}

/**
 * The access log's hash chain: each row carries its position in its region's chain and a hash over
 * its content and the previous row's hash, so that the database owner, who can switch the
 * append-only trigger off, cannot change, remove or reorder rows unseen. `app.dataSource` connects
 * as a superuser, which plays the owner here. Every tampering is undone in the same test, so the
 * shared log stays intact for the other suites.
 */
describe('access log hash chain', () => {
  let app: TestApp;
  let admin: string;
  let mora: string;
  let regionId: string;
  let patientId: string;
  // Around now, in the region's time zone, so that rows written during the run fall inside.
  const period = {
    from: localDateOf(new Date(Date.now() - 86400_000), 'Europe/Stockholm'),
    to: localDateOf(new Date(Date.now() + 86400_000), 'Europe/Stockholm'),
  };
  const verify = async (token = admin, code = '20') => app.gql(VERIFY, { code, period }, token);

  beforeAll(async () => {
    app = await startTestApp();
    admin = await app.token('20', Role.TENANT_ADMIN);
    mora = await app.token('2062', Role.CARE_STAFF);
    [{ id: regionId }] = await app.dataSource.query(`SELECT id FROM region WHERE country = 'SE' AND code = '20'`);
    const created = await app.gql(`mutation($p: String!) { patientCreate(input: { personnummer: $p }) { patient { id } } }`, { p: testPersonnummer('19470707') }, mora);
    patientId = created.data.patientCreate.patient.id;
    for (let i = 0; i < 4; i++) await readPatient();
  });
  afterAll(() => app.stop());

  const readPatient = () => app.gql(`query($id: ID!) { patient(id: $id) { id } }`, { id: patientId }, mora);

  /** The region's chain rows, last first. */
  async function lastRows(n: number): Promise<ChainRow[]> {
    return app.dataSource.query(
      `SELECT id::text, chain_seq::text AS "chainSeq", encode(prev_hash, 'hex') AS "prevHash", encode(hash, 'hex') AS hash
         FROM access_log WHERE region_id = $1 ORDER BY chain_seq DESC LIMIT $2`,
      [regionId, n],
    );
  }

  /** Runs `change` as the table's owner with the append-only trigger off, as an attacker with that role could. */
  async function asOwnerWithoutTrigger(change: (tx: EntityManager) => Promise<unknown>) {
    await app.dataSource.transaction(async (tx) => {
      await tx.query(`ALTER TABLE access_log DISABLE TRIGGER access_log_no_change`);
      await change(tx);
      await tx.query(`ALTER TABLE access_log ENABLE TRIGGER access_log_no_change`);
    });
  }

  /** Checks every row links to the one before it by position and hash. */
  function expectLinked(rowsLastFirst: ChainRow[]) {
    const rows = [...rowsLastFirst].reverse();
    for (let i = 1; i < rows.length; i++) {
      expect(BigInt(rows[i].chainSeq)).toBe(BigInt(rows[i - 1].chainSeq) + 1n);
      expect(rows[i].prevHash).toBe(rows[i - 1].hash);
    }
  }

  it('verifies an intact chain for the region administrator, and logs the verification', async () => {
    const res = await verify();
    expect(res.errors).toBeUndefined();
    expect(res.data.accessLogVerify).toEqual({
      ...period,
      verified: true,
      rowsChecked: expect.any(Number),
      firstBrokenRowId: null,
      firstBrokenAt: null,
      breakKind: null,
      lastHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(res.data.accessLogVerify.rowsChecked).toBeGreaterThanOrEqual(5);
    expect(await app.logRows(res.requestId)).toEqual([{ outcome: 'ALLOWED', action: 'accessLogVerify', patientId: null }]);
    const [row] = await app.dataSource.query(`SELECT record_type FROM access_log WHERE request_id = $1`, [res.requestId]);
    expect(row.record_type).toBe('ACCESS_LOG');
    expectLinked(await lastRows(6));
  });

  it('chains every row of a multi-row INSERT after the one before it', async () => {
    for (let i = 0; i < 5; i++) await app.gql(`mutation($p: String!) { patientCreate(input: { personnummer: $p }) { patient { id } } }`, { p: testPersonnummer('19470808') }, mora);
    const page = await app.gql(`{ patients(first: 6) { edges { node { id } } } }`, {}, mora);
    const rows: ChainRow[] = await app.dataSource.query(
      `SELECT id::text, chain_seq::text AS "chainSeq", encode(prev_hash, 'hex') AS "prevHash", encode(hash, 'hex') AS hash
         FROM access_log WHERE request_id = $1 ORDER BY chain_seq DESC`,
      [page.requestId],
    );
    // One statement wrote them (server/access/audit.ts); each saw the rows sealed before it.
    expect(rows).toHaveLength(6);
    expectLinked(rows);
    expect((await verify()).data.accessLogVerify.verified).toBe(true);
  });

  it('seals a row whatever chain values its writer gives', async () => {
    const [row] = await app.dataSource.query(
      `INSERT INTO access_log (region_id, action, record_type, outcome, chain_seq, prev_hash, hash)
       VALUES ($1, 'forged', 'PATIENT', 'ALLOWED', 1, '\\x00', '\\x00') RETURNING id::text`,
      [regionId],
    );
    const [last] = await lastRows(2);
    expect(last.id).toBe(row.id);
    expect(last.chainSeq).not.toBe('1');
    expect((await verify()).data.accessLogVerify.verified).toBe(true);
  });

  it('reports a row the owner changed with the trigger off', async () => {
    await readPatient();
    await readPatient();
    const [, target] = await lastRows(2);
    const [{ action }] = await app.dataSource.query(`SELECT action FROM access_log WHERE id = $1`, [target.id]);
    await asOwnerWithoutTrigger((tx) => tx.query(`UPDATE access_log SET action = 'patients' WHERE id = $1`, [target.id]));
    try {
      const res = await verify();
      expect(res.data.accessLogVerify).toEqual(expect.objectContaining({ verified: false, firstBrokenRowId: target.id, breakKind: 'ALTERED', firstBrokenAt: expect.any(String) }));
    } finally {
      await asOwnerWithoutTrigger((tx) => tx.query(`UPDATE access_log SET action = $2 WHERE id = $1`, [target.id, action]));
    }
    expect((await verify()).data.accessLogVerify.verified).toBe(true);
  });

  it('reports a row the owner removed, at the row after the gap', async () => {
    await readPatient();
    await readPatient();
    const [after, removed] = await lastRows(2);
    const [{ saved }] = await app.dataSource.query(`SELECT row_to_json(l)::text AS saved FROM access_log l WHERE id = $1`, [removed.id]);
    await asOwnerWithoutTrigger((tx) => tx.query(`DELETE FROM access_log WHERE id = $1`, [removed.id]));
    try {
      const res = await verify();
      expect(res.data.accessLogVerify).toEqual(expect.objectContaining({ verified: false, firstBrokenRowId: after.id, breakKind: 'MISSING' }));
      // Closing the gap by renumbering does not hide it either.
      await asOwnerWithoutTrigger((tx) => tx.query(`UPDATE access_log SET chain_seq = chain_seq - 1 WHERE id = $1`, [after.id]));
      const renumbered = await verify();
      expect(renumbered.data.accessLogVerify).toEqual(expect.objectContaining({ verified: false, firstBrokenRowId: after.id, breakKind: 'MISSING' }));
    } finally {
      await asOwnerWithoutTrigger(async (tx) => {
        await tx.query(`UPDATE access_log SET chain_seq = $2 WHERE id = $1`, [after.id, after.chainSeq]);
        await tx.query(`ALTER TABLE access_log DISABLE TRIGGER access_log_seal`);
        await tx.query(`INSERT INTO access_log OVERRIDING SYSTEM VALUE SELECT * FROM json_populate_record(null::access_log, $1::json)`, [saved]);
        await tx.query(`ALTER TABLE access_log ENABLE TRIGGER access_log_seal`);
      });
    }
    expect((await verify()).data.accessLogVerify.verified).toBe(true);
  });

  it('reports rows the owner reordered', async () => {
    await readPatient();
    await readPatient();
    await readPatient();
    const [, second, first] = await lastRows(3);
    // Positions are unique: park the rows on negative positions first.
    const place = async (tx: EntityManager, positions: [ChainRow, string][]) => {
      for (const [row] of positions) await tx.query(`UPDATE access_log SET chain_seq = -chain_seq WHERE id = $1`, [row.id]);
      for (const [row, seq] of positions) await tx.query(`UPDATE access_log SET chain_seq = $2 WHERE id = $1`, [row.id, seq]);
    };
    await asOwnerWithoutTrigger((tx) => place(tx, [[first, second.chainSeq], [second, first.chainSeq]]));
    try {
      const res = await verify();
      expect(res.data.accessLogVerify).toEqual(expect.objectContaining({ verified: false, firstBrokenRowId: second.id, breakKind: 'REORDERED' }));
    } finally {
      await asOwnerWithoutTrigger((tx) => place(tx, [[first, first.chainSeq], [second, second.chainSeq]]));
    }
    expect((await verify()).data.accessLogVerify.verified).toBe(true);
  });

  it('reports a row written with the seal switched off', async () => {
    let forged: string | null = null;
    await app.dataSource.transaction(async (tx) => {
      await tx.query(`ALTER TABLE access_log ALTER COLUMN chain_seq DROP NOT NULL, ALTER COLUMN hash DROP NOT NULL`);
      await tx.query(`ALTER TABLE access_log DISABLE TRIGGER access_log_seal`);
      [{ id: forged }] = await tx.query(`INSERT INTO access_log (region_id, action, record_type, outcome) VALUES ($1, 'patient', 'PATIENT', 'ALLOWED') RETURNING id::text`, [regionId]);
      await tx.query(`ALTER TABLE access_log ENABLE TRIGGER access_log_seal`);
    });
    try {
      const res = await verify();
      expect(res.data.accessLogVerify).toEqual(expect.objectContaining({ verified: false, firstBrokenRowId: forged, breakKind: 'UNSEALED' }));
    } finally {
      await asOwnerWithoutTrigger(async (tx) => {
        await tx.query(`DELETE FROM access_log WHERE id = $1`, [forged]);
        await tx.query(`ALTER TABLE access_log ALTER COLUMN chain_seq SET NOT NULL, ALTER COLUMN hash SET NOT NULL`);
      });
    }
    expect((await verify()).data.accessLogVerify.verified).toBe(true);
  });

  it('chains the rows written before the chain existed when the migration runs', async () => {
    // The chain's migration ran on the unpartitioned table: the partitioning is undone around it.
    const migration = new AccessLogChain1733100000000();
    const partitions = new AccessLogPartitions1733370000000();
    await app.dataSource.transaction(async (tx) => {
      await partitions.down(tx.queryRunner!);
      await migration.down(tx.queryRunner!);
      await migration.up(tx.queryRunner!);
      await partitions.up(tx.queryRunner!);
    });
    // New tables: the app role's grants, as every start-up converges them.
    await grantAppRole(app.dataSource, app.config.appRole);
    const [{ unsealed }] = await app.dataSource.query(`SELECT count(*)::int AS unsealed FROM access_log WHERE chain_seq IS NULL OR hash IS NULL`);
    expect(unsealed).toBe(0);
    expectLinked(await lastRows(30));
    expect((await verify()).data.accessLogVerify).toEqual(expect.objectContaining({ verified: true, breakKind: null }));
  });

  it('stays intact under 20 parallel writers', async () => {
    const before = (await lastRows(1))[0];
    const responses = await Promise.all(Array.from({ length: 20 }, () => readPatient()));
    expect(responses.every((r) => r.errors === undefined)).toBe(true);
    const rows = await lastRows(20);
    expect(BigInt(rows[0].chainSeq)).toBeGreaterThanOrEqual(BigInt(before.chainSeq) + 20n);
    expectLinked(await lastRows(21));
    expect((await verify()).data.accessLogVerify).toEqual(expect.objectContaining({ verified: true, breakKind: null }));
  });

  it('answers another region exactly as an unknown region, refuses other roles, and checks the period', async () => {
    const vastmanland = await app.token('19', Role.TENANT_ADMIN);
    const other = await verify(vastmanland, '20');
    const unknown = await verify(vastmanland, '01');
    expect(codes(other)).toEqual(['NOT_FOUND']);
    expect(other.errors![0].message.replace('20', 'CODE')).toBe(unknown.errors![0].message.replace('01', 'CODE'));
    expect(other.errors![0].extensions).toEqual(unknown.errors![0].extensions);

    for (const role of [Role.CARE_STAFF, Role.PLANNER, Role.RESPONSIBILITY_EDITOR, Role.INTEGRATION]) {
      const refused = await verify(await app.token('20', role));
      expect(codes(refused)).toEqual(['FORBIDDEN']);
      expect(await app.logRows(refused.requestId)).toEqual([{ outcome: 'DENIED', action: 'accessLogVerify', patientId: null }]);
    }
    expect(codes(await app.gql(VERIFY, { code: '20', period }, null))).toEqual(['UNAUTHENTICATED']);

    const backwards = await app.gql(VERIFY, { code: '20', period: { from: period.to, to: period.from } }, admin);
    expect(backwards.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'period.to' });
    const malformed = await app.gql(VERIFY, { code: '2O', period }, admin);
    expect(malformed.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'regionCode' });
  });
});
