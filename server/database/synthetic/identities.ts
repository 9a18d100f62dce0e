import { luhnCheckDigit } from '../../../domain/personnummer';
import type { IdentityNumberCipher } from '../../crypto/identity-number-cipher';


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
  const value = `${ymd}${serial}${luhnCheckDigit(nine)}`;
  return {
    n,
    hash: cipher.lookupHash(value),
    encrypted: cipher.encrypt(value),
    birthDate: birth.toISOString().slice(0, 10),
    legalSex: serial % 2 === 1 ? 'MALE' : 'FEMALE',
  };
}
