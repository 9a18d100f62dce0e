import type {
  AgreementScenario,
  CareLevel,
  ComparisonKind,
  HousingForm,
  PrincipalRole,
  Profession,
} from '../../../client-sdk/src/generated';
import type { Strings } from '../i18n';
import type { Part } from './responsibility.rows';

export const strings: Strings<{
  title: string;
  intro: string;
  from: string;
  to: string;
  showAll: string;
  showAllHint: string;
  sameScenario: string;
  scenarios: Record<AgreementScenario, string>;
  kinds: Record<ComparisonKind, string>;
  /** The kinds' explanations, in the legend. */
  kindHelp: Record<ComparisonKind, string>;
  changedCell: string;
  legend: string;
  intervention: string;
  housingForm: string;
  enrolled: string;
  yes: string;
  no: string;
  parts: Record<Part, string>;
  rule: string;
  marks: string;
  none: string;
  gap: string;
  overlap: string;
  caption: (municipality: string, from: string, to: string, fromDate: string, toDate: string, all: boolean) => string;
  shownCount: (shown: number) => string;
  noMarked: string;
  housingForms: Record<HousingForm, string>;
  careLevels: Record<CareLevel, string>;
  professions: Record<Profession, string>;
  roles: Record<PrincipalRole, string>;
  openRule: (scenario: string, intervention: string) => string;
  ruleTitle: (scenario: string) => string;
  close: string;
  agreement: string;
  version: (n: number) => string;
  example: string;
  ruleId: string;
  conditions: string;
  any: string;
  ages: (min: number | null, max: number | null) => string;
  validity: (from: string, to: string | null) => string;
  condition: Record<'intervention' | 'group' | 'housingForms' | 'enrolled' | 'careLevels' | 'ages' | 'professions' | 'municipalities' | 'validity', string>;
  outcome: string;
  note: string;
  source: string;
  ruleSource: string;
  sourceDocument: (document: string, date: string | null) => string;
  reason: string;
  overlappingRules: string;
  summaryHeading: string;
  summaryIntro: string;
  summaryCaption: (from: string, to: string, date: string) => string;
  municipality: string;
}> = {
  sv: {
    title: 'Ansvarsfördelning',
    intro:
      'Insatser efter boendeform och inskrivning i kommunal hemsjukvård: vem som är ansvarig huvudman, utför och bär kostnaden enligt två scenarier sida vid sida. Rader där svaret ändras, där ingen regel svarar (lucka) eller där regler svarar olika (överlapp) är markerade med text. Knappen Regel visar den regel som avgör.',
    from: 'Jämför från',
    to: 'Jämför med',
    showAll: 'Visa alla rader',
    showAllHint: 'Annars visas bara ändrade rader, luckor och överlapp.',
    sameScenario: 'Välj två olika scenarier att jämföra.',
    scenarios: { CURRENT: 'Nuläge', TARGET: 'Målbild', DRAFT: 'Utkast' },
    kinds: { CHANGED: 'Ändrad', GAP: 'Lucka', OVERLAP: 'Överlapp' },
    kindHelp: {
      CHANGED: 'båda scenarierna svarar, men olika',
      GAP: 'något scenario saknar regel för fallet',
      OVERLAP: 'något scenario har regler som svarar olika',
    },
    changedCell: 'ändrad',
    legend: 'Markeringar',
    intervention: 'Insats',
    housingForm: 'Boendeform',
    enrolled: 'Inskriven i kommunal hemsjukvård',
    yes: 'Ja',
    no: 'Nej',
    parts: { responsible: 'Ansvarig huvudman', performer: 'Utförare', costBearer: 'Kostnadsansvar' },
    rule: 'Regel',
    marks: 'Markering',
    none: '–',
    gap: 'Ingen regel (lucka)',
    overlap: 'Flera regler (överlapp)',
    caption: (m, from, to, fromDate, toDate, all) =>
      `Ansvarsfördelning i ${m}: ${from} (${fromDate}) och ${to} (${toDate}), ${all ? 'alla rader' : 'ändrade rader, luckor och överlapp'}`,
    shownCount: (n) => `Visar ${n} ${n === 1 ? 'rad' : 'rader'}.`,
    noMarked: 'Inga ändringar, luckor eller överlapp mellan scenarierna i den här kommunen.',
    housingForms: { ORDINARY_HOUSING: 'Ordinärt boende', SPECIAL_HOUSING: 'Särskilt boende', SHORT_TERM_STAY: 'Korttidsvistelse' },
    careLevels: {
      MUNICIPAL_HOME_REHAB: 'kommunal hemrehabilitering',
      PRIMARY_CARE: 'primärvård',
      SPECIALIST_CARE: 'specialistvård',
      INPATIENT_CARE: 'slutenvård',
    },
    professions: {
      NURSE: 'sjuksköterska',
      OCCUPATIONAL_THERAPIST: 'arbetsterapeut',
      PHYSICIAN: 'läkare',
      PHYSIOTHERAPIST: 'fysioterapeut',
      SPEECH_THERAPIST: 'logoped',
    },
    roles: { HOME_MUNICIPALITY: 'Hemkommunen', REGION: 'Regionen', ORGANISATION: 'Organisation' },
    openRule: (scenario, intervention) => `Regel (${scenario}): ${intervention}`,
    ruleTitle: (scenario) => `Avgörande regel: ${scenario}`,
    close: 'Stäng',
    agreement: 'Överenskommelse',
    version: (n) => `version ${n}`,
    example: 'exempel, ej beslutad',
    ruleId: 'Regelns id',
    conditions: 'Villkor',
    any: 'alla',
    ages: (min, max) => (min === null && max === null ? 'alla' : `${min ?? 0}–${max ?? ''} år`),
    validity: (from, to) => (to ? `${from} – ${to}` : `från ${from}`),
    condition: {
      intervention: 'Insats',
      group: 'Insatsgrupp',
      housingForms: 'Boendeformer',
      enrolled: 'Inskriven i kommunal hemsjukvård',
      careLevels: 'Vårdnivåer',
      ages: 'Ålder',
      professions: 'Professioner',
      municipalities: 'Kommuner',
      validity: 'Gäller',
    },
    outcome: 'Svar',
    note: 'Förklaring',
    source: 'Källa',
    ruleSource: 'Hänvisning i källan',
    sourceDocument: (document, date) => (date ? `${document} (${date})` : document),
    reason: 'Varför',
    overlappingRules: 'Regler som svarar olika',
    summaryHeading: 'Per kommun',
    summaryIntro: 'Välj en kommun i filtret ovan (eller i tabellen) för att se dess insatser sida vid sida.',
    summaryCaption: (from, to, date) => `Antal fall per kommun som ändras, saknar regel eller har överlapp: ${from} jämfört med ${to} (${date})`,
    municipality: 'Kommun',
  },
  en: {
    title: 'Responsibility map',
    intro:
      'Interventions by housing form and enrolment in municipal home health care: who is the responsible principal, who performs and who bears the cost under two scenarios side by side. Rows whose answer changes, that no rule answers (gap) or that rules answer differently (overlap) are marked in text. The Rule button shows the deciding rule.',
    from: 'Compare from',
    to: 'Compare with',
    showAll: 'Show all rows',
    showAllHint: 'Otherwise only changed rows, gaps and overlaps are shown.',
    sameScenario: 'Choose two different scenarios to compare.',
    scenarios: { CURRENT: 'Current', TARGET: 'Target', DRAFT: 'Draft' },
    kinds: { CHANGED: 'Changed', GAP: 'Gap', OVERLAP: 'Overlap' },
    kindHelp: {
      CHANGED: 'both scenarios answer, differently',
      GAP: 'a scenario has no rule for the case',
      OVERLAP: 'a scenario has rules that answer differently',
    },
    changedCell: 'changed',
    legend: 'Marks',
    intervention: 'Intervention',
    housingForm: 'Housing form',
    enrolled: 'Enrolled in municipal home health care',
    yes: 'Yes',
    no: 'No',
    parts: { responsible: 'Responsible principal', performer: 'Performer', costBearer: 'Cost bearer' },
    rule: 'Rule',
    marks: 'Marks',
    none: '–',
    gap: 'No rule (gap)',
    overlap: 'Several rules (overlap)',
    caption: (m, from, to, fromDate, toDate, all) =>
      `Responsibility in ${m}: ${from} (${fromDate}) and ${to} (${toDate}), ${all ? 'all rows' : 'changed rows, gaps and overlaps'}`,
    shownCount: (n) => `Showing ${n} ${n === 1 ? 'row' : 'rows'}.`,
    noMarked: 'No changes, gaps or overlaps between the scenarios in this municipality.',
    housingForms: { ORDINARY_HOUSING: 'Ordinary housing', SPECIAL_HOUSING: 'Special housing', SHORT_TERM_STAY: 'Short-term stay' },
    careLevels: {
      MUNICIPAL_HOME_REHAB: 'municipal home rehabilitation',
      PRIMARY_CARE: 'primary care',
      SPECIALIST_CARE: 'specialist care',
      INPATIENT_CARE: 'inpatient care',
    },
    professions: {
      NURSE: 'nurse',
      OCCUPATIONAL_THERAPIST: 'occupational therapist',
      PHYSICIAN: 'physician',
      PHYSIOTHERAPIST: 'physiotherapist',
      SPEECH_THERAPIST: 'speech therapist',
    },
    roles: { HOME_MUNICIPALITY: 'The home municipality', REGION: 'The region', ORGANISATION: 'Organisation' },
    openRule: (scenario, intervention) => `Rule (${scenario}): ${intervention}`,
    ruleTitle: (scenario) => `Deciding rule: ${scenario}`,
    close: 'Close',
    agreement: 'Agreement',
    version: (n) => `version ${n}`,
    example: 'example, not decided',
    ruleId: 'Rule id',
    conditions: 'Conditions',
    any: 'any',
    ages: (min, max) => (min === null && max === null ? 'any' : `${min ?? 0}–${max ?? ''} years`),
    validity: (from, to) => (to ? `${from} – ${to}` : `from ${from}`),
    condition: {
      intervention: 'Intervention',
      group: 'Intervention group',
      housingForms: 'Housing forms',
      enrolled: 'Enrolled in municipal home health care',
      careLevels: 'Care levels',
      ages: 'Age',
      professions: 'Professions',
      municipalities: 'Municipalities',
      validity: 'Valid',
    },
    outcome: 'Answer',
    note: 'Explanation',
    source: 'Source',
    ruleSource: 'Reference in the source',
    sourceDocument: (document, date) => (date ? `${document} (${date})` : document),
    reason: 'Why',
    overlappingRules: 'Rules that answer differently',
    summaryHeading: 'By municipality',
    summaryIntro: 'Choose a municipality in the filter above (or in the table) to see its interventions side by side.',
    summaryCaption: (from, to, date) => `Cases per municipality that change, lack a rule or overlap: ${from} compared with ${to} (${date})`,
    municipality: 'Municipality',
  },
};
