import { Role } from '../../domain/enums';
import type { DatedParameter } from '../../domain/rule-parameters';
import { seededCareUnitId } from '../../entities/seed/seed';
import { recomputeSummariesFrom } from '../../server/access/discharge-summary.sql';
import { testPersonnummer } from '../support/personnummer';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The planners' report reads one summary per discharge (handoff_discharge_summary). The hand-off's
 * writes keep it in their transaction; a change to the discharge parameters is picked up by
 * recomputeSummariesFrom (the step a parameter change runs) or, without it, by the report itself.
 * And the report costs the same statements whatever the number of discharges, unless it has
 * summaries to recompute. In May 2022, which no other suite reports on.
 */
const SOURCE = 'test:discharge-summaries';
const MORA_LASARETT = seededCareUnitId('20', 'mora-lasarett');
const PERIOD = { from: '2022-05-01', to: '2022-05-31' };
const REPORT = `query($period: PeriodInput!) { handoffDeadlineReport(regionCode: "20", period: $period) {
  total { discharges { value } admissionNoticesDue { value } admissionNoticesOnTime { value } liabilityDays { value } liabilityAmount } } }`;
/**
 * The report's statements with every summary fresh, on both backends: the figures (one statement
 * beside its set_config) and the reference reads around them (region, parameters, names).
 */
const REPORT_STATEMENTS = 7;
const SEND = `mutation($input: HandoffMessageSendInput!) { handoffMessageSend(input: $input) { handoff { id version } } }`;

describe('discharge summaries for the planners\' report', () => {
  let app: TestApp;
  let planner: string;
  let region: { id: string; timeZone: string };
  let handoff: { id: string; version: number };

  const parameters = async (): Promise<DatedParameter[]> =>
    app.dataSource.query(`SELECT key, region_id AS "regionId", value, valid_from::text AS "validFrom", valid_to::text AS "validTo" FROM rule_parameter WHERE region_id = $1 OR region_id IS NULL`, [
      region.id,
    ]);
  const setParameter = (key: string, value: unknown) =>
    app.dataSource.query(`INSERT INTO rule_parameter (region_id, key, value, valid_from, valid_to, source) VALUES ($1, $2, $3::jsonb, '2022-05-01', '2022-12-31', $4)`, [
      region.id,
      key,
      JSON.stringify(value),
      SOURCE,
    ]);
  const summary = async () =>
    (await app.dataSource.query(`SELECT handoff_version AS version, stale, parameters_key AS key, daily_amount::float8 AS amount FROM handoff_discharge_summary WHERE handoff_id = $1`, [handoff.id]))[0];
  const report = async () => {
    let res: any;
    const statements = await app.countStatements(async () => (res = await app.gql(REPORT, { period: PERIOD }, planner)));
    expect(res.errors).toBeUndefined();
    return { total: res.data.handoffDeadlineReport.total[0], statements };
  };

  beforeAll(async () => {
    app = await startTestApp();
    planner = await app.token('20', Role.PLANNER);
    [region] = await app.dataSource.query(`SELECT id, time_zone AS "timeZone" FROM region WHERE code = '20'`);
    await app.dataSource.query(`DELETE FROM rule_parameter WHERE source = $1`, [SOURCE]);
    // Every count shown: one discharge is the whole report.
    await setParameter('statistics.smallCellThreshold', 1);
    const ward = await app.unitToken('20', MORA_LASARETT, Role.CARE_STAFF);
    app.setNow('2022-05-02T12:00:00+02:00');
    const patient = await app.gql(`mutation($p: String!) { patientCreate(input: { personnummer: $p, homeMunicipalityCode: "2062" }) { patient { id } } }`, { p: testPersonnummer('19410512') }, ward);
    const created = await app.gql(
      `mutation($input: HandoffCreateInput!) { handoffCreate(input: $input) { handoff { id version } } }`,
      { input: { patientId: patient.data.patientCreate.patient.id, kind: 'DISCHARGE_FROM_INPATIENT', sendingCareUnitId: MORA_LASARETT, admittedAt: '2022-05-02T08:00:00+02:00' } },
      ward,
    );
    expect(created.errors).toBeUndefined();
    handoff = created.data.handoffCreate.handoff;
    for (const [at, kind] of [['2022-05-03T10:00:00+02:00', 'DISCHARGE_READY_NOTICE'], ['2022-05-10T10:00:00+02:00', 'DISCHARGE_NOTICE']]) {
      app.setNow(at);
      const sent = await app.gql(SEND, { input: { handoffId: handoff.id, version: handoff.version, kind } }, ward);
      expect(sent.errors).toBeUndefined();
      handoff = sent.data.handoffMessageSend.handoff;
    }
    app.setNow('2022-06-15T12:00:00+02:00');
  });

  afterAll(async () => {
    app.setNow(null);
    await app.dataSource.query(`DELETE FROM rule_parameter WHERE source = $1`, [SOURCE]);
    await app.stop();
  });

  it("is written by the hand-off's writes, at the version they leave, with the parameters they used", async () => {
    expect(await summary()).toEqual({ version: handoff.version, stale: false, key: '[24,3,3,"CALENDAR",12000,null]', amount: 12000 });
  });

  it('gives the report its figures, in as many statements each time', async () => {
    const first = await report();
    // Ready Tuesday 3 May, both notices there: 4, 5, 6 May pass, liable from Saturday 7 May to the discharge on Tuesday 10 May.
    expect(first.total).toEqual({ discharges: { value: 1 }, admissionNoticesDue: { value: 1 }, admissionNoticesOnTime: { value: 1 }, liabilityDays: { value: 4 }, liabilityAmount: 48000 });
    expect(first.statements).toBe(REPORT_STATEMENTS);
    expect((await report()).statements).toBe(REPORT_STATEMENTS);
  });

  it('is recomputed for a parameter change by recomputeSummariesFrom, so the next report recomputes nothing', async () => {
    const before = await report();
    await setParameter('discharge.dailyAmount', 15000);
    expect(await recomputeSummariesFrom(app.dataSource, region, await parameters(), '2022-05-01')).toBeGreaterThanOrEqual(1);
    expect(await summary()).toEqual({ version: handoff.version, stale: false, key: '[24,3,3,"CALENDAR",15000,null]', amount: 15000 });
    const after = await report();
    expect(after.total.liabilityAmount).toBe(60000);
    expect(after.statements).toBe(before.statements);
  });

  it('is recomputed by the report itself when a parameter changed without it, once', async () => {
    const steady = await report();
    await app.dataSource.query(`UPDATE rule_parameter SET value = '16000' WHERE source = $1 AND key = 'discharge.dailyAmount'`, [SOURCE]);
    const recomputing = await report();
    expect(recomputing.total.liabilityAmount).toBe(64000);
    // The summaries found stale, loaded (hand-offs, messages), written, and the figures asked again.
    expect(recomputing.statements).toBe(steady.statements + 5);
    expect(await summary()).toMatchObject({ key: '[24,3,3,"CALENDAR",16000,null]', amount: 16000 });
    expect(await report()).toEqual({ total: recomputing.total, statements: steady.statements });
  });

  it('is marked stale by a message written by other means than the app, and recomputed by the next report', async () => {
    const steady = await report();
    // A readiness interruption on Sunday 8 May, entered by SQL (an import): liability ends that day.
    await app.dataSource.query(
      `INSERT INTO handoff_message (id, handoff_id, region_id, kind, sender_organisation_id, sender_user_id, sent_at, occurred_at)
       SELECT gen_random_uuid(), h.id, h.region_id, 'READINESS_INTERRUPTED', h.sending_organisation_id, 'import', '2022-05-08T10:00:00+02:00', '2022-05-08T10:00:00+02:00'
       FROM handoff h WHERE h.id = $1`,
      [handoff.id],
    );
    expect(await summary()).toMatchObject({ stale: true });
    const recomputing = await report();
    expect(recomputing.total.liabilityDays).toEqual({ value: 2 });
    expect(recomputing.statements).toBe(steady.statements + 5);
    expect(await summary()).toMatchObject({ stale: false });
    expect((await report()).statements).toBe(steady.statements);
  });
});
