import { LegalSex } from '../../domain/enums';

/**
 * Example rehabilitation coordination cases (issue 18 item 7, seeds 002 and 003): one at a
 * Dalarna vårdcentral, one at Västmanland's adult psychiatry for a young adult. Everything here is
 * invented and marked as example data (`example` on the patients: statistics leave them out), and
 * written only where EXAMPLE_DATA is on, see server/database/coordination-example-data.ts.
 */
export const COORDINATION_EXAMPLES = [
  {
    key: 'mora',
    regionCode: '20',
    careUnitSlug: 'vc-mora',
    coordinator: 'example-coordinator-vc-mora',
    // A valid but invented personnummer (Luhn check digit) of a woman born 1979-03-15, living in Mora.
    patient: { personnummer: '19790315-1186', legalSex: LegalSex.FEMALE, givenName: 'Exempel', familyName: 'Koordinering', homeMunicipalityCode: '2062' },
    occupation: 'EMPLOYED',
    sickLeave: { from: '2026-10-05', to: '2027-01-31', degree: 100 },
    status: 'ACTIVE',
    openedAt: '2026-10-12T08:30:00Z',
    // An invented organisation number with a valid check digit.
    employer: { name: 'Exempel Trä AB (exempeldata)', organisationNumber: '559123-4561', contactName: 'Närmaste chefen' },
    activities: [
      { key: 'call', area: 'PERSONAL_SUPPORT', kind: 'CONTACT', actor: null, answered: true, occurredAt: '2026-10-13T09:00:00Z', codes: [] },
      { key: 'employer-call', area: 'EXTERNAL_COLLABORATION', kind: 'CONTACT', actor: 'EMPLOYER', answered: false, occurredAt: '2026-10-20T09:00:00Z', codes: [] },
      { key: 'employer-meeting', area: 'EXTERNAL_COLLABORATION', kind: 'MEETING', actor: 'EMPLOYER', held: true, mode: 'IN_PERSON', occurredAt: '2026-11-03T13:00:00Z', codes: ['GC001', 'ZV506'] },
    ],
    firstContactAt: '2026-10-13T09:00:00Z',
  },
  {
    key: 'vasteras',
    regionCode: '19',
    careUnitSlug: 'vuxenpsykiatri-vasteras',
    coordinator: 'example-coordinator-vuxenpsykiatri-vasteras',
    // A valid but invented personnummer of a man born 2003-08-22 (a young adult), living in Västerås.
    patient: { personnummer: '20030822-4575', legalSex: LegalSex.MALE, givenName: 'Exempel', familyName: 'Ungvuxen', homeMunicipalityCode: '1980' },
    occupation: 'JOB_SEEKING',
    sickLeave: { from: '2026-11-02', to: '2027-02-28', degree: 50 },
    status: 'CONTACTED',
    openedAt: '2026-11-09T10:00:00Z',
    employer: null,
    activities: [
      { key: 'call', area: 'PERSONAL_SUPPORT', kind: 'CONTACT', actor: null, answered: false, occurredAt: '2026-11-10T10:00:00Z', codes: [] },
      { key: 'call-again', area: 'PERSONAL_SUPPORT', kind: 'CONTACT', actor: null, answered: true, occurredAt: '2026-11-12T10:00:00Z', codes: [] },
    ],
    firstContactAt: '2026-11-12T10:00:00Z',
  },
] as const;
