import type { Strings } from '../i18n';
import type { CoordinationMeasure } from './coordination.measures';

type Band = { from: number; to: number };

export const strings: Strings<{
  title: string;
  intro: (threshold: number, filtered: string | null) => string;
  measure: string;
  measures: Record<CoordinationMeasure, string>;
  kva: (code: string) => string;
  byCareUnit: string;
  byMunicipality: string;
  byAgeBand: string;
  gap: string;
  careUnit: string;
  municipality: string;
  ageBandHeader: string;
  unknownMunicipality: string;
  unknownCareUnit: string;
  noRows: string;
  ageBands: Record<'BELOW_YOUNG_ADULT' | 'YOUNG_ADULT' | 'ABOVE_YOUNG_ADULT', (band: Band) => string>;
  occupations: Record<'EMPLOYED' | 'JOB_SEEKING' | 'STUDENT' | 'OTHER', string>;
  gapRow: string;
  gapPoints: string;
  gapChart: string;
  chart: (measure: string, breakdown: string) => string;
}> = {
  sv: {
    title: 'Rehabiliteringskoordinering',
    intro: (t, filtered) =>
      `Koordineringsärenden öppnade under perioden, per vårdenhet, per hemkommun och per åldersgrupp, kvinnor och män bredvid varandra, och skillnaden mellan kvinnor och män i andelen ärenden med arbetsgivarkontakt. API:t ger inga siffror per månad, så vyn har ingen uppdelning per månad. ${
        filtered ? `Kommunfiltret visar bara ${filtered} i tabellen per hemkommun; övriga tabeller gäller hela regionen. ` : ''
      }Antal under ${t} visas som ”<${t}”, och antal som annars skulle gå att räkna ut visas som ”..”.`,
    measure: 'Mått i diagrammen',
    measures: {
      opened: 'Öppnade',
      declined: 'Avböjda',
      closedWithReturnToWork: 'Avslutade med återgång i arbete',
      firstContacted: 'Första kontakt tagen',
      meanDaysToFirstContact: 'Dagar till första kontakt (medel)',
      withEmployerContact: 'Med arbetsgivarkontakt',
      employerContactShare: 'Andel med arbetsgivarkontakt (%)',
      activitiesPer100Cases: 'Aktiviteter per 100 ärenden',
    },
    kva: (code) => `KVÅ ${code} per 100 ärenden`,
    byCareUnit: 'Per vårdenhet',
    byMunicipality: 'Per hemkommun',
    byAgeBand: 'Per åldersgrupp',
    gap: 'Arbetsgivarkontakt: kvinnor jämfört med män',
    careUnit: 'Vårdenhet',
    municipality: 'Hemkommun',
    ageBandHeader: 'Åldersgrupp',
    unknownMunicipality: 'Okänd hemkommun',
    unknownCareUnit: 'Ingen vårdenhet angiven',
    noRows: 'Inga ärenden öppnade under perioden.',
    ageBands: {
      BELOW_YOUNG_ADULT: (b) => `Under ${b.from} år`,
      YOUNG_ADULT: (b) => `${b.from}–${b.to} år`,
      ABOVE_YOUNG_ADULT: (b) => `Över ${b.to} år`,
    },
    occupations: { EMPLOYED: 'anställd', JOB_SEEKING: 'arbetssökande', STUDENT: 'studerande', OTHER: 'övrigt' },
    gapRow: 'Åldersgrupp, sysselsättning',
    gapPoints: 'Skillnad kvinnor – män (procentenheter)',
    gapChart: 'Diagram: andel med arbetsgivarkontakt (%), kvinnor och män, per åldersgrupp och sysselsättning. Samma siffror finns i tabellen.',
    chart: (measure, breakdown) => `Diagram: ${measure}, kvinnor och män, ${breakdown.toLowerCase()}. Samma siffror finns i tabellen.`,
  },
  en: {
    title: 'Rehabilitation coordination',
    intro: (t, filtered) =>
      `Coordination cases opened in the period, by care unit, by home municipality and by age band, women and men side by side, and the difference between women and men in the share of cases with employer contact. The API gives no figures by month, so the view has no by-month breakdown. ${
        filtered ? `The municipality filter shows only ${filtered} in the by-municipality table; the other tables cover the whole region. ` : ''
      }Counts below ${t} are shown as "<${t}", and counts that could otherwise be worked out as "..".`,
    measure: 'Measure in the charts',
    measures: {
      opened: 'Opened',
      declined: 'Declined',
      closedWithReturnToWork: 'Closed with return to work',
      firstContacted: 'First contacted',
      meanDaysToFirstContact: 'Days to first contact (mean)',
      withEmployerContact: 'With employer contact',
      employerContactShare: 'Share with employer contact (%)',
      activitiesPer100Cases: 'Activities per 100 cases',
    },
    kva: (code) => `KVÅ ${code} per 100 cases`,
    byCareUnit: 'By care unit',
    byMunicipality: 'By home municipality',
    byAgeBand: 'By age band',
    gap: 'Employer contact: women against men',
    careUnit: 'Care unit',
    municipality: 'Home municipality',
    ageBandHeader: 'Age band',
    unknownMunicipality: 'Unknown home municipality',
    unknownCareUnit: 'No care unit recorded',
    noRows: 'No cases opened in the period.',
    ageBands: {
      BELOW_YOUNG_ADULT: (b) => `Under ${b.from}`,
      YOUNG_ADULT: (b) => `${b.from}–${b.to}`,
      ABOVE_YOUNG_ADULT: (b) => `Over ${b.to}`,
    },
    occupations: { EMPLOYED: 'employed', JOB_SEEKING: 'job seeking', STUDENT: 'student', OTHER: 'other' },
    gapRow: 'Age band, occupation',
    gapPoints: 'Women less men (percentage points)',
    gapChart: 'Chart: share with employer contact (%), women and men, by age band and occupation. The table has the same figures.',
    chart: (measure, breakdown) => `Chart: ${measure}, women and men, ${breakdown.toLowerCase()}. The table has the same figures.`,
  },
};
