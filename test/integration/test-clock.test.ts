import { Role } from '../../domain/enums';
import { seededCareUnitId, seededOrganisationId } from '../../entities/seed/seed';
import { testPersonnummer } from '../support/personnummer';
import { codes, startTestApp, TestApp } from '../support/test-app';

/**
 * A partner's deadline tests on a deployment started with CLOCK=controlled, through the API alone:
 * a TENANT_ADMIN sets Region Dalarna's rule parameters from future dates and moves the clock
 * forward through them. The clock only moves forward from the real time, so the suite lives in 2088
 * (Easter: Maundy Thursday 8 April), far from other suites' dates; Stockholm time is +01:00 until
 * 28 March 2088, +02:00 after.
 */
const MORA = seededOrganisationId('2062')!;
const FALU_LASARETT = seededCareUnitId('20', 'falu-lasarett');
const VC_MORA = seededCareUnitId('20', 'vc-mora');

const CLOCK = `{ testClock { now controlled } }`;
const ADVANCE = `mutation($to: DateTimeISO!) { testClockAdvance(to: $to) { clock { now controlled } } }`;
const SET = `mutation($input: RuleParameterSetInput!) { ruleParameterSet(input: $input) { ruleParameter { key value validFrom validTo origin setByUserId setAt } } }`;
const IN_FORCE = `query($onDate: LocalDate!) { ruleParameters(regionCode: "20", onDate: $onDate) { key value validFrom validTo origin } }`;
const HISTORY = `query($key: String!) { ruleParameterHistory(regionCode: "20", key: $key, first: 10) { edges { node { value validFrom validTo origin setByUserId setAt } } } }`;
const HANDOFF_FIELDS = `id version state deadlines { dailyAmount dischargeReadyPeriods { sipCallOut { status due dueDate metAt } } }`;
const CREATE = `mutation($input: HandoffCreateInput!) { handoffCreate(input: $input) { handoff { ${HANDOFF_FIELDS} } } }`;
const SEND = `mutation($input: HandoffMessageSendInput!) { handoffMessageSend(input: $input) { handoff { ${HANDOFF_FIELDS} } } }`;
const GET = `query($id: ID!) { handoff(id: $id) { ${HANDOFF_FIELDS} } }`;
/** The clock runs on from where it was moved: a call-out sent then is stamped a moment after 15:00. */
const RAN_ON_FROM_15 = /^2088-04-13T13:0\d:\d\d\.\d{3}Z$/;
const CONSENT = `mutation($input: ConsentRecordInput!) { consentRecord(input: $input) { consent { id status validTo } } }`;

describe('a controlled clock (CLOCK=controlled)', () => {
  let app: TestApp;
  let admin: string; // Region Dalarna's TENANT_ADMIN
  let ward: string; // care staff at Falu lasarett
  let careStaff: string; // Mora kommun's care staff
  const clockRow = async () => (await app.dataSource.query(`SELECT offset_ms::text AS "offsetMs", advanced_to AS "advancedTo" FROM controlled_clock`))[0];

  const ok = async (query: string, variables: Record<string, unknown>, token: string) => {
    const res = await app.gql(query, variables, token);
    expect(res.errors).toBeUndefined();
    return res.data;
  };
  const advance = (to: string) => ok(ADVANCE, { to }, admin);
  const patient = async () =>
    (
      await ok(
        `mutation($p: String!, $vc: ID) { patientCreate(input: { personnummer: $p, homeMunicipalityCode: "2062", listedCareUnitId: $vc }) { patient { id } } }`,
        { p: testPersonnummer('19270315'), vc: VC_MORA },
        ward,
      )
    ).patientCreate.patient.id as string;
  const admit = async (patientId: string, admittedAt: string) =>
    (await ok(CREATE, { input: { patientId, kind: 'DISCHARGE_FROM_INPATIENT', sendingCareUnitId: FALU_LASARETT, admittedAt } }, ward)).handoffCreate.handoff;
  const send = (handoff: { id: string; version: number }, kind: string, extra: Record<string, unknown> = {}) =>
    app.gql(SEND, { input: { handoffId: handoff.id, version: handoff.version, kind, ...extra } }, ward);
  const sipConsent = (patientId: string, validTo: string) =>
    app.gql(CONSENT, { input: { patientId, recipientOrganisationId: MORA, categories: ['CARE_AND_REHAB_PLAN', 'FUNCTIONAL_ABILITY'], purpose: 'SIP', validTo } }, ward);

  beforeAll(async () => {
    app = await startTestApp({ CLOCK: 'controlled' });
    admin = await app.token('20', Role.TENANT_ADMIN);
    ward = await app.unitToken('20', FALU_LASARETT, Role.CARE_STAFF);
    careStaff = await app.token('2062', Role.CARE_STAFF);
  });
  afterAll(() => app.stop());

  it('starts at the real time and says it is controlled, to any viewer', async () => {
    const before = Date.now();
    const { testClock } = await ok(CLOCK, {}, careStaff);
    expect(testClock.controlled).toBe(true);
    expect(Date.parse(testClock.now)).toBeGreaterThanOrEqual(before);
  });

  it('refuses to move backwards (BAD_USER_INPUT on `to`) and stores nothing', async () => {
    const stored = await clockRow();
    const res = await app.gql(ADVANCE, { to: new Date(Date.now() - 86400_000).toISOString() }, admin);
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].extensions?.field).toBe('to');
    expect(await clockRow()).toEqual(stored);
  });

  it('is moved by a TENANT_ADMIN only', async () => {
    const res = await app.gql(ADVANCE, { to: '2088-01-01T00:00:00Z' }, careStaff);
    expect(codes(res)).toEqual(['FORBIDDEN']);
  });

  describe('Region Dalarna raises its daily amount from 10 January 2088: never retroactive', () => {
    let before: any;
    let after: any;

    beforeAll(async () => {
      await ok(SET, { input: { regionCode: '20', key: 'discharge.dailyAmount', value: '15000', validFrom: '2088-01-10' } }, admin);
      await advance('2088-01-08T10:00:00+01:00');
      before = await admit(await patient(), '2088-01-08T08:00:00+01:00');
      await advance('2088-01-12T10:00:00+01:00');
      after = await admit(await patient(), '2088-01-12T08:00:00+01:00');
    });

    it('keeps the old amount for a hand-off admitted before the new value starts, and the new one for one admitted after', async () => {
      expect(before.deadlines.dailyAmount).toBe(12000);
      expect(after.deadlines.dailyAmount).toBe(15000);
      expect((await ok(GET, { id: before.id }, ward)).handoff.deadlines.dailyAmount).toBe(12000);
    });

    it('lists the value in force on each day, and both values in the history with who set the new one', async () => {
      const amountOn = async (onDate: string) => (await ok(IN_FORCE, { onDate }, careStaff)).ruleParameters.find((p: any) => p.key === 'discharge.dailyAmount');
      expect(await amountOn('2088-01-09')).toEqual({ key: 'discharge.dailyAmount', value: '12000', validFrom: '2000-01-01', validTo: '2088-01-09', origin: 'REGION' });
      expect(await amountOn('2088-01-10')).toEqual({ key: 'discharge.dailyAmount', value: '15000', validFrom: '2088-01-10', validTo: null, origin: 'REGION' });
      const history = (await ok(HISTORY, { key: 'discharge.dailyAmount' }, careStaff)).ruleParameterHistory.edges.map((e: any) => e.node);
      expect(history).toEqual([
        // Set before the clock moved: at the real time.
        { value: '15000', validFrom: '2088-01-10', validTo: null, origin: 'REGION', setByUserId: 'test-tenant_admin', setAt: expect.not.stringMatching(/^2088-/) },
        { value: '12000', validFrom: '2000-01-01', validTo: '2088-01-09', origin: 'REGION', setByUserId: null, setAt: null },
      ]);
    });

    it("refuses a value that would start before the region's today, now that the clock has moved", async () => {
      const res = await app.gql(SET, { input: { regionCode: '20', key: 'discharge.dailyAmount', value: '16000', validFrom: '2088-01-11' } }, admin);
      expect(codes(res)).toEqual(['BAD_USER_INPUT']);
      expect(res.errors![0].extensions?.field).toBe('validFrom');
    });
  });

  describe('Easter 2088: discharge-ready on Maundy Thursday, with and without the 14:00 rule', () => {
    // Without the rule: admitted 5 April. With it: Dalarna turns it on from 6 April, admitted that day.
    let without: any;
    let withCutoff: any;
    let withoutPatient: string;

    beforeAll(async () => {
      await ok(SET, { input: { regionCode: '20', key: 'discharge.lateSendCutoff', value: '14:00', validFrom: '2088-04-06' } }, admin);
      withoutPatient = await patient();
      // The SIP consent for the case without the rule runs out on 1 April, before the call-out.
      expect((await sipConsent(withoutPatient, '2088-04-01')).errors).toBeUndefined();
      const withPatient = await patient();
      expect((await sipConsent(withPatient, '2088-06-30')).errors).toBeUndefined();
      await advance('2088-04-05T10:00:00+02:00');
      without = await admit(withoutPatient, '2088-04-05T08:00:00+02:00');
      await advance('2088-04-06T10:00:00+02:00');
      withCutoff = await admit(withPatient, '2088-04-06T08:00:00+02:00');
      // Maundy Thursday, 15:00: both are discharge-ready.
      await advance('2088-04-08T15:00:00+02:00');
      for (const h of [without, withCutoff]) {
        const res = await send(h, 'DISCHARGE_READY_NOTICE');
        expect(res.errors).toBeUndefined();
        Object.assign(h, res.data.handoffMessageSend.handoff);
      }
    });

    it('runs the 3-day call-out period over Good Friday, Easter Sunday and Easter Monday to Tuesday 13 April', () => {
      // Thursday + 3 days is Easter Sunday; Easter Monday is a holiday too: due Tuesday.
      expect(without.deadlines.dischargeReadyPeriods[0].sipCallOut).toEqual({ status: 'PENDING', dueDate: '2088-04-13', due: '2088-04-13T21:59:59.999Z', metAt: null });
      // With the 14:00 rule, a call-out is in time until 14:00 that Tuesday.
      expect(withCutoff.deadlines.dischargeReadyPeriods[0].sipCallOut).toEqual({ status: 'PENDING', dueDate: '2088-04-13', due: '2088-04-13T12:00:00.000Z', metAt: null });
    });

    it('refuses the call-out once the SIP consent has expired on the clock, and allows it on a new consent: in time without the 14:00 rule', async () => {
      await advance('2088-04-13T15:00:00+02:00');
      const meeting = { senderCareUnitId: VC_MORA, content: { meetingAt: '2088-04-15T10:00:00+02:00', meetingPlace: 'video' } };
      const refused = await send(without, 'SIP_CALL_OUT', meeting);
      expect(codes(refused)).toEqual(['FORBIDDEN']);
      expect(refused.errors![0].message).toContain('Mora kommun');
      expect((await sipConsent(withoutPatient, '2088-06-30')).errors).toBeUndefined();
      const called = await send(without, 'SIP_CALL_OUT', meeting);
      expect(called.errors).toBeUndefined();
      expect(called.data.handoffMessageSend.handoff.deadlines.dischargeReadyPeriods[0].sipCallOut).toMatchObject({ status: 'MET', metAt: expect.stringMatching(RAN_ON_FROM_15) });
    });

    it('counts the same 15:00 call-out as sent on Wednesday under the 14:00 rule: missed', async () => {
      const meeting = { senderCareUnitId: VC_MORA, content: { meetingAt: '2088-04-15T10:00:00+02:00', meetingPlace: 'video' } };
      const called = await send(withCutoff, 'SIP_CALL_OUT', meeting);
      expect(called.errors).toBeUndefined();
      expect(called.data.handoffMessageSend.handoff.deadlines.dischargeReadyPeriods[0].sipCallOut).toMatchObject({ status: 'MISSED', metAt: expect.stringMatching(RAN_ON_FROM_15) });
    });
  });

  it('keeps its time over a restart', async () => {
    const { testClock } = await ok(CLOCK, {}, careStaff);
    await app.stop();
    app = await startTestApp({ CLOCK: 'controlled' });
    const restarted = (await ok(CLOCK, {}, careStaff)).testClock;
    expect(restarted.controlled).toBe(true);
    expect(Date.parse(restarted.now)).toBeGreaterThanOrEqual(Date.parse(testClock.now));
    expect(restarted.now.slice(0, 10)).toBe('2088-04-13');
  });
});
