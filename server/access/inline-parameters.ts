import { escapeLiteral } from 'pg';

// node-postgres's own conversion of a bind value to its text form (arrays to array literals, dates
// to timestamps): an inlined value reaches the server as the same text it would have been bound as.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { prepareValue } = require('pg/lib/utils') as { prepareValue(value: unknown): string | Buffer | null };

/** Characters that may continue an identifier (a `$` after one is part of the name, not a placeholder). */
const IDENTIFIER = /[A-Za-z0-9_$]/;

/**
 * `sql` with its placeholders `$1 … $n` replaced by quoted literals of `parameters`, for a
 * simple-protocol message that carries a whole unit of work (see TenantDb.query). An untyped
 * literal takes its type from its context as an untyped bind parameter does, and every value
 * goes through pg's escapeLiteral, so no value can end its literal. Returns null when the text is
 * not one this scanner reads with certainty (backslashes, dollar quoting, a `$` inside a name, a
 * placeholder without a value, binary values): the caller then binds the parameters as usual.
 */
export function inlineParameters(sql: string, parameters: readonly unknown[]): string | null {
  if (sql.includes('\\')) return null;
  let out = '';
  let i = 0;
  while (i < sql.length) {
    const c = sql[i];
    if (c === "'" || c === '"') {
      // Quoted text or name, copied as is; a doubled quote stays inside it.
      let end = i + 1;
      for (;;) {
        end = sql.indexOf(c, end);
        if (end < 0) return null;
        if (sql[end + 1] === c) end += 2;
        else break;
      }
      out += sql.slice(i, end + 1);
      i = end + 1;
    } else if (c === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      i = end < 0 ? sql.length : end;
    } else if (c === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      if (end < 0) return null;
      i = end + 2;
      out += ' ';
    } else if (c === '$') {
      if (i > 0 && IDENTIFIER.test(sql[i - 1])) return null;
      const digits = /^\d+/.exec(sql.slice(i + 1))?.[0];
      if (!digits) return null;
      const index = Number(digits) - 1;
      if (index >= parameters.length) return null;
      const value = parameters[index] === undefined ? null : prepareValue(parameters[index]);
      if (Buffer.isBuffer(value)) return null;
      out += value === null ? 'NULL' : escapeLiteral(value);
      i += 1 + digits.length;
    } else {
      out += c;
      i += 1;
    }
  }
  return out;
}
