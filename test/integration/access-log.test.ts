import { Role } from '../../domain/enums';
import { ParticipationSource } from '../../domain/participation';
import { seededOrganisationId } from '../../entities/seed/seed';
import { testPersonnummer } from '../support/personnummer';
import { codes, startTestApp, TestApp } from '../support/test-app';
import { joinCase } from '../../server/access/participation.sql';

/** The access log: append-only, answerable to the patient, reviewable by the tenant administrator. */
describe('access log', () => {
  let app: TestApp;
  let mora: string;
  let patientId: string;
  beforeAll(async () => {
    app = await startTestApp();
    mora = await app.token('2062', Role.CARE_STAFF);
    const created = await app.gql(`mutation($p: String!) { patientCreate(input: { personnummer: $p }) { patient { id } } }`, { p: testPersonnummer('19550505') }, mora);
    patientId = created.data.patientCreate.patient.id;
  });
  afterAll(() => app.stop());

  it('cannot be changed or emptied by the application\'s database role', async () => {
    const [before] = await app.dataSource.query('SELECT count(*) AS n, max(id) AS last FROM access_log');
    await expect(app.dataSource.query(`UPDATE access_log SET outcome = 'ALLOWED' WHERE id = $1`, [before.last])).rejects.toThrow(/append-only/);
    await expect(app.dataSource.query(`DELETE FROM access_log WHERE id = $1`, [before.last])).rejects.toThrow(/append-only/);
    await expect(app.dataSource.query(`TRUNCATE access_log`)).rejects.toThrow(/append-only/);
    const [after] = await app.dataSource.query('SELECT count(*) AS n FROM access_log');
    expect(after.n).toBe(before.n);
  });

  it('logs a request refused before it runs against the patient it names, as REJECTED', async () => {
    const invalid = await app.gql(`query($id: ID!) { patient(id: $id) { id noSuchField } }`, { id: patientId }, mora);
    expect(codes(invalid)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(await app.logRows(invalid.requestId)).toEqual([{ outcome: 'REJECTED', action: 'patient', patientId }]);
    const literal = await app.gql(`mutation { consentRevoke(id: "00000000-0000-4000-8000-00000000000f", reason: "x\\u0000") { consent { id } } }`, {}, mora);
    expect(literal.status).toBe(400);
    expect(await app.logRows(literal.requestId)).toEqual([{ outcome: 'REJECTED', action: 'consentRevoke', patientId: null }]);
    const wrongType = await app.gql(`query($id: ID!, $first: Int) { sips(filter: { patientId: $id }, first: $first) { edges { cursor } } }`, { id: patientId, first: 'many' }, mora);
    expect(codes(wrongType)).toEqual(['BAD_USER_INPUT']);
    expect(await app.logRows(wrongType.requestId)).toEqual([{ outcome: 'REJECTED', action: 'sips', patientId }]);
  });

  it('tells the owning organisation which organisations and care units touched the patient, and when', async () => {
    await app.dataSource.transaction((tx) =>
      joinCase(tx, seededOrganisationId('2062')!, { patientId, organisations: [{ organisationId: seededOrganisationId('20')!, careUnitId: null }], source: ParticipationSource.HANDOFF, sourceId: patientId }),
    );
    const moraLasarett = (await app.dataSource.query(`SELECT id FROM care_unit WHERE name = 'Mora lasarett'`))[0].id;
    const { signDevToken } = await import('../../server/auth/dev-keys');
    const ward = await signDevToken(app.config.dataDir, { userId: 'nurse-1', organisationId: seededOrganisationId('20')!, careUnitId: moraLasarett, roles: ['CARE_STAFF'] });
    const start = new Date();
    await app.gql(`query($id: ID!) { patient(id: $id) { id } }`, { id: patientId }, ward);
    await app.gql(`query($id: ID!) { patient(id: $id) { id } }`, { id: patientId }, await app.token('2080', Role.CARE_STAFF));

    const res = await app.gql(
      `query($id: ID!, $from: DateTimeISO) { patientAccessLog(patientId: $id, from: $from) { edges { node { at action outcome recordType organisation { name } careUnit { name } } } } }`,
      { id: patientId, from: start.toISOString() },
      mora,
    );
    expect(res.errors).toBeUndefined();
    const entries = res.data.patientAccessLog.edges.map((e: any) => e.node);
    expect(entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'patient', outcome: 'ALLOWED', organisation: { name: 'Region Dalarna' }, careUnit: { name: 'Mora lasarett' } }),
        expect.objectContaining({ action: 'patient', outcome: 'NOT_FOUND', organisation: { name: 'Falu kommun' }, careUnit: null }),
      ]),
    );
    expect(entries.every((e: any) => new Date(e.at) >= new Date(start.getTime() - 1000))).toBe(true);
    expect(JSON.stringify(entries)).not.toContain('nurse-1');
  });

  it('refuses a period that ends before it starts', async () => {
    const res = await app.gql(`query($id: ID!) { patientAccessLog(patientId: $id, from: "2026-02-01T00:00:00Z", to: "2026-01-01T00:00:00Z") { edges { cursor } } }`, { id: patientId }, mora);
    expect(res.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'to' });
  });

  it('lets a TENANT_ADMIN review the region\'s log by user, by patient and for denials only', async () => {
    const admin = await app.token('20', Role.TENANT_ADMIN);
    const falun = await app.token('2080', Role.CARE_STAFF);
    await app.gql(`query($id: ID!) { patient(id: $id) { id } }`, { id: patientId }, falun);
    const denied = await app.gql(
      `query($f: AccessLogReviewFilter) { accessLogReview(filter: $f, first: 50) { edges { node { userId patientId outcome action roles organisation { name } } } } }`,
      { f: { patientId, deniedOnly: true } },
      admin,
    );
    expect(denied.errors).toBeUndefined();
    const rows = denied.data.accessLogReview.edges.map((e: any) => e.node);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r: any) => r.outcome !== 'ALLOWED' && r.patientId === patientId)).toBe(true);
    expect(rows).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'patient', outcome: 'NOT_FOUND', roles: ['CARE_STAFF'], organisation: { name: 'Falu kommun' } })]));

    const byUser = await app.gql(`query($u: String) { accessLogReview(filter: { userId: $u }) { edges { node { userId } } } }`, { u: 'test-care_staff' }, admin);
    expect(byUser.data.accessLogReview.edges.every((e: any) => e.node.userId === 'test-care_staff')).toBe(true);
  });

  it('answers another region\'s administrator filtering on this region\'s patient NOT_FOUND, logged as such, and care staff nothing', async () => {
    const other = await app.gql(`query($id: ID) { accessLogReview(filter: { patientId: $id }) { edges { node { patientId } } } }`, { id: patientId }, await app.token('19', Role.TENANT_ADMIN));
    expect(codes(other)).toEqual(['NOT_FOUND']);
    expect(other.errors![0].extensions!.field).toBe('filter.patientId');
    expect(await app.logRows(other.requestId)).toEqual([{ outcome: 'NOT_FOUND', action: 'accessLogReview', patientId }]);
    expect(codes(await app.gql(`{ accessLogReview { edges { cursor } } }`, {}, mora))).toEqual(['FORBIDDEN']);
  });

  it('reviews a date window newest first by time (ties by the log\'s order), in pages that neither skip nor repeat', async () => {
    // Region Värmland's log, in 2001: rows no other test writes. Written out of time order, so
    // that time order and the log's own order differ; two share an instant.
    const region = (await app.dataSource.query(`SELECT region_id FROM organisation WHERE id = $1`, [seededOrganisationId('17')]))[0].region_id;
    const written: { id: string; at: string }[] = [];
    for (const at of ['2001-03-20T10:00:00Z', '2001-02-28T23:59:59.999999Z', '2001-03-05T08:00:00.000001Z', '2001-04-01T00:00:00Z', '2001-03-20T10:00:00Z', '2001-03-01T00:00:00Z', '2001-03-31T23:59:59.999999Z']) {
      const [row] = await app.dataSource.query(
        `INSERT INTO access_log (region_id, at, user_id, action, record_type, outcome) VALUES ($1, $2, 'window-review', 'patient', 'PATIENT', 'ALLOWED') RETURNING id::text AS id`,
        [region, at],
      );
      written.push({ id: row.id, at });
    }
    const inWindow = written.filter((r) => r.at >= '2001-03-01' && r.at < '2001-04-01');
    const expected = [...inWindow].sort((a, b) => (a.at !== b.at ? (a.at < b.at ? 1 : -1) : Number(b.id) - Number(a.id))).map((r) => r.id);
    expect(expected).toHaveLength(5);
    const admin = await app.token('17', Role.TENANT_ADMIN);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const res: any = await app.gql(
        `query($after: String) { accessLogReview(first: 2, after: $after, filter: { from: "2001-03-01T00:00:00Z", to: "2001-04-01T00:00:00Z" }) {
          edges { node { id userId } } pageInfo { hasNextPage endCursor } } }`,
        { after },
        admin,
      );
      expect(res.errors).toBeUndefined();
      seen.push(...res.data.accessLogReview.edges.map((e: any) => e.node.id));
      after = res.data.accessLogReview.pageInfo.hasNextPage ? res.data.accessLogReview.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(expected);
  });
});
