import net from 'node:net';
import { escapeLiteral } from 'pg';

export interface CapturedStatement {
  sql: string;
  /** Bind parameters as the driver sent them (text format); null for SQL NULL. */
  params: (string | null)[];
  /** The unit of work's opening (BEGIN; SET LOCAL ROLE …; set_config …) this statement ran under. */
  opening: string | null;
}

/**
 * A loopback proxy in front of PostgreSQL that reads what the server's pool sends: each simple
 * Query and each Execute of the extended protocol is one statement (a pipelined unit of work's
 * opening and COMMIT are not counted). It counts them always and, while recording, keeps their SQL and parameters with the
 * opening they ran under, so the bench can EXPLAIN exactly what a request ran. The answers pass
 * through untouched.
 */
export class StatementCapture {
  statements = 0;
  recorded: CapturedStatement[] = [];
  recording = false;
  private server: net.Server | null = null;

  async start(targetHost: string, targetPort: number): Promise<number> {
    this.server = net.createServer((client) => {
      const upstream = net.connect(targetPort, targetHost);
      client.on('error', () => upstream.destroy());
      upstream.on('error', () => client.destroy());
      upstream.pipe(client);
      const reader = new FrontendReader((type, body) => this.onMessage(reader, type, body));
      client.on('data', (chunk: Buffer) => {
        reader.push(chunk);
        upstream.write(chunk);
      });
      client.on('end', () => upstream.end());
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return (this.server.address() as net.AddressInfo).port;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private onMessage(conn: FrontendReader, type: string, body: Buffer) {
    if (type === 'Q') {
      const sql = cString(body, 0).value;
      this.statements += 1;
      if (/^BEGIN;/.test(sql)) conn.opening = sql;
      else if (this.recording && !/^(COMMIT|ROLLBACK|BEGIN)\b/i.test(sql)) this.recorded.push({ sql, params: [], opening: conn.opening });
    } else if (type === 'P') {
      const name = cString(body, 0);
      conn.prepared.set(name.value, cString(body, name.next).value);
    } else if (type === 'B') {
      conn.bound = { sql: conn.prepared.get(cString(body, cString(body, 0).next).value) ?? '', params: bindParameters(body) };
    } else if (type === 'E') {
      const bound = conn.bound;
      // A pipelined unit of work (TenantDb.query, server/access/pipeline.ts) sends its opening and
      // COMMIT as statements of the extended protocol too: they make up the opening the statements
      // after them run under, as the simple Query of a transaction's opening does, and are not counted.
      if (bound && /^BEGIN$/.test(bound.sql)) conn.opening = 'BEGIN';
      else if (bound && /^(SET LOCAL ROLE |SELECT set_config\('app\.)/.test(bound.sql)) conn.opening = `${conn.opening}; ${withLiterals(bound)}`;
      else if (!bound || !/^(COMMIT|ROLLBACK)$/.test(bound.sql)) {
        this.statements += 1;
        if (this.recording && bound) this.recorded.push({ ...bound, opening: conn.opening });
      }
    }
  }
}

/** An opening statement with its bound values as literals (the region and organisation ids), to run again before an EXPLAIN. */
function withLiterals({ sql, params }: { sql: string; params: (string | null)[] }): string {
  return sql.replace(/\$(\d+)/g, (_, n: string) => (params[Number(n) - 1] === null ? 'NULL' : escapeLiteral(params[Number(n) - 1]!)));
}

/** Splits the client's byte stream into protocol messages (the first one, the startup message, has no type byte). */
class FrontendReader {
  opening: string | null = null;
  prepared = new Map<string, string>();
  bound: { sql: string; params: (string | null)[] } | null = null;
  private buffer: Buffer = Buffer.alloc(0);
  private started = false;

  constructor(private readonly onMessage: (type: string, body: Buffer) => void) {}

  push(chunk: Buffer) {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    for (;;) {
      if (!this.started) {
        if (this.buffer.length < 4) return;
        const length = this.buffer.readInt32BE(0);
        if (this.buffer.length < length) return;
        this.buffer = this.buffer.subarray(length);
        this.started = true;
        continue;
      }
      if (this.buffer.length < 5) return;
      const length = this.buffer.readInt32BE(1);
      if (this.buffer.length < 1 + length) return;
      this.onMessage(String.fromCharCode(this.buffer[0]), this.buffer.subarray(5, 1 + length));
      this.buffer = this.buffer.subarray(1 + length);
    }
  }
}

function cString(body: Buffer, offset: number): { value: string; next: number } {
  const end = body.indexOf(0, offset);
  return { value: body.toString('utf8', offset, end), next: end + 1 };
}

/** The parameter values of a Bind message: portal, statement, format codes, then the values. */
function bindParameters(body: Buffer): (string | null)[] {
  let at = cString(body, cString(body, 0).next).next;
  const formats = body.readInt16BE(at);
  const codes = Array.from({ length: formats }, (_, i) => body.readInt16BE(at + 2 + 2 * i));
  at += 2 + 2 * formats;
  const count = body.readInt16BE(at);
  at += 2;
  const params: (string | null)[] = [];
  for (let i = 0; i < count; i++) {
    const length = body.readInt32BE(at);
    at += 4;
    if (length < 0) {
      params.push(null);
      continue;
    }
    const binary = (codes.length === 1 ? codes[0] : codes[i] ?? 0) === 1;
    params.push(binary ? `\\x${body.toString('hex', at, at + length)}` : body.toString('utf8', at, at + length));
    at += length;
  }
  return params;
}
