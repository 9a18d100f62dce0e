import { Role } from '../../domain/enums';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Stopping a server (SIGTERM in production) is graceful: readiness turns 503 first, so a load balancer
 * stops sending requests, while requests still arrive and are served for SHUTDOWN_GRACE_MS; then the
 * server accepts no connection, lets the in-flight ones finish, and closes its pool.
 */
describe('graceful shutdown', () => {
  let app: TestApp;
  let stopped: Promise<void> | undefined;
  const base = () => app.url.replace(/\/graphql$/, '');
  const QUESTIONS = Array.from({ length: 1000 }, (_, i) => ({ municipalityCode: '2062', interventionCode: 'ASSISTIVE_DEVICE_FITTING', age: i % 100 }));
  const batch = (token: string) =>
    app.gql(`query($q: [ResponsibilityInput!]!) { responsibilities(inputs: $q) { status } }`, { q: QUESTIONS }, token);

  beforeAll(async () => {
    app = await startTestApp({ SHUTDOWN_GRACE_MS: '1500' });
  });
  afterAll(() => stopped ?? app?.stop());

  it('answers readiness with 503 first, serves what is in flight and what still arrives, then closes', async () => {
    const token = await app.token('2062', Role.CARE_STAFF);
    expect((await fetch(`${base()}/readyz`)).status).toBe(200);

    const inFlight = batch(token);
    stopped = app.stop();
    const ready = await fetch(`${base()}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'shutting down' });
    // Liveness holds: the process is not to be restarted, only taken out of the rotation.
    expect((await fetch(`${base()}/healthz`)).status).toBe(200);
    const arriving = await app.gql(`{ municipality(code: "2062") { name } }`, {}, token);
    expect(arriving).toMatchObject({ status: 200, data: { municipality: { name: 'Mora kommun' } } });

    const answered = await inFlight;
    expect(answered.errors).toBeUndefined();
    expect(answered.data.responsibilities).toHaveLength(1000);

    await stopped;
    await expect(fetch(`${base()}/healthz`)).rejects.toThrow();
    await expect(app.dataSource.query('SELECT 1')).rejects.toThrow();
  });
});
