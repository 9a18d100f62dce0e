import { EVERYONE, only, ReferenceRows } from './reference';

/** The national funding programmes (reference data for every signed-in viewer) and a region's report to one (its planners). */
export const rows: ReferenceRows = {
  operations: [
    {
      name: 'fundingProgrammes',
      query: `{ fundingProgrammes(onDate: "2012-06-01") { code validTo forms { code amountSek } } }`,
      variables: () => ({}),
      check: (data) =>
        expect(data.fundingProgrammes).toEqual([
          {
            code: 'REHABILITERINGSGARANTIN',
            validTo: '2015-12-31',
            forms: [
              { code: 'IPT', amountSek: 12000 },
              { code: 'KBT', amountSek: 12000 },
              { code: 'MMR1', amountSek: 25000 },
              { code: 'MMR2', amountSek: 45000 },
            ],
          },
        ]),
      expected: EVERYONE,
    },
    {
      name: 'programmeReport',
      query: `{ programmeReport(regionCode: "20", programme: "REHABILITERINGSGARANTIN", quarter: "2015-Q2") {
        programme from to smallCellThreshold forms { form } total { treatments { total { display } } } } }`,
      variables: () => ({}),
      check: (data) =>
        expect(data.programmeReport).toEqual({
          programme: 'REHABILITERINGSGARANTIN',
          from: '2015-04-01',
          to: '2015-06-30',
          smallCellThreshold: 5,
          forms: [{ form: 'IPT' }, { form: 'KBT' }, { form: 'MMR1' }, { form: 'MMR2' }],
          // Other suites write 2015's treatments in the region: the row checks the shape, programme-report.test.ts the figures.
          total: { treatments: { total: { display: expect.any(String) } } },
        }),
      expected: only({ planner20: 'DATA', planner19: 'FORBIDDEN' }),
    },
  ],
};
