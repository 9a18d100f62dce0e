import net from 'node:net';
import { Role } from '../../domain/enums';
import { captureLog, codes, startTestApp, TestApp } from '../support/test-app';

/**
 * A TCP relay between the server and the run's database. Cutting it closes the server's
 * connections and, from then on, every new one as soon as it opens, as a database that is going
 * down does. (Refusing connections would raise errors from Node's own socket code, which inside
 * jest's VM are not `instanceof Error` for graphql-js: a test artefact, not what a server sees.)
 */
async function startRelay(databaseUrl: string) {
  const target = new URL(databaseUrl);
  const sockets = new Set<net.Socket>();
  let down = false;
  const server = net.createServer((client) => {
    if (down) {
      client.destroy();
      return;
    }
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => s.destroy());
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = new URL(databaseUrl);
  url.hostname = '127.0.0.1';
  url.port = String((server.address() as net.AddressInfo).port);
  return {
    url: url.toString(),
    cut() {
      down = true;
      for (const s of sockets) s.destroy();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('when the database goes away', () => {
  let app: TestApp;
  let relay: Awaited<ReturnType<typeof startRelay>>;
  const log = captureLog();

  beforeAll(async () => {
    relay = await startRelay(process.env.SAMREHAB_TEST_DATABASE_URL!);
    app = await startTestApp({ DATABASE_URL: relay.url, LOG_LEVEL: 'debug' }, { log });
  });
  afterAll(async () => {
    relay.cut();
    await app?.stop().catch(() => undefined);
    await relay.close();
  });

  it('answers 503 SERVICE_UNAVAILABLE, says not ready, and logs the outage by code with the request id', async () => {
    const mora = await app.token('2062', Role.INTEGRATION);
    const falun = await app.token('2080', Role.INTEGRATION);
    expect((await app.gql(`{ municipality(code: "2062") { name } }`, {}, mora)).data).toEqual({ municipality: { name: 'Mora kommun' } });

    relay.cut();
    // Mora's organisation is known from before: the failure comes from the resolver.
    const known = await app.gql(`{ organisations(first: 5) { edges { node { name } } } }`, {}, mora);
    expect(known.status).toBe(503);
    expect(codes(known)).toEqual(['SERVICE_UNAVAILABLE']);
    // Falun's is looked up while authenticating, which fails the same way.
    const unknown = await app.gql(`{ municipality(code: "2080") { name } }`, {}, falun);
    expect(unknown.status).toBe(503);
    expect(codes(unknown)).toEqual(['SERVICE_UNAVAILABLE']);
    expect(unknown.requestId).toEqual(expect.any(String));
    const ready = await fetch(app.url.replace('/graphql', '/readyz'));
    expect(ready.status).toBe(503);

    for (const res of [known, unknown]) {
      const logged = log.lines.filter((l) => l.requestId === res.requestId && l.msg === 'database unavailable');
      expect(logged).toEqual([expect.objectContaining({ level: 50, code: expect.stringMatching(/^(ECONNREFUSED|ECONNRESET|CONNECTION_TERMINATED|08\w{3}|57P0[123])$/) })]);
    }
    expect(log.lines.filter((l) => l.msg === 'unexpected error')).toEqual([]);
  });
});

describe('when the identity provider cannot be reached', () => {
  let app: TestApp;
  const log = captureLog();

  beforeAll(async () => {
    // A port that was free a moment ago: nothing listens there.
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as net.AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    app = await startTestApp({ AUTH_JWKS_URL: `http://127.0.0.1:${port}/jwks`, LOG_LEVEL: 'debug' }, { log });
  });
  afterAll(() => app?.stop());

  it('answers 503 SERVICE_UNAVAILABLE, not "malformed token", and logs why by code', async () => {
    const res = await app.gql(`{ regions { edges { cursor } } }`, {}, await app.token('2062', Role.INTEGRATION));
    expect(res.status).toBe(503);
    expect(codes(res)).toEqual(['SERVICE_UNAVAILABLE']);
    expect(res.errors![0].message).toMatch(/identity provider/);
    expect(res.requestId).toEqual(expect.any(String));
    const logged = log.lines.filter((l) => l.requestId === res.requestId && l.msg === 'identity provider unreachable');
    expect(logged).toEqual([expect.objectContaining({ level: 50, code: 'IDENTITY_PROVIDER_UNREACHABLE', error: expect.objectContaining({ cause: expect.objectContaining({ code: 'ECONNREFUSED' }) }) })]);
  });
});
