import fs from 'node:fs';
import path from 'node:path';
import { exportJWK, generateKeyPair, importJWK, JWK, SignJWT } from 'jose';
import { DEV_AUDIENCE, DEV_ISSUER } from '../config';
import { writeOnce } from '../write-once';

/**
 * Development signing key: an ES256 key pair kept as a JWK under the data directory, created on
 * first use. `npm run token` signs with it; the server accepts it only when no JWKS URL is set,
 * which production requires.
 */
const ALG = 'ES256';
const keyFile = (dataDir: string) => path.join(dataDir, 'dev-signing-key.json');

async function loadOrCreateJwk(dataDir: string): Promise<JWK> {
  const file = keyFile(dataDir);
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8')) as JWK;
  const { privateKey } = await generateKeyPair(ALG, { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), alg: ALG };
  fs.mkdirSync(dataDir, { recursive: true });
  // A concurrent first start (another instance, or npm run token) keeps the key written first.
  return JSON.parse(writeOnce(file, JSON.stringify(jwk))) as JWK;
}

export async function devVerificationKey(dataDir: string) {
  const { d: _private, ...publicJwk } = await loadOrCreateJwk(dataDir);
  return importJWK(publicJwk, ALG);
}

export interface TokenClaims {
  userId: string;
  organisationId: string;
  roles: string[];
  careUnitId?: string;
  /** Lifetime, e.g. "8h" (jose time span). */
  expiresIn?: string;
}

export async function signDevToken(dataDir: string, claims: TokenClaims): Promise<string> {
  const key = await importJWK(await loadOrCreateJwk(dataDir), ALG);
  return new SignJWT({ org: claims.organisationId, roles: claims.roles, ...(claims.careUnitId ? { care_unit: claims.careUnitId } : {}) })
    .setProtectedHeader({ alg: ALG })
    .setSubject(claims.userId)
    .setIssuer(DEV_ISSUER)
    .setAudience(DEV_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(claims.expiresIn ?? '8h')
    .sign(key);
}
