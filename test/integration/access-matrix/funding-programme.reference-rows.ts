import { EVERYONE, ReferenceRows } from './reference';

/** The national funding programmes: reference data for every signed-in viewer. */
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
  ],
};
