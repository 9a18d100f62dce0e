import { only, ReferenceRows } from './reference';

/** The planners' hand-off deadline report (own region). */
export const rows: ReferenceRows = {
  operations: [
    {
      name: 'handoffDeadlineReport',
      query: `{ handoffDeadlineReport(regionCode: "20", period: { from: "2026-01-01", to: "2026-12-31" }) {
        from to smallCellThreshold total { sex } byMunicipality { municipality { id } } } }`,
      variables: () => ({}),
      check: (data) => {
        expect(data.handoffDeadlineReport).toMatchObject({ from: '2026-01-01', to: '2026-12-31', smallCellThreshold: 5, total: [{ sex: null }, { sex: 'FEMALE' }, { sex: 'MALE' }] });
        // Aggregates per municipality, never a row per patient.
        expect(JSON.stringify(data)).not.toMatch(/patient/i);
      },
      // The region's planner and admin read them; another region's may not.
      expected: only({ planner20: 'DATA', admin20: 'DATA', planner19: 'FORBIDDEN', admin19: 'FORBIDDEN' }),
    },
  ],
};
