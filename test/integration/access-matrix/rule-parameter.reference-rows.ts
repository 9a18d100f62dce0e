import { EVERYONE, FUTURE, only, REGION_19, ReferenceRows } from './reference';

/** Rule parameters: any viewer of the region reads them; its TENANT_ADMIN sets them. */
export const rows: ReferenceRows = {
  operations: [
    {
      name: 'ruleParameters',
      // Another region's code answers as a region without data (25: a valid county code no tenant has).
      prepare: async () => ({ id: '20' }),
      query: `query($code: String!) { ruleParameters(regionCode: $code, onDate: "2026-06-01") { key value origin type unit } }`,
      variables: (t) => ({ code: t.id }),
      check: (data) => expect(data.ruleParameters).toContainEqual({ key: 'discharge.dailyAmount', value: '12000', origin: 'REGION', type: 'DECIMAL', unit: 'SEK' }),
      expected: { ...EVERYONE, admin19: 'NOT_FOUND', editor19: 'NOT_FOUND', planner19: 'NOT_FOUND' },
      foreignTo: REGION_19,
      madeUpId: '25',
    },
    {
      name: 'ruleParameterHistory',
      prepare: async () => ({ id: '20' }),
      query: `query($code: String!) { ruleParameterHistory(regionCode: $code, key: "discharge.sipCallOutDays", first: 10) { edges { node { value origin validFrom } } } }`,
      variables: (t) => ({ code: t.id }),
      check: (data) => expect(data.ruleParameterHistory.edges.map((e: any) => e.node)).toContainEqual({ value: '3', origin: 'DEFAULT', validFrom: '2000-01-01' }),
      expected: { ...EVERYONE, admin19: 'NOT_FOUND', editor19: 'NOT_FOUND', planner19: 'NOT_FOUND' },
      foreignTo: REGION_19,
      madeUpId: '25',
    },
    {
      name: 'ruleParameterSet',
      prepare: async () => ({ id: '20' }),
      query: `mutation($input: RuleParameterSetInput!) { ruleParameterSet(input: $input) { ruleParameter { key value validFrom validTo origin setByUserId } } }`,
      // From 2091, so that no other suite's cases meet the value.
      variables: (t) => ({ input: { regionCode: t.id, key: 'statistics.smallCellThreshold', value: '6', validFrom: FUTURE } }),
      check: (data) =>
        expect(data.ruleParameterSet.ruleParameter).toEqual({ key: 'statistics.smallCellThreshold', value: '6', validFrom: FUTURE, validTo: null, origin: 'REGION', setByUserId: 'test-tenant_admin' }),
      expected: only({ admin20: 'DATA', admin19: 'NOT_FOUND' }),
      writes: ['rule_parameter'],
      foreignTo: REGION_19,
      madeUpId: '25',
    },
  ],
};
