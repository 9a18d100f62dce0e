import { Role } from '../../domain/enums';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Behind a transaction-pooling proxy (DATABASE_POOLER=transaction) each transaction may land on
 * another server connection, so the server names no statement: reference reads, which otherwise
 * keep their plan on the connection (kept-plans.test.ts), are parsed and planned every time, and
 * the answers stay the same. One pooled connection, so the session the test reads is the server's.
 */
describe('behind a transaction-pooling proxy', () => {
  let app: TestApp;
  const probe = `SELECT $1::text AS pooler_probe`;
  const kept = async (text: string): Promise<number> =>
    (await app.dataSource.query(`SELECT count(*)::int AS n FROM pg_prepared_statements WHERE statement = $1`, [text]))[0].n;

  beforeAll(async () => {
    app = await startTestApp({ DATABASE_POOL_SIZE: '1', DATABASE_POOLER: 'transaction' });
  });
  afterAll(() => app?.stop());

  it('sends reads that would keep their plan as unnamed statements, and answers them alike', async () => {
    const access = await app.accessAs('2062', Role.INTEGRATION);
    expect(await access.scope.db.reusingPlans.query(probe, ['first'])).toEqual([{ pooler_probe: 'first' }]);
    expect(await access.scope.db.reusingPlans.query(probe, ['second'])).toEqual([{ pooler_probe: 'second' }]);
    expect(await kept(probe)).toBe(0);
  });

  it('serves a request whose reference reads would otherwise be kept, naming none of them', async () => {
    const token = await app.token('2062', Role.INTEGRATION);
    const query = `{ organisations(first: 3) { edges { node { name region { code } members { member { name } } careUnits(first: 2) { edges { node { name } } } } } } }`;
    const before: { n: number }[] = await app.dataSource.query(`SELECT count(*)::int AS n FROM pg_prepared_statements`);
    const first = await app.gql(query, {}, token);
    const second = await app.gql(query, {}, token);
    const after: { n: number }[] = await app.dataSource.query(`SELECT count(*)::int AS n FROM pg_prepared_statements`);
    expect(first.errors).toBeUndefined();
    expect(first.data.organisations.edges).toHaveLength(3);
    expect(second.data).toEqual(first.data);
    expect(after[0].n).toBe(before[0].n);
  });
});
