import type { Strings } from '../i18n';

export const strings: Strings<{
  heading: string;
  intro: (issuer: string) => string;
  submit: string;
  notConfigured: string;
  refused: string;
  unreachable: string;
}> = {
  sv: {
    heading: 'Logga in',
    intro: (issuer) => `Du loggar in hos regionens identitetstjänst (${issuer}) och kommer sedan tillbaka hit.`,
    submit: 'Logga in',
    notConfigured: 'Inloggningen är inte inställd: servern saknar DASHBOARD_CLIENT_ID',
    refused: 'Identitetstjänsten loggade inte in dig',
    unreachable: 'Identitetstjänsten kan inte nås just nu',
  },
  en: {
    heading: 'Sign in',
    intro: (issuer) => `You sign in at the region's identity provider (${issuer}) and come back here.`,
    submit: 'Sign in',
    notConfigured: 'Sign-in is not set up: the server has no DASHBOARD_CLIENT_ID',
    refused: 'The identity provider did not sign you in',
    unreachable: 'The identity provider cannot be reached now',
  },
};
