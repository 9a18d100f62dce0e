import { LegalSex } from '../../domain/enums';

/**
 * Åland's worked example (issue 17 item 8, ÅHS seed 000): ÅHS plans an example person's
 * rehabilitation with GAS goals and buys physiotherapy from an example private provider under a
 * payment commitment. Everything here is invented and marked as example data (`example` on the
 * patient and the provider; statistics leave them out). It is written only where EXAMPLE_DATA is
 * on (by default outside production), see server/database/example-data.ts.
 */
export const ALAND_EXAMPLE = {
  provider: { name: 'Exempelfysio Ab (exempeldata)' },
  patient: {
    // A valid but invented personnummer (Luhn check digit) of a woman born 1968-05-12.
    personnummer: '19680512-0240',
    legalSex: LegalSex.FEMALE,
    givenName: 'Exempel',
    familyName: 'Person',
    homeMunicipalityCode: '478',
  },
  plan: {
    need: 'LONG_TERM',
    ownGoals: 'Kunna gå till butiken själv och orka arbeta halvtid igen.',
    functionalAbility: 'Går 150 m med stöd; trappor med räcke; arbetar inte sedan stroke 2025.',
    therapyForms: ['PHYSIOTHERAPY'],
    createdAt: '2026-01-12T09:00:00Z',
    activatedAt: '2026-01-14T09:00:00Z',
    evaluationDate: '2027-01-14',
  },
  goals: [
    {
      title: 'Gå till butiken (600 m)',
      levels: ['Går under 100 m', 'Går 150–300 m med stöd', 'Går 600 m med käpp', 'Går 600 m utan käpp', 'Går 1 km utan käpp'],
      weight: 2,
      baseline: -1,
      scores: [{ attainment: 0, scoredOn: '2026-06-15' }],
    },
    {
      title: 'Trappor hemma',
      levels: ['Bärs eller kryper', 'Med räcke och hjälp', 'Med räcke, själv', 'Utan räcke, långsamt', 'Utan räcke, obehindrat'],
      weight: 1,
      baseline: -1,
      scores: [{ attainment: 1, scoredOn: '2026-06-15' }],
    },
    {
      title: 'Arbete',
      levels: ['Ingen arbetsträning', 'Arbetsträning 2 h/dag', 'Halvtid', 'Tre fjärdedelar', 'Heltid'],
      weight: 1,
      baseline: -2,
      scores: [{ attainment: -1, scoredOn: '2026-06-15' }],
    },
  ],
  commitment: {
    number: 'EX-2026-001',
    therapyForm: 'PHYSIOTHERAPY',
    visits: 20,
    visitMinutes: 45,
    issuedOn: '2026-01-15',
    validFrom: '2026-01-15',
    validTo: '2026-12-31',
    visitDates: ['2026-01-20', '2026-02-03', '2026-02-17', '2026-03-03', '2026-03-17'],
  },
};
