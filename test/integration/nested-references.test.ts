import { Role } from '../../domain/enums';
import { seededCareUnitId, seededOrganisationId } from '../../entities/seed/seed';
import { testPersonnummer } from '../support/personnummer';
import { codes, startTestApp, TestApp } from '../support/test-app';

/**
 * A reference the viewer can no longer follow nulls that field alone: the record holding it, its
 * other fields and the other records of the same list still answer, and the error names the path.
 * Here Leksand kommun still receives two hand-offs from Falu lasarett but no longer takes part in
 * one patient's case (its participation has ended), so it may not see that patient. (Leksand and a
 * clock of its own keep these hand-offs out of the other suites' inboxes in the shared database.)
 */
const LEKSAND = seededOrganisationId('2029')!;
const FALU_LASARETT = seededCareUnitId('20', 'falu-lasarett');
const NOW = '2031-02-03T10:00:00+01:00';

const NODE = `id state patient { id } sendingOrganisation { name } sendingCareUnit { name } parties { side organisation { name } }`;

describe('a nested record the viewer may no longer see', () => {
  let app: TestApp;
  let ward: string; // Region Dalarna care staff at Falu lasarett
  let leksand: string; // Leksand kommun care staff
  const admitted = async () => {
    const created = await app.gql(
      `mutation($p: String!) { patientCreate(input: { personnummer: $p, homeMunicipalityCode: "2029" }) { patient { id } } }`,
      { p: testPersonnummer('19400203') },
      ward,
    );
    const patientId: string = created.data.patientCreate.patient.id;
    const res = await app.gql(
      `mutation($input: HandoffCreateInput!) { handoffCreate(input: $input) { handoff { id } } }`,
      { input: { patientId, kind: 'DISCHARGE_FROM_INPATIENT', sendingCareUnitId: FALU_LASARETT, admittedAt: '2031-02-03T08:00:00+01:00' } },
      ward,
    );
    expect(res.errors).toBeUndefined();
    return { patientId, handoffId: res.data.handoffCreate.handoff.id as string };
  };
  let hidden: { patientId: string; handoffId: string };
  let seen: { patientId: string; handoffId: string };

  beforeAll(async () => {
    app = await startTestApp();
    app.setNow(NOW);
    ward = await app.unitToken('20', FALU_LASARETT, Role.CARE_STAFF);
    leksand = await app.token('2029', Role.CARE_STAFF);
    hidden = await admitted();
    seen = await admitted();
    // The admission notice made Leksand a participant in both cases; end it for one (as the database owner).
    await participation(hidden.patientId, 'now()');
  });
  afterAll(async () => {
    await participation(hidden.patientId, 'NULL');
    return app?.stop();
  });
  const participation = (patientId: string, endedAt: 'now()' | 'NULL') =>
    app.dataSource.query(`UPDATE patient_participation SET ended_at = ${endedAt} WHERE patient_id = $1 AND organisation_id = $2`, [patientId, LEKSAND]);

  it('nulls only the patient of a hand-off read by id, with NOT_FOUND at that path', async () => {
    const res = await app.gql(`query($id: ID!) { handoff(id: $id) { ${NODE} } }`, { id: hidden.handoffId }, leksand);
    expect(res.data.handoff).toEqual({
      id: hidden.handoffId,
      state: 'ADMITTED',
      patient: null,
      sendingOrganisation: { name: 'Region Dalarna' },
      sendingCareUnit: { name: 'Falu lasarett' },
      parties: expect.arrayContaining([{ side: 'RECIPIENT', organisation: { name: 'Leksands kommun' } }]),
    });
    expect(codes(res)).toEqual(['NOT_FOUND']);
    expect(res.errors![0].path).toEqual(['handoff', 'patient']);
  });

  it('keeps the hand-off and its siblings in the inbox, nulling the one patient', async () => {
    const res = await app.gql(`query($since: DateTimeISO) { handoffInbox(updatedSince: $since) { edges { node { ${NODE} } } } }`, { since: '2031-02-03T09:00:00+01:00' }, leksand);
    const nodes = res.data.handoffInbox.edges.map((e: any) => e.node);
    expect(nodes.map((n: any) => n.id).sort()).toEqual([hidden.handoffId, seen.handoffId].sort());
    const at = nodes.findIndex((n: any) => n.id === hidden.handoffId);
    expect(nodes[at]).toMatchObject({ state: 'ADMITTED', patient: null, sendingOrganisation: { name: 'Region Dalarna' } });
    expect(nodes[1 - at]).toMatchObject({ state: 'ADMITTED', patient: { id: seen.patientId }, sendingOrganisation: { name: 'Region Dalarna' } });
    expect(codes(res)).toEqual(['NOT_FOUND']);
    expect(res.errors![0].path).toEqual(['handoffInbox', 'edges', at, 'node', 'patient']);
  });

  it('still shows the patient to the organisation that keeps the record', async () => {
    const res = await app.gql(`query($id: ID!) { handoff(id: $id) { patient { id } } }`, { id: hidden.handoffId }, ward);
    expect(res.errors).toBeUndefined();
    expect(res.data.handoff.patient).toEqual({ id: hidden.patientId });
  });
});
