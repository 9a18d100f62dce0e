import { EVERYONE, MORA, only, ReferenceRows } from './reference';

/** KVÅ codes and the planners' SIP statistics (own region). */
export const rows: ReferenceRows = {
  operations: [
    {
      name: 'kvaCodes',
      query: `{ kvaCodes { code } }`,
      variables: () => ({}),
      check: (data) => expect(data.kvaCodes.map((k: any) => k.code)).toEqual(expect.arrayContaining(['AU124', 'UX301'])),
      expected: EVERYONE,
    },
    {
      name: 'sipStatistics',
      query: `{ sipStatistics(regionCode: "20", period: { from: "2026-01-01", to: "2026-12-31" }) {
        from to smallCellThreshold region { started { total { display } } } byMunicipality { municipality { id } } } }`,
      variables: () => ({}),
      check: (data) => {
        const stats = data.sipStatistics;
        expect(stats).toMatchObject({ from: '2026-01-01', to: '2026-12-31', smallCellThreshold: 5 });
        expect(stats.byMunicipality.map((m: any) => m.municipality?.id)).toContain(MORA);
        expect(typeof stats.region.started.total.display).toBe('string');
      },
      expected: only({ planner20: 'DATA', admin20: 'DATA', planner19: 'FORBIDDEN', admin19: 'FORBIDDEN' }),
    },
  ],
};
