import { Role } from '../../domain/enums';
import { ParticipationSource } from '../../domain/participation';
import { seededOrganisationId } from '../../entities/seed/seed';
import { testPersonnummer, withWrongCheckDigit } from '../support/personnummer';
import { codes, reasons, startTestApp, TestApp } from '../support/test-app';
import { joinCase } from '../../server/access/participation.sql';

const CREATE = `mutation($input: PatientCreateInput!) { patientCreate(input: $input) { patient {
  id personnummer identityKind birthDate legalSex age givenName familyName detailsWithheld protectedIdentity version
  owner { name } homeMunicipality { municipalityCode } listedCareUnit { name } } } }`;
const READ = `query($id: ID!) { patient(id: $id) { id personnummer givenName familyName address detailsWithheld version } }`;
const UPDATE = `mutation($input: PatientUpdateInput!) { patientUpdate(input: $input) { patient { id familyName version } } }`;

/** Care staff of a principal keep their organisation's records of people. */
describe('patients', () => {
  let app: TestApp;
  let mora: string;
  let region: string;
  beforeAll(async () => {
    app = await startTestApp();
    mora = await app.token('2062', Role.CARE_STAFF);
    region = await app.token('20', Role.CARE_STAFF);
  });
  afterAll(() => app.stop());

  const participate = async (patientId: string, org: string) => {
    await app.dataSource.transaction((tx) =>
      joinCase(tx, seededOrganisationId('2062')!, { patientId, organisations: [{ organisationId: seededOrganisationId(org)!, careUnitId: null }], source: ParticipationSource.HANDOFF, sourceId: patientId }),
    );
  };

  it('creates a record with what the identity number says, and reads it back', async () => {
    const pnr = testPersonnummer('19450317', 'MALE');
    const vc = (await app.dataSource.query(`SELECT id FROM care_unit WHERE name = 'Vårdcentralen Mora'`))[0].id;
    const res = await app.gql(CREATE, { input: { personnummer: pnr.replace('-', ''), givenName: ' Anders ', familyName: 'Mattsson', homeMunicipalityCode: '2062', listedCareUnitId: vc } }, mora);
    expect(res.errors).toBeUndefined();
    const patient = res.data.patientCreate.patient;
    expect(patient).toEqual(
      expect.objectContaining({
        personnummer: pnr,
        identityKind: 'PERSONNUMMER',
        birthDate: '1945-03-17',
        legalSex: 'MALE',
        givenName: 'Anders',
        detailsWithheld: false,
        version: 1,
        owner: { name: 'Mora kommun' },
        homeMunicipality: { municipalityCode: '2062' },
        listedCareUnit: { name: 'Vårdcentralen Mora' },
      }),
    );
    expect(patient.age).toBeGreaterThanOrEqual(80);
    const read = await app.gql(READ, { id: patient.id }, mora);
    expect(read.data.patient.personnummer).toBe(pnr);
  });

  it('takes a samordningsnummer (day of birth + 60)', async () => {
    const res = await app.gql(CREATE, { input: { personnummer: '197010632391' } }, region);
    expect(res.errors).toBeUndefined();
    expect(res.data.patientCreate.patient).toEqual(expect.objectContaining({ identityKind: 'SAMORDNINGSNUMMER', birthDate: '1970-10-03', personnummer: '19701063-2391' }));
  });

  it('keeps identity numbers out of the database in clear', async () => {
    const pnr = testPersonnummer('19520505');
    await app.gql(CREATE, { input: { personnummer: pnr } }, mora);
    const [dump] = await app.dataSource.query(`SELECT string_agg(p::text, ' ') AS text FROM patient p`);
    expect(dump.text).not.toContain(pnr.replace('-', ''));
    expect(dump.text).not.toContain(pnr.slice(2));
  });

  it.each([
    ['a wrong check digit', withWrongCheckDigit(testPersonnummer('19600101')), /check digit/],
    ['an impossible date', '19810230-1234', /does not exist|check digit/],
    ['a malformed number', '1981-02-30', /looks like/],
  ])('refuses %s with BAD_USER_INPUT on personnummer, writes nothing and logs the attempt', async (_case, personnummer, message) => {
    const before = Number((await app.dataSource.query('SELECT count(*) AS n FROM patient'))[0].n);
    const res = await app.gql(CREATE, { input: { personnummer } }, mora);
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].extensions!.field).toBe('personnummer');
    expect(res.errors![0].message).toMatch(message);
    expect(Number((await app.dataSource.query('SELECT count(*) AS n FROM patient'))[0].n)).toBe(before);
    expect(await app.logRows(res.requestId)).toEqual([expect.objectContaining({ action: 'patientCreate', outcome: 'REJECTED' })]);
  });

  it('refuses a second record of the same person in one organisation as a CONFLICT', async () => {
    const pnr = testPersonnummer('19700707');
    await app.gql(CREATE, { input: { personnummer: pnr } }, mora);
    const again = await app.gql(CREATE, { input: { personnummer: pnr } }, mora);
    expect(codes(again)).toEqual(['CONFLICT']);
    expect(reasons(again)).toEqual(['DUPLICATE']);
    expect(again.errors![0].extensions!.field).toBe('personnummer');
  });

  it('lets another principal keep its own record of the same person, revealing nothing', async () => {
    const pnr = testPersonnummer('19710808');
    const first = await app.gql(CREATE, { input: { personnummer: pnr } }, mora);
    const falun = await app.token('2080', Role.CARE_STAFF);
    const second = await app.gql(CREATE, { input: { personnummer: pnr } }, falun);
    expect(second.errors).toBeUndefined();
    expect(second.data.patientCreate.patient.id).not.toBe(first.data.patientCreate.patient.id);
    const search = await app.gql(`query($p: String) { patients(filter: { personnummer: $p }) { edges { node { id owner { name } } } } }`, { p: pnr }, falun);
    expect(search.data.patients.edges).toEqual([{ node: { id: second.data.patientCreate.patient.id, owner: { name: 'Falu kommun' } } }]);
  });

  it('refuses records kept by an organisation that is not a principal', async () => {
    const res = await app.gql(CREATE, { input: { personnummer: testPersonnummer() } }, await app.token('20:fk', Role.CARE_STAFF));
    expect(codes(res)).toEqual(['FORBIDDEN']);
  });

  it('refuses a listed care unit that is not primary care, and an unknown municipality', async () => {
    const hospital = (await app.dataSource.query(`SELECT id FROM care_unit WHERE name = 'Mora lasarett'`))[0].id;
    const unit = await app.gql(CREATE, { input: { personnummer: testPersonnummer(), listedCareUnitId: hospital } }, mora);
    expect(unit.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'listedCareUnitId' });
    const municipality = await app.gql(CREATE, { input: { personnummer: testPersonnummer(), homeMunicipalityCode: '2099' } }, mora);
    expect(municipality.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'homeMunicipalityCode' });
  });

  it('withholds name and address of a protected identity from organisations taking part', async () => {
    const created = await app.gql(CREATE, { input: { personnummer: testPersonnummer('19900909'), givenName: 'Sara', familyName: 'Skyddad', address: 'Hemlig väg 1', protectedIdentity: true } }, mora);
    const id = created.data.patientCreate.patient.id;
    await participate(id, '20');
    const owner = await app.gql(READ, { id }, mora);
    expect(owner.data.patient).toEqual(expect.objectContaining({ givenName: 'Sara', address: 'Hemlig väg 1', detailsWithheld: false }));
    const participant = await app.gql(READ, { id }, region);
    expect(participant.data.patient).toEqual(expect.objectContaining({ givenName: null, familyName: null, address: null, detailsWithheld: true }));
  });

  it('updates with optimistic concurrency: a stale version is a CONFLICT and changes nothing', async () => {
    const created = await app.gql(CREATE, { input: { personnummer: testPersonnummer(), familyName: 'Före' } }, mora);
    const id = created.data.patientCreate.patient.id;
    const first = await app.gql(UPDATE, { input: { id, version: 1, familyName: 'Efter' } }, mora);
    expect(first.data.patientUpdate.patient).toEqual({ id, familyName: 'Efter', version: 2 });
    const stale = await app.gql(UPDATE, { input: { id, version: 1, familyName: 'Förlorad' } }, mora);
    expect(codes(stale)).toEqual(['CONFLICT']);
    expect(reasons(stale)).toEqual(['STALE_VERSION']);
    expect(stale.errors![0].extensions!.field).toBe('version');
    expect((await app.gql(READ, { id }, mora)).data.patient.familyName).toBe('Efter');
  });

  it('refuses an update without the version read, and writes nothing', async () => {
    const created = await app.gql(CREATE, { input: { personnummer: testPersonnummer(), familyName: 'Före' } }, mora);
    const id = created.data.patientCreate.patient.id;
    const missing = await app.gql(`mutation($id: ID!) { patientUpdate(input: { id: $id, familyName: "Utan version" }) { patient { id } } }`, { id }, mora);
    expect(codes(missing)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(missing.data).toBeUndefined();
    expect((await app.gql(READ, { id }, mora)).data.patient).toEqual(expect.objectContaining({ familyName: 'Före', version: 1 }));
  });

  it('lists patients in pages with a constant number of statements', async () => {
    for (let i = 0; i < 12; i++) await app.gql(CREATE, { input: { personnummer: testPersonnummer('19300101'), homeMunicipalityCode: '2062' } }, mora);
    const query = `query($first: Int) { patients(first: $first) { edges { node { id personnummer age owner { name } homeMunicipality { name } } } pageInfo { hasNextPage endCursor } } }`;
    const few = await app.countStatements(() => app.gql(query, { first: 2 }, mora));
    const many = await app.countStatements(() => app.gql(query, { first: 12 }, mora));
    expect(many).toBe(few);
    const page1 = await app.gql(query, { first: 5 }, mora);
    const page2 = await app.gql(`query($after: String) { patients(first: 5, after: $after) { edges { node { id } } } }`, { after: page1.data.patients.pageInfo.endCursor }, mora);
    const ids1 = page1.data.patients.edges.map((e: any) => e.node.id);
    const ids2 = page2.data.patients.edges.map((e: any) => e.node.id);
    expect(ids2.some((id: string) => ids1.includes(id))).toBe(false);
    expect(await app.logRows(page1.requestId)).toHaveLength(5);
  });
});
