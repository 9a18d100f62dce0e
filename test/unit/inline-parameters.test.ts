import { inlineParameters } from '../../server/access/inline-parameters';

describe('inlining bind parameters into a simple-protocol statement', () => {
  it('replaces each placeholder by a quoted literal, as often as it occurs', () => {
    expect(inlineParameters('SELECT * FROM t WHERE a = $1 AND b = $2 OR c = $1', ['x', 5])).toBe("SELECT * FROM t WHERE a = 'x' AND b = '5' OR c = 'x'");
  });

  it('doubles quotes inside values and escapes backslashes, so no value ends its literal', () => {
    expect(inlineParameters('SELECT $1', ["O'Brien'); DROP TABLE t; --"])).toBe("SELECT 'O''Brien''); DROP TABLE t; --'");
    // pg's escapeLiteral writes an escape-string literal (with a space before it) for a backslash.
    expect(inlineParameters('SELECT $1', ['a\\b'])).toBe("SELECT  E'a\\\\b'");
  });

  it('writes null and undefined as NULL, arrays as array literals and dates as timestamps', () => {
    expect(inlineParameters('SELECT $1, $2', [null, undefined])).toBe('SELECT NULL, NULL');
    expect(inlineParameters('SELECT $1::uuid[]', [['a', 'b']])).toBe(`SELECT '{"a","b"}'::uuid[]`);
    expect(inlineParameters('SELECT $1::text[]', [['b"c']])).toBe(`SELECT  E'{"b\\\\"c"}'::text[]`);
    expect(inlineParameters('SELECT $1::timestamptz', [new Date('2026-01-02T03:04:05Z')])).toMatch(/^SELECT '2026-01-0\d.*'::timestamptz$/);
  });

  it('leaves placeholders inside quoted text and names alone, and drops comments', () => {
    expect(inlineParameters(`SELECT '$1', "a$1" FROM t -- $1\nWHERE x = $1 /* $2 */`, ['v'])).toBe(`SELECT '$1', "a$1" FROM t \nWHERE x = 'v'  `);
  });

  it('declines text it cannot read with certainty, so the caller binds the parameters instead', () => {
    expect(inlineParameters('SELECT $$text$$', [])).toBeNull();
    expect(inlineParameters('SELECT $tag$ $1 $tag$', ['v'])).toBeNull();
    expect(inlineParameters("SELECT E'\\'' || $1", ['v'])).toBeNull();
    expect(inlineParameters('SELECT a$1 FROM t', ['v'])).toBeNull();
    expect(inlineParameters('SELECT $2', ['v'])).toBeNull();
    expect(inlineParameters("SELECT 'unterminated", [])).toBeNull();
    expect(inlineParameters('SELECT $1', [Buffer.from('bytes')])).toBeNull();
  });
});
