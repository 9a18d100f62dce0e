import { InMemoryWebStorage, WebStorageStateStore, type StateStore, type UserManagerSettings } from 'oidc-client-ts';

/** What /dashboard/config.json says of the issuer in production. */
export interface OidcPageConfig {
  issuer: string;
  clientId: string;
}

/** The page the issuer sends the browser back to, relative to the dashboard (the server serves the page there). */
export const CALLBACK_PATH = 'callback';

/**
 * The client's settings: authorization code with PKCE (S256) at the issuer's discovery document,
 * returning to /dashboard/callback. The signed-in user and its tokens live in the page's memory
 * only (gone on reload, never on disk); `stateStore` (sessionStorage in the page) holds the PKCE
 * verifier and state across the redirect to the issuer and back, and loses them on return.
 * No silent renewal: that would need the issuer in an iframe, which the CSP forbids.
 */
export function oidcSettings(config: OidcPageConfig, dashboardUrl: string, stateStore: StateStore): UserManagerSettings {
  return {
    authority: config.issuer,
    client_id: config.clientId,
    redirect_uri: new URL(CALLBACK_PATH, dashboardUrl).href,
    post_logout_redirect_uri: dashboardUrl,
    response_type: 'code',
    scope: 'openid',
    userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
    stateStore,
    loadUserInfo: false,
    automaticSilentRenew: false,
    monitorSession: false,
  };
}
