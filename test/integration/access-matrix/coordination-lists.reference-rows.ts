import { seededCareUnitId } from '../../../entities/seed/seed';
import { only, ReferenceRows } from './reference';

const VC_MORA = seededCareUnitId('20', 'vc-mora');

/** A care unit's coordination workload and the planners' coordination figures: counts only, of one's own region. */
export const rows: ReferenceRows = {
  operations: [
    {
      name: 'coordinationWorkload',
      query: `query($unit: ID!) { coordinationWorkload(careUnitId: $unit) { careUnit { id } openCases coordinators { coordinatorUserId openCases } } }`,
      variables: () => ({ unit: VC_MORA }),
      check: (data) => expect(data.coordinationWorkload).toMatchObject({ careUnit: { id: VC_MORA }, openCases: expect.any(Number) }),
      // A coordinator sees the workload of the unit they act for (test/integration/coordination-lists.test.ts).
      expected: only({ admin20: 'DATA', admin19: 'NOT_FOUND' }),
    },
    {
      name: 'coordinationStatistics',
      query: `{ coordinationStatistics(regionCode: "20", period: { from: "2026-01-01", to: "2026-12-31" }) {
        from smallCellThreshold region { opened { total { display } female { display } male { display } } } byAgeBand { ageBand } } }`,
      variables: () => ({}),
      check: (data) => {
        expect(data.coordinationStatistics).toMatchObject({ from: '2026-01-01', smallCellThreshold: 5 });
        expect(data.coordinationStatistics.byAgeBand.map((b: any) => b.ageBand)).toEqual(['BELOW_YOUNG_ADULT', 'YOUNG_ADULT', 'ABOVE_YOUNG_ADULT']);
      },
      expected: only({ admin20: 'DATA', planner20: 'DATA' }),
    },
  ],
};
