import http from 'node:http';
import { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { seededOrganisationId } from '../../entities/seed/seed';
import type { BenchViewer } from './queries';

const ISSUER = 'samrehab-growth-bench';
const AUDIENCE = 'samrehab';

/**
 * A stand-in OIDC issuer for the production-mode server: its key set at a loopback URL, and
 * tokens signed with that key (production refuses the development tokens).
 */
export async function startIdentityProvider() {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: 'bench', alg: 'ES256', use: 'sig' }] });
  const server = http.createServer((_, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(jwks));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    env: { AUTH_ISSUER: ISSUER, AUTH_AUDIENCE: AUDIENCE, AUTH_JWKS_URL: `http://127.0.0.1:${port}/jwks` },
    token: (viewer: BenchViewer) =>
      // An organisation the fill made (a synthetic provider) is named by its id.
      new SignJWT({ org: /^[0-9a-f-]{36}$/.test(viewer.organisation) ? viewer.organisation : seededOrganisationId(viewer.organisation), roles: [viewer.role] })
        .setProtectedHeader({ alg: 'ES256', kid: 'bench' })
        .setSubject(`bench-${viewer.organisation}-${viewer.role.toLowerCase()}`)
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt()
        .setExpirationTime('12h')
        .sign(privateKey),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
