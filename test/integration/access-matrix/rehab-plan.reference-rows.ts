import { EVERYONE, ReferenceRows } from './reference';

/** The therapy form code table of rehabilitation plans. */
export const rows: ReferenceRows = {
  operations: [
    {
      name: 'therapyForms',
      query: `{ therapyForms(onDate: "2026-01-01") { code } }`,
      variables: () => ({}),
      check: (data) => expect(data.therapyForms.map((f: any) => f.code)).toEqual(['OCCUPATIONAL_THERAPY', 'PHYSIOTHERAPY', 'PSYCHOTHERAPY', 'SPEECH_THERAPY']),
      expected: EVERYONE,
    },
  ],
};
