import { seededOrganisationId } from '../../../entities/seed/seed';
import { DENIED_TO_OUTSIDERS, MatrixRows, pagesUntil, VIEWERS } from './matrix';

/** Patients, their consents and their access log. */
export const rows: MatrixRows = {
  operations: [
    {
      name: 'patient',
      run: (app, token, f) => app.gql(`query($id: ID!) { patient(id: $id) { id personnummer } }`, { id: f.patientId }, token),
      check: (data, f) => expect(data.patient).toEqual({ id: f.patientId, personnummer: f.personnummer }),
      expected: { owner: 'DATA', participant: 'DATA', ...DENIED_TO_OUTSIDERS },
    },
    {
      name: 'patients (personnummer look-up)',
      run: (app, token, f) => app.gql(`query($p: String) { patients(filter: { personnummer: $p }) { edges { node { id } } } }`, { p: f.personnummer }, token),
      // Outsiders get an empty list: the same answer as for a person nobody has a record of.
      check: (data, f, viewer) => expect(data.patients.edges).toEqual(['owner', 'participant'].includes(viewer) ? [{ node: { id: f.patientId } }] : []),
      expected: { owner: 'DATA', participant: 'DATA', nonParticipant: 'DATA', otherRegion: 'DATA', planner: 'FORBIDDEN', integration: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' },
      logged: { nonParticipant: 'NOT_FOUND', otherRegion: 'NOT_FOUND' },
      concernsPatient: false,
    },
    {
      name: 'patients (list)',
      run: (app, token, f) =>
        pagesUntil(app, token, `query($after: String) { patients(first: 100, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`, 'patients', (n) => n.id === f.patientId),
      check: (data, f, viewer) => {
        const ids = data.patients.edges.map((e: any) => e.node.id);
        expect(ids.includes(f.patientId)).toBe(['owner', 'participant'].includes(viewer));
      },
      expected: { owner: 'DATA', participant: 'DATA', nonParticipant: 'DATA', otherRegion: 'DATA', planner: 'FORBIDDEN', integration: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' },
      concernsPatient: false,
    },
    {
      name: 'patientCreate (same person)',
      run: (app, token, f) => app.gql(`mutation($p: String!) { patientCreate(input: { personnummer: $p }) { patient { id owner { id } } } }`, { p: f.personnummer }, token),
      // Each principal keeps its own record; only the owner already has one. Nobody learns of the others.
      check: (data, f) => expect(data.patientCreate.patient.id).not.toBe(f.patientId),
      expected: { owner: 'CONFLICT', participant: 'DATA', nonParticipant: 'DATA', otherRegion: 'DATA', planner: 'FORBIDDEN', integration: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' },
    concernsPatient: false,
    },
    {
      name: 'patientUpdate',
      // The version the record has now: the owner's update raises it, and an outsider's attempt must fail on who it is, not on a stale version.
      run: async (app, token, f) => {
        const [{ version }] = await app.dataSource.query('SELECT version FROM patient WHERE id = $1', [f.patientId]);
        return app.gql(`mutation($id: ID!, $v: Int!) { patientUpdate(input: { id: $id, version: $v, address: "Moravägen 1" }) { patient { id } } }`, { id: f.patientId, v: version }, token);
      },
      check: (data, f) => expect(data.patientUpdate.patient.id).toBe(f.patientId),
      expected: { owner: 'DATA', participant: 'FORBIDDEN', ...DENIED_TO_OUTSIDERS },
    },
    {
      name: 'consents',
      run: (app, token, f) => app.gql(`query($id: ID!) { consents(patientId: $id) { edges { node { id patientId } } } }`, { id: f.patientId }, token),
      check: (data, f) => expect(data.consents.edges.every((e: any) => e.node.patientId === f.patientId)).toBe(true),
      expected: { owner: 'DATA', participant: 'DATA', ...DENIED_TO_OUTSIDERS },
    },
    {
      name: 'consentRecord',
      run: (app, token, f, viewer) =>
        app.gql(
          `mutation($input: ConsentRecordInput!) { consentRecord(input: $input) { consent { id source { id } } } }`,
          {
            input: {
              patientId: f.patientId,
              // Data flows from the viewer's organisation; Försäkringskassan is nobody's own.
              recipientOrganisationId: seededOrganisationId(viewer === 'otherRegion' ? '19:fk' : '20:fk'),
              categories: ['FUNCTIONAL_ABILITY'],
              purpose: 'SIP',
              validTo: new Date(Date.now() + 30 * 86400_000).toISOString().slice(0, 10),
            },
          },
          token,
        ),
      check: (data, _f, viewer) => expect(data.consentRecord.consent.source.id).toBe(seededOrganisationId(VIEWERS[viewer]![0])),
      expected: { owner: 'DATA', participant: 'DATA', ...DENIED_TO_OUTSIDERS },
    },
    {
      name: 'consentRevoke',
      run: async (app, token, f) =>
        app.gql(`mutation($id: ID!) { consentRevoke(input: { id: $id, reason: "The patient withdrew it" }) { consent { id revokedAt } } }`, { id: await f.newConsent() }, token),
      check: (data) => expect(data.consentRevoke.consent.revokedAt).not.toBeNull(),
      // The consent's source is Mora, the owner: a participant may read it but not revoke it.
      expected: { owner: 'DATA', participant: 'FORBIDDEN', ...DENIED_TO_OUTSIDERS },
    },
    {
      name: 'patientAccessLog',
      run: (app, token, f) => app.gql(`query($id: ID!) { patientAccessLog(patientId: $id) { edges { node { at action organisation { name } } } } }`, { id: f.patientId }, token),
      check: (data) => expect(data.patientAccessLog.edges.map((e: any) => e.node.organisation?.name)).toEqual(expect.arrayContaining(['Mora kommun', 'Region Dalarna', 'Falu kommun'])),
      expected: { owner: 'DATA', participant: 'FORBIDDEN', ...DENIED_TO_OUTSIDERS },
    },  ],
};
