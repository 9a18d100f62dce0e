import { MORA, only, ReferenceRows } from './reference';

/** The planners' rehabilitation plan figures (own region; aggregates, never patient rows). */
export const rows: ReferenceRows = {
  operations: [
    {
      name: 'rehabPlanStatistics',
      query: `{ rehabPlanStatistics(regionCode: "20", period: { from: "2026-01-01", to: "2026-12-31" }) {
        from to smallCellThreshold region { longTermPlans { total { display } } } byMunicipality { municipality { id } } } }`,
      variables: () => ({}),
      check: (data) => {
        const stats = data.rehabPlanStatistics;
        expect(stats).toMatchObject({ from: '2026-01-01', to: '2026-12-31', smallCellThreshold: 5 });
        expect(stats.byMunicipality.map((m: any) => m.municipality?.id)).toContain(MORA);
        expect(typeof stats.region.longTermPlans.total.display).toBe('string');
      },
      expected: only({ planner20: 'DATA', admin20: 'DATA', planner19: 'FORBIDDEN', admin19: 'FORBIDDEN' }),
    },
  ],
};
