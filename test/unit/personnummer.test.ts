import Personnummer from 'personnummer';
import { IdentityNumberKind, LegalSex } from '../../domain/enums';
import { ageOn, IdentityNumber, parseIdentityNumber } from '../../domain/personnummer';

const TODAY = '2026-11-25';

/** Appends the Luhn check digit computed over the last nine digits (YYMMDDNNN), independently of the rule. */
function withCheckDigit(digits: string): string {
  const short = digits.slice(-9);
  const sum = [...short].reduce((acc, d, i) => acc + [...String(Number(d) * (2 - (i % 2)))].reduce((s, x) => s + Number(x), 0), 0);
  return `${digits}${(10 - (sum % 10)) % 10}`;
}

/** A 10-digit number with its check digit, optionally with a separator before the last four. */
function shortForm(yymmddnnn: string, separator = ''): string {
  const digits = withCheckDigit(yymmddnnn);
  return `${digits.slice(0, 6)}${separator}${digits.slice(6)}`;
}

/** The same number with its check digit one off. */
const wrongCheckDigit = (valid: string) => `${valid.slice(0, -1)}${(Number(valid.slice(-1)) + 1) % 10}`;

function parsed(input: string, today = TODAY): IdentityNumber {
  const result = parseIdentityNumber(input, today);
  if (!result.ok) throw new Error(`${input}: ${result.problem}`);
  return result.number;
}

function problem(input: string, today = TODAY): string {
  const result = parseIdentityNumber(input, today);
  if (result.ok) throw new Error(`${input} was accepted as ${result.number.value}`);
  return result.problem;
}

describe('personnummer and samordningsnummer', () => {
  it('parses a personnummer into its canonical value, display form, birth date and legal sex', () => {
    expect(parsed('19121212-1212')).toEqual({
      value: '191212121212',
      display: '19121212-1212',
      kind: IdentityNumberKind.PERSONNUMMER,
      birthDate: '1912-12-12',
      legalSex: LegalSex.MALE,
    });
  });

  it('accepts each of the five shapes and ignores surrounding spaces', () => {
    for (const input of ['19121212-1212', '191212121212', '121212+1212', '  19121212-1212\t']) {
      expect(parsed(input).value).toBe('191212121212');
    }
    for (const input of ['121212-1212', '1212121212']) {
      expect(parsed(input).value).toBe('201212121212');
    }
  });

  it('refuses other shapes', () => {
    for (const bad of ['', '19121212+1212', '19121212 1212', '1912121-21212', '191212-121212', '19121212-121', '121212--1212', '12121212', 'ABCDEF-1212', '19121212–1212']) {
      expect(problem(bad)).toBe('a personnummer looks like YYYYMMDD-NNNN');
    }
  });

  it('refuses a wrong check digit in every shape', () => {
    for (const bad of ['19121212-1213', '191212121213', '121212-1213', '121212+1213', '1212121213']) {
      expect(problem(bad)).toBe('the check digit does not match');
    }
  });

  it('refuses birth number 000 even with a matching check digit', () => {
    expect(problem(withCheckDigit('19121212000'))).toMatch(/000/);
  });

  it('refuses dates that do not exist, with a matching check digit', () => {
    for (const date of ['20010230', '20010229', '19000229', '19901301', '19900001', '19900100', '19900431', '19900132']) {
      expect(problem(withCheckDigit(`${date}123`))).toBe('the date of birth does not exist');
    }
  });

  it('accepts 29 February in leap years, including a century divisible by 400', () => {
    for (const date of ['20000229', '19040229', '20240229']) {
      const number = withCheckDigit(`${date}123`);
      expect(parsed(number).birthDate).toBe(`${date.slice(0, 4)}-02-29`);
    }
  });

  it('takes the leap year of the inferred century for a 10-digit 29 February', () => {
    expect(parsed(shortForm('000229123')).birthDate).toBe('2000-02-29');
    // With '+' the century is 1900, which was not a leap year.
    expect(problem(shortForm('000229123', '+'))).toBe('the date of birth does not exist');
  });

  it('reads a samordningsnummer: day of birth plus 60', () => {
    expect(parsed('197010632391')).toEqual({
      value: '197010632391',
      display: '19701063-2391',
      kind: IdentityNumberKind.SAMORDNINGSNUMMER,
      birthDate: '1970-10-03',
      legalSex: LegalSex.MALE,
    });
    expect(parsed('701063-2391').value).toBe('197010632391');
    expect(parsed(withCheckDigit('20000289123')).birthDate).toBe('2000-02-29');
    expect(parsed(withCheckDigit('19901291123')).birthDate).toBe('1990-12-31');
  });

  it('refuses a samordningsnummer whose day minus 60 does not exist', () => {
    for (const date of ['20010289', '19900492', '19900160', '19900145']) {
      expect(problem(withCheckDigit(`${date}123`))).toBe('the date of birth does not exist');
    }
  });

  it('reads the legal sex from the second-to-last digit', () => {
    for (const [birthNumber, sex] of [['120', LegalSex.FEMALE], ['128', LegalSex.FEMALE], ['121', LegalSex.MALE], ['129', LegalSex.MALE]] as const) {
      expect(parsed(withCheckDigit(`19850517${birthNumber}`)).legalSex).toBe(sex);
    }
    expect(parsed(withCheckDigit('19701063242')).legalSex).toBe(LegalSex.FEMALE);
  });

  describe('century of a 10-digit number', () => {
    it('is the most recent century in which the date of birth is not after today', () => {
      expect(parsed('121212-1212').birthDate).toBe('2012-12-12');
      // 2030-12-12 is still to come.
      expect(parsed(shortForm('301212123', '-')).birthDate).toBe('1930-12-12');
    });

    it('counts a birthday today as past and tomorrow as a century ago', () => {
      expect(parsed(shortForm('261125123')).birthDate).toBe('2026-11-25');
      expect(parsed(shortForm('261126123')).birthDate).toBe('1926-11-26');
      expect(parsed(shortForm('261186123')).birthDate).toBe('1926-11-26');
    });

    it('depends on today, not on the system clock', () => {
      expect(parsed('121212-1212', '2012-12-11').birthDate).toBe('1912-12-12');
      expect(parsed('121212-1212', '2012-12-12').birthDate).toBe('2012-12-12');
      expect(parsed('121212-1212', '2112-12-12').birthDate).toBe('2112-12-12');
    });

    it("is one century earlier with '+': the person is 100 or older", () => {
      expect(parsed('121212+1212').birthDate).toBe('1912-12-12');
      expect(parsed(shortForm('261125123', '+')).birthDate).toBe('1926-11-25');
      expect(parsed(shortForm('261126123', '+')).birthDate).toBe('1826-11-26');
    });
  });

  it('refuses a 12-digit number born after today', () => {
    expect(problem(withCheckDigit('20301212123'))).toBe('the date of birth is in the future');
    expect(problem(withCheckDigit('20261126123'))).toBe('the date of birth is in the future');
    expect(parsed(withCheckDigit('20261125123')).birthDate).toBe('2026-11-25');
    expect(problem(withCheckDigit('20261186123'))).toBe('the date of birth is in the future');
  });

  it('agrees with the personnummer package on 12-digit numbers, where its century does not depend on the clock', () => {
    const disagreements: string[] = [];
    let accepted = 0;
    for (const year of ['1900', '1999', '2000', '2003', '2004']) {
      for (let month = 0; month <= 13; month++) {
        for (let day = 0; day <= 93; day++) {
          for (const birthNumber of ['000', '001', '482', '999']) {
            const valid = withCheckDigit(`${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${birthNumber}`);
            for (const input of [valid, wrongCheckDigit(valid)]) {
              const ours = parseIdentityNumber(input, '9999-12-31').ok;
              if (ours !== Personnummer.valid(input)) disagreements.push(input);
              if (ours) accepted++;
            }
          }
        }
      }
    }
    expect(disagreements).toEqual([]);
    // Every real date of those years, doubled by samordningsnummer, times three birth numbers.
    expect(accepted).toBe((365 + 365 + 366 + 365 + 366) * 2 * 3);
  });
});

describe('age on a date', () => {
  it('counts whole years, turning a year older on the birthday', () => {
    expect(ageOn('1990-06-15', '2026-06-14')).toBe(35);
    expect(ageOn('1990-06-15', '2026-06-15')).toBe(36);
    expect(ageOn('1990-12-31', '2027-01-01')).toBe(36);
    expect(ageOn('2026-11-25', '2026-11-25')).toBe(0);
  });

  it('lets someone born on 29 February turn a year older on 1 March in other years', () => {
    expect(ageOn('2000-02-29', '2001-02-28')).toBe(0);
    expect(ageOn('2000-02-29', '2001-03-01')).toBe(1);
    expect(ageOn('2000-02-29', '2004-02-28')).toBe(3);
    expect(ageOn('2000-02-29', '2004-02-29')).toBe(4);
  });

  it("is at least 100 for a number written with '+'", () => {
    expect(ageOn(parsed(shortForm('261125123', '+')).birthDate, TODAY)).toBe(100);
    expect(ageOn(parsed(shortForm('261126123', '+')).birthDate, TODAY)).toBe(199);
  });
});
