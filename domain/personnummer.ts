/**
 * Swedish personnummer and samordningsnummer (Skatteverket): date of birth, a three-digit birth
 * number whose last digit gives the legal sex, and a Luhn check digit over the ten short-form digits.
 * Pure: the century of a 10-digit number depends on `today`, never on the system clock, which is
 * why the `personnummer` package (it reads the clock) is only used as a test oracle.
 */
import { IdentityNumberKind, LegalSex } from './enums';

export interface IdentityNumber {
  /** Canonical 12 digits YYYYMMDDNNNN (for samordningsnummer the day part keeps its +60). */
  value: string;
  /** YYYYMMDD-NNNN, as shown to people. */
  display: string;
  kind: IdentityNumberKind;
  /** The real date of birth 'YYYY-MM-DD' (for samordningsnummer: day − 60). */
  birthDate: string;
  legalSex: LegalSex; // second-to-last digit: odd = MALE, even = FEMALE
}

export type IdentityNumberResult = { ok: true; number: IdentityNumber } | { ok: false; problem: string };

/** YYYYMMDD with an optional '-', or YYMMDD with an optional '-' or '+'; then the last four digits. */
const SHAPE = /^(?:(\d{8})-?|(\d{6})([-+]?))(\d{4})$/;

/** A samordningsnummer adds 60 to the day of birth. */
const COORDINATION_DAY_OFFSET = 60;

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Luhn: double every other digit from the first, add the digits, and complete to a multiple of ten. */
export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const product = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
    sum += product > 9 ? product - 9 : product;
  }
  return (10 - (sum % 10)) % 10;
}

function isRealDate(year: number, month: number, day: number): boolean {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const daysInMonth = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth[month - 1];
}

/**
 * The most recent year ending in `yy` whose birthday `monthDay` ('MM-DD') is not after `today`;
 * a '+' separator marks someone who has turned 100, one century earlier.
 */
function yearOfShortForm(yy: number, monthDay: string, hundredOrOlder: boolean, today: string): number {
  const todayYear = Number(today.slice(0, 4));
  let year = todayYear - ((todayYear - yy) % 100);
  if (`${pad(year, 4)}-${monthDay}` > today) year -= 100;
  return hundredOrOlder ? year - 100 : year;
}

/** Parses a personnummer or samordningsnummer given as YYYYMMDD-NNNN, YYYYMMDDNNNN, YYMMDD-NNNN, YYMMDD+NNNN or YYMMDDNNNN. */
export function parseIdentityNumber(input: string, today: string): IdentityNumberResult {
  const match = SHAPE.exec(input.trim());
  if (!match) return { ok: false, problem: 'a personnummer looks like YYYYMMDD-NNNN' };
  const [, longDate, shortDate, separator, lastFour] = match;
  const yymmdd = (longDate ?? shortDate).slice(-6);

  if (luhnCheckDigit(yymmdd + lastFour.slice(0, 3)) !== Number(lastFour[3])) {
    return { ok: false, problem: 'the check digit does not match' };
  }
  // Skatteverket never issues birth number 000; the check digit alone would let it pass.
  if (lastFour.startsWith('000')) return { ok: false, problem: 'the birth number after the date cannot be 000' };

  const month = Number(yymmdd.slice(2, 4));
  const dayPart = Number(yymmdd.slice(4, 6));
  const kind = dayPart > COORDINATION_DAY_OFFSET ? IdentityNumberKind.SAMORDNINGSNUMMER : IdentityNumberKind.PERSONNUMMER;
  const day = kind === IdentityNumberKind.SAMORDNINGSNUMMER ? dayPart - COORDINATION_DAY_OFFSET : dayPart;
  const monthDay = `${pad(month, 2)}-${pad(day, 2)}`;
  const year = longDate
    ? Number(longDate.slice(0, 4))
    : yearOfShortForm(Number(yymmdd.slice(0, 2)), monthDay, separator === '+', today);

  if (!isRealDate(year, month, day)) return { ok: false, problem: 'the date of birth does not exist' };
  const birthDate = `${pad(year, 4)}-${monthDay}`;
  if (birthDate > today) return { ok: false, problem: 'the date of birth is in the future' };

  const value = `${pad(year, 4)}${yymmdd.slice(2)}${lastFour}`;
  return {
    ok: true,
    number: {
      value,
      display: `${value.slice(0, 8)}-${value.slice(8)}`,
      kind,
      birthDate,
      legalSex: Number(lastFour[2]) % 2 === 1 ? LegalSex.MALE : LegalSex.FEMALE,
    },
  };
}

/** Whole years between birthDate and onDate (a person born 2000-02-29 turns 1 on 2001-03-01, not 2001-02-28). */
export function ageOn(birthDate: string, onDate: string): number {
  const years = Number(onDate.slice(0, 4)) - Number(birthDate.slice(0, 4));
  // Comparing 'MM-DD' makes a 29 February birthday fall on 1 March in other years.
  return onDate.slice(5) < birthDate.slice(5) ? years - 1 : years;
}
