import { Role } from '../../domain/enums';
import { seededOrganisationId } from '../../entities/seed/seed';
import { PatientStore } from '../../server/access/patient.store';
import { ReferenceStore } from '../../server/access/reference.store';
import { testPersonnummer } from '../support/personnummer';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The request scope: stores and their loaders are built when a request first uses them, once per
 * request, and each patient-data root field logs under its own name without passing it along.
 */
describe('request scope', () => {
  let app: TestApp;
  let mora: string;
  let patientId: string;
  beforeAll(async () => {
    app = await startTestApp({ DATABASE_POOL_SIZE: '1' });
    mora = await app.token('2062', Role.CARE_STAFF);
    const created = await app.gql(`mutation($p: String!) { patientCreate(input: { personnummer: $p }) { patient { id } } }`, { p: testPersonnummer('19610606') }, mora);
    patientId = created.data.patientCreate.patient.id;
  });
  afterAll(() => app.stop());

  it('logs each patient-data root field of one request under that field', async () => {
    const res = await app.gql(
      `query($id: ID!) { patient(id: $id) { id } consents(patientId: $id) { edges { cursor } } patientAccessLog(patientId: $id) { edges { cursor } } }`,
      { id: patientId },
      mora,
    );
    expect(res.errors).toBeUndefined();
    const rows = await app.logRows(res.requestId);
    expect(rows.map((r: any) => r.action).sort()).toEqual(['consents', 'patient', 'patientAccessLog']);
    expect(rows.every((r: any) => r.outcome === 'ALLOWED' && r.patientId === patientId)).toBe(true);
  });

  it('logs a denial under the field that was denied', async () => {
    const planner = await app.token('20', Role.PLANNER);
    const res = await app.gql(`mutation($id: ID!) { consentRevoke(input: { id: $id, reason: "x" }) { consent { id } } }`, { id: patientId }, planner);
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await app.logRows(res.requestId)).toEqual([{ outcome: 'DENIED', action: 'consentRevoke', patientId: null }]);
  });

  it('refuses to hand out patient data outside a patient-data operation, rather than log it without an action', async () => {
    const access = await app.accessAs('2062', Role.CARE_STAFF);
    await expect(access.patients.get(patientId)).rejects.toThrow(/outside a patient-data operation/);
    expect(await app.logRows(access.requestId)).toEqual([]);
  });

  it("lets an operation share the request's loaders: what one field loaded, another reads without a statement", async () => {
    const access = await app.accessAs('2062', Role.CARE_STAFF);
    await access.forOperation('patient').patients.get(patientId);
    expect(await app.logRows(access.requestId)).toEqual([{ outcome: 'ALLOWED', action: 'patient', patientId }]);
    expect(await app.countStatements(() => access.patients.requireVisible(patientId))).toBe(0);
    expect(await app.countStatements(() => access.forOperation('sip').patients.requireVisible(patientId))).toBe(0);
  });

  it('builds a store on first use, once per request, and only the stores a request uses', async () => {
    const access = await app.accessAs('2062', Role.CARE_STAFF);
    await access.reference.organisation(seededOrganisationId('2062')!);
    // The façade's own fields: which stores exist so far.
    const built = () => Object.values(access).filter((v) => typeof v === 'object' && v !== null && v.constructor.name.endsWith('Store'));
    expect(built()).toHaveLength(1);
    expect(built()[0]).toBeInstanceOf(ReferenceStore);
    expect(access.patients).toBe(access.patients);
    expect(built().some((s) => s instanceof PatientStore)).toBe(true);
    expect(built()).toHaveLength(2);
  });
});
