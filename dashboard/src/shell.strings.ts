import type { Strings } from './i18n';

/** The shell's words: header, navigation, controls, messages. Each view keeps its own. */
export const strings: Strings<{
  title: string;
  skip: string;
  nav: string;
  language: string;
  otherLanguage: string;
  signedInAs: string;
  signOut: string;
  controls: string;
  from: string;
  to: string;
  monthHint: string;
  municipality: string;
  allMunicipalities: string;
  show: string;
  badMonth: (field: string) => string;
  order: string;
  tooLong: (max: number) => string;
  foreignMunicipality: (code: string, region: string) => string;
  unknownView: (id: string) => string;
  expired: string;
  signInAgain: string;
  failed: string;
  noSignIn: (mode: string) => string;
  noMaxPeriod: string;
  loading: string;
}> = {
  sv: {
    title: 'Planerarnas översikt',
    skip: 'Hoppa till innehållet',
    nav: 'Vyer',
    language: 'Språk',
    otherLanguage: 'English',
    signedInAs: 'Inloggad som',
    signOut: 'Logga ut',
    controls: 'Urval',
    from: 'Från månad',
    to: 'Till månad',
    monthHint: 'ÅÅÅÅ-MM',
    municipality: 'Kommun',
    allMunicipalities: 'Alla kommuner',
    show: 'Visa',
    badMonth: (field) => `${field}: ange en månad som ÅÅÅÅ-MM.`,
    order: 'Perioden slutar innan den börjar: välj en till-månad samma som eller efter från-månaden.',
    tooLong: (max) => `Perioden är för lång: högst ${max} månader.`,
    foreignMunicipality: (code, region) => `Kommun ${code} hör inte till ${region}: välj en av regionens kommuner.`,
    unknownView: (id) => `Vyn ”${id}” finns inte.`,
    expired: 'Din inloggning har gått ut eller gäller inte längre: logga in igen.',
    signInAgain: 'Logga in igen',
    failed: 'Uppgifterna kunde inte hämtas',
    noSignIn: (mode) => `Inloggningssättet ”${mode}” finns inte i den här versionen av översikten.`,
    noMaxPeriod: 'Regionens längsta rapportperiod (reports.maxPeriodMonths) kunde inte läsas.',
    loading: 'Laddar…',
  },
  en: {
    title: 'Planners’ dashboard',
    skip: 'Skip to content',
    nav: 'Views',
    language: 'Language',
    otherLanguage: 'Svenska',
    signedInAs: 'Signed in as',
    signOut: 'Sign out',
    controls: 'Selection',
    from: 'From month',
    to: 'To month',
    monthHint: 'YYYY-MM',
    municipality: 'Municipality',
    allMunicipalities: 'All municipalities',
    show: 'Show',
    badMonth: (field) => `${field}: enter a month as YYYY-MM.`,
    order: 'The period ends before it starts: choose a to-month on or after the from-month.',
    tooLong: (max) => `The period is too long: at most ${max} months.`,
    foreignMunicipality: (code, region) => `Municipality ${code} is not one of ${region}'s: choose one of the region's municipalities.`,
    unknownView: (id) => `There is no view "${id}".`,
    expired: 'Your sign-in has expired or is no longer valid: sign in again.',
    signInAgain: 'Sign in again',
    failed: 'The figures could not be fetched',
    noSignIn: (mode) => `Sign-in mode "${mode}" is not part of this build of the dashboard.`,
    noMaxPeriod: 'The region’s longest report period (reports.maxPeriodMonths) could not be read.',
    loading: 'Loading…',
  },
};
