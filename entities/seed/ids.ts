import { v5 as uuidv5 } from 'uuid';

/**
 * Seeded reference data gets deterministic ids (UUID v5 of a natural key), so every deployment
 * gives Mora municipality the same id, partner systems can rely on it, and `npm run token`
 * can name a seeded organisation by its code without opening the database.
 */
const NAMESPACE = '6f1c2b9e-4d0a-5b8e-9c7d-2a3e4f5a6b7c';

export const seedId = (naturalKey: string): string => uuidv5(naturalKey, NAMESPACE);

export const regionKey = (country: string, code: string) => `region:${country}:${code}`;
export const municipalityKey = (country: string, code: string) => `municipality:${country}:${code}`;
/** The regional principal (Region Dalarna, ÅHS) of a region. */
export const regionPrincipalKey = (country: string, code: string) => `principal:${country}:${code}`;
export const organisationKey = (country: string, regionCode: string, slug: string) =>
  `organisation:${country}:${regionCode}:${slug}`;
export const careUnitKey = (organisationKey: string, slug: string) => `care-unit:${organisationKey}:${slug}`;
