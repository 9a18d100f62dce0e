/**
 * The bearer token of this tab: sessionStorage (gone with the tab, never shared with other tabs or
 * kept on disk across sessions as localStorage would be).
 */
const KEY = 'samrehab.dashboard.token';

export const sessionToken = {
  get: (): string | null => sessionStorage.getItem(KEY),
  set: (token: string) => sessionStorage.setItem(KEY, token),
  clear: () => sessionStorage.removeItem(KEY),
};

/** The claims the page reads from its own token: the organisation and roles (the server checks the signature). */
export interface TokenClaims {
  org: string;
  roles: string[];
}

export function tokenClaims(token: string): TokenClaims | null {
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const claims = JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(payload), (c) => c.charCodeAt(0)))) as Partial<TokenClaims>;
    return typeof claims.org === 'string' ? { org: claims.org, roles: Array.isArray(claims.roles) ? claims.roles : [] } : null;
  } catch {
    return null;
  }
}
