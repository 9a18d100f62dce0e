import type { Strings } from '../i18n';
import type { StatisticsWords } from './statistics-view';
import type { SipMeasure } from './sip.measures';

export const strings: Strings<StatisticsWords<SipMeasure>> = {
  sv: {
    title: 'SIP',
    intro: (t) =>
      `Samordnade individuella planer efter den enskildes hemkommun: startade, pågående, uppföljningar som förföll och hur många av dem som gjordes i tid, avslutade. En plan som pågår flera månader räknas i varje månad. Antal under ${t} visas som ”<${t}”, och antal som annars skulle gå att räkna ut visas som ”..”.`,
    measure: 'Mått i diagrammen',
    measures: {
      started: 'Startade',
      active: 'Pågående',
      followUpsDue: 'Uppföljningar som förföll',
      followedUpOnTime: 'Uppföljda i tid',
      closed: 'Avslutade',
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
    title: 'SIP',
    intro: (t) =>
      `Coordinated individual plans by the person's home municipality: started, running, follow-ups that fell due and how many of them were done on time, closed. A plan running through several months counts in each. Counts below ${t} are shown as "<${t}", and counts that could otherwise be worked out as "..".`,
    measure: 'Measure in the charts',
    measures: {
      started: 'Started',
      active: 'Running',
      followUpsDue: 'Follow-ups due',
      followedUpOnTime: 'Followed up on time',
      closed: 'Closed',
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
