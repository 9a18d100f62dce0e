/**
 * Swedish organisationsnummer (Skatteverket SKV 709): ten digits NNNNNN-NNNN, the last a Luhn check
 * digit over the first nine, the third digit 2 or more for a legal person (a month field never is,
 * so no personnummer passes). Written with or without the hyphen, or with the prefix 16.
 */
import { luhnCheckDigit } from './personnummer';

export type OrganisationNumberResult = { ok: true; number: string } | { ok: false; problem: string };

const FORM = /^(?:16)?(\d{6})-?(\d{4})$/;

/** The number in its canonical form NNNNNN-NNNN, or why it is not one. */
export function parseOrganisationNumber(input: string): OrganisationNumberResult {
  const match = FORM.exec(input.trim());
  if (!match) return { ok: false, problem: 'an organisation number is ten digits, NNNNNN-NNNN' };
  const digits = match[1] + match[2];
  if (Number(digits[2]) < 2) return { ok: false, problem: "the third digit of a legal person's organisation number is 2 or more" };
  if (luhnCheckDigit(digits.slice(0, 9)) !== Number(digits[9])) return { ok: false, problem: 'the check digit does not match' };
  return { ok: true, number: `${match[1]}-${match[2]}` };
}
