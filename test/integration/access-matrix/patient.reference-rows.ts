import { only, ReferenceRows, REGION_19 } from './reference';

/** The tenant administrator's follow-up of the access log (own region). */
export const rows: ReferenceRows = {
  operations: [
    {
      name: 'accessLogReview',
      query: `query($since: DateTimeISO) { accessLogReview(first: 100, filter: { from: $since }) { edges { node { requestId } } } }`,
      variables: (_t, f) => ({ since: f.since }),
      // Each administrator reviews their own region's log: only Dalarna's holds the fixture's patient creation.
      check: (data, _t, f, viewer) => expect(data.accessLogReview.edges.some((e: any) => e.node.requestId === f.patientRequestId)).toBe(viewer === 'admin20'),
      expected: only({ admin20: 'DATA', admin19: 'DATA' }),
      logged: true,
    },
    {
      name: 'accessLogReview (filter on a patient)',
      prepare: async (f) => ({ id: f.patientId }),
      query: `query($id: ID) { accessLogReview(first: 100, filter: { patientId: $id }) { edges { node { patientId action } } } }`,
      variables: (t) => ({ id: t.id }),
      check: (data, t) => {
        const rows = data.accessLogReview.edges.map((e: any) => e.node);
        expect(rows).toContainEqual({ patientId: t.id, action: 'patientCreate' });
        expect(rows.every((r: any) => r.patientId === t.id)).toBe(true);
      },
      // Another region's patient answers as a patient that does not exist.
      expected: only({ admin20: 'DATA', admin19: 'NOT_FOUND' }),
      foreignTo: REGION_19,
      logged: true,
    },
    {
      name: 'accessLogVerify',
      prepare: async () => ({ id: '20' }),
      query: `query($code: String!, $period: PeriodInput!) { accessLogVerify(regionCode: $code, period: $period) { verified rowsChecked breakKind } }`,
      variables: (t, f) => ({ code: t.id, period: f.period }),
      check: (data) => {
        expect(data.accessLogVerify).toMatchObject({ verified: true, breakKind: null });
        expect(data.accessLogVerify.rowsChecked).toBeGreaterThan(0);
      },
      // Another region's code answers as a code no region of the platform has.
      expected: only({ admin20: 'DATA', admin19: 'NOT_FOUND' }),
      foreignTo: REGION_19,
      madeUpId: '25',
      logged: true,
    },
  ],
};
