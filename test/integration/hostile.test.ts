import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { format } from 'node:util';
import {
  getNamedType,
  GraphQLArgument,
  GraphQLField,
  GraphQLInputType,
  GraphQLSchema,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';
import { Role } from '../../domain/enums';
import { seededOrganisationId } from '../../entities/seed/seed';
import { buildBareSchema } from '../../server/schema';
import { testPersonnummer } from '../support/personnummer';
import { captureLog, startTestApp, TestApp } from '../support/test-app';

/**
 * A hostile client, generated from the schema: every argument of every root Query and Mutation
 * field gets wrong types, missing values, 1 MB strings, NUL bytes, unicode edge cases, forged and
 * foreign cursors and ids, SQL metacharacters and impossible dates, with and without tokens; then
 * bombs, malformed bodies, wrong content types and GET mutations. The server must answer each with
 * JSON, a request id and a coded 4xx (or 200 with coded errors), never a 5xx, an unmasked error
 * or a stack; a refused request must write nothing; the server must stay healthy; and nothing it
 * writes (its log at level debug, stdout, stderr) may carry the identity numbers, names,
 * addresses or tokens the requests used.
 */

/** Codes a client may be answered with; INTERNAL_SERVER_ERROR and SERVICE_UNAVAILABLE are not among them. */
const KNOWN_CODES = new Set([
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);
/** What a stack trace or a server path looks like in a body. */
const TRACE = /node_modules|\/work\/|\/home\/|\/tmp\/|\.[jt]s:\d+|\n\s+at |stacktrace/;
/** Generated cases per root field: enough to reach every argument, few enough to run in seconds. */
const CASES_PER_FIELD = 14;
const UUID = /^[0-9a-f-]{36}$/;

interface Request {
  label: string;
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  token?: string | null;
}
interface Answer {
  label: string;
  status: number;
  requestId: string | null;
  contentType: string;
  text: string;
  json: any;
}

/** The people and tokens of the suite: none of it may appear in anything the server writes. */
const secrets = {
  pnr: testPersonnummer('19380412', 'FEMALE'),
  foreignPnr: testPersonnummer('19520229', 'MALE'),
  givenName: 'Hildegun',
  familyName: 'Översköldberg',
  foreignName: 'Bertilsdotter-Ljungqvist',
  address: 'Hemligvägen 17, 792 91 Mora',
  foreignAddress: 'Gömstagatan 4, 722 13 Västerås',
};
/** 12 and 10 digits, with and without the hyphen. */
const pnrForms = (pnr: string) => {
  const digits = pnr.replace('-', '');
  return [pnr, digits, `${digits.slice(2, 8)}-${digits.slice(8)}`, digits.slice(2)];
};

describe('a hostile client', () => {
  let app: TestApp;
  let schema: GraphQLSchema;
  const log = captureLog();
  const written: string[] = [];
  const originalWrites = { out: process.stdout.write, err: process.stderr.write };
  const consoleMethods = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;
  const originalConsole = Object.fromEntries(consoleMethods.map((m) => [m, console[m]]));
  let tokens: { mora: string; foreign: string };
  let ids: { own: string; foreign: string; foreignOrganisation: string };
  let cursors: { foreign: string };
  const problems: string[] = [];
  let sent = 0;

  const send = async (r: Request): Promise<Answer> => {
    sent++;
    const headers: Record<string, string> = { ...(r.body !== undefined ? { 'content-type': 'application/json' } : {}), ...r.headers };
    if (r.token) headers.authorization = `Bearer ${r.token}`;
    const res = await fetch(app.url.replace('/graphql', r.path ?? '/graphql'), { method: r.method ?? 'POST', headers, body: r.body });
    const text = await res.text();
    let json: any;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { label: r.label, status: res.status, requestId: res.headers.get('x-request-id'), contentType: res.headers.get('content-type') ?? '', text, json };
  };

  /** Records what is wrong with an answer; the test fails on the list, so one run shows all. */
  const check = (a: Answer, expectedStatus?: number[]) => {
    const fail = (why: string) => problems.push(`${a.label}: ${why} (status ${a.status}, body ${a.text.slice(0, 300)})`);
    if (a.status >= 500) fail('5xx');
    if (expectedStatus && !expectedStatus.includes(a.status)) fail(`status not in ${expectedStatus}`);
    if (!a.requestId || !UUID.test(a.requestId)) fail('no x-request-id');
    if (!/^application\/(graphql-response\+)?json/.test(a.contentType)) fail(`content-type ${a.contentType}`);
    if (a.json === undefined) fail('body is not JSON');
    if (TRACE.test(a.text)) fail('stack or path in body');
    for (const e of a.json?.errors ?? []) {
      if (!KNOWN_CODES.has(e?.extensions?.code)) fail(`error code ${e?.extensions?.code}`);
    }
    if (a.json && !a.json.errors && a.status >= 400) fail('4xx without errors');
  };

  const gql = (label: string, query: string, variables: unknown, token: string | null, extra: Partial<Request> = {}) =>
    send({ label, body: JSON.stringify({ query, variables }), token, ...extra });

  /** Every row of every table but the access log (which refusals write on purpose: its partitions and its chains' heads), hashed. */
  const fingerprint = async (): Promise<string> => {
    const tables: { name: string }[] = await app.dataSource.query(
      `SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name NOT IN ('access_log', 'access_log_chain_head', 'migrations')
          AND table_name NOT IN (SELECT inhrelid::regclass::text FROM pg_inherits WHERE inhparent = 'access_log'::regclass) ORDER BY 1`,
    );
    const parts = tables.map((t) => `SELECT '${t.name}' AS t, count(*)::int AS n, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM "${t.name}" x`);
    const rows: { t: string; n: number; h: string }[] = await app.dataSource.query(parts.join(' UNION ALL '));
    // In table order: a UNION ALL over a large table (working_calendar) may run as a parallel append, whose rows come in any order.
    return rows.map((r) => `${r.t}:${r.n}:${r.h}`).sort().join(',');
  };

  beforeAll(async () => {
    // Everything the process writes during the suite is kept for the scan (and still shown).
    for (const [stream, original] of [
      [process.stdout, originalWrites.out],
      [process.stderr, originalWrites.err],
    ] as const) {
      stream.write = ((chunk: unknown, ...rest: unknown[]) => {
        written.push(String(chunk));
        return (original as (...a: unknown[]) => boolean).call(stream, chunk, ...rest);
      }) as typeof stream.write;
    }
    // Inside jest, console output is buffered and printed after the file, past the streams above.
    for (const m of consoleMethods) {
      console[m] = (...args: unknown[]) => {
        written.push(format(...args));
        originalConsole[m](...args);
      };
    }
    app = await startTestApp({ LOG_LEVEL: 'debug' }, { log });
    schema = await buildBareSchema();
    tokens = { mora: await app.token('2062', Role.CARE_STAFF), foreign: await app.token('1980', Role.CARE_STAFF) };
    const create = `mutation($input: PatientCreateInput!) { patientCreate(input: $input) { patient { id } } }`;
    const own = await app.gql(create, { input: { personnummer: secrets.pnr, givenName: secrets.givenName, familyName: secrets.familyName, address: secrets.address, homeMunicipalityCode: '2062' } }, tokens.mora);
    const foreign = await app.gql(create, { input: { personnummer: secrets.foreignPnr, givenName: secrets.foreignName, familyName: secrets.foreignName, address: secrets.foreignAddress, homeMunicipalityCode: '1980' } }, tokens.foreign);
    ids = { own: own.data.patientCreate.patient.id, foreign: foreign.data.patientCreate.patient.id, foreignOrganisation: seededOrganisationId('1980')! };
    const regions = await app.gql(`{ regions(first: 1) { pageInfo { endCursor } } }`, {}, tokens.mora);
    cursors = { foreign: regions.data.regions.pageInfo.endCursor };
  });

  afterAll(async () => {
    process.stdout.write = originalWrites.out;
    process.stderr.write = originalWrites.err;
    for (const m of consoleMethods) console[m] = originalConsole[m];
    await app?.stop();
  });

  /** Values that fill an argument well enough for the request to reach the argument under attack. */
  function filler(type: GraphQLInputType): unknown {
    if (isNonNullType(type)) return filler(type.ofType);
    if (isListType(type)) return [filler(type.ofType)];
    if (isEnumType(type)) return type.getValues()[0].value;
    if (isInputObjectType(type)) {
      const value: Record<string, unknown> = {};
      for (const f of Object.values(type.getFields())) if (isNonNullType(f.type) && f.defaultValue === undefined) value[f.name] = filler(f.type);
      return value;
    }
    switch (type.name) {
      case 'Int':
        return 1;
      case 'Float':
        return 1.5;
      case 'Boolean':
        return true;
      case 'ID':
        return randomUUID();
      case 'LocalDate':
        return '2026-01-15';
      case 'DateTimeISO':
        return '2026-01-15T10:00:00Z';
      case 'JSON':
        return {};
      default:
        return 'x';
    }
  }

  /** Hostile values for one argument or input field, by its type and name. */
  function hostile(type: GraphQLInputType, name: string): [string, unknown][] {
    const named = getNamedType(type);
    const values: [string, unknown][] = [];
    if (isListType(isNonNullType(type) ? type.ofType : type)) values.push(['not a list of', 'x'], ['an empty list', []], ['a null item', [null]]);
    if (isInputObjectType(named) && !isListType(isNonNullType(type) ? type.ofType : type)) {
      values.push(['a string for an object', secrets.address], ['an unknown field', { ...(filler(named) as object), drop: "'; DROP TABLE patient; --" }], ['an empty object', {}]);
      return values;
    }
    if (name === 'first') values.push(['negative first', -1], ['zero first', 0], ['huge first', 99_999_999], ['first over Int', 2 ** 53]);
    if (name === 'after') {
      values.push(
        ['a forged cursor of the wrong type', 'WyJ4Il0'],
        ['a valid cursor of another list', cursors.foreign],
        ['a cursor that is not base64 JSON', '!!!'],
        ['a cursor holding a NUL', Buffer.from(JSON.stringify(['\u0000', randomUUID()])).toString('base64url')],
        ['a cursor holding an identity number', Buffer.from(JSON.stringify([secrets.pnr, secrets.pnr])).toString('base64url')],
      );
    }
    if (isEnumType(named)) values.push(['an unknown enum value', 'NOT_A_VALUE'], ['a number for an enum', 7]);
    if (isScalarType(named)) {
      switch (named.name) {
        case 'ID':
          values.push(
            ['a made-up id', randomUUID()],
            ["another region's patient id", ids.foreign],
            ["another region's organisation id", ids.foreignOrganisation],
            ['own patient id', ids.own],
            ['an identity number as id', secrets.pnr],
            ['SQL in an id', "1' OR '1'='1"],
            ['a NUL in an id', `${ids.own}\u0000`],
            ['an object for an id', { id: ids.own }],
          );
          break;
        case 'Int':
          values.push(['a string for an Int', secrets.pnr.replace('-', '')], ['a negative Int', -1], ['an Int past 32 bits', 2 ** 31], ['a fraction', 1.5], ['huge Int', 2_147_483_647]);
          break;
        case 'Float':
          values.push(['a string for a Float', 'NaN'], ['a huge Float', 1e308], ['a negative Float', -1]);
          break;
        case 'Boolean':
          values.push(['a string for a Boolean', 'yes'], ['a number for a Boolean', 1]);
          break;
        case 'LocalDate':
          values.push(['an impossible date', '2026-02-30'], ['month 13', '2026-13-01'], ['an identity number as date', secrets.pnr], ['a number for a date', 20260101], ['year 0', '0000-01-01']);
          break;
        case 'DateTimeISO':
          values.push(['an impossible instant', '2026-02-30T10:00:00Z'], ['a word for an instant', 'yesterday'], ['a far instant', '+275760-09-13T00:00:00Z']);
          break;
        case 'JSON':
          values.push(['personal data in JSON', { personnummer: secrets.pnr, name: secrets.givenName, address: { street: secrets.address } }]);
          break;
        default:
          values.push(
            ['an identity number', secrets.pnr],
            ['a 12-digit identity number', secrets.pnr.replace('-', '')],
            ['a name', `${secrets.givenName} ${secrets.familyName}`],
            ['an address', secrets.address],
            ['SQL metacharacters', `${secrets.familyName}'); DROP TABLE patient; --`],
            ['a NUL byte', `${secrets.givenName}\u0000${secrets.familyName}`],
            ['a lone surrogate', `${secrets.familyName}\ud800`],
            ['a right-to-left override', `\u202e${secrets.address}`],
            ['emoji', `${secrets.givenName} 👩🏽‍⚕️🦽`],
            ['a number for a string', 1938],
            ['an object for a string', { name: secrets.givenName }],
          );
      }
    }
    return values;
  }

  /** Input paths of an argument: the argument and, inside input objects, each field (3 levels). */
  function paths(type: GraphQLInputType, path: string[], depth = 0): { path: string[]; type: GraphQLInputType }[] {
    const out = [{ path, type }];
    const named = getNamedType(type);
    if (depth < 3 && isInputObjectType(named) && !isListType(isNonNullType(type) ? type.ofType : type)) {
      for (const f of Object.values(named.getFields())) out.push(...paths(f.type, [...path, f.name], depth + 1));
    }
    return out;
  }

  const setPath = (root: Record<string, unknown>, path: string[], value: unknown) => {
    let at = root;
    for (const key of path.slice(0, -1)) {
      at[key] = typeof at[key] === 'object' && at[key] !== null && !Array.isArray(at[key]) ? { ...(at[key] as object) } : {};
      at = at[key] as Record<string, unknown>;
    }
    at[path[path.length - 1]] = value;
  };

  interface Case {
    field: string;
    operation: 'query' | 'mutation';
    label: string;
    query: string;
    variables: Record<string, unknown>;
    token: string | null;
  }

  /** Cases for one root field, spread evenly over its arguments and kinds of attack. */
  function casesFor(operation: 'query' | 'mutation', field: GraphQLField<unknown, unknown>, seq: { n: number }): Case[] {
    const args: readonly GraphQLArgument[] = field.args;
    const definitions = args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
    const call = args.length ? `(${args.map((a) => `${a.name}: $${a.name}`).join(', ')})` : '';
    const selection = isCompositeType(getNamedType(field.type)) ? ' { __typename }' : '';
    const query = `${operation}${definitions ? `(${definitions})` : ''} { r: ${field.name}${call}${selection} }`;
    const base = Object.fromEntries(args.map((a) => [a.name, filler(a.type)]));
    const all: { label: string; variables: Record<string, unknown> }[] = [];
    for (const a of args) {
      if (isNonNullType(a.type)) {
        const { [a.name]: _omitted, ...rest } = base;
        all.push({ label: `missing required $${a.name}`, variables: rest });
      }
      for (const p of paths(a.type, [a.name])) {
        for (const [what, value] of hostile(p.type, p.path[p.path.length - 1])) {
          const variables = structuredClone(base);
          setPath(variables, p.path, value);
          all.push({ label: `${what} at ${p.path.join('.')}`, variables });
        }
      }
    }
    const chosen = all.filter((_, i) => i % Math.max(1, Math.ceil(all.length / CASES_PER_FIELD)) === 0);
    // Always, at the first text argument: a string of 1 MB (within the body limit), a NUL byte
    // and a lone surrogate; and at `after`, a cursor of the wrong type and one of another list.
    const text = args.flatMap((a) => paths(a.type, [a.name])).find((p) => getNamedType(p.type).name === 'String');
    const always: [string[], string, unknown][] = text
      ? [
          [text.path, 'a 1 MB string', `${secrets.pnr} ${'x'.repeat(1_000_000)}`],
          [text.path, 'a NUL byte', `${secrets.pnr}\u0000`],
          [text.path, 'a lone surrogate', `\udc00${secrets.familyName}`],
        ]
      : [];
    if (args.some((a) => a.name === 'after')) always.push([['after'], 'a forged cursor', 'WyJ4Il0'], [['after'], 'a cursor of another list', cursors.foreign]);
    for (const [path, what, value] of always) {
      const variables = structuredClone(base);
      setPath(variables, path, value);
      chosen.push({ label: `${what} at ${path.join('.')}`, variables });
    }
    if (!args.length) chosen.push({ label: 'no arguments', variables: {} }, { label: 'unknown variables', variables: { personnummer: secrets.pnr } });
    const rotation = [null, () => tokens.mora, () => tokens.foreign] as const;
    return chosen.map((c) => {
      const token = rotation[seq.n++ % 3];
      return { field: field.name, operation, label: `${operation} ${field.name}: ${c.label}`, query, variables: c.variables, token: token ? token() : null };
    });
  }

  async function runAll<T>(items: T[], concurrency: number, run: (item: T) => Promise<void>) {
    let next = 0;
    await Promise.all(Array.from({ length: concurrency }, async () => {
      while (next < items.length) await run(items[next++]);
    }));
  }

  it('answers every request generated from the schema with JSON, a request id and a coded error, never a 5xx', async () => {
    const seq = { n: 0 };
    const queries = Object.values(schema.getQueryType()!.getFields()).flatMap((f) => casesFor('query', f, seq));
    const mutations = Object.values(schema.getMutationType()!.getFields()).flatMap((f) => casesFor('mutation', f, seq));
    expect(queries.length + mutations.length).toBeGreaterThanOrEqual(500);

    await runAll(queries, 4, async (c) => check(await gql(c.label, c.query, c.variables, c.token)));

    // Mutations in batches; a batch in which every mutation was refused must leave every table as it was.
    let compared = 0;
    for (let i = 0; i < mutations.length; i += 20) {
      const batch = mutations.slice(i, i + 20);
      const before = await fingerprint();
      let accepted = 0;
      await runAll(batch, 4, async (c) => {
        const a = await gql(c.label, c.query, c.variables, c.token);
        check(a);
        if (a.json?.data?.r) accepted++;
      });
      if (accepted === 0) {
        compared++;
        if ((await fingerprint()) !== before) problems.push(`mutations ${i}-${i + batch.length}: all refused, yet a table changed`);
      }
    }
    expect(compared).toBeGreaterThan(mutations.length / 40);
    expect(problems).toEqual([]);
    // Its length grows with the schema (every argument of every root field, about 1,000 requests):
    // a guard against a hang, not a speed limit; on a loaded 2-core machine it took 40 s.
  }, 300_000);

  it('refuses alias, depth, fragment, directive, token and batch bombs with a coded 400 before they run', async () => {
    const questions = Array.from({ length: 1000 }, (_, i) => ({ municipalityCode: '2062', interventionCode: 'ASSISTIVE_DEVICE_FITTING', age: i % 100 }));
    const fragments = ['fragment F0 on Region { name code }', ...Array.from({ length: 18 }, (_, i) => `fragment F${i + 1} on Region { ...F${i} ...F${i} }`)].join(' ');
    const nested = (n: number): string => (n === 0 ? 'name' : `parent { ${nested(n - 1)} }`);
    const before = await fingerprint();
    for (const token of [null, tokens.mora]) {
      const bombs: [string, string, unknown][] = [
        ['16 aliases', `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: regions(first: 1) { edges { cursor } }`).join(' ')} }`, {}],
        [
          '15 aliases of 1,000 questions',
          `query($q: [ResponsibilityInput!]!) { ${Array.from({ length: 15 }, (_, i) => `a${i}: responsibilities(inputs: $q) { status }`).join(' ')} }`,
          { q: questions },
        ],
        ['an 18-level fragment bomb', `{ region(code: "20") { ...F18 } } ${fragments}`, {}],
        ['depth 12', `{ organisations { edges { node { memberships { association { memberships { association { members { member { region { name } } } } } } } } } } }`, {}],
        ['nested pages of 100 x 100', `{ organisations(first: 100) { edges { node { careUnits(first: 100) { edges { node { id } } } } } } }`, {}],
        ['60 directives', `{ regions { edges { cursor ${Array.from({ length: 60 }, () => '@include(if: true)').join(' ')} } } }`, {}],
        ['3,000 tokens', `{ ${Array.from({ length: 1000 }, () => '__typename').join(' ')} }`, {}],
        ['a mutation bomb', `mutation { ${Array.from({ length: 16 }, (_, i) => `a${i}: patientCreate(input: { personnummer: "${secrets.pnr}" }) { patient { id } }`).join(' ')} }`, {}],
        ['introspection nested', `{ __schema { types { fields { type { fields { type { fields { type { fields { type { name } } } } } } } } } } }`, {}],
      ];
      for (const [label, query, variables] of bombs) check(await gql(`${label} (${token ? 'token' : 'no token'})`, query, variables, token), [400]);
      const batch = JSON.stringify(Array.from({ length: 50 }, () => ({ query: '{ regions { edges { cursor } } }' })));
      check(await send({ label: 'a batch of 50 operations', body: batch, token }), [400]);
    }
    expect(await fingerprint()).toBe(before);
    expect(problems).toEqual([]);
  });

  it('answers malformed bodies, wrong content types, wrong methods and unknown routes with coded JSON', async () => {
    const create = `mutation { patientCreate(input: { personnummer: "${secrets.pnr}", givenName: "${secrets.givenName}" }) { patient { id } } }`;
    const cases: [Request, number[]][] = [
      [{ label: 'truncated JSON', body: `{"query":"{ patient(id: \\"${ids.own}\\") { id } }","variables":{"p":"${secrets.pnr}"` }, [400]],
      [{ label: 'JSON null', body: 'null' }, [400]],
      [{ label: 'a JSON number', body: '19380412' }, [400]],
      [{ label: 'a JSON string', body: JSON.stringify(secrets.pnr) }, [400]],
      [{ label: 'JSON true', body: 'true' }, [400]],
      [{ label: 'an empty object', body: '{}' }, [400]],
      [{ label: 'an empty body', body: '' }, [400]],
      [{ label: 'a number as query', body: '{"query": 5}' }, [400]],
      [{ label: 'variables as a string', body: JSON.stringify({ query: '{ regions { edges { cursor } } }', variables: secrets.pnr }) }, [400]],
      [{ label: 'a body over 1 MB', body: JSON.stringify({ query: '{ regions { edges { cursor } } }', variables: { x: `${secrets.pnr}${'y'.repeat(1_100_000)}` } }) }, [413]],
      [{ label: 'charset utf-16', body: JSON.stringify({ query: create }), headers: { 'content-type': 'application/json; charset=utf-16' } }, [415]],
      [{ label: 'text/plain', body: JSON.stringify({ query: create }), headers: { 'content-type': 'text/plain' } }, [400]],
      [{ label: 'a form', body: `query=${encodeURIComponent(create)}`, headers: { 'content-type': 'application/x-www-form-urlencoded' } }, [400]],
      [{ label: 'multipart', body: `--b\r\ncontent-disposition: form-data; name="q"\r\n\r\n${secrets.pnr}\r\n--b--`, headers: { 'content-type': 'multipart/form-data; boundary=b' } }, [400]],
      [{ label: 'XML', body: `<q>${secrets.address}</q>`, headers: { 'content-type': 'application/xml' } }, [400]],
      [{ label: 'no content type', body: JSON.stringify({ query: create }), headers: { 'content-type': '' } }, [400]],
      [{ label: 'gzip it is not', body: JSON.stringify({ query: create }), headers: { 'content-encoding': 'gzip' } }, [400]],
      [{ label: 'an unknown encoding', body: JSON.stringify({ query: create }), headers: { 'content-encoding': 'x-secret' } }, [415]],
      [{ label: 'a GET mutation', method: 'GET', path: `/graphql?query=${encodeURIComponent(create)}`, headers: { 'apollo-require-preflight': '1' } }, [405]],
      [{ label: 'a GET mutation without preflight header', method: 'GET', path: `/graphql?query=${encodeURIComponent(create)}` }, [400]],
      [{ label: 'a GET without a query', method: 'GET', path: '/graphql', headers: { 'apollo-require-preflight': '1' } }, [400]],
      [{ label: 'PUT', method: 'PUT', body: JSON.stringify({ query: create }) }, [400, 404, 405]],
      [{ label: 'DELETE', method: 'DELETE', path: '/graphql' }, [400, 404, 405]],
      [{ label: 'an unknown route naming a person', method: 'GET', path: `/patients/${secrets.pnr}?name=${encodeURIComponent(secrets.givenName)}` }, [404]],
      [{ label: 'POST to a health route', method: 'POST', path: '/healthz', body: JSON.stringify({ pnr: secrets.pnr }) }, [404]],
      [{ label: 'a bad bearer token', body: JSON.stringify({ query: create }), headers: { authorization: `Bearer ${secrets.pnr}` } }, [401]],
      [{ label: 'a Basic header', body: JSON.stringify({ query: create }), headers: { authorization: `Basic ${Buffer.from(`${secrets.pnr}:x`).toString('base64')}` } }, [401]],
    ];
    const before = await fingerprint();
    for (const token of [null, tokens.mora]) {
      for (const [request, statuses] of cases) check(await send({ token: request.headers?.authorization ? undefined : token, ...request, label: `${request.label} (${token ? 'token' : 'no token'})` }), statuses);
    }
    expect(await fingerprint()).toBe(before);
    expect(problems).toEqual([]);
  });

  it('stays healthy: ready, and a normal query answers', async () => {
    const ready = await send({ label: 'readyz', method: 'GET', path: '/readyz' });
    check(ready, [200]);
    const health = await send({ label: 'healthz', method: 'GET', path: '/healthz' });
    check(health, [200]);
    const res = await app.gql(`query($id: ID!) { patient(id: $id) { id } }`, { id: ids.own }, tokens.mora);
    expect(res.data).toEqual({ patient: { id: ids.own } });
    expect(problems).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(600);
  });

  it('wrote none of the identity numbers, names, addresses or tokens it was sent, in its log or on stdout/stderr', () => {
    const everything = `${log.text()}\n${written.join('')}`;
    expect(log.lines.length).toBeGreaterThan(sent);
    const needles = [
      ...pnrForms(secrets.pnr),
      ...pnrForms(secrets.foreignPnr),
      secrets.givenName,
      secrets.familyName,
      secrets.foreignName,
      secrets.address,
      secrets.foreignAddress,
      'Hemligvägen',
      'Gömstagatan',
      tokens.mora,
      tokens.foreign,
      tokens.mora.split('.')[2],
    ];
    expect(needles.filter((n) => everything.includes(n))).toEqual([]);
    // Every line written during a request names it.
    const requestLines = log.lines.filter((l) => l.msg === 'request');
    expect(requestLines.length).toBeGreaterThanOrEqual(sent);
    expect(log.lines.filter((l) => l.level >= 50 && !l.requestId)).toEqual([]);
  });
});
