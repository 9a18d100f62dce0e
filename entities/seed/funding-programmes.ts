import { CareLevel } from '../../domain/enums';
import { FundingProgramme, FundingUnit, Indication, ReportingCadence } from '../../domain/funding-programme';

/** Where the programme comes from, stored with each seeded version of it and its forms. */
const REHABILITERINGSGARANTIN_SOURCE =
  'SKL, "Överenskommelse rehabiliteringsgarantin", published 2015-04-02 (seed 004); the agreement was renegotiated yearly 2008–2015, amounts as given for 2015';

const PERIOD = { validFrom: '2008-01-01', validTo: '2015-12-31' };
const PSYCHOLOGICAL = [Indication.ANXIETY, Indication.DEPRESSION, Indication.STRESS];
const talkingTherapy = { unit: FundingUnit.TREATMENT, careLevel: null, sessionsMin: 8, sessionsMax: 20, weeksMin: null, weeksMax: null, indications: PSYCHOLOGICAL, amountSek: 12_000, ...PERIOD };
const multimodal = { unit: FundingUnit.SERIES, sessionsMin: null, sessionsMax: null, weeksMin: 4, weeksMax: 8, indications: [Indication.LONG_LASTING_PAIN], ...PERIOD };

/**
 * The national rehabiliteringsgarantin (seed 004): closed since 2016. Ids are filled in by the seed.
 * The 8–20 sessions and 4–8 weeks are the agreement's "as a rule".
 */
export const FUNDING_PROGRAMMES: (Omit<FundingProgramme, 'id'> & { source: string })[] = [
  {
    code: 'REHABILITERINGSGARANTIN',
    name: 'Rehabiliteringsgarantin',
    ...PERIOD,
    ageMin: 16,
    ageMax: 67,
    conditions:
      'After a medical assessment by the care provider; for women and men with mild to moderate anxiety, depression or stress, or long-lasting diffuse pain in shoulders, neck or back, to return to work or to prevent sick leave.',
    reportingCadence: ReportingCadence.QUARTERLY,
    source: REHABILITERINGSGARANTIN_SOURCE,
    forms: [
      { code: 'KBT', name: 'Kognitiv beteendeterapi (KBT)', ...talkingTherapy },
      { code: 'IPT', name: 'Interpersonell terapi (IPT)', ...talkingTherapy },
      { code: 'MMR1', name: 'Multimodal rehabilitering 1', careLevel: CareLevel.PRIMARY_CARE, amountSek: 25_000, ...multimodal },
      { code: 'MMR2', name: 'Multimodal rehabilitering 2', careLevel: CareLevel.SPECIALIST_CARE, amountSek: 45_000, ...multimodal },
    ],
  },
];
