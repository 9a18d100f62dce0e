import type { Strings } from '../i18n';
import type { DischargeMeasure } from './discharge.measures';

export const strings: Strings<{
  title: string;
  intro: (threshold: number) => string;
  measure: string;
  measures: Record<DischargeMeasure, string>;
  byMunicipality: string;
  byHospital: string;
  byMonth: (where: string) => string;
  municipality: string;
  hospital: string;
  month: string;
  unknownMunicipality: string;
  unknownHospital: string;
  region: string;
  chart: (measure: string, breakdown: string) => string;
}> = {
  sv: {
    title: 'Samordnad utskrivning',
    intro: (t) =>
      `Utskrivningar från slutenvård efter inskrivningsdatum: inskrivningsmeddelanden och kallelser till SIP i tid, dagar och belopp med betalningsansvar. Antal under ${t} visas som ”<${t}”, och antal som annars skulle gå att räkna ut visas som ”..”.`,
    measure: 'Mått i diagrammen',
    measures: {
      discharges: 'Utskrivningar',
      admissionNoticesOnTime: 'Inskrivningsmeddelanden i tid',
      admissionNoticesDue: 'Inskrivningsmeddelanden som förföll',
      sipCallOutsOnTime: 'SIP-kallelser i tid',
      sipCallOutsDue: 'SIP-kallelser som förföll',
      liabilityDays: 'Dagar med betalningsansvar',
      liabilityAmount: 'Betalningsansvar (kr)',
    },
    byMunicipality: 'Per hemkommun',
    byHospital: 'Per sjukhus (vårdenhet)',
    byMonth: (where) => `Per månad: ${where}`,
    municipality: 'Hemkommun',
    hospital: 'Vårdenhet',
    month: 'Månad',
    unknownMunicipality: 'Okänd hemkommun',
    unknownHospital: 'Okänd vårdenhet',
    region: 'hela regionen',
    chart: (measure, breakdown) => `Diagram: ${measure}, kvinnor och män, ${breakdown.toLowerCase()}. Samma siffror finns i tabellen.`,
  },
  en: {
    title: 'Coordinated discharge',
    intro: (t) =>
      `Discharges from inpatient care by admission date: admission notices and SIP call-outs on time, days and amounts of payment liability. Counts below ${t} are shown as "<${t}", and counts that could otherwise be worked out as "..".`,
    measure: 'Measure in the charts',
    measures: {
      discharges: 'Discharges',
      admissionNoticesOnTime: 'Admission notices on time',
      admissionNoticesDue: 'Admission notices due',
      sipCallOutsOnTime: 'SIP call-outs on time',
      sipCallOutsDue: 'SIP call-outs due',
      liabilityDays: 'Days of payment liability',
      liabilityAmount: 'Payment liability (SEK)',
    },
    byMunicipality: 'By home municipality',
    byHospital: 'By hospital (care unit)',
    byMonth: (where) => `By month: ${where}`,
    municipality: 'Home municipality',
    hospital: 'Care unit',
    month: 'Month',
    unknownMunicipality: 'Unknown home municipality',
    unknownHospital: 'Unknown care unit',
    region: 'the whole region',
    chart: (measure, breakdown) => `Chart: ${measure}, women and men, ${breakdown.toLowerCase()}. The table has the same figures.`,
  },
};
