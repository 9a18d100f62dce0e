import { randomUUID } from 'node:crypto';
import { Role } from '../../domain/enums';
import { seededOrganisationId } from '../../entities/seed/seed';
import { codes, reasons, startTestApp, TestApp } from '../support/test-app';

/** A TENANT_ADMIN keeps the organisations and care units of their own region, and only those. */
describe('organisation and care unit administration', () => {
  let app: TestApp;
  let dalarnaAdmin: string;
  let vastmanlandAdmin: string;
  let careStaff: string;
  const unique = () => `Testbolaget ${randomUUID().slice(0, 8)}`;
  const count = async (table: string) => Number((await app.dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);

  const CREATE = `mutation($input: OrganisationCreateInput!) { organisationCreate(input: $input) {
    organisation { id name kind municipalityCode region { code } members { financingShare member { id } } } } }`;
  const UPDATE = `mutation($input: OrganisationUpdateInput!) { organisationUpdate(input: $input) {
    organisation { id name organisationNumber members { financingShare note member { id } } } } }`;

  beforeAll(async () => {
    app = await startTestApp();
    dalarnaAdmin = await app.token('20', Role.TENANT_ADMIN);
    vastmanlandAdmin = await app.token('19', Role.TENANT_ADMIN);
    careStaff = await app.token('20', Role.CARE_STAFF);
  });
  afterAll(() => app.stop());

  it('creates an organisation in the admin\'s own region', async () => {
    const name = unique();
    const res = await app.gql(CREATE, { input: { kind: 'PRIVATE_PROVIDER', name: `  ${name} `, organisationNumber: '556677-8899' } }, dalarnaAdmin);
    expect(res.errors).toBeUndefined();
    expect(res.data.organisationCreate.organisation).toEqual(expect.objectContaining({ name, kind: 'PRIVATE_PROVIDER', municipalityCode: null, region: { code: '20' } }));
    const read = await app.gql(`query($id: ID!) { organisation(id: $id) { name } }`, { id: res.data.organisationCreate.organisation.id }, careStaff);
    expect(read.data.organisation.name).toBe(name);
  });

  it('creates a coordination association with members whose shares add up to 100 %', async () => {
    const members = [
      { organisationId: seededOrganisationId('20'), financingShare: 25 },
      { organisationId: seededOrganisationId('20:fk'), financingShare: 25 },
      { organisationId: seededOrganisationId('20:af'), financingShare: 25 },
      { organisationId: seededOrganisationId('2085'), financingShare: 12.5 },
      { organisationId: seededOrganisationId('2061'), financingShare: 12.5 },
    ];
    const res = await app.gql(CREATE, { input: { kind: 'COORDINATION_ASSOCIATION', name: unique(), establishedOn: '2026-01-01', members } }, dalarnaAdmin);
    expect(res.errors).toBeUndefined();
    const stored = res.data.organisationCreate.organisation.members;
    expect(stored.map((m: any) => m.financingShare).sort()).toEqual([12.5, 12.5, 25, 25, 25]);
  });

  it.each([
    ['shares above 100 %', { kind: 'COORDINATION_ASSOCIATION', members: [{ organisationId: seededOrganisationId('20'), financingShare: 60 }, { organisationId: seededOrganisationId('2085'), financingShare: 50 }] }, 'members', /110 %/],
    ['a share of 0', { kind: 'COORDINATION_ASSOCIATION', members: [{ organisationId: seededOrganisationId('20'), financingShare: 0 }] }, 'members[0].financingShare', /more than 0/],
    ['a member listed twice', { kind: 'COORDINATION_ASSOCIATION', members: [{ organisationId: seededOrganisationId('20') }, { organisationId: seededOrganisationId('20') }] }, 'members[1].organisationId', /twice/],
    ['members on a kind that has none', { kind: 'EMPLOYER', members: [{ organisationId: seededOrganisationId('20') }] }, 'members', /only for coordination associations/],
    ['a municipality code of another county', { kind: 'MUNICIPALITY', municipalityCode: '1980' }, 'municipalityCode', /starts with 20/],
    ['a malformed municipality code', { kind: 'MUNICIPALITY', municipalityCode: '20x1' }, 'municipalityCode', /4 digits/],
    ['a municipality without a code', { kind: 'MUNICIPALITY' }, 'municipalityCode', /needs its municipalityCode/],
    ['a municipality code on a provider', { kind: 'PRIVATE_PROVIDER', municipalityCode: '2099' }, 'municipalityCode', /only for municipalities/],
    ['an empty name', { kind: 'EMPLOYER', name: '   ' }, 'name', /1 to 200/],
    ['a malformed organisation number', { kind: 'EMPLOYER', organisationNumber: '12' }, 'organisationNumber', /organisationNumber/],
  ])('refuses %s with BAD_USER_INPUT naming the field, writing nothing', async (_case, input, field, message) => {
    const before = [await count('organisation'), await count('association_membership')];
    const res = await app.gql(CREATE, { input: { name: unique(), ...input } }, dalarnaAdmin);
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].extensions!.field).toBe(field);
    expect(res.errors![0].message).toMatch(message);
    expect([await count('organisation'), await count('association_membership')]).toEqual(before);
  });

  it('refuses a second municipality with the same code as a CONFLICT', async () => {
    const res = await app.gql(CREATE, { input: { kind: 'MUNICIPALITY', name: unique(), municipalityCode: '2062' } }, dalarnaAdmin);
    expect(codes(res)).toEqual(['CONFLICT']);
    expect(reasons(res)).toEqual(['DUPLICATE']);
    expect(res.errors![0].extensions!.field).toBe('municipalityCode');
  });

  it('refuses a second regional principal as a CONFLICT', async () => {
    const res = await app.gql(CREATE, { input: { kind: 'REGION', name: unique() } }, dalarnaAdmin);
    expect(codes(res)).toEqual(['CONFLICT']);
    expect(reasons(res)).toEqual(['DUPLICATE']);
  });

  it('updates an organisation and replaces an association\'s members', async () => {
    const created = await app.gql(CREATE, { input: { kind: 'COORDINATION_ASSOCIATION', name: unique(), members: [{ organisationId: seededOrganisationId('20') }] } }, dalarnaAdmin);
    const id = created.data.organisationCreate.organisation.id;
    const name = unique();
    const res = await app.gql(
      UPDATE,
      { input: { id, name, organisationNumber: '222000-1234', members: [{ organisationId: seededOrganisationId('2085'), financingShare: 40, note: 'founding member' }, { organisationId: seededOrganisationId('20:fk') }] } },
      dalarnaAdmin,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.organisationUpdate.organisation).toEqual({
      id,
      name,
      organisationNumber: '222000-1234',
      members: expect.arrayContaining([
        { financingShare: 40, note: 'founding member', member: { id: seededOrganisationId('2085') } },
        { financingShare: null, note: null, member: { id: seededOrganisationId('20:fk') } },
      ]),
    });
    expect(res.data.organisationUpdate.organisation.members).toHaveLength(2);
    const cleared = await app.gql(UPDATE, { input: { id, organisationNumber: null } }, dalarnaAdmin);
    expect(cleared.data.organisationUpdate.organisation).toEqual(expect.objectContaining({ name, organisationNumber: null }));
  });

  it('refuses a region 20 admin changing a region 19 organisation as it refuses a made-up id: NOT_FOUND, nothing written', async () => {
    const target = seededOrganisationId('1980')!;
    const madeUp = '00000000-0000-4000-8000-0000000000ab';
    const before = await app.dataSource.query(`SELECT name, updated_at FROM organisation WHERE id = $1`, [target]);
    const res = await app.gql(UPDATE, { input: { id: target, name: 'Taken over' } }, dalarnaAdmin);
    const unknown = await app.gql(UPDATE, { input: { id: madeUp, name: 'Taken over' } }, dalarnaAdmin);
    expect(codes(res)).toEqual(['NOT_FOUND']);
    expect(res.errors![0].message.replace(target, '<id>')).toBe(unknown.errors![0].message.replace(madeUp, '<id>'));
    expect(await app.dataSource.query(`SELECT name, updated_at FROM organisation WHERE id = $1`, [target])).toEqual(before);
    const CARE_UNIT = `mutation($input: CareUnitCreateInput!) { careUnitCreate(input: $input) { careUnit { id } } }`;
    const unit = await app.gql(CARE_UNIT, { input: { organisationId: target, name: unique(), careLevel: 'MUNICIPAL_HOME_REHAB' } }, dalarnaAdmin);
    const unknownUnit = await app.gql(CARE_UNIT, { input: { organisationId: madeUp, name: unique(), careLevel: 'MUNICIPAL_HOME_REHAB' } }, dalarnaAdmin);
    expect(codes(unit)).toEqual(['NOT_FOUND']);
    expect(unit.errors![0].message.replace(target, '<id>')).toBe(unknownUnit.errors![0].message.replace(madeUp, '<id>'));
    expect(res.errors![0].extensions!.field).toBe('id');
  });

  it('refuses a coordination association with a member of another region as it refuses an unknown member, writing nothing', async () => {
    const before = await app.dataSource.query(`SELECT count(*)::int AS n FROM association_membership`);
    const members = (other: string) => [{ organisationId: seededOrganisationId('2062')!, financingShare: 50 }, { organisationId: other, financingShare: 50 }];
    const foreign = await app.gql(CREATE, { input: { kind: 'COORDINATION_ASSOCIATION', name: unique(), members: members(seededOrganisationId('1980')!) } }, dalarnaAdmin);
    const unknown = await app.gql(CREATE, { input: { kind: 'COORDINATION_ASSOCIATION', name: unique(), members: members('00000000-0000-4000-8000-0000000000ac') } }, dalarnaAdmin);
    expect(codes(foreign)).toEqual(codes(unknown));
    expect(codes(foreign)).toEqual(['NOT_FOUND']);
    expect(foreign.errors![0].extensions!.field).toBe('members[1].organisationId');
    expect(await app.dataSource.query(`SELECT count(*)::int AS n FROM association_membership`)).toEqual(before);
    const memberships = await app.gql(`query($c: String!) { municipality(code: $c) { memberships { association { name } } } }`, { c: '1980' }, dalarnaAdmin);
    expect(memberships.errors).toBeUndefined();
  });

  it('lets region 19\'s own admin change it', async () => {
    const target = seededOrganisationId('1984')!;
    const res = await app.gql(UPDATE, { input: { id: target, organisationNumber: '212000-2080' } }, vastmanlandAdmin);
    expect(res.errors).toBeUndefined();
  });

  it('answers NOT_FOUND for an unknown organisation', async () => {
    const res = await app.gql(UPDATE, { input: { id: randomUUID(), name: 'x' } }, dalarnaAdmin);
    expect(codes(res)).toEqual(['NOT_FOUND']);
  });

  it('refuses the mutations to other roles with FORBIDDEN and to anonymous callers with UNAUTHENTICATED', async () => {
    const before = await count('organisation');
    expect(codes(await app.gql(CREATE, { input: { kind: 'EMPLOYER', name: unique() } }, careStaff))).toEqual(['FORBIDDEN']);
    expect(codes(await app.gql(CREATE, { input: { kind: 'EMPLOYER', name: unique() } }, await app.token('20', Role.PLANNER)))).toEqual(['FORBIDDEN']);
    expect(codes(await app.gql(CREATE, { input: { kind: 'EMPLOYER', name: unique() } }))).toEqual(['UNAUTHENTICATED']);
    expect(await count('organisation')).toBe(before);
  });

  describe('care units', () => {
    const CREATE_UNIT = `mutation($input: CareUnitCreateInput!) { careUnitCreate(input: $input) { careUnit { id name careLevel hsaId organisation { id } } } }`;
    const UPDATE_UNIT = `mutation($input: CareUnitUpdateInput!) { careUnitUpdate(input: $input) { careUnit { id name careLevel hsaId } } }`;
    const hsa = () => `SE2321000180-T${Date.now()}${Math.floor(Math.random() * 1000)}`;

    it('creates and updates a care unit with an HSA-id', async () => {
      const hsaId = hsa();
      const created = await app.gql(CREATE_UNIT, { input: { organisationId: seededOrganisationId('2062'), name: 'Mora hemrehab team 2', careLevel: 'MUNICIPAL_HOME_REHAB', hsaId } }, dalarnaAdmin);
      expect(created.errors).toBeUndefined();
      expect(created.data.careUnitCreate.careUnit).toEqual(expect.objectContaining({ hsaId, organisation: { id: seededOrganisationId('2062') } }));
      const id = created.data.careUnitCreate.careUnit.id;
      const updated = await app.gql(UPDATE_UNIT, { input: { id, careLevel: 'SPECIALIST_CARE', hsaId: null } }, dalarnaAdmin);
      expect(updated.errors).toBeUndefined();
      expect(updated.data.careUnitUpdate.careUnit).toEqual({ id, name: 'Mora hemrehab team 2', careLevel: 'SPECIALIST_CARE', hsaId: null });
    });

    it('refuses a malformed HSA-id with BAD_USER_INPUT and a duplicate one with CONFLICT', async () => {
      const before = await count('care_unit');
      const bad = await app.gql(CREATE_UNIT, { input: { organisationId: seededOrganisationId('2062'), name: 'x', careLevel: 'PRIMARY_CARE', hsaId: 'E000000000001' } }, dalarnaAdmin);
      expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
      expect(bad.errors![0].extensions!.field).toBe('hsaId');
      const hsaId = hsa();
      await app.gql(CREATE_UNIT, { input: { organisationId: seededOrganisationId('2062'), name: 'first', careLevel: 'PRIMARY_CARE', hsaId } }, dalarnaAdmin);
      const dup = await app.gql(CREATE_UNIT, { input: { organisationId: seededOrganisationId('2080'), name: 'second', careLevel: 'PRIMARY_CARE', hsaId } }, dalarnaAdmin);
      expect(codes(dup)).toEqual(['CONFLICT']);
      expect(reasons(dup)).toEqual(['DUPLICATE']);
      expect(dup.errors![0].extensions!.field).toBe('hsaId');
      expect(await count('care_unit')).toBe(before + 1);
    });

    it('refuses a care unit of an organisation that does not exist', async () => {
      const res = await app.gql(CREATE_UNIT, { input: { organisationId: randomUUID(), name: 'x', careLevel: 'PRIMARY_CARE' } }, dalarnaAdmin);
      expect(codes(res)).toEqual(['NOT_FOUND']);
      expect(res.errors![0].extensions!.field).toBe('organisationId');
    });
  });
});
