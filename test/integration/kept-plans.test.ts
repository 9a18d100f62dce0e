import { Role } from '../../domain/enums';
import { TenantDb } from '../../server/access/tenant-db';
import { seededOrganisationId } from '../../entities/seed/seed';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Reference reads keep their parsed and planned statement on the connection (TenantDb.reusingPlans):
 * later requests only bind and run it. The server runs with one pooled connection, so every
 * request below uses the session whose prepared statements the test reads.
 */
// Behind a transaction-pooling proxy no plan is kept (transaction-pooler.test.ts).
(process.env.DATABASE_POOLER ? describe.skip : describe)('statements whose plans the connection keeps (not behind a transaction pooler: DATABASE_POOLER sends every statement unnamed)', () => {
  let app: TestApp;
  let regionId: string;
  const probe = `SELECT $1::text AS kept_plan_probe`;
  const handle = () => new TenantDb(app.dataSource, app.config.appRole, { organisationId: seededOrganisationId('2062')!, regionId });
  const kept = async (text: string): Promise<number> =>
    (await app.dataSource.query(`SELECT count(*)::int AS n FROM pg_prepared_statements WHERE statement = $1`, [text]))[0].n;

  beforeAll(async () => {
    app = await startTestApp({ DATABASE_POOL_SIZE: '1' });
    regionId = (await app.dataSource.query('SELECT region_id FROM organisation WHERE id = $1', [seededOrganisationId('2062')]))[0].region_id;
  });
  afterAll(() => app.stop());

  it('is prepared once per connection and answers each request with its own values', async () => {
    expect(await handle().reusingPlans.query(probe, ['first'])).toEqual([{ kept_plan_probe: 'first' }]);
    expect(await handle().reusingPlans.query(probe, ['second'])).toEqual([{ kept_plan_probe: 'second' }]);
    expect(await kept(probe)).toBe(1);
  });

  it('survives a unit of work that fails before it ran: the statement is prepared again, never twice', async () => {
    const fresh = `SELECT $1::int + 1 AS kept_after_failure`;
    const db = handle();
    const [failed, answered] = await Promise.allSettled([db.query(`SELECT 1 / $1::int AS x`, [0]), db.reusingPlans.query(fresh, [41])]);
    expect(failed).toMatchObject({ status: 'rejected', reason: { driverError: { code: '22012' } } });
    expect(answered).toEqual({ status: 'fulfilled', value: [{ kept_after_failure: 42 }] });
    expect(await handle().reusingPlans.query(fresh, [1])).toEqual([{ kept_after_failure: 2 }]);
    expect(await kept(fresh)).toBe(1);
  });

  it('keeps the reads of the nested organisations list, so a second request parses none of them again', async () => {
    const token = await app.token('2062', Role.INTEGRATION);
    const query = `{ organisations(first: 3) { edges { node { name region { code } members { member { name } } memberships { association { name } } careUnits(first: 2) { edges { node { name } } } } } } }`;
    const first = await app.gql(query, {}, token);
    const keptAfterFirst: { n: number }[] = await app.dataSource.query(`SELECT count(*)::int AS n FROM pg_prepared_statements WHERE statement LIKE '%FROM organisation o%'`);
    const second = await app.gql(query, {}, token);
    const keptAfterSecond: { n: number }[] = await app.dataSource.query(`SELECT count(*)::int AS n FROM pg_prepared_statements WHERE statement LIKE '%FROM organisation o%'`);
    expect(second.data).toEqual(first.data);
    expect(first.data.organisations.edges).toHaveLength(3);
    expect(keptAfterFirst[0].n).toBeGreaterThan(0);
    expect(keptAfterSecond[0].n).toBe(keptAfterFirst[0].n);
  });
});
