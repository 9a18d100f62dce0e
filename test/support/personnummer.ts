import { luhnCheckDigit } from '../../domain/personnummer';
let next = 100 + Math.floor(Math.random() * 600);

/**
 * A valid personnummer YYYYMMDD-NNNN for a birth date, with a fresh birth number each call so
 * that suites sharing a database never collide. `sex` sets the second-to-last digit's parity.
 */
export function testPersonnummer(birthDate = '19800101', sex: 'FEMALE' | 'MALE' = 'FEMALE'): string {
  next = next >= 998 ? 100 : next + 1;
  let serial = next;
  if ((serial % 2 === 1) !== (sex === 'MALE')) serial += serial >= 998 ? -1 : 1;
  // The next call starts after this one: two calls for the same sex must not meet on one number.
  next = serial;
  const nnn = String(serial).padStart(3, '0');
  return `${birthDate}-${nnn}${luhnCheckDigit(`${birthDate.slice(2)}${nnn}`)}`;
}

/** The same number with a wrong check digit. */
export const withWrongCheckDigit = (pnr: string) => `${pnr.slice(0, -1)}${(Number(pnr.slice(-1)) + 1) % 10}`;
