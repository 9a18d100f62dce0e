import { Country } from './enums';

/**
 * Official codes of regions (Swedish län, Finnish landskap/maakunta) and municipalities.
 * Sweden: county code 2 digits, municipality code 4 digits whose first two are the county code (SCB).
 * Finland: region code 2 digits, municipality code 3 digits (Statistics Finland), e.g. Åland 21, Mariehamn 478.
 */

/** Swedish county codes in use since 1998 (SCB, "Län och kommuner i kodnummerordning"). */
const SWEDISH_COUNTY_CODES = new Set([
  '01', '03', '04', '05', '06', '07', '08', '09', '10', '12', '13',
  '14', '17', '18', '19', '20', '21', '22', '23', '24', '25',
]);

/** Finnish region (maakunta) codes 01..21, with gaps left by merged regions. */
const FINNISH_REGION_CODES = new Set([
  '01', '02', '04', '05', '06', '07', '08', '09', '10', '11', '12',
  '13', '14', '15', '16', '17', '18', '19', '21',
]);

/** Returns a problem description, or null when `code` is a valid region code of `country`. */
export function regionCodeProblem(country: Country, code: string): string | null {
  if (!/^\d{2}$/.test(code)) return 'a region code has exactly 2 digits';
  const known = country === Country.SE ? SWEDISH_COUNTY_CODES : FINNISH_REGION_CODES;
  if (!known.has(code)) return `${code} is not a ${country === Country.SE ? 'Swedish county' : 'Finnish region'} code`;
  return null;
}

/**
 * Returns a problem description, or null when `code` is a valid municipality code in the region
 * identified by `country` and `regionCode`.
 */
export function municipalityCodeProblem(country: Country, regionCode: string, code: string): string | null {
  if (country === Country.SE) {
    if (!/^\d{4}$/.test(code)) return 'a Swedish municipality code has exactly 4 digits';
    if (!code.startsWith(regionCode)) return `a municipality code of county ${regionCode} starts with ${regionCode}`;
    if (code.endsWith('00')) return 'a municipality code never ends in 00';
    return null;
  }
  if (!/^\d{3}$/.test(code)) return 'a Finnish municipality code has exactly 3 digits';
  return null;
}
