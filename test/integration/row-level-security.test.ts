import { randomUUID } from 'node:crypto';
import { Role } from '../../domain/enums';
import { seededOrganisationId } from '../../entities/seed/seed';
import { TenantDb } from '../../server/access/tenant-db';
import { testPersonnummer } from '../support/personnummer';
import { codes, startTestApp, TestApp } from '../support/test-app';

const DALARNA = seededOrganisationId('20')!;
const VASTMANLAND = seededOrganisationId('19')!;

/** Tables the check reads without any filter of its own: roots, children, the log. */
const TABLES = ['patient', 'patient_participation', 'consent', 'sip', 'sip_participant', 'handoff', 'handoff_party', 'handoff_message', 'handoff_message_recipient', 'access_log'];

/**
 * Tenancy in the database itself: whatever SQL the application sends, a viewer's transactions
 * (server/access/tenant-db.ts) reach only the viewer's region's rows, and the rows of a region in
 * whose cases the viewer's organisation takes part. Both regions' data is made through the API:
 * Dalarna (Mora kommun and Region Dalarna) and Västmanland (Västerås stad and Region Västmanland),
 * each with a patient, a consent, a SIP and a hand-off.
 */
describe('row-level security', () => {
  let app: TestApp;
  const regionOf: Record<string, string> = {};
  let vmPatientId: string;
  let vmSipId: string;
  let vmHandoffId: string;

  const gqlOk = async (query: string, variables: Record<string, unknown>, token: string) => {
    const res = await app.gql(query, variables, token);
    expect(res.errors).toBeUndefined();
    return res.data;
  };

  /** A municipality's patient, its consent to the region principal, and a SIP of the two. */
  async function planIn(municipalityCode: string, principal: string): Promise<{ patientId: string; sipId: string }> {
    const staff = await app.token(municipalityCode, Role.CARE_STAFF);
    const created = await gqlOk(
      `mutation($p: String!, $m: String!) { patientCreate(input: { personnummer: $p, homeMunicipalityCode: $m }) { patient { id } } }`,
      { p: testPersonnummer('19520304'), m: municipalityCode },
      staff,
    );
    const patientId = created.patientCreate.patient.id;
    const validTo = new Date(Date.now() + 30 * 86400_000).toISOString().slice(0, 10);
    await gqlOk(
      `mutation($input: ConsentRecordInput!) { consentRecord(input: $input) { consent { id } } }`,
      { input: { patientId, recipientOrganisationId: principal, categories: ['CARE_AND_REHAB_PLAN'], purpose: 'SIP', validTo } },
      staff,
    );
    const sip = await gqlOk(
      `mutation($input: SipCreateInput!) { sipCreate(input: $input) { sip { id } } }`,
      { input: { patientId, contact: { name: 'Kim Handläggare' }, participants: [{ organisationId: principal, contact: { name: 'Vera Vårdkontakt' } }] } },
      staff,
    );
    return { patientId, sipId: sip.sipCreate.sip.id };
  }

  /** A region's own patient discharged from one of its wards: the admission notice goes to the home municipality. */
  async function dischargeIn(regionCode: string, municipalityCode: string): Promise<string> {
    const admin = await app.token(regionCode, Role.TENANT_ADMIN);
    const unit = await gqlOk(
      `mutation($input: CareUnitCreateInput!) { careUnitCreate(input: $input) { careUnit { id } } }`,
      { input: { organisationId: seededOrganisationId(regionCode), name: `Vårdavdelning ${randomUUID().slice(0, 8)}`, careLevel: 'INPATIENT_CARE' } },
      admin,
    );
    const unitId = unit.careUnitCreate.careUnit.id;
    const ward = await app.unitToken(regionCode, unitId, Role.CARE_STAFF);
    const created = await gqlOk(
      `mutation($p: String!, $m: String!) { patientCreate(input: { personnummer: $p, homeMunicipalityCode: $m }) { patient { id } } }`,
      { p: testPersonnummer('19470506'), m: municipalityCode },
      ward,
    );
    const handoff = await gqlOk(
      `mutation($input: HandoffCreateInput!) { handoffCreate(input: $input) { handoff { id } } }`,
      { input: { patientId: created.patientCreate.patient.id, kind: 'DISCHARGE_FROM_INPATIENT', sendingCareUnitId: unitId, admittedAt: new Date().toISOString() } },
      ward,
    );
    return handoff.handoffCreate.handoff.id;
  }

  /** A handle as a request of a CARE_STAFF viewer of `org` would get it. */
  const handleOf = (org: string) => new TenantDb(app.dataSource, app.config.appRole, { organisationId: seededOrganisationId(org)!, regionId: regionOf[org] });

  beforeAll(async () => {
    app = await startTestApp();
    for (const org of ['20', '19', '2062', '2039', '1980']) {
      regionOf[org] = (await app.dataSource.query('SELECT region_id FROM organisation WHERE id = $1', [seededOrganisationId(org)]))[0].region_id;
    }
    await planIn('2062', DALARNA);
    await dischargeIn('20', '2062');
    ({ patientId: vmPatientId, sipId: vmSipId } = await planIn('1980', VASTMANLAND));
    vmHandoffId = await dischargeIn('19', '1980');
  });
  afterAll(() => app?.stop());

  it.each(TABLES)("gives a Dalarna viewer an unfiltered SELECT of %s with Dalarna's rows only", async (table) => {
    // The database holds both regions' rows (read as the tables' owner, past the policies).
    const held: { region_id: string }[] = await app.dataSource.query(`SELECT DISTINCT region_id FROM ${table}`);
    expect(held.map((r) => r.region_id)).toEqual(expect.arrayContaining([regionOf['20'], regionOf['19']]));

    // Älvdalen takes part in no case: only its region admits rows, and in the access log also
    // other regions' (and unauthenticated) attempts on its region's patients.
    const ofDalarna = (r: { region_id: string | null; patient_region_id?: string | null }) =>
      r.region_id === regionOf['20'] || (table === 'access_log' && r.patient_region_id === regionOf['20']);
    const seen: { region_id: string | null; patient_region_id?: string | null }[] = await handleOf('2039').query(
      `SELECT region_id${table === 'access_log' ? ', patient_region_id' : ''} FROM ${table}`,
    );
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.filter((r) => !ofDalarna(r))).toEqual([]);
  });

  it.each(TABLES)('gives a transaction without a viewer no rows of %s', async (table) => {
    const anonymous = new TenantDb(app.dataSource, app.config.appRole, null);
    expect(await anonymous.query(`SELECT region_id FROM ${table}`)).toEqual([]);
  });

  it("lets an organisation that takes part in another region's case see that region's case rows", async () => {
    const before: { region_id: string }[] = await handleOf('2062').query(`SELECT DISTINCT region_id FROM sip`);
    expect(before.map((r) => r.region_id)).not.toContain(regionOf['19']);
    // As a hand-off of a Västmanland hospital to Mora records it (written here as the owner).
    await app.dataSource.query(
      `INSERT INTO patient_participation (region_id, patient_id, organisation_id, source_type, source_id) VALUES ($1, $2, $3, 'HANDOFF', $4)`,
      [regionOf['19'], vmPatientId, seededOrganisationId('2062'), randomUUID()],
    );
    const after: { region_id: string }[] = await handleOf('2062').query(`SELECT DISTINCT region_id FROM sip`);
    expect(new Set(after.map((r) => r.region_id))).toEqual(new Set([regionOf['20'], regionOf['19']]));
    // Other Dalarna organisations still see Dalarna only.
    const others: { region_id: string }[] = await handleOf('2039').query(`SELECT DISTINCT region_id FROM sip`);
    expect(others.map((r) => r.region_id)).toEqual([regionOf['20']]);
  });

  it("sends the statements of one turn together, each under the viewer's region, and a failing one fails alone", async () => {
    const dalarna = handleOf('2039');
    const [regions, failed, echoed] = await Promise.allSettled([
      dalarna.query(`SELECT DISTINCT region_id FROM sip`),
      dalarna.query(`SELECT 1 / $1::int AS x`, [0]),
      dalarna.query(`SELECT $1::text AS echoed`, ["it's"]),
    ]);
    expect(regions).toEqual({ status: 'fulfilled', value: [{ region_id: regionOf['20'] }] });
    expect(failed).toMatchObject({ status: 'rejected', reason: { driverError: { code: '22012' } } });
    expect(echoed).toEqual({ status: 'fulfilled', value: [{ echoed: "it's" }] });
  });

  it("refuses a viewer's write into another region, and a log row in another region's name", async () => {
    const dalarna = handleOf('2039');
    const changed = await dalarna.transaction((tx) => tx.query(`UPDATE patient SET given_name = 'X' WHERE id = $1 RETURNING id`, [vmPatientId]));
    expect(changed[1]).toBe(0);
    await expect(
      dalarna.query(`INSERT INTO access_log (region_id, action, record_type, outcome) VALUES ($1, 'forged', 'PATIENT', 'ALLOWED')`, [regionOf['19']]),
    ).rejects.toMatchObject({ driverError: expect.objectContaining({ code: '42501' }) });
    await expect(
      new TenantDb(app.dataSource, app.config.appRole, null).query(`INSERT INTO access_log (region_id, action, record_type, outcome) VALUES ($1, 'forged', 'PATIENT', 'ALLOWED')`, [regionOf['20']]),
    ).rejects.toMatchObject({ driverError: expect.objectContaining({ code: '42501' }) });
  });

  it.each([
    ['sip', () => vmSipId, 'SIP'],
    ['handoff', () => vmHandoffId, 'HANDOFF'],
  ])("logs a Dalarna viewer's refused read of a Västmanland %s with its patient, for the patient's own organisation to see", async (field, id, recordType) => {
    const mora = await app.token('2062', Role.CARE_STAFF);
    const refused = await app.gql(`query($id: ID!) { ${field}(id: $id) { id } }`, { id: id() }, mora);
    expect(codes(refused)).toEqual(['NOT_FOUND']);
    const [{ id: rowId, ...row }] = await app.dataSource.query(
      `SELECT id::text, patient_id, patient_region_id, region_id, record_type FROM access_log WHERE request_id = $1`,
      [refused.requestId],
    );
    const [{ patient_id: patientId }] = await app.dataSource.query(`SELECT patient_id FROM ${field} WHERE id = $1`, [id()]);
    expect(row).toEqual({ patient_id: patientId, patient_region_id: regionOf['19'], region_id: regionOf['20'], record_type: recordType });
    // The refusal names nothing of it to the caller.
    expect(JSON.stringify(refused)).not.toContain(patientId);

    // The organisation that keeps the record reads the attempt in the patient's access log.
    const [{ owner_organisation_id: owner }] = await app.dataSource.query(`SELECT owner_organisation_id FROM patient WHERE id = $1`, [patientId]);
    const ownerToken = await app.token(owner, Role.CARE_STAFF);
    const log = await gqlOk(
      `query($id: ID!) { patientAccessLog(patientId: $id, first: 100) { edges { node { id action outcome organisation { id } } } } }`,
      { id: patientId },
      ownerToken,
    );
    expect(log.patientAccessLog.edges.map((e: any) => e.node)).toContainEqual({ id: rowId, action: field, outcome: 'NOT_FOUND', organisation: { id: seededOrganisationId('2062') } });
  });
});
