import type { IdentityNumberCipher } from '../../crypto/identity-number-cipher';

/** Luhn over YYMMDDNNN, as Skatteverket computes the check digit. */
function luhn(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const d = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
    sum += d > 9 ? d - 9 : d;
  }
  return (10 - (sum % 10)) % 10;
}

export interface FakePatient {
  n: number;
  hash: string;
  encrypted: string;
  birthDate: string;
  legalSex: 'FEMALE' | 'MALE';
}

/** How many different fake personnummer fakePatient makes (numbers 1 to this). */
export const FAKE_PATIENTS = 580_000;

/**
 * Patient number `n` (1-based) as a valid personnummer that no one is likely to carry: its birth
 * number lies in 980–999, the series Skatteverket keeps for test personnummer, on a birth date
 * between 1925 and 2004 (20 numbers per date, 580,000 in all). Its sex follows the birth number.
 */
export function fakePatient(cipher: IdentityNumberCipher, n: number): FakePatient {
  const day = Math.floor((n - 1) / 20);
  const serial = 980 + ((n - 1) % 20);
  const birth = new Date(Date.UTC(1925, 0, 1) + ((day * 7919) % 29200) * 86_400_000);
  const ymd = birth.toISOString().slice(0, 10).replace(/-/g, '');
  const nine = `${ymd.slice(2)}${serial}`;
  const value = `${ymd}${serial}${luhn(nine)}`;
  return {
    n,
    hash: cipher.lookupHash(value),
    encrypted: cipher.encrypt(value),
    birthDate: birth.toISOString().slice(0, 10),
    legalSex: serial % 2 === 1 ? 'MALE' : 'FEMALE',
  };
}
