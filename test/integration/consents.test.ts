import { randomUUID } from 'node:crypto';
import { DataCategory, Role } from '../../domain/enums';
import { ParticipationSource } from '../../domain/participation';
import { seededOrganisationId } from '../../entities/seed/seed';
import { testPersonnummer } from '../support/personnummer';
import { codes, reasons, startTestApp, TestApp } from '../support/test-app';
import { joinCase } from '../../server/access/participation.sql';

const RECORD = `mutation($input: ConsentRecordInput!) { consentRecord(input: $input) { consent {
  id categories purpose givenBy representativeName validFrom validTo status source { name } recipient { name } } } }`;
const REVOKE = `mutation($input: ConsentRevokeInput!) { consentRevoke(input: $input) { consent { id status revokedAt revokeReason } } }`;

const daysFromToday = (days: number) => new Date(Date.now() + days * 86400_000).toISOString().slice(0, 10);

/** A patient's consent is specific, one-way, dated and revocable. */
describe('consents', () => {
  let app: TestApp;
  let mora: string;
  let patientId: string;
  const count = async () => Number((await app.dataSource.query('SELECT count(*) AS n FROM consent'))[0].n);
  const input = (overrides: Record<string, unknown> = {}) => ({
    patientId,
    recipientOrganisationId: seededOrganisationId('20:fk'),
    categories: ['WORK_CAPACITY', 'SICK_LEAVE'],
    purpose: 'WORK_ORIENTED_REHABILITATION',
    validTo: daysFromToday(90),
    ...overrides,
  });

  beforeAll(async () => {
    app = await startTestApp();
    mora = await app.token('2062', Role.CARE_STAFF);
    const created = await app.gql(`mutation($p: String!) { patientCreate(input: { personnummer: $p }) { patient { id } } }`, { p: testPersonnummer('19660606') }, mora);
    patientId = created.data.patientCreate.patient.id;
  });
  afterAll(() => app.stop());

  it('records a consent from the viewer\'s organisation to a recipient, active from today', async () => {
    const res = await app.gql(RECORD, { input: input() }, mora);
    expect(res.errors).toBeUndefined();
    expect(res.data.consentRecord.consent).toEqual(
      expect.objectContaining({
        categories: ['WORK_CAPACITY', 'SICK_LEAVE'],
        givenBy: 'PATIENT',
        representativeName: null,
        status: 'ACTIVE',
        source: { name: 'Mora kommun' },
        recipient: { name: 'Försäkringskassan' },
      }),
    );
    const listed = await app.gql(`query($id: ID!) { consents(patientId: $id) { edges { node { id } } } }`, { id: patientId }, mora);
    expect(listed.data.consents.edges.map((e: any) => e.node.id)).toContain(res.data.consentRecord.consent.id);
  });

  it.each([
    ['an end before the start', { validFrom: daysFromToday(10), validTo: daysFromToday(5) }, 'validTo', /end before it starts/],
    ['a start in the past', { validFrom: daysFromToday(-3) }, 'validFrom', /retroactive/],
    ['an end more than 365 days ahead', { validTo: daysFromToday(400) }, 'validTo', /365 days/],
    ['the viewer\'s own organisation as recipient', { recipientOrganisationId: seededOrganisationId('2062') }, 'recipientOrganisationId', /another organisation/],
    ['an unknown recipient', { recipientOrganisationId: randomUUID() }, 'recipientOrganisationId', /no organisation/],
    ['no categories', { categories: [] }, 'categories', /at least one/],
    ['a representative without a name', { givenBy: 'REPRESENTATIVE' }, 'representativeName', /representative/],
  ])('refuses %s with BAD_USER_INPUT naming the field, writing nothing', async (_case, overrides, field, message) => {
    const before = await count();
    const res = await app.gql(RECORD, { input: input(overrides) }, mora);
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].extensions!.field).toBe(field);
    expect(res.errors![0].message).toMatch(message);
    expect(await count()).toBe(before);
    expect(await app.logRows(res.requestId)).toEqual([expect.objectContaining({ action: 'consentRecord', outcome: 'REJECTED', patientId })]);
  });

  it('revokes with a reason, and refuses to revoke twice', async () => {
    const recorded = await app.gql(RECORD, { input: input() }, mora);
    const id = recorded.data.consentRecord.consent.id;
    const revoked = await app.gql(REVOKE, { input: { id, reason: 'Patienten återkallar' } }, mora);
    expect(revoked.data.consentRevoke.consent).toEqual(expect.objectContaining({ id, status: 'REVOKED', revokeReason: 'Patienten återkallar' }));
    const again = await app.gql(REVOKE, { input: { id, reason: 'again' } }, mora);
    expect(codes(again)).toEqual(['CONFLICT']);
    expect(reasons(again)).toEqual(['ILLEGAL_STATE']);
    expect(again.errors![0].extensions!.field).toBe('id');
    const blank = await app.gql(REVOKE, { input: { id, reason: '  ' } }, mora);
    expect(blank.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'reason' });
  });

  it('is one-way, specific to its categories, and ends with revocation or expiry', async () => {
    const access = await app.accessAs('2062', Role.CARE_STAFF);
    const mora = seededOrganisationId('2062')!;
    const fk = seededOrganisationId('20:fk')!;
    const region = seededOrganisationId('20')!;
    const created = await app.gql(`mutation($p: String!) { patientCreate(input: { personnummer: $p }) { patient { id } } }`, { p: testPersonnummer('19770707') }, await app.token('2062', Role.CARE_STAFF));
    const id = created.data.patientCreate.patient.id;
    expect(await access.consents.mayFlow(id, DataCategory.WORK_CAPACITY, mora, fk)).toBe(false);

    const recorded = await app.gql(RECORD, { input: input({ patientId: id, categories: ['WORK_CAPACITY'] }) }, await app.token('2062', Role.CARE_STAFF));
    expect(await access.consents.mayFlow(id, DataCategory.WORK_CAPACITY, mora, fk)).toBe(true);
    expect(await access.consents.mayFlow(id, DataCategory.WORK_CAPACITY, fk, mora)).toBe(false);
    expect(await access.consents.mayFlow(id, DataCategory.HEALTH_STATUS, mora, fk)).toBe(false);
    expect(await access.consents.mayFlow(id, DataCategory.WORK_CAPACITY, mora, region)).toBe(false);

    // An expired consent (recorded long ago) allows nothing either.
    await app.dataSource.query(
      `INSERT INTO consent (id, region_id, patient_id, source_organisation_id, recipient_organisation_id, categories, purpose, given_by, valid_from, valid_to, recorded_by, given_at)
       SELECT $1, region_id, id, $2, $3, ARRAY['SICK_LEAVE'], 'SIP', 'PATIENT', '2020-01-01', '2020-12-31', 'test', '2020-01-01T10:00:00+01:00' FROM patient WHERE id = $4`,
      [randomUUID(), mora, region, id],
    );
    expect(await access.consents.mayFlow(id, DataCategory.SICK_LEAVE, mora, region)).toBe(false);

    await app.gql(REVOKE, { input: { id: recorded.data.consentRecord.consent.id, reason: 'withdrawn' } }, await app.token('2062', Role.CARE_STAFF));
    expect(await access.consents.mayFlow(id, DataCategory.WORK_CAPACITY, mora, fk)).toBe(false);
  });

  it('lets a participating organisation record a consent for its own data, not for the owner\'s', async () => {
    await app.dataSource.transaction((tx) =>
      joinCase(tx, seededOrganisationId('2062')!, { patientId, organisations: [{ organisationId: seededOrganisationId('20')!, careUnitId: null }], source: ParticipationSource.SIP, sourceId: randomUUID() }),
    );
    const res = await app.gql(RECORD, { input: input() }, await app.token('20', Role.CARE_STAFF));
    expect(res.data.consentRecord.consent.source).toEqual({ name: 'Region Dalarna' });
  });
});
