import { TherapyForm } from '../../domain/rehab-plan';

/** The therapy forms a rehabilitation plan recommends (ÅHS, seed 000), as a dated code table. */
export const DEFAULT_THERAPY_FORMS: TherapyForm[] = [
  { code: 'PHYSIOTHERAPY', labelSv: 'Fysioterapi', labelEn: 'Physiotherapy', validFrom: '2000-01-01', validTo: null },
  { code: 'OCCUPATIONAL_THERAPY', labelSv: 'Arbetsterapi', labelEn: 'Occupational therapy', validFrom: '2000-01-01', validTo: null },
  { code: 'SPEECH_THERAPY', labelSv: 'Talterapi', labelEn: 'Speech therapy', validFrom: '2000-01-01', validTo: null },
  { code: 'PSYCHOTHERAPY', labelSv: 'Psykoterapi', labelEn: 'Psychotherapy', validFrom: '2000-01-01', validTo: null },
];

/** Where the codes come from, stored with each seeded version. */
export const THERAPY_FORM_SOURCE = 'ÅHS, guidance to partners (2023, seed 000): the therapy forms bought from other providers; start of validity not known';
