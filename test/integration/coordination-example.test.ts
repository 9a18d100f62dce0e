import { Role } from '../../domain/enums';
import { seededCareUnitId } from '../../entities/seed/seed';
import { COORDINATION_EXAMPLE_IDS } from '../../server/database/coordination-example-data';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The example coordination cases (issue 18 item 7), written at start-up outside production: one at
 * Vårdcentralen Mora, one for a young adult at Västmanland's adult psychiatry, marked as example
 * data, readable through the API by the unit's coordinator and left out of the statistics.
 */
const VC_MORA = seededCareUnitId('20', 'vc-mora');
const PSYCHIATRY = seededCareUnitId('19', 'vuxenpsykiatri-vasteras');
const CASE = `query($id: ID!) { coordinationCase(id: $id) {
  status occupation patient { example } careUnit { name } employers { name organisationNumber }
  consents { actor { kind } categories } activities { kind answered held kvaCodes { code } }
} }`;

describe('example coordination cases', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app?.stop());

  it("shows Vårdcentralen Mora's coordinator the example case with its employer, consents and KVÅ codes", async () => {
    const res = await app.gql(CASE, { id: COORDINATION_EXAMPLE_IDS.moraCase }, await app.unitToken('20', VC_MORA, Role.REHAB_COORDINATOR));
    expect(res.errors).toBeUndefined();
    const c = res.data.coordinationCase;
    expect(c).toMatchObject({ status: 'ACTIVE', occupation: 'EMPLOYED', patient: { example: true }, careUnit: { name: 'Vårdcentralen Mora' } });
    expect(c.employers).toEqual([{ name: 'Exempel Trä AB (exempeldata)', organisationNumber: '559123-4561' }]);
    expect(c.consents.map((k: any) => k.actor.kind)).toEqual([null, 'EMPLOYER']);
    expect(c.activities.flatMap((a: any) => a.kvaCodes.map((k: any) => k.code))).toEqual(['GC001', 'ZV506']);
  });

  it("lists the young adult's case to the coordinator of Västmanland's adult psychiatry", async () => {
    const token = await app.unitToken('19', PSYCHIATRY, Role.REHAB_COORDINATOR);
    const res = await app.gql(`query($unit: ID!) { coordinationCases(careUnitId: $unit, filter: { youngAdult: true }) { edges { node { id status } } } }`, { unit: PSYCHIATRY }, token);
    expect(res.errors).toBeUndefined();
    expect(res.data.coordinationCases.edges.map((e: any) => e.node)).toContainEqual({ id: COORDINATION_EXAMPLE_IDS.vasterasCase, status: 'CONTACTED' });
  });

  it('leaves the example cases out of the statistics', async () => {
    const res = await app.gql(
      `{ coordinationStatistics(regionCode: "19", period: { from: "2026-11-01", to: "2026-11-30" }) { byCareUnit { careUnit { id } } } }`,
      {},
      await app.token('19', Role.PLANNER),
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.coordinationStatistics.byCareUnit.map((u: any) => u.careUnit.id)).not.toContain(PSYCHIATRY);
  });
});
