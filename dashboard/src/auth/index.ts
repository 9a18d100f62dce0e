import type { Lang } from '../i18n';
import { developmentSignIn } from './development';
import { oidcSignIn } from './oidc';

/** /dashboard/config.json: how this deployment signs in. */
export type DashboardConfig = { mode: 'development' } | { mode: 'oidc'; issuer: string; clientId: string | null };

/** A way of signing in: the seam between the shell and development tokens or OpenID Connect. */
export interface SignIn {
  /** The bearer token of this tab, or null when not signed in. */
  token(): Promise<string | null>;
  /**
   * Signs in: renders its own form into `root`, or leaves the page for the issuer. Resolves once a
   * token is available to this page (the shell then shows the views).
   */
  start(root: HTMLElement, lang: Lang): Promise<void>;
  /** Forgets the token (and the issuer's session, where there is one). */
  signOut(): void;
}

/** The sign-in of each mode; production's OpenID Connect (authorization code with PKCE) joins here as `oidc`. */
export const signInModes: Partial<Record<DashboardConfig['mode'], (config: DashboardConfig) => SignIn>> = {
  development: () => developmentSignIn,
  oidc: (config) => oidcSignIn(config as Extract<DashboardConfig, { mode: 'oidc' }>),
};
