import type { Strings } from '../i18n';
import type { RehabPlanMeasure } from './rehab-plans.measures';
import type { StatisticsWords } from './statistics-view';

export const strings: Strings<StatisticsWords<RehabPlanMeasure>> = {
  sv: {
    title: 'Rehabiliteringsplaner',
    intro: (t) =>
      `Rehabiliteringsplaner efter den enskildes hemkommun: terapirapporter som förföll och hur många som kom in i tid, utvärderingar och deras genomsnittliga ändring av GAS T-värde, planer efter behov, betalningsförbindelser och besök. Antal under ${t} visas som ”<${t}”, och antal som annars skulle gå att räkna ut visas som ”..”; ”–” är ett medelvärde över ingen.`,
    measure: 'Mått i diagrammen',
    measures: {
      reportsDue: 'Terapirapporter som förföll',
      reportsOnTime: 'Terapirapporter i tid',
      evaluations: 'Utvärderingar (GAS)',
      meanTScoreChange: 'Ändring av T-värde (medel)',
      shortTermPlans: 'Planer, kortvarigt behov',
      longTermPlans: 'Planer, långvarigt behov',
      commitments: 'Betalningsförbindelser',
      visitsAllowed: 'Besök som medges',
      visitsUsed: 'Besök som gjorts',
    },
    byMunicipality: 'Per hemkommun',
    byMonth: (where) => `Per månad: ${where}`,
    municipality: 'Hemkommun',
    month: 'Månad',
    unknownMunicipality: 'Okänd hemkommun',
    region: 'hela regionen',
    chart: (measure, breakdown) => `Diagram: ${measure}, kvinnor och män, ${breakdown.toLowerCase()}. Samma siffror finns i tabellen.`,
  },
  en: {
    title: 'Rehabilitation plans',
    intro: (t) =>
      `Rehabilitation plans by the person's home municipality: therapy reports that fell due and how many came in on time, evaluations and their mean change of the GAS T-score, plans by need, payment commitments and visits. Counts below ${t} are shown as "<${t}", and counts that could otherwise be worked out as ".."; "–" is a mean over nobody.`,
    measure: 'Measure in the charts',
    measures: {
      reportsDue: 'Therapy reports due',
      reportsOnTime: 'Therapy reports on time',
      evaluations: 'Evaluations (GAS)',
      meanTScoreChange: 'Mean T-score change',
      shortTermPlans: 'Plans, short-term need',
      longTermPlans: 'Plans, long-term need',
      commitments: 'Payment commitments',
      visitsAllowed: 'Visits allowed',
      visitsUsed: 'Visits held',
    },
    byMunicipality: 'By home municipality',
    byMonth: (where) => `By month: ${where}`,
    municipality: 'Home municipality',
    month: 'Month',
    unknownMunicipality: 'Unknown home municipality',
    region: 'the whole region',
    chart: (measure, breakdown) => `Chart: ${measure}, women and men, ${breakdown.toLowerCase()}. The table has the same figures.`,
  },
};
