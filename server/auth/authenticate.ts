import { createRemoteJWKSet, errors, JWTPayload, jwtVerify } from 'jose';
import { DataSource } from 'typeorm';
import { Role } from '../../domain/enums';
import { isUuid } from '../../domain/uuid';
import { Config } from '../config';
import { UnauthenticatedError } from '../errors';
import { devVerificationKey } from './dev-keys';
import { Viewer } from './viewer';

const ROLES = new Set<string>(Object.values(Role));

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
  const key = config.auth.jwksUrl ? createRemoteJWKSet(new URL(config.auth.jwksUrl)) : await devVerificationKey(config.dataDir);
  const organisations = new Map<string, Membership>();
  const careUnits = new Map<string, string>();

  async function organisation(id: string): Promise<Membership | null> {
    const cached = organisations.get(id);
    if (cached) return cached;
    const [row] = await dataSource.query('SELECT region_id FROM organisation WHERE id = $1', [id]);
    if (!row) return null;
    const found = { regionId: row.region_id as string, organisationId: id };
    organisations.set(id, found);
    return found;
  }

  async function careUnitOrganisation(id: string): Promise<string | null> {
    const cached = careUnits.get(id);
    if (cached) return cached;
    const [row] = await dataSource.query('SELECT organisation_id FROM care_unit WHERE id = $1', [id]);
    if (!row) return null;
    careUnits.set(id, row.organisation_id);
    return row.organisation_id as string;
  }

  async function verify(token: string): Promise<JWTPayload> {
    try {
      const { payload } = await jwtVerify(token, key, { issuer: config.auth.issuer, audience: config.auth.audience });
      return payload;
    } catch (e) {
      if (e instanceof errors.JWTExpired) throw new UnauthenticatedError('The token has expired');
      if (e instanceof errors.JWSSignatureVerificationFailed || e instanceof errors.JWKSNoMatchingKey) {
        throw new UnauthenticatedError('The token is not signed by a trusted key');
      }
      if (e instanceof errors.JWTClaimValidationFailed) throw new UnauthenticatedError(`The token's ${e.claim} claim is not accepted`);
      throw new UnauthenticatedError('The token is malformed');
    }
  }

  /** Returns null when there is no Authorization header; throws UNAUTHENTICATED for a bad token. */
  return async function authenticate(authorization: string | undefined): Promise<Viewer | null> {
    if (!authorization) return null;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match) throw new UnauthenticatedError('The Authorization header must be "Bearer <token>"');
    const payload = await verify(match[1]);
    const org = payload.org;
    if (typeof payload.sub !== 'string' || typeof org !== 'string' || !isUuid(org)) {
      throw new UnauthenticatedError('The token must name a user (sub) and an organisation id (org)');
    }
    const membership = await organisation(org);
    if (!membership) throw new UnauthenticatedError("The token's organisation is not known here");
    const careUnit = payload.care_unit;
    if (careUnit !== undefined) {
      if (typeof careUnit !== 'string' || !isUuid(careUnit) || (await careUnitOrganisation(careUnit)) !== org) {
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
