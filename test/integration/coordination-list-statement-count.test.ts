import { Role } from '../../domain/enums';
import { seededOrganisationId } from '../../entities/seed/seed';
import { CoordinationRows } from '../support/coordination-rows';
import { testPersonnummer } from '../support/personnummer';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * SQL statements of the coordinator's list and workload: the same for a care unit with one open
 * case as for one with a hundred (no N+1), both backends, one pooled connection as in
 * statement-count.test.ts. Each unit is this suite's own.
 */
const DALARNA = seededOrganisationId('20')!;
const LIST = `query($unit: ID!) { coordinationCases(careUnitId: $unit, first: 100) {
  edges { cursor node { id status occupation sickLeaveFrom sickLeaveTo sickLeaveDegree coordinatorUserId openedAt lastActivityAt patient { id } } }
  pageInfo { hasNextPage endCursor } } }`;
const WORKLOAD = `query($unit: ID!) { coordinationWorkload(careUnitId: $unit) { careUnit { name } openCases coordinators { coordinatorUserId openCases byStatus { status count } meanAgeDays } } }`;

describe('SQL statements of the coordinator’s list and workload', () => {
  let app: TestApp;
  const units: Record<'one' | 'hundred', string> = { one: '', hundred: '' };

  beforeAll(async () => {
    app = await startTestApp({ DATABASE_POOL_SIZE: '1' });
    const [{ region_id: regionId }] = await app.dataSource.query(`SELECT region_id FROM organisation WHERE id = $1`, [DALARNA]);
    const rows = new CoordinationRows(app.dataSource, regionId);
    const staff = await app.token('20', Role.CARE_STAFF);
    const patients: string[] = [];
    for (const sex of ['FEMALE', 'MALE', 'FEMALE', 'MALE'] as const) {
      const res = await app.gql(`mutation($p: String!) { patientCreate(input: { personnummer: $p }) { patient { id } } }`, { p: testPersonnummer('19800101', sex) }, staff);
      patients.push(res.data.patientCreate.patient.id);
    }
    units.one = await rows.careUnit(DALARNA, 'Vårdcentralen Ett');
    units.hundred = await rows.careUnit(DALARNA, 'Vårdcentralen Hundra');
    await rows.case({ patientId: patients[0], ownerOrganisationId: DALARNA, careUnitId: units.one });
    for (let i = 0; i < 100; i++) {
      await rows.case({
        patientId: patients[i % 4],
        ownerOrganisationId: DALARNA,
        careUnitId: units.hundred,
        coordinator: `coordinator-${i % 7}`,
        status: ['NONE', 'CONTACTED', 'ACTIVE', 'FOLLOW_UP'][i % 4],
        sickLeaveTo: `2027-0${1 + (i % 9)}-15`,
      });
    }
  });
  afterAll(() => app?.stop());

  it.each([
    ['coordinationCases', LIST],
    ['coordinationWorkload', WORKLOAD],
  ])('%s costs as many statements for 100 cases as for 1', async (field, query) => {
    const counts: number[] = [];
    for (const unit of [units.one, units.hundred]) {
      const token = await app.unitToken('20', unit, Role.REHAB_COORDINATOR);
      await app.gql(`{ regions { edges { cursor } } }`, {}, token); // warms the viewer cache
      let res: any;
      counts.push(await app.countStatements(async () => (res = await app.gql(query, { unit }, token))));
      expect(res.errors).toBeUndefined();
    }
    expect(counts[1]).toBe(counts[0]);
  });

  it('lists all hundred on one page', async () => {
    const token = await app.unitToken('20', units.hundred, Role.REHAB_COORDINATOR);
    const res = await app.gql(LIST, { unit: units.hundred }, token);
    expect(res.data.coordinationCases.edges).toHaveLength(100);
    expect(res.data.coordinationCases.pageInfo.hasNextPage).toBe(false);
  });
});
