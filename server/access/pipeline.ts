// node-postgres's own result builder (type parsers by column type, as for any query of the pool)
// and its conversion of a bind value to text: a pipelined statement answers exactly as the same
// statement sent through pg's query() would.
/* eslint-disable @typescript-eslint/no-require-imports */
const Result = require('pg/lib/result') as new (rowMode?: string, types?: unknown) => PgResult;
const { prepareValue } = require('pg/lib/utils') as { prepareValue(value: unknown): unknown };
/* eslint-enable @typescript-eslint/no-require-imports */
import { randomBytes } from 'node:crypto';

/** A statement's answer as node-postgres builds it. */
export interface PgResult {
  command: string;
  rows: unknown[];
  rowCount: number;
  _types?: unknown;
  addFields(fields: unknown[]): void;
  parseRow(values: unknown[]): unknown;
  addRow(row: unknown): void;
  addCommandComplete(message: unknown): void;
}

/** One statement of a pipeline; `reusePlan` keeps its parsed and planned form on the connection. */
export interface PipelinedStatement {
  text: string;
  values?: readonly unknown[];
  reusePlan?: boolean;
}

/**
 * Numbers of the statements whose plans connections keep, one per distinct text. Bounded: past
 * the limit a new text runs unnamed (planned each time), so no connection ever holds more than
 * this many.
 */
const statementNumbers = new Map<string, number>();
const MAX_NAMED_STATEMENTS = 500;

/**
 * Each connection names its statements with a prefix of its own: the embedded database serves
 * every connection in one session (its prepared statements outlive the connection that made
 * them), so names of another connection, or of an earlier one of this process, never collide.
 */
const prefixes = new WeakMap<Connection, string>();

/**
 * What each connection knows of the rows of its named statements (their fields, or null for a
 * statement without rows): a statement it has described once is not described again, and its
 * rows are read with the fields it had (a named statement cannot change them: PostgreSQL refuses
 * to run it once its result type would change).
 */
const descriptions = new WeakMap<Connection, Map<string, readonly unknown[] | null>>();

function descriptionsOn(connection: Connection): Map<string, readonly unknown[] | null> {
  let known = descriptions.get(connection);
  if (!known) descriptions.set(connection, (known = new Map()));
  return known;
}

function nameOn(connection: Connection, { text, reusePlan }: PipelinedStatement): string {
  if (!reusePlan) return '';
  let number = statementNumbers.get(text);
  if (number === undefined) {
    if (statementNumbers.size >= MAX_NAMED_STATEMENTS) return '';
    statementNumbers.set(text, (number = statementNumbers.size + 1));
  }
  let prefix = prefixes.get(connection);
  if (!prefix) prefixes.set(connection, (prefix = `samrehab_${randomBytes(6).toString('hex')}`));
  return `${prefix}_${number}`;
}

/** What a pipeline writes through: node-postgres's connection (its protocol messages). */
interface Connection {
  stream: { cork?(): void; uncork?(): void };
  parsedStatements: Record<string, string>;
  parse(message: { text: string; name: string }): void;
  bind(message: { statement: string; values: readonly unknown[]; valueMapper: (value: unknown) => unknown }): void;
  describe(message: { type: 'P'; name: string }): void;
  execute(message: { portal: string }): void;
  close(message: { type: 'S'; name: string }): void;
  sync(): void;
  sendCopyFail(message: string): void;
}

/**
 * Statements sent to PostgreSQL in one write and answered in one round trip, by the extended
 * protocol: Parse, Bind, Describe and Execute for each, and one Sync after the last, so the server
 * runs them in order and stops at the first error. A named statement is parsed and described once
 * per connection and then only bound and executed: PostgreSQL keeps its plan (planning, not
 * running, was most of the cost of the short reads a request makes). Values are bound as text parameters,
 * as node-postgres binds them, never spliced into SQL.
 *
 * It is a node-postgres "submittable" (client.query(pipeline)), so it takes its turn in the
 * client's queue like any query; `done` receives the results of all statements in order, or the
 * first error. `close` names statements to forget (Close messages, harmless for unknown names),
 * sent before the Sync.
 */
export class Pipeline {
  /** The first statement's result; node-postgres sets the connection's type parsers on it. */
  readonly _result: PgResult = new Result();
  private current = this._result;
  private readonly results: PgResult[] = [];
  /** Named statements this pipeline parses on its connection for the first time, with their text. */
  private readonly parsing = new Map<string, string>();
  /** Each statement's name ('' for an unnamed one), and its fields when they are known already. */
  private readonly names: string[] = [];
  private readonly knownFields: (readonly unknown[] | null | undefined)[] = [];
  /** Descriptions this pipeline learns, kept for the connection once it succeeds. */
  private readonly describing = new Map<string, readonly unknown[] | null>();
  /** Whether the current statement's rows were described in this pipeline. */
  private described = false;
  private failure: unknown = null;
  private connection: Connection | null = null;

  constructor(
    private readonly statements: readonly PipelinedStatement[],
    private readonly done: (error: unknown, results: PgResult[]) => void,
    private readonly close: readonly string[] = [],
  ) {}

  /** Named statements this pipeline parsed on its connection for the first time. */
  get newlyParsed(): string[] {
    return [...this.parsing.keys()];
  }

  submit(connection: Connection): null {
    this.connection = connection;
    const known = descriptionsOn(connection);
    connection.stream.cork?.();
    try {
      for (const statement of this.statements) {
        const { text, values = [] } = statement;
        const name = nameOn(connection, statement);
        const parsed = name !== '' && connection.parsedStatements[name] !== undefined;
        if (!parsed && !(name && this.parsing.has(name))) {
          connection.parse({ text, name });
          if (name) this.parsing.set(name, text);
        }
        connection.bind({ statement: name, values, valueMapper: prepareValue });
        const fields = parsed ? known.get(name) : undefined;
        if (fields === undefined) connection.describe({ type: 'P', name: '' });
        this.names.push(name);
        this.knownFields.push(fields);
        connection.execute({ portal: '' });
      }
      for (const name of this.close) {
        connection.close({ type: 'S', name });
        delete connection.parsedStatements[name];
        known.delete(name);
      }
      connection.sync();
    } finally {
      connection.stream.uncork?.();
    }
    this.startStatement();
    return null;
  }

  handleRowDescription(message: { fields: unknown[] }): void {
    this.current.addFields(message.fields);
    this.described = true;
    const name = this.names[this.results.length];
    if (name) this.describing.set(name, message.fields);
  }

  handleDataRow(message: { fields: unknown[] }): void {
    if (this.failure) return;
    try {
      this.current.addRow(this.current.parseRow(message.fields));
    } catch (error) {
      // A value its type parser refuses: reported once the server is ready again.
      this.failure = error;
    }
  }

  handleCommandComplete(message: unknown): void {
    this.current.addCommandComplete(message);
    this.next();
  }

  handleEmptyQuery(): void {
    this.next();
  }

  /** The server skips the rest up to the Sync; node-postgres reports no ReadyForQuery to us after this. */
  handleError(error: unknown): void {
    this.done(error, this.results);
  }

  handleReadyForQuery(): void {
    if (this.failure) return this.done(this.failure, this.results);
    for (const [name, text] of this.parsing) this.connection!.parsedStatements[name] = text;
    const known = descriptionsOn(this.connection!);
    for (const [name, fields] of this.describing) known.set(name, fields);
    this.done(null, this.results);
  }

  /** Never asked for (no statement limits its rows); present because node-postgres may call it. */
  handlePortalSuspended(): void {}

  handleCopyInResponse(connection: Connection): void {
    connection.sendCopyFail('A pipelined statement cannot copy from the client');
  }

  handleCopyData(): void {}

  private next(): void {
    const index = this.results.length;
    // Described in this pipeline without fields: a statement without rows (NoData).
    if (this.names[index] && this.knownFields[index] === undefined && !this.described) this.describing.set(this.names[index], null);
    this.results.push(this.current);
    this.current = new Result(undefined, this._result._types);
    this.startStatement();
  }

  /** Gives the statement about to answer the fields it is known to have (it was not described again). */
  private startStatement(): void {
    this.described = false;
    const fields = this.knownFields[this.results.length];
    if (fields) this.current.addFields(fields as unknown[]);
  }
}
