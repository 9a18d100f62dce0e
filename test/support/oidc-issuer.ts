import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';

/** Who the stand-in issuer signs in: the claims samrehab reads from an access token. */
export interface IssuerUser {
  sub: string;
  /** The organisation's id. */
  org: string;
  roles: string[];
}

interface PendingCode {
  clientId: string;
  redirectUri: string;
  challenge: string;
  nonce: string | null;
  user: IssuerUser;
}

const AUDIENCE = 'samrehab';

/**
 * A stand-in OpenID Connect issuer on loopback, for the dashboard's production sign-in:
 * discovery, /authorize (signs in `user` at once, no form), /token (authorization code with PKCE
 * S256 only, each code once), the key set, and /logout. Its answers to the browser carry CORS
 * headers, as a real issuer's token endpoint does for single-page apps.
 */
export async function startOidcIssuer(options: { clientId: string; user: IssuerUser; accessTokenSeconds?: number }) {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid: 'stand-in', alg: 'ES256', use: 'sig' }] };
  const codes = new Map<string, PendingCode>();
  const state = { user: options.user, accessTokenSeconds: options.accessTokenSeconds ?? 3600, tokensIssued: 0 };
  let issuer = '';

  const sign = (claims: Record<string, unknown>, audience: string, sub: string, seconds: number) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid: 'stand-in' })
      .setIssuer(issuer)
      .setAudience(audience)
      .setSubject(sub)
      .setIssuedAt(Math.floor(Date.now() / 1000) - Math.max(0, -seconds) - 1)
      .setExpirationTime(Math.floor(Date.now() / 1000) + seconds)
      .sign(privateKey);

  const json = (res: http.ServerResponse, status: number, body: unknown) =>
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', 'access-control-allow-origin': '*' }).end(JSON.stringify(body));

  async function token(form: URLSearchParams, res: http.ServerResponse) {
    const pending = codes.get(form.get('code') ?? '');
    codes.delete(form.get('code') ?? '');
    const verifier = form.get('code_verifier') ?? '';
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    if (form.get('grant_type') !== 'authorization_code' || !pending) return json(res, 400, { error: 'invalid_grant' });
    if (pending.clientId !== form.get('client_id') || pending.redirectUri !== form.get('redirect_uri') || pending.challenge !== challenge) {
      return json(res, 400, { error: 'invalid_grant', error_description: 'client, redirect URI or code verifier does not match' });
    }
    const { user } = pending;
    state.tokensIssued++;
    json(res, 200, {
      token_type: 'Bearer',
      expires_in: state.accessTokenSeconds,
      access_token: await sign({ org: user.org, roles: user.roles }, AUDIENCE, user.sub, state.accessTokenSeconds),
      id_token: await sign(pending.nonce ? { nonce: pending.nonce } : {}, pending.clientId, user.sub, 3600),
      scope: 'openid',
    });
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    if (req.method === 'OPTIONS') {
      return res.writeHead(204, { 'access-control-allow-origin': '*', 'access-control-allow-methods': 'GET, POST', 'access-control-allow-headers': 'content-type' }).end();
    }
    if (url.pathname === '/.well-known/openid-configuration') {
      return json(res, 200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        end_session_endpoint: `${issuer}/logout`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['ES256'],
        code_challenge_methods_supported: ['S256'],
      });
    }
    if (url.pathname === '/jwks') return json(res, 200, jwks);
    if (url.pathname === '/authorize') {
      const q = url.searchParams;
      const redirectUri = q.get('redirect_uri') ?? '';
      if (q.get('client_id') !== options.clientId || q.get('response_type') !== 'code' || q.get('code_challenge_method') !== 'S256' || !q.get('code_challenge') || !/^https?:\/\//.test(redirectUri)) {
        return res.writeHead(400, { 'content-type': 'text/plain' }).end('unknown client, or not authorization code with PKCE S256');
      }
      const code = randomBytes(16).toString('base64url');
      codes.set(code, { clientId: options.clientId, redirectUri, challenge: q.get('code_challenge')!, nonce: q.get('nonce'), user: state.user });
      const back = new URL(redirectUri);
      back.searchParams.set('code', code);
      if (q.get('state')) back.searchParams.set('state', q.get('state')!);
      return res.writeHead(302, { location: back.href }).end();
    }
    if (url.pathname === '/logout') {
      const back = url.searchParams.get('post_logout_redirect_uri');
      return back ? res.writeHead(302, { location: back }).end() : res.writeHead(200, { 'content-type': 'text/plain' }).end('signed out');
    }
    if (url.pathname === '/token' && req.method === 'POST') {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (body += chunk));
      req.on('end', () => void token(new URLSearchParams(body), res));
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    issuer,
    /** The server's settings for this issuer (AUTH_*), and the dashboard's client id. */
    env: { AUTH_ISSUER: issuer, AUTH_AUDIENCE: AUDIENCE, AUTH_JWKS_URL: `${issuer}/jwks`, DASHBOARD_CLIENT_ID: options.clientId },
    /** Who the next sign-in is, and how long its access token lasts (negative: already expired). */
    signInAs(user: IssuerUser, accessTokenSeconds = 3600) {
      state.user = user;
      state.accessTokenSeconds = accessTokenSeconds;
    },
    tokensIssued: () => state.tokensIssued,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type OidcIssuer = Awaited<ReturnType<typeof startOidcIssuer>>;
