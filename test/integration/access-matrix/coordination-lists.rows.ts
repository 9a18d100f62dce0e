import { randomUUID } from 'node:crypto';
import { Role } from '../../../domain/enums';
import { DALARNA, inDays, MatrixRows, VIEWERS } from './matrix';

interface ListFixture {
  /** A care unit of Region Dalarna's with only the fixture patient's case, and its coordinator. */
  listCareUnitId: string;
  listCaseId: string;
  listCoordinatorToken: string;
}

/** The coordinator's list: Region Dalarna's coordinator at the case's unit sees it; any other viewer is refused, and the refusal logged. */
export const rows: MatrixRows<ListFixture> = {
  async setUp(app, { patientId }) {
    const careUnitId = randomUUID();
    const [{ region_id }] = await app.dataSource.query(`SELECT region_id FROM organisation WHERE id = $1`, [DALARNA]);
    await app.dataSource.query(`INSERT INTO care_unit (id, region_id, organisation_id, name, care_level) VALUES ($1, $2, $3, 'Vårdcentralen Matris', 'PRIMARY_CARE')`, [careUnitId, region_id, DALARNA]);
    const coordinatorToken = await app.unitToken('20', careUnitId, Role.REHAB_COORDINATOR);
    const res = await app.gql(
      `mutation($input: CoordinationCaseOpenInput!) { coordinationCaseOpen(input: $input) { coordinationCase { id } } }`,
      { input: { patientId, careUnitId, occupation: 'EMPLOYED', sickLeave: { from: inDays(-14), to: inDays(60), degree: 50 }, status: 'NONE' } },
      coordinatorToken,
    );
    expect(res.errors).toBeUndefined();
    return { listCareUnitId: careUnitId, listCaseId: res.data.coordinationCaseOpen.coordinationCase.id, listCoordinatorToken: coordinatorToken };
  },
  operations: [
    {
      name: 'coordinationCases',
      run: async (app, token, f, viewer) => {
        // The care viewers as coordinators of their own organisations (not acting for the unit); Region Dalarna's at the unit.
        const as = viewer === 'participant' ? f.listCoordinatorToken : ['owner', 'nonParticipant', 'otherRegion'].includes(viewer) ? await app.token(VIEWERS[viewer]![0], Role.REHAB_COORDINATOR) : token;
        return app.gql(`query($unit: ID!) { coordinationCases(careUnitId: $unit) { edges { node { id } } } }`, { unit: f.listCareUnitId }, as);
      },
      check: (data, f) => expect(data.coordinationCases.edges).toEqual([{ node: { id: f.listCaseId } }]),
      expected: { owner: 'FORBIDDEN', participant: 'DATA', nonParticipant: 'FORBIDDEN', otherRegion: 'FORBIDDEN', planner: 'FORBIDDEN', integration: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' },
      // A refused list names no case.
      concernsPatient: false,
    },
  ],
};
