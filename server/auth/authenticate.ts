import { createRemoteJWKSet, errors, JWTPayload, jwtVerify, JWTVerifyGetKey } from 'jose';
import { DataSource } from 'typeorm';
import { Role } from '../../domain/enums';
import { isUuid } from '../../domain/uuid';
import { Config } from '../config';
import { ServiceUnavailableError, UnauthenticatedError } from '../../schema/common/errors';
import { Logger, safeError } from '../logger';
import { databaseOutage } from '../outage';
import { devVerificationKey } from './dev-keys';
import { Viewer } from './viewer';

const ROLES = new Set<string>(Object.values(Role));
/** How long, and for how many tokens, a verified signature is trusted without checking it again. */
const VERIFIED_TOKEN_MS = 60_000;
const VERIFIED_TOKENS = 10_000;

/** The identity provider's key set could not be fetched: not the token's fault. */
class IdentityProviderUnreachable extends Error {
  constructor(cause: unknown) {
    super('identity provider unreachable', { cause });
    this.name = 'IdentityProviderUnreachable';
  }
}

/**
 * The issuer's key set (JWKS), fetched and cached by jose. A failed fetch (refused, timed out, not
 * 200, not a key set) is told apart from a bad token: jose throws it as a TypeError, a timeout, an
 * invalid key set or a generic JOSEError, while every fault of the token has an error class of its own.
 */
function remoteKeys(url: string): JWTVerifyGetKey {
  const keys = createRemoteJWKSet(new URL(url));
  return async (header, token) => {
    try {
      return await keys(header, token);
    } catch (e) {
      const generic = e instanceof errors.JOSEError && e.code === errors.JOSEError.code;
      if (!(e instanceof errors.JOSEError) || generic || e instanceof errors.JWKSTimeout || e instanceof errors.JWKSInvalid) throw new IdentityProviderUnreachable(e);
      throw e;
    }
  };
}

interface Membership {
  regionId: string;
  /** Care units of the organisation are checked on demand. */
  organisationId: string;
}

/**
 * Turns a bearer token into a Viewer: verifies the signature (JWKS in production, the local
 * development key otherwise), issuer, audience and expiry, then looks up the organisation's
 * region. An organisation never changes region, so that look-up is cached for the process.
 */
export async function createAuthenticator(config: Config, dataSource: DataSource) {
  const key = config.auth.jwksUrl ? remoteKeys(config.auth.jwksUrl) : await devVerificationKey(config.dataDir);
  const organisations = new Map<string, Membership>();
  const careUnits = new Map<string, string>();
  const verified = new Map<string, { payload: JWTPayload; until: number }>();

  /**
   * A client sends the same token with every request, and checking its signature (ECDSA) was the
   * largest single cost of a small read. A verified token's claims are kept until it expires, at
   * most VERIFIED_TOKEN_MS, so that a key withdrawn from the issuer's key set stops being trusted
   * soon; the oldest entry goes when the map is full. The viewer is derived from the claims anew
   * on every request (organisation, care unit, roles).
   */
  function remember(token: string, payload: JWTPayload) {
    const until = Math.min(Date.now() + VERIFIED_TOKEN_MS, payload.exp === undefined ? Infinity : payload.exp * 1000);
    if (verified.size >= VERIFIED_TOKENS) verified.delete(verified.keys().next().value!);
    verified.set(token, { payload, until });
  }

  /** A look-up whose failure for want of a database is a 503 the request may retry, logged by code. */
  async function lookUp(sql: string, id: string, log: Logger | undefined): Promise<any[]> {
    try {
      return await dataSource.query(sql, [id]);
    } catch (e) {
      const reason = databaseOutage(e);
      if (!reason) throw e;
      log?.error({ code: reason }, 'database unavailable');
      throw new ServiceUnavailableError('The database cannot be reached now: try again later');
    }
  }

  async function organisation(id: string, log: Logger | undefined): Promise<Membership | null> {
    const cached = organisations.get(id);
    if (cached) return cached;
    const [row] = await lookUp('SELECT region_id FROM organisation WHERE id = $1', id, log);
    if (!row) return null;
    const found = { regionId: row.region_id as string, organisationId: id };
    organisations.set(id, found);
    return found;
  }

  async function careUnitOrganisation(id: string, log: Logger | undefined): Promise<string | null> {
    const cached = careUnits.get(id);
    if (cached) return cached;
    const [row] = await lookUp('SELECT organisation_id FROM care_unit WHERE id = $1', id, log);
    if (!row) return null;
    careUnits.set(id, row.organisation_id);
    return row.organisation_id as string;
  }

  async function verify(token: string, log: Logger | undefined): Promise<JWTPayload> {
    const known = verified.get(token);
    if (known && known.until > Date.now()) return known.payload;
    verified.delete(token);
    try {
      const { payload } = await jwtVerify(token, key, { issuer: config.auth.issuer, audience: config.auth.audience });
      remember(token, payload);
      return payload;
    } catch (e) {
      if (e instanceof IdentityProviderUnreachable) {
        log?.error({ code: 'IDENTITY_PROVIDER_UNREACHABLE', error: safeError(e.cause) }, 'identity provider unreachable');
        throw new ServiceUnavailableError('The identity provider cannot be reached now: try again later');
      }
      if (e instanceof errors.JWTExpired) throw new UnauthenticatedError('The token has expired');
      if (e instanceof errors.JWSSignatureVerificationFailed || e instanceof errors.JWKSNoMatchingKey) {
        throw new UnauthenticatedError('The token is not signed by a trusted key');
      }
      if (e instanceof errors.JWTClaimValidationFailed) throw new UnauthenticatedError(`The token's ${e.claim} claim is not accepted`);
      throw new UnauthenticatedError('The token is malformed');
    }
  }

  /**
   * Returns null when there is no Authorization header; throws UNAUTHENTICATED for a bad token and
   * SERVICE_UNAVAILABLE when the identity provider or the database cannot be reached, which it logs
   * on `log` (the request's logger).
   */
  return async function authenticate(authorization: string | undefined, log?: Logger): Promise<Viewer | null> {
    if (!authorization) return null;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match) throw new UnauthenticatedError('The Authorization header must be "Bearer <token>"');
    const payload = await verify(match[1], log);
    const org = payload.org;
    if (typeof payload.sub !== 'string' || typeof org !== 'string' || !isUuid(org)) {
      throw new UnauthenticatedError('The token must name a user (sub) and an organisation id (org)');
    }
    const membership = await organisation(org, log);
    if (!membership) throw new UnauthenticatedError("The token's organisation is not known here");
    const careUnit = payload.care_unit;
    if (careUnit !== undefined) {
      if (typeof careUnit !== 'string' || !isUuid(careUnit) || (await careUnitOrganisation(careUnit, log)) !== org) {
        throw new UnauthenticatedError("The token's care unit does not belong to its organisation");
      }
    }
    const roles = Array.isArray(payload.roles) ? payload.roles.filter((r): r is Role => typeof r === 'string' && ROLES.has(r)) : [];
    return {
      userId: payload.sub,
      organisationId: org,
      careUnitId: (careUnit as string | undefined) ?? null,
      regionId: membership.regionId,
      roles: new Set(roles),
    };
  };
}

export type Authenticate = Awaited<ReturnType<typeof createAuthenticator>>;
