import { byAttention } from '../../domain/coordination-lists';
import { Role } from '../../domain/enums';
import { seededOrganisationId } from '../../entities/seed/seed';
import { CoordinationRows } from '../support/coordination-rows';
import { testPersonnummer } from '../support/personnummer';
import { codes, startTestApp, TestApp } from '../support/test-app';

/**
 * The coordinator's list and a care unit's workload (issue 18 item 4), on cases written as rows at
 * care units of this suite's own in Region Dalarna, so that other suites' cases stay out.
 */
const DALARNA = seededOrganisationId('20')!;
const NOW = '2026-12-04T12:00:00Z';
const LIST = `query($unit: ID!, $filter: CoordinationCaseFilter, $first: Int, $after: String) {
  coordinationCases(careUnitId: $unit, filter: $filter, first: $first, after: $after) {
    edges { cursor node { id status occupation sickLeaveTo lastActivityAt coordinatorUserId } }
    pageInfo { hasNextPage endCursor }
  } }`;
const WORKLOAD = `query($unit: ID!) { coordinationWorkload(careUnitId: $unit) {
  careUnit { name } openCases
  coordinators { coordinatorUserId openCases byStatus { status count } oldestOpenedAt meanAgeDays maxAgeDays }
} }`;

describe("the coordinator's list and workload", () => {
  let app: TestApp;
  let rows: CoordinationRows;
  let unit: string;
  let coordinator: string;
  const ids: Record<string, string> = {};

  async function patient(birthDate: string, sex: 'FEMALE' | 'MALE' = 'FEMALE'): Promise<string> {
    const staff = await app.token('20', Role.CARE_STAFF);
    const res = await app.gql(`mutation($p: String!) { patientCreate(input: { personnummer: $p, homeMunicipalityCode: "2062" }) { patient { id } } }`, { p: testPersonnummer(birthDate, sex) }, staff);
    return res.data.patientCreate.patient.id;
  }

  beforeAll(async () => {
    app = await startTestApp();
    app.setNow(NOW);
    const [{ region_id: regionId }] = await app.dataSource.query(`SELECT region_id FROM organisation WHERE id = $1`, [DALARNA]);
    rows = new CoordinationRows(app.dataSource, regionId);
    unit = await rows.careUnit(DALARNA, 'Vårdcentralen Listtest');
    coordinator = await app.unitToken('20', unit, Role.REHAB_COORDINATOR);
    // A young adult (20), a person of 45, one who turns 30 tomorrow (29: a young adult today).
    const [young, older, almost30] = [await patient('20060101'), await patient('19810301', 'MALE'), await patient('19961205')];
    const base = { ownerOrganisationId: DALARNA, careUnitId: unit };
    ids.endsSoon = await rows.case({ ...base, patientId: older, sickLeaveTo: '2026-12-10', lastActivityAt: '2026-12-01T10:00:00Z' });
    ids.endsSoonQuiet = await rows.case({ ...base, patientId: young, sickLeaveTo: '2026-12-10', lastActivityAt: '2026-11-01T10:00:00Z', occupation: 'STUDENT' });
    ids.later = await rows.case({ ...base, patientId: almost30, sickLeaveTo: '2027-02-01', lastActivityAt: '2026-11-10T10:00:00Z', coordinator: 'coordinator-b', status: 'CONTACTED' });
    ids.latest = await rows.case({ ...base, patientId: older, sickLeaveTo: '2027-03-01', lastActivityAt: '2026-12-03T10:00:00Z', occupation: 'JOB_SEEKING', status: 'NONE', openedAt: '2026-12-03T10:00:00Z' });
    ids.closed = await rows.case({ ...base, patientId: young, sickLeaveTo: '2026-11-01', status: 'CLOSED', lastActivityAt: '2026-11-02T10:00:00Z' });
  });

  afterAll(() => app?.stop());

  const list = async (filter: Record<string, unknown> | null, token = coordinator, first?: number, after?: string) => {
    const res = await app.gql(LIST, { unit, filter, first, after }, token);
    return { res, ids: (res.data?.coordinationCases?.edges ?? []).map((e: any) => e.node.id) };
  };

  it('lists the open cases, the sick leave ending soonest first, then the one longest without activity', async () => {
    const { res, ids: listed } = await list(null);
    expect(res.errors).toBeUndefined();
    expect(listed).toEqual([ids.endsSoonQuiet, ids.endsSoon, ids.later, ids.latest]);
    const nodes = res.data.coordinationCases.edges.map((e: any) => ({ id: e.node.id, sickLeaveTo: e.node.sickLeaveTo, lastActivityAt: new Date(e.node.lastActivityAt) }));
    expect([...nodes].sort(byAttention)).toEqual(nodes);
  });

  it('pages in the same stable order', async () => {
    const first = await list(null, coordinator, 3);
    expect(first.res.data.coordinationCases.pageInfo.hasNextPage).toBe(true);
    const rest = await list(null, coordinator, 3, first.res.data.coordinationCases.pageInfo.endCursor);
    expect([...first.ids, ...rest.ids]).toEqual([ids.endsSoonQuiet, ids.endsSoon, ids.later, ids.latest]);
    expect(rest.res.data.coordinationCases.pageInfo.hasNextPage).toBe(false);
  });

  it('filters by status, coordinator, days without activity, sick-leave end and occupation', async () => {
    expect((await list({ statuses: ['CLOSED'] })).ids).toEqual([ids.closed]);
    expect((await list({ statuses: ['NONE', 'CONTACTED'] })).ids).toEqual([ids.later, ids.latest]);
    expect((await list({ coordinatorUserId: 'coordinator-b' })).ids).toEqual([ids.later]);
    // Quiet for 20 days or more on 2026-12-04: last activity on or before 2026-11-14.
    expect((await list({ daysSinceLastActivity: 20 })).ids).toEqual([ids.endsSoonQuiet, ids.later]);
    expect((await list({ sickLeaveEndsOnOrBefore: '2026-12-31' })).ids).toEqual([ids.endsSoonQuiet, ids.endsSoon]);
    expect((await list({ occupations: ['STUDENT', 'JOB_SEEKING'] })).ids).toEqual([ids.endsSoonQuiet, ids.latest]);
  });

  it('finds the young adults of the dated age band (16–29 today), and the others', async () => {
    expect((await list({ youngAdult: true })).ids).toEqual([ids.endsSoonQuiet, ids.later]);
    expect((await list({ youngAdult: false })).ids).toEqual([ids.endsSoon, ids.latest]);
  });

  it('logs every case listed against its patient', async () => {
    const { res } = await list(null, coordinator, 2);
    const logged = await app.logRows(res.requestId);
    expect(logged).toHaveLength(2);
    expect(logged.every((r) => r.outcome === 'ALLOWED' && r.action === 'coordinationCases' && r.patientId !== null)).toBe(true);
  });

  it("refuses another unit's list, and roles without it, logging the refusal", async () => {
    const elsewhere = await app.unitToken('20', await rows.careUnit(DALARNA, 'Vårdcentralen Annan'), Role.REHAB_COORDINATOR);
    const other = await list(null, elsewhere);
    expect(codes(other.res)).toEqual(['FORBIDDEN']);
    expect((await app.logRows(other.res.requestId)).map((r) => r.outcome)).toEqual(['DENIED']);
    expect(codes((await list(null, await app.token('20', Role.PLANNER))).res)).toEqual(['FORBIDDEN']);
  });

  it('refuses a bad filter with a coded error naming the field', async () => {
    const res = (await list({ daysSinceLastActivity: -1 })).res;
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].extensions!.field).toBe('filter.daysSinceLastActivity');
    expect(codes((await list(null, coordinator, 2, 'bm90LWEtY3Vyc29y')).res)).toEqual(['BAD_USER_INPUT']);
  });

  it("shows the patient's SIPs and hand-offs the coordinator's organisation may see, and no others, in constant statements", async () => {
    const MORA = seededOrganisationId('2062')!;
    const [{ region_id: regionId }] = await app.dataSource.query(`SELECT region_id FROM organisation WHERE id = $1`, [DALARNA]);
    const [{ patient_id: patientId }] = await app.dataSource.query(`SELECT patient_id FROM coordination_case WHERE id = $1`, [ids.endsSoon]);
    const [{ id: moraUnit }] = await app.dataSource.query(`SELECT id FROM care_unit WHERE organisation_id = $1 LIMIT 1`, [MORA]);
    // As the stores write them: a party of a SIP or a hand-off takes part in the patient's case. Without
    // these rows the plans would stay in Mora's SIP list, for suites after this one, with a patient Mora may not see.
    const participates = (organisationId: string, source: 'SIP' | 'HANDOFF', sourceId: string) =>
      app.dataSource.query(`INSERT INTO patient_participation (region_id, patient_id, organisation_id, source_type, source_id) VALUES ($1, $2, $3, $4, $5)`, [
        regionId, patientId, organisationId, source, sourceId,
      ]);
    const sip = async (participants: string[]) => {
      const [{ id }] = await app.dataSource.query(
        `INSERT INTO sip (id, region_id, patient_id, status, initiating_organisation_id, created_by, created_at, updated_at)
         VALUES (gen_random_uuid(), $1, $2, 'ACTIVE', $3, 'test', now(), now()) RETURNING id`,
        [regionId, patientId, MORA],
      );
      for (const organisationId of participants) {
        await app.dataSource.query(
          `INSERT INTO sip_participant (id, sip_id, region_id, kind, organisation_id, basis, added_at, added_by) VALUES (gen_random_uuid(), $1, $2, 'ORGANISATION', $3, 'PRINCIPAL', now(), 'test')`,
          [id, regionId, organisationId],
        );
        await participates(organisationId, 'SIP', id);
      }
      return id as string;
    };
    const handoff = async (parties: string[]) => {
      const [{ id }] = await app.dataSource.query(
        `INSERT INTO handoff (id, region_id, patient_id, kind, state, sending_organisation_id, sending_care_unit_id, created_by, created_at, updated_at)
         VALUES (gen_random_uuid(), $1, $2, 'REFERRAL', 'SENT', $3, $4, 'test', now(), now()) RETURNING id`,
        [regionId, patientId, MORA, moraUnit],
      );
      for (const [i, organisationId] of parties.entries()) {
        await app.dataSource.query(`INSERT INTO handoff_party (id, handoff_id, region_id, organisation_id, side, added_at) VALUES (gen_random_uuid(), $1, $2, $3, $4, now())`, [
          id, regionId, organisationId, i === 0 ? 'SENDER' : 'RECIPIENT',
        ]);
        await participates(organisationId, 'HANDOFF', id);
      }
      return id as string;
    };
    const shared = await sip([MORA, DALARNA]);
    await sip([MORA]);
    const received = await handoff([MORA, DALARNA]);
    await handoff([MORA]);
    const query = `query($unit: ID!) { coordinationCases(careUnitId: $unit) { edges { node { id sipsOfPatient { id status } handoffsOfPatient { id status } } } } }`;
    const plainQuery = `query($unit: ID!) { coordinationCases(careUnitId: $unit) { edges { node { id } } } }`;
    await app.gql(plainQuery, { unit }, coordinator); // warms the viewer cache
    let res: any;
    const statements = await app.countStatements(async () => (res = await app.gql(query, { unit }, coordinator)));
    expect(res.errors).toBeUndefined();
    const byCase = new Map(res.data.coordinationCases.edges.map((e: any) => [e.node.id, e.node]));
    expect(byCase.get(ids.endsSoon)).toEqual({ id: ids.endsSoon, sipsOfPatient: [{ id: shared, status: 'ACTIVE' }], handoffsOfPatient: [{ id: received, status: 'SENT' }] });
    // The same patient's other open case shows the same; a patient without any shows none.
    expect(byCase.get(ids.latest)).toMatchObject({ sipsOfPatient: [{ id: shared }], handoffsOfPatient: [{ id: received }] });
    expect(byCase.get(ids.endsSoonQuiet)).toMatchObject({ sipsOfPatient: [], handoffsOfPatient: [] });
    // One statement per kind of link for the whole page, on top of the list's own.
    const plain = await app.countStatements(() => app.gql(plainQuery, { unit }, coordinator));
    expect(statements - plain).toBe(2);
  });

  it("gives the unit's workload: open cases per coordinator, by status, and their age", async () => {
    for (const token of [coordinator, await app.token('20', Role.TENANT_ADMIN)]) {
      const res = await app.gql(WORKLOAD, { unit }, token);
      expect(res.errors).toBeUndefined();
      expect(res.data.coordinationWorkload).toEqual({
        careUnit: { name: 'Vårdcentralen Listtest' },
        openCases: 4,
        coordinators: [
          {
            coordinatorUserId: 'coordinator-a',
            openCases: 3,
            byStatus: [{ status: 'ACTIVE', count: 2 }, { status: 'NONE', count: 1 }],
            oldestOpenedAt: '2026-11-01T09:00:00.000Z',
            // 33.1 days, 33.1 days and 1.1 days since opening.
            meanAgeDays: 22.4,
            maxAgeDays: 33,
          },
          { coordinatorUserId: 'coordinator-b', openCases: 1, byStatus: [{ status: 'CONTACTED', count: 1 }], oldestOpenedAt: '2026-11-01T09:00:00.000Z', meanAgeDays: 33.1, maxAgeDays: 33 },
        ],
      });
    }
    expect(codes(await app.gql(WORKLOAD, { unit }, await app.token('20', Role.PLANNER)))).toEqual(['FORBIDDEN']);
    expect(codes(await app.gql(WORKLOAD, { unit }, await app.token('19', Role.TENANT_ADMIN)))).toEqual(['NOT_FOUND']);
  });
});
