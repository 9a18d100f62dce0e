import { EVERYONE, only, ReferenceRows } from './reference';

/** The deployment's clock (the suites run on the system clock: it cannot be moved). */
export const rows: ReferenceRows = {
  operations: [
    {
      name: 'testClock',
      query: `{ testClock { controlled } }`,
      variables: () => ({}),
      check: (data) => expect(data.testClock).toEqual({ controlled: false }),
      expected: EVERYONE,
    },
    {
      name: 'testClockAdvance',
      query: `mutation { testClockAdvance(to: "2091-01-01T00:00:00Z") { clock { now } } }`,
      variables: () => ({}),
      expected: only({}),
      writes: ['controlled_clock'],
    },
  ],
};
