import { ErrorResponse, UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';
import { el } from '../components/dom';
import { showError } from '../components/messages';
import type { Lang } from '../i18n';
import type { SignIn } from './index';
import { CALLBACK_PATH, oidcSettings } from './oidc-settings';
import { strings } from './oidc.strings';

/** The issuer as the user knows it: its host, or the setting as it is when it is no URL. */
function issuerHost(issuer: string): string {
  try {
    return new URL(issuer).host;
  } catch {
    return issuer;
  }
}

/**
 * Production sign-in: OpenID Connect authorization code with PKCE at the configured issuer
 * (oidc-client-ts). The page shows a sign-in button rather than leaving at once, so that signing
 * out (or an expired token) does not bounce straight back through the issuer's session.
 */
export function oidcSignIn(config: { issuer: string; clientId: string | null }): SignIn {
  // The dashboard's own address: /dashboard/ from the page and from its callback alike.
  const dashboard = new URL('.', window.location.href).href;
  const clientId = config.clientId;
  const users = clientId ? new UserManager(oidcSettings({ issuer: config.issuer, clientId }, dashboard, new WebStorageStateStore({ store: window.sessionStorage }))) : null;
  let user: User | null = null;

  async function callback(lang: Lang) {
    try {
      user = await users!.signinRedirectCallback();
    } catch (e) {
      window.history.replaceState(null, '', dashboard);
      const reason = e instanceof ErrorResponse ? (e.error_description ?? e.error ?? '') : '';
      throw new Error(`${strings[lang].refused}${reason ? `: ${reason}` : ''}`);
    }
    // Back to the view the user asked for (a query of this page, nothing else), without the code in the address bar.
    const back = typeof user.state === 'string' && user.state.startsWith('?') ? user.state : '';
    window.history.replaceState(null, '', new URL(back, dashboard).href);
  }

  return {
    // An expired token too: the API refuses it with UNAUTHENTICATED, and the shell offers to sign in again.
    async token() {
      return user?.access_token ?? null;
    },
    async start(root, lang) {
      const s = strings[lang];
      if (!users) throw new Error(s.notConfigured);
      if (new URL(window.location.href).pathname.endsWith(`/${CALLBACK_PATH}`)) return callback(lang);
      const button = el('button', { type: 'submit' }, s.submit);
      const form = el('form', { class: 'signin', 'aria-labelledby': 'signin-heading' }, el('h1', { id: 'signin-heading' }, s.heading), el('p', {}, s.intro(issuerHost(config.issuer))), button);
      root.replaceChildren(form);
      button.focus();
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        // The page leaves for the issuer; it comes back to the callback.
        users.signinRedirect({ state: window.location.search }).catch((e: unknown) => showError(`${s.unreachable}: ${e instanceof Error ? e.message : ''}`));
      });
      await new Promise<never>(() => undefined);
    },
    // Forgets the tokens of this page; the issuer's own session (single sign-on) is the issuer's to end.
    signOut() {
      user = null;
      void users?.removeUser();
    },
  };
}
