import { execFileSync } from 'node:child_process';
import net from 'node:net';
import { Client } from 'pg';
import { Role } from '../../domain/enums';
import { seededOrganisationId } from '../../entities/seed/seed';
import { testPersonnummer } from '../support/personnummer';
import { startTestApp, TestApp, urlAs } from '../support/test-app';

/**
 * The read replica (README "Read replica"). Without a standby (every backend): a replica that is
 * down or is no standby leaves the server ready, reading from the primary. With the primary and hot
 * standby .ci/replica.sh builds: the planners' reports come from the standby (its statement counter
 * moves, and while its replay is paused it answers the past, which only it can), a viewer who wrote
 * reads the write from the primary through any instance (who wrote when is kept on the primary, in
 * no process), and a stopped or lagging standby hands the reads back to the
 * primary until it is healthy again, as /readyz says.
 */

const DALARNA = seededOrganisationId('20')!;
const STATS = `query($period: PeriodInput!) { sipStatistics(regionCode: "20", period: $period) { region { started { total { value } } } } }`;
const day = (offset: number) => new Date(Date.now() + offset * 86400_000).toISOString().slice(0, 10);
/** Around today, whatever the region's time zone: the plans the tests start count in it. */
const PERIOD = { from: day(-2), to: day(2) };

/** Plans started in PERIOD as `token` is told (a planner's figure, at least 5 so that it is shown). */
async function started(app: TestApp, token: string): Promise<number> {
  const res = await app.gql(STATS, { period: PERIOD }, token);
  expect(res.errors).toBeUndefined();
  return res.data.sipStatistics.region.started.total.value;
}

/** A birth date of its own per run: runs against the same database never reuse a number. */
const randomBirthDate = () => `19${40 + Math.floor(Math.random() * 50)}0${1 + Math.floor(Math.random() * 9)}1${Math.floor(Math.random() * 9)}`;

/** A Mora resident with a SIP consent to the region and a plan, through the API as `token`. */
async function startPlan(app: TestApp, token: string): Promise<void> {
  const birthDate = randomBirthDate();
  const patient = await app.gql(
    `mutation($p: String!) { patientCreate(input: { personnummer: $p, homeMunicipalityCode: "2062" }) { patient { id } } }`,
    { p: testPersonnummer(birthDate, 'FEMALE') },
    token,
  );
  expect(patient.errors).toBeUndefined();
  const patientId = patient.data.patientCreate.patient.id;
  const consent = await app.gql(
    `mutation($input: ConsentRecordInput!) { consentRecord(input: $input) { consent { id } } }`,
    { input: { patientId, recipientOrganisationId: DALARNA, categories: ['CARE_AND_REHAB_PLAN'], purpose: 'SIP', validTo: day(365) } },
    token,
  );
  expect(consent.errors).toBeUndefined();
  const sip = await app.gql(`mutation($input: SipCreateInput!) { sipCreate(input: $input) { sip { id } } }`, { input: { patientId, participants: [{ organisationId: DALARNA }] } }, token);
  expect(sip.errors).toBeUndefined();
}

async function readyz(app: TestApp): Promise<{ status: number; body: any }> {
  const res = await fetch(app.url.replace('/graphql', '/readyz'));
  return { status: res.status, body: await res.json() };
}

/** Polls /readyz until its `reads` matches (the replica is checked on a timer); its body then. */
async function readsBecome(app: TestApp, expected: string | RegExp): Promise<any> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const { body } = await readyz(app);
    if (typeof expected === 'string' ? body.reads === expected : expected.test(body.reads)) return body;
    if (Date.now() > deadline) throw new Error(`/readyz still says ${JSON.stringify(body)}, waited for reads ${expected}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('a read replica that is not one', () => {
  let app: TestApp;
  afterEach(() => app?.stop());

  it('starts with the replica down, reads from the primary and says so on /readyz, staying ready', async () => {
    // A port nobody listens on: connections are refused.
    const closed = await new Promise<number>((resolve) => {
      const server = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as net.AddressInfo;
        server.close(() => resolve(port));
      });
    });
    app = await startTestApp({ DATABASE_READ_URL: `postgres://samrehab_app@127.0.0.1:${closed}/samrehab`, DATABASE_READ_CHECK_MS: '50' });
    const res = await app.gql(STATS, { period: PERIOD }, await app.token('20', Role.PLANNER));
    expect(res.errors).toBeUndefined();
    expect(app.readReplica!.statements.total).toBe(0);
    expect(await readyz(app)).toEqual({ status: 200, body: { status: 'ready', reads: 'primary (replica down)' } });
    expect(app.replicaStatus()).toEqual({ state: 'primary-fallback', lagMs: null, reason: 'down' });
  });

  it('refuses a server that is not a standby (the primary itself, a promoted replica) as one', async () => {
    app = await startTestApp({ DATABASE_READ_URL: process.env.SAMREHAB_TEST_DATABASE_URL });
    expect(await readyz(app)).toEqual({ status: 200, body: { status: 'ready', reads: 'primary (replica not a standby)' } });
    const onReplica = app.readReplica!.statements.total;
    expect((await app.gql(STATS, { period: PERIOD }, await app.token('20', Role.PLANNER))).errors).toBeUndefined();
    expect(app.readReplica!.statements.total).toBe(onReplica);
  });

  it('records who wrote, on the primary, only when a replica is configured', async () => {
    const writers = (on: TestApp) =>
      on.dataSource.query(`SELECT organisation_id AS "organisationId", user_id AS "userId", wrote_at AS "wroteAt" FROM recent_writer ORDER BY 1, 2`);
    const createPatient = async (on: TestApp) => {
      const res = await on.gql(
        `mutation($p: String!) { patientCreate(input: { personnummer: $p, homeMunicipalityCode: "2062" }) { patient { id } } }`,
        { p: testPersonnummer(randomBirthDate(), 'MALE') },
        await on.token('2062', Role.CARE_STAFF),
      );
      expect(res.errors).toBeUndefined();
    };
    const withoutReplica = await startTestApp();
    try {
      const before = await writers(withoutReplica);
      await createPatient(withoutReplica);
      expect(await writers(withoutReplica)).toEqual(before);
    } finally {
      await withoutReplica.stop();
    }
    // Not a standby, so every read goes to the primary; the write is recorded all the same.
    app = await startTestApp({ DATABASE_READ_URL: process.env.SAMREHAB_TEST_DATABASE_URL });
    const [{ now }] = await app.dataSource.query('SELECT now() AS now');
    await createPatient(app);
    const mora = seededOrganisationId('2062');
    expect((await writers(app)).filter((w: any) => w.organisationId === mora && w.userId === 'test-care_staff' && w.wroteAt >= now)).toHaveLength(1);
  });

  it('keeps /readyz as it was without a replica', async () => {
    app = await startTestApp();
    expect(await readyz(app)).toEqual({ status: 200, body: { status: 'ready' } });
    expect(app.replicaStatus()).toEqual({ state: 'none', lagMs: null, reason: null });
  });
});

const PRIMARY = process.env.SAMREHAB_REPLICA_TEST_PRIMARY_URL;
const STANDBY = process.env.SAMREHAB_REPLICA_TEST_STANDBY_URL;
const STANDBY_CTL = process.env.SAMREHAB_REPLICA_TEST_STANDBY_CTL;
const STANDBY_SET_UP = Boolean(PRIMARY && STANDBY && STANDBY_CTL);

(STANDBY_SET_UP ? describe : describe.skip)(
  STANDBY_SET_UP
    ? 'a hot standby streaming from the primary'
    : 'a hot standby streaming from the primary (skipped: SAMREHAB_REPLICA_TEST_PRIMARY_URL, _STANDBY_URL and _STANDBY_CTL are not set; .ci/replica.sh builds both servers and sets them)',
  () => {
    /** The server with the replica (a lag bound it never reaches), and one on the primary alone, for the primary's answers. */
    let app: TestApp;
    let primaryOnly: TestApp;
    let primary: Client;
    let planner: string;
    let moraStaff: string;
    let standbyStopped = false;
    const roles = (overrides: NodeJS.ProcessEnv = {}) =>
      startTestApp({ DATABASE_URL: urlAs(PRIMARY!, 'samrehab_app'), DATABASE_MIGRATION_URL: urlAs(PRIMARY!, 'samrehab_owner'), DATABASE_POOL_SIZE: '4', ...overrides });
    const withReplica = (overrides: NodeJS.ProcessEnv = {}) => roles({ DATABASE_READ_URL: urlAs(STANDBY!, 'samrehab_app'), DATABASE_READ_CHECK_MS: '100', ...overrides });

    /** One statement on the standby, as its superuser, on a connection of its own (the standby is stopped and started). */
    async function onStandby(sql: string, values: unknown[] = []): Promise<any[]> {
      const client = await connect(STANDBY!);
      try {
        return (await client.query(sql, values)).rows;
      } finally {
        await client.end();
      }
    }

    /** Waits until the standby has replayed everything the primary has written so far. */
    async function replicated(): Promise<void> {
      const [{ lsn }] = (await primary.query('SELECT pg_current_wal_lsn()::text AS lsn')).rows;
      const deadline = Date.now() + 60_000;
      while (!(await onStandby('SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS done', [lsn]))[0].done) {
        if (Date.now() > deadline) throw new Error('the standby did not catch up');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }

    async function pauseReplay(): Promise<void> {
      await onStandby('SELECT pg_wal_replay_pause()');
      while ((await onStandby('SELECT pg_get_wal_replay_pause_state() AS state'))[0].state !== 'paused') await new Promise((resolve) => setTimeout(resolve, 20));
    }

    const connect = async (url: string) => {
      const client = new Client({ connectionString: url });
      // A server going away is reported on the query that was running; the event must not go unheard.
      client.on('error', () => undefined);
      await client.connect();
      return client;
    };

    beforeAll(async () => {
      primary = await connect(PRIMARY!);
      primaryOnly = await roles();
      app = await withReplica({ DATABASE_READ_MAX_LAG_MS: '600000' });
      planner = await app.token('20', Role.PLANNER);
      moraStaff = await app.token('2062', Role.CARE_STAFF);
      // Five plans at least, so that the region's figure is shown, not suppressed.
      for (let i = 0; i < 5; i++) await startPlan(app, moraStaff);
    }, 120_000);

    afterAll(async () => {
      if (standbyStopped) execFileSync(STANDBY_CTL!, ['start']);
      await onStandby('SELECT pg_wal_replay_resume()').catch(() => undefined);
      await app?.stop();
      await primaryOnly?.stop();
      await primary?.end();
    });

    it("answers a planner's report from the standby, as the primary does once the data has replicated", async () => {
      await replicated();
      expect((await readsBecome(app, 'replica')).status).toBe('ready');
      const onReplica = app.readReplica!.statements.total;
      const answer = await started(app, planner);
      expect(app.readReplica!.statements.total).toBeGreaterThan(onReplica);
      expect(answer).toBeGreaterThanOrEqual(5);
      expect(answer).toBe(await started(primaryOnly, planner));
      // The replica's sessions are the standby's, under their own name.
      const [sessions] = await onStandby(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'samrehab-replica' AND usename = 'samrehab_app'`);
      expect(sessions.n).toBeGreaterThan(0);
    }, 120_000);

    it("runs every planner's aggregate on the standby, with the primary's answers", async () => {
      const quarter = `${new Date().getUTCFullYear()}-Q${Math.floor(new Date().getUTCMonth() / 3) + 1}`;
      const reports: [string, Record<string, unknown>][] = [
        [`query($period: PeriodInput!) { handoffDeadlineReport(regionCode: "20", period: $period) { total { sex discharges { display } liabilityDays { display } } } }`, { period: PERIOD }],
        [`query($period: PeriodInput!) { rehabPlanStatistics(regionCode: "20", period: $period) { region { commitments { total { display } } reportsDue { total { display } } } } }`, { period: PERIOD }],
        [`query($quarter: String!) { programmeReport(regionCode: "20", programme: "REHABILITERINGSGARANTIN", quarter: $quarter) { total { treatments { total { display } } } } }`, { quarter }],
        [STATS, { period: PERIOD }],
      ];
      await replicated();
      await readsBecome(app, 'replica');
      for (const [query, variables] of reports) {
        const onReplica = app.readReplica!.statements.total;
        const answer = await app.gql(query, variables, planner);
        expect(answer.errors).toBeUndefined();
        expect(app.readReplica!.statements.total).toBeGreaterThan(onReplica);
        expect(answer.data).toEqual((await primaryOnly.gql(query, variables, planner)).data);
      }
    }, 120_000);

    it('shows others what the standby has replayed, and a viewer who wrote their own writes, from the primary', async () => {
      await replicated();
      await readsBecome(app, 'replica');
      const before = await started(app, planner);
      await pauseReplay();
      try {
        // A care worker who is also a planner starts a plan: the standby does not replay it.
        const writer = await app.token('2062', Role.CARE_STAFF, Role.PLANNER);
        await startPlan(app, writer);
        expect(await started(primaryOnly, planner)).toBe(before + 1);
        // Served by the paused standby: the plan is not there yet.
        expect(await started(app, planner)).toBe(before);
        // The writer reads their own write back, from the primary.
        expect(await started(app, writer)).toBe(before + 1);
        // Within one unit of work that wrote, the reads go to the primary; another one's to the standby.
        const [region] = await primary.query(`SELECT id, time_zone AS "timeZone" FROM region WHERE id = (SELECT region_id FROM organisation WHERE id = $1)`, [DALARNA]).then((r) => r.rows);
        const count = async (wrote: boolean) => {
          const access = await app.accessAs('20', Role.PLANNER);
          if (wrote) access.scope.reads.writes();
          return (await access.sips.statisticsRows(region.id, region.timeZone, PERIOD.from, PERIOD.to)).length;
        };
        expect(await count(true)).toBe((await count(false)) + 1);
      } finally {
        await onStandby('SELECT pg_wal_replay_resume()');
      }
      await replicated();
      expect(await started(app, planner)).toBe(before + 1);
    }, 120_000);

    it("sends a writer's reports to the primary on every instance, from the primary's record of who wrote, and other viewers' to the standby", async () => {
      // A second instance on the same primary and standby, as behind a load balancer.
      const other = await withReplica({ DATABASE_READ_MAX_LAG_MS: '600000' });
      try {
        await replicated();
        await readsBecome(app, 'replica');
        await readsBecome(other, 'replica');
        await primary.query('DELETE FROM recent_writer');
        const writer = await app.token('2062', Role.PLANNER, Role.CARE_STAFF);
        /** `token`'s figure through `on`, and whether the standby answered it. */
        const report = async (on: TestApp, token: string) => {
          const onReplica = on.readReplica!.statements.total;
          const value = await started(on, token);
          return { value, standby: on.readReplica!.statements.total > onReplica };
        };
        const before = await report(other, writer);
        expect(before.standby).toBe(true);
        await pauseReplay();
        try {
          // The write goes through this instance; the paused standby does not replay it.
          await startPlan(app, writer);
          expect(await started(primaryOnly, planner)).toBe(before.value + 1);
          // The other instance never saw the write, and reads the writer's report from the primary all the same.
          expect(await report(other, writer)).toEqual({ value: before.value + 1, standby: false });
          // Another viewer's report there still comes from the standby, which lacks the plan.
          expect(await report(other, planner)).toEqual({ value: before.value, standby: true });
          // The record is the only memory: once it is older than the window, no instance remembers the write, not even the one that served it.
          await primary.query(`UPDATE recent_writer SET wrote_at = now() - interval '1 hour'`);
          expect(await report(app, writer)).toEqual({ value: before.value, standby: true });
          expect(await report(other, writer)).toEqual({ value: before.value, standby: true });
        } finally {
          await onStandby('SELECT pg_wal_replay_resume()');
        }
        await replicated();
        expect(await report(other, writer)).toEqual({ value: before.value + 1, standby: true });
      } finally {
        await other.stop();
      }
    }, 120_000);

    it('answers from the primary while the standby is stopped, says so on /readyz, and goes back to it once it is up', async () => {
      await replicated();
      await readsBecome(app, 'replica');
      execFileSync(STANDBY_CTL!, ['stop']);
      standbyStopped = true;
      await startPlan(app, moraStaff);
      const expected = await started(primaryOnly, planner);
      expect(await started(app, planner)).toBe(expected);
      expect(await readsBecome(app, 'primary (replica down)')).toEqual({ status: 'ready', reads: 'primary (replica down)' });
      expect((await readyz(app)).status).toBe(200);
      expect(await started(app, planner)).toBe(expected);
      expect(app.replicaStatus()).toMatchObject({ state: 'primary-fallback', reason: 'down' });

      execFileSync(STANDBY_CTL!, ['start']);
      standbyStopped = false;
      await replicated();
      await readsBecome(app, 'replica');
      const afterRestart = app.readReplica!.statements.total;
      expect(await started(app, planner)).toBe(expected);
      expect(app.readReplica!.statements.total).toBeGreaterThan(afterRestart);
    }, 120_000);

    it('answers from the primary while the standby lags beyond DATABASE_READ_MAX_LAG_MS, and from the standby once it has caught up', async () => {
      const strict = await withReplica({ DATABASE_READ_MAX_LAG_MS: '50' });
      try {
        await replicated();
        await readsBecome(strict, 'replica');
        const before = await started(strict, planner);
        await pauseReplay();
        try {
          await startPlan(app, moraStaff);
          const body = await readsBecome(strict, /^primary \(replica lagging /);
          expect(body.status).toBe('ready');
          expect(strict.replicaStatus()).toMatchObject({ state: 'primary-fallback', reason: 'lagging' });
          expect(strict.replicaStatus().lagMs).toBeGreaterThan(50);
          // The paused standby lacks the plan: this answer is the primary's.
          expect(await started(strict, planner)).toBe(before + 1);
        } finally {
          await onStandby('SELECT pg_wal_replay_resume()');
        }
        await replicated();
        await readsBecome(strict, 'replica');
        const onReplica = strict.readReplica!.statements.total;
        expect(await started(strict, planner)).toBe(before + 1);
        expect(strict.readReplica!.statements.total).toBeGreaterThan(onReplica);
      } finally {
        await strict.stop();
      }
    }, 120_000);
  },
);
