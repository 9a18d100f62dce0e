import type { Strings } from '../i18n';

export const strings: Strings<{
  heading: string;
  intro: string;
  organisation: string;
  role: string;
  roles: Record<string, string>;
  submit: string;
  failed: string;
}> = {
  sv: {
    heading: 'Logga in (utveckling)',
    intro: 'Välj en organisation och en roll. Servern ger en utvecklingstoken; den finns bara i den här fliken.',
    organisation: 'Organisation',
    role: 'Roll',
    roles: { PLANNER: 'Planerare (PLANNER)', TENANT_ADMIN: 'Administratör (TENANT_ADMIN)' },
    submit: 'Logga in',
    failed: 'Inloggningen misslyckades',
  },
  en: {
    heading: 'Sign in (development)',
    intro: 'Choose an organisation and a role. The server issues a development token; it is kept in this tab only.',
    organisation: 'Organisation',
    role: 'Role',
    roles: { PLANNER: 'Planner (PLANNER)', TENANT_ADMIN: 'Administrator (TENANT_ADMIN)' },
    submit: 'Sign in',
    failed: 'Sign-in failed',
  },
};
