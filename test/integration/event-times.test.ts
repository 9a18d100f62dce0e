import { Role } from '../../domain/enums';
import { localDateOf } from '../../domain/local-date';
import { seededCareUnitId, seededOrganisationId } from '../../entities/seed/seed';
import { testPersonnummer } from '../support/personnummer';
import { codes, startTestApp, TestApp } from '../support/test-app';

/**
 * Event times through the API alone (issue 15): a message that reports something that happened
 * carries when it happened (`occurredAt`) beside when it was recorded, and the liability counts
 * from the event. The suite runs on a controlled clock (CLOCK=controlled), moved forward with
 * testClockAdvance from wherever it stands when the suite starts, so that days pass between the
 * steps of a discharge; every date is relative to that start. Instants are Stockholm time.
 */
const TZ = 'Europe/Stockholm';
const DALARNA = seededOrganisationId('20')!;
const MORA = seededOrganisationId('2062')!;
const FALU_LASARETT = seededCareUnitId('20', 'falu-lasarett');
const MORA_LASARETT = seededCareUnitId('20', 'mora-lasarett');
const LUDVIKA_LASARETT = seededCareUnitId('20', 'ludvika-lasarett');
const VC_MORA = seededCareUnitId('20', 'vc-mora');
const DAY_MS = 24 * 60 * 60 * 1000;

const CLOCK = `{ testClock { now controlled } }`;
const ADVANCE = `mutation($to: DateTimeISO!) { testClockAdvance(to: $to) { clock { now } } }`;
const PARAMETERS = `query($onDate: LocalDate!) { ruleParameters(regionCode: "20", onDate: $onDate) { key value } }`;
const HANDOFF_FIELDS = `id version state
  messages { id kind sentAt recordedAt occurredAt }
  deadlines { liabilityDays liabilityAmount dischargeReadyPeriods { startedAt endedAt endedBy liableFromDate liabilityDays liabilityAmount } }`;
const CREATE = `mutation($input: HandoffCreateInput!) { handoffCreate(input: $input) { handoff { ${HANDOFF_FIELDS} } } }`;
const SEND = `mutation($input: HandoffMessageSendInput!) { handoffMessageSend(input: $input) { handoff { ${HANDOFF_FIELDS} } } }`;
const GET = `query($id: ID!) { handoff(id: $id) { ${HANDOFF_FIELDS} } }`;
const REPORT = `query($period: PeriodInput!) { handoffDeadlineReport(regionCode: "20", period: $period) {
  total { discharges { value } liabilityDays { value } liabilityAmount }
  byHospital { hospital { id } cells { discharges { value } liabilityDays { value } liabilityAmount } } } }`;
const CONSENT = `mutation($input: ConsentRecordInput!) { consentRecord(input: $input) { consent { id givenAt recordedAt } } }`;
const SIP_FIELDS = `id status version participants { id kind organisation { id } } meetings { id heldAt recordedAt }
  followUps { dueDate doneAt recordedAt occurredAt kvaCode { code } } activationProblems { item message }`;
const sipMutation = (name: string, input: string, extra = '') => `mutation($input: ${input}!) { ${name}(input: $input) { sip { ${SIP_FIELDS} } ${extra} } }`;

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** The instant of a Stockholm wall-clock time on a date (+01:00 in winter, +02:00 in summer). */
function stockholm(date: string, time: string): Date {
  for (const offset of ['+01:00', '+02:00']) {
    const instant = new Date(`${date}T${time}:00${offset}`);
    const local = instant.toLocaleTimeString('en-GB', { timeZone: TZ, hourCycle: 'h23', hour: '2-digit', minute: '2-digit' });
    if (localDateOf(instant, TZ) === date && local === time) return instant;
  }
  throw new Error(`no instant ${date} ${time} in ${TZ}`);
}
const iso = (date: string, time: string) => stockholm(date, time).toISOString();

describe('event times: when something happened, beside when it was recorded', () => {
  let app: TestApp;
  let admin: string;
  let planner: string;
  let moraStaff: string;
  const wards: Record<string, string> = {};
  /** The suite's first day: two days after the clock's local date when the suite starts (nobody else's admissions). */
  let d0: string;
  const day = (n: number) => addDays(d0, n);

  const ok = async (query: string, variables: Record<string, unknown>, token: string) => {
    const res = await app.gql(query, variables, token);
    expect(res.errors).toBeUndefined();
    return res.data;
  };
  const advance = (date: string, time: string) => ok(ADVANCE, { to: iso(date, time) }, admin);
  const patient = async (ward: string) =>
    (
      await ok(
        `mutation($p: String!, $vc: ID) { patientCreate(input: { personnummer: $p, homeMunicipalityCode: "2062", listedCareUnitId: $vc }) { patient { id } } }`,
        { p: testPersonnummer('19380607', 'FEMALE'), vc: VC_MORA },
        ward,
      )
    ).patientCreate.patient.id as string;
  /** A discharge from `unit` admitted at `admittedAt`, its admission notice sent now. */
  const admit = async (unit: string, admittedAt: string) =>
    (await ok(CREATE, { input: { patientId: await patient(wards[unit]), kind: 'DISCHARGE_FROM_INPATIENT', sendingCareUnitId: unit, admittedAt } }, wards[unit])).handoffCreate.handoff;
  const send = (unit: string, handoff: { id: string; version: number }, kind: string, extra: Record<string, unknown> = {}) =>
    app.gql(SEND, { input: { handoffId: handoff.id, version: handoff.version, kind, ...extra } }, wards[unit]);
  const sent = async (unit: string, handoff: { id: string; version: number }, kind: string, extra: Record<string, unknown> = {}) => {
    const res = await send(unit, handoff, kind, extra);
    expect(res.errors).toBeUndefined();
    return res.data.handoffMessageSend.handoff;
  };
  const parameter = async (key: string, onDate: string) => (await ok(PARAMETERS, { onDate }, planner)).ruleParameters.find((p: any) => p.key === key)?.value as string;

  beforeAll(async () => {
    app = await startTestApp({ CLOCK: 'controlled' });
    admin = await app.token('20', Role.TENANT_ADMIN);
    planner = await app.token('20', Role.PLANNER);
    moraStaff = await app.token('2062', Role.CARE_STAFF);
    for (const unit of [FALU_LASARETT, MORA_LASARETT, LUDVIKA_LASARETT]) wards[unit] = await app.unitToken('20', unit, Role.CARE_STAFF);
    const { testClock } = await ok(CLOCK, {}, admin);
    expect(testClock.controlled).toBe(true);
    d0 = addDays(localDateOf(new Date(testClock.now), TZ), 2);
  });
  afterAll(() => app.stop());

  describe('one more day in hospital: discharges reported after the fact', () => {
    // Five discharges from Falu lasarett and five from Mora lasarett, otherwise identical: admitted
    // on day 0 at 08:00, admission and discharge-ready notices given on day 0 at 10:00; all
    // discharge notices recorded on day 9 at 16:00, reporting that the patients left at 11:00 on
    // day 7 (Falu) or day 8 (Mora).
    const falu: any[] = [];
    const mora: any[] = [];
    let dailyAmount: number;

    beforeAll(async () => {
      dailyAmount = Number(await parameter('discharge.dailyAmount', d0));
      await advance(d0, '10:00');
      for (const [unit, list] of [[FALU_LASARETT, falu], [MORA_LASARETT, mora]] as const) {
        for (let i = 0; i < 5; i++) list.push(await sent(unit, await admit(unit, iso(d0, '08:00')), 'DISCHARGE_READY_NOTICE'));
      }
      await advance(day(9), '16:00');
      for (const [unit, list, left] of [[FALU_LASARETT, falu, day(7)], [MORA_LASARETT, mora, day(8)]] as const) {
        for (let i = 0; i < list.length; i++) list[i] = await sent(unit, list[i], 'DISCHARGE_NOTICE', { occurredAt: iso(left, '11:00') });
      }
    });

    it('gives exactly one more liability day and one more daily amount to the discharge a day later', () => {
      const [early, late] = [falu[0].deadlines, mora[0].deadlines];
      expect(early.liabilityDays).toBeGreaterThan(0);
      expect(late.liabilityDays - early.liabilityDays).toBe(1);
      expect(late.liabilityAmount - early.liabilityAmount).toBe(dailyAmount);
      expect(dailyAmount).toBeGreaterThan(0);
      // The discharges of one hospital are alike.
      const liability = ({ liabilityDays, liabilityAmount }: any) => ({ liabilityDays, liabilityAmount });
      for (const h of falu) expect(liability(h.deadlines)).toEqual(liability(early));
      for (const h of mora) expect(liability(h.deadlines)).toEqual(liability(late));
    });

    it('bills a discharge recorded at 16:00 that happened at 11:00 by 11:00, and its message shows both times', async () => {
      const handoff = (await ok(GET, { id: falu[0].id }, wards[FALU_LASARETT])).handoff;
      const notice = handoff.messages.find((m: any) => m.kind === 'DISCHARGE_NOTICE');
      expect(notice.occurredAt).toBe(iso(day(7), '11:00'));
      // The clock runs on from 16:00: recorded a moment after it.
      expect(Date.parse(notice.recordedAt)).toBeGreaterThanOrEqual(Date.parse(iso(day(9), '16:00')));
      expect(Date.parse(notice.recordedAt) - Date.parse(iso(day(9), '16:00'))).toBeLessThan(10 * 60 * 1000);
      expect(notice.sentAt).toBe(notice.recordedAt);
      // Messages that report nothing happened when they were recorded.
      const admission = handoff.messages.find((m: any) => m.kind === 'ADMISSION_NOTICE');
      expect(admission.occurredAt).toBe(admission.recordedAt);
      const [period] = handoff.deadlines.dischargeReadyPeriods;
      expect(period).toMatchObject({ endedAt: iso(day(7), '11:00'), endedBy: 'DISCHARGE_NOTICE' });
      // Liable from the day after the configured days from day 0 up to day 7, the day the patient left, not day 9.
      const afterDays = Number(await parameter('discharge.liabilityAfterDays', d0));
      expect(period.liableFromDate).toBe(day(afterDays + 1));
      expect(period.liabilityDays).toBe(7 - afterDays);
    });

    it("shows the same in the planners' report: five more days, five more daily amounts", async () => {
      const report = (await ok(REPORT, { period: { from: d0, to: d0 } }, planner)).handoffDeadlineReport;
      const cells = (unit: string) => report.byHospital.find((r: any) => r.hospital.id === unit).cells[0];
      const [early, late] = [cells(FALU_LASARETT), cells(MORA_LASARETT)];
      expect([early.discharges.value, late.discharges.value]).toEqual([5, 5]);
      expect(early.liabilityDays.value).toBe(5 * falu[0].deadlines.liabilityDays);
      expect(late.liabilityDays.value - early.liabilityDays.value).toBe(5);
      expect(late.liabilityAmount - early.liabilityAmount).toBe(5 * dailyAmount);
      expect(report.total[0]).toMatchObject({ discharges: { value: 10 }, liabilityDays: { value: early.liabilityDays.value + late.liabilityDays.value } });
    });
  });

  describe('refused event times: a coded error naming the field, nothing written', () => {
    let handoff: any;
    const unchanged = async () => {
      const now = (await ok(GET, { id: handoff.id }, wards[LUDVIKA_LASARETT])).handoff;
      expect(now.version).toBe(handoff.version);
      expect(now.messages.map((m: any) => m.id)).toEqual(handoff.messages.map((m: any) => m.id));
    };
    const refused = async (kind: string, extra: Record<string, unknown>, field: string, says: string) => {
      const res = await send(LUDVIKA_LASARETT, handoff, kind, extra);
      expect(codes(res)).toEqual(['BAD_USER_INPUT']);
      expect(res.errors![0].extensions?.field).toBe(field);
      expect(res.errors![0].message).toContain(says);
      await unchanged();
    };

    beforeAll(async () => {
      // Admitted on day 9 at 08:00 and discharge-ready at 15:00, both reported on day 10 at 10:00.
      await advance(day(10), '10:00');
      handoff = await admit(LUDVIKA_LASARETT, iso(day(9), '08:00'));
      handoff = await sent(LUDVIKA_LASARETT, handoff, 'DISCHARGE_READY_NOTICE', { occurredAt: iso(day(9), '15:00') });
      expect(handoff.deadlines.dischargeReadyPeriods[0].startedAt).toBe(iso(day(9), '15:00'));
    });

    it('refuses an event in the future', async () => {
      await refused('DISCHARGE_NOTICE', { occurredAt: iso(day(10), '12:00') }, 'occurredAt', 'in the future');
    });

    it("refuses an event before the case's previous event (the readiness it ends)", async () => {
      await refused('DISCHARGE_NOTICE', { occurredAt: iso(day(9), '14:30') }, 'occurredAt', 'previous event');
      await refused('READINESS_INTERRUPTED', { occurredAt: iso(day(9), '14:59'), content: { text: 'Feber' } }, 'occurredAt', 'previous event');
    });

    it('refuses an event further back than the look-back', async () => {
      const lookBack = Number(await parameter('events.lookBackDays', day(9)));
      expect(lookBack).toBe(30);
      await refused('DISCHARGE_NOTICE', { occurredAt: iso(day(-25), '10:00') }, 'occurredAt', 'look-back');
    });

    it('refuses a time on a message that reports no event: it happens when it is sent', async () => {
      await refused('FREE_TEXT', { occurredAt: iso(day(10), '09:30'), content: { text: 'Ring avdelningen' } }, 'occurredAt', 'FREE_TEXT');
    });

    it('refuses an admission in the future or beyond the look-back, creating no hand-off', async () => {
      const patientId = await patient(wards[LUDVIKA_LASARETT]);
      const count = async () => Number((await app.dataSource.query(`SELECT count(*) AS n FROM handoff WHERE patient_id = $1`, [patientId]))[0].n);
      for (const admittedAt of [iso(day(10), '11:00'), iso(day(-25), '08:00')]) {
        const res = await app.gql(CREATE, { input: { patientId, kind: 'DISCHARGE_FROM_INPATIENT', sendingCareUnitId: LUDVIKA_LASARETT, admittedAt } }, wards[LUDVIKA_LASARETT]);
        expect(codes(res)).toEqual(['BAD_USER_INPUT']);
        expect(res.errors![0].extensions?.field).toBe('admittedAt');
      }
      expect(await count()).toBe(0);
    });

    it("keeps the inbox's deadline: the SIP call-out counts from the notice being given, not from the readiness", async () => {
      const DUE = `query($id: ID!) { handoff(id: $id) { nextDueAt deadlines { dischargeReadyPeriods { sipCallOut { due dueDate } } } } }`;
      const h = (await ok(DUE, { id: handoff.id }, wards[LUDVIKA_LASARETT])).handoff;
      const callOut = h.deadlines.dischargeReadyPeriods[0].sipCallOut;
      expect(h.nextDueAt).toBe(callOut.due);
      // Ready on day 9, the notice given on day 10: the configured days run from day 10 (a due date
      // on a weekend or holiday moves on to the next working day).
      const days = Number(await parameter('discharge.sipCallOutDays', day(9)));
      expect(callOut.dueDate >= day(10 + days)).toBe(true);
      // Mora kommun's inbox (read from its party rows' copies) sorts the hand-off by that due.
      const inbox = await ok(
        `query($since: DateTimeISO!) { handoffInbox(updatedSince: $since, first: 100) { edges { node { id state nextDueAt } } } }`,
        { since: iso(day(10), '09:00') },
        moraStaff,
      );
      expect(inbox.handoffInbox.edges.map((e: any) => e.node)).toContainEqual({ id: handoff.id, state: 'DISCHARGE_READY', nextDueAt: callOut.due });
    });

    it('takes an event between the previous one and now, and the next event may not go before it', async () => {
      handoff = await sent(LUDVIKA_LASARETT, handoff, 'READINESS_INTERRUPTED', { occurredAt: iso(day(10), '09:40'), content: { text: 'Feber' } });
      expect(handoff.deadlines.dischargeReadyPeriods[0]).toMatchObject({ endedAt: iso(day(10), '09:40'), endedBy: 'READINESS_INTERRUPTED' });
      await refused('DISCHARGE_READY_NOTICE', { occurredAt: iso(day(10), '09:30') }, 'occurredAt', 'previous event');
    });
  });

  describe('SIP meetings and follow-ups', () => {
    let sip: any;
    const sipOk = async (query: string, input: Record<string, unknown>, field: string) => {
      const res = await app.gql(query, { input }, moraStaff);
      expect(res.errors).toBeUndefined();
      return res.data[field].sip;
    };
    const MEETING = sipMutation('sipMeetingRecord', 'SipMeetingRecordInput', 'meeting { id }');
    const FOLLOW_UP = sipMutation('sipFollowUpRecord', 'SipFollowUpRecordInput');
    const GET_SIP = `query($id: ID!) { sip(id: $id) { ${SIP_FIELDS} } }`;
    const refused = async (query: string, input: Record<string, unknown>, field: string, says: string) => {
      const before = (await ok(GET_SIP, { id: sip.id }, moraStaff)).sip;
      const res = await app.gql(query, { input: { sipId: sip.id, version: sip.version, ...input } }, moraStaff);
      expect(codes(res)).toEqual(['BAD_USER_INPUT']);
      expect(res.errors![0].extensions?.field).toBe(field);
      expect(res.errors![0].message).toContain(says);
      expect((await ok(GET_SIP, { id: sip.id }, moraStaff)).sip).toEqual(before);
    };

    beforeAll(async () => {
      // Mora kommun calls a SIP with Region Dalarna on day 11, under the person's consent.
      await advance(day(11), '09:00');
      const patientId = (
        await ok(`mutation($p: String!) { patientCreate(input: { personnummer: $p, homeMunicipalityCode: "2062" }) { patient { id } } }`, { p: testPersonnummer('19410203') }, moraStaff)
      ).patientCreate.patient.id;
      await ok(CONSENT, { input: { patientId, recipientOrganisationId: DALARNA, categories: ['CARE_AND_REHAB_PLAN'], purpose: 'SIP', validTo: day(200) } }, moraStaff);
      sip = await sipOk(
        sipMutation('sipCreate', 'SipCreateInput'),
        { patientId, contact: { name: 'Mats Handläggare' }, participants: [{ organisationId: DALARNA, contact: { name: 'Vera Vårdkontakt' } }] },
        'sipCreate',
      );
      sip = await sipOk(sipMutation('sipCall', 'SipCallInput'), { sipId: sip.id, version: sip.version, meetingAt: iso(day(11), '13:00'), meetingPlace: 'Mora' }, 'sipCall');
    });

    it('refuses a meeting held in the future, nothing written', async () => {
      const present = [sip.participants[0].id];
      await refused(MEETING, { heldAt: iso(day(11), '13:00'), place: 'Mora', presentParticipantIds: present }, 'heldAt', 'in the future');
      await refused(MEETING, { heldAt: iso(day(-25), '13:00'), place: 'Mora', presentParticipantIds: present }, 'heldAt', 'look-back');
    });

    it('records a meeting held earlier, with its recording time, and refuses one before it', async () => {
      await advance(day(11), '15:00');
      const present = sip.participants.map((p: any) => p.id);
      sip = await sipOk(MEETING, { sipId: sip.id, version: sip.version, heldAt: iso(day(11), '13:00'), place: 'Mora', presentParticipantIds: present }, 'sipMeetingRecord');
      expect(sip.meetings).toHaveLength(1);
      expect(sip.meetings[0].heldAt).toBe(iso(day(11), '13:00'));
      expect(Date.parse(sip.meetings[0].recordedAt)).toBeGreaterThanOrEqual(Date.parse(iso(day(11), '15:00')));
      await refused(MEETING, { heldAt: iso(day(11), '12:00'), place: 'Mora', presentParticipantIds: present }, 'heldAt', 'previous event');
    });

    it('records when a follow-up was done, beside when it was recorded; not in the future, not before the meeting', async () => {
      sip = await sipOk(
        sipMutation('sipContentUpdate', 'SipContentUpdateInput'),
        {
          sipId: sip.id,
          version: sip.version,
          personGoals: 'Klara morgonen själv.',
          overallResponsibleOrganisationId: MORA,
          nextFollowUpDate: day(20),
          interventions: [
            { description: 'Hemrehabilitering', responsibleOrganisationId: MORA },
            { description: 'Fysioterapi', responsibleOrganisationId: DALARNA },
          ],
        },
        'sipContentUpdate',
      );
      expect(sip.activationProblems).toEqual([]);
      sip = await sipOk(sipMutation('sipActivate', 'SipActivateInput'), { sipId: sip.id, version: sip.version, meetingId: sip.meetings[0].id }, 'sipActivate');
      await advance(day(20), '16:00');
      await refused(FOLLOW_UP, { outcome: 'CONTINUE', nextFollowUpDate: day(40), occurredAt: iso(day(20), '17:00') }, 'occurredAt', 'in the future');
      await refused(FOLLOW_UP, { outcome: 'CONTINUE', nextFollowUpDate: day(40), occurredAt: iso(day(11), '12:59') }, 'occurredAt', 'previous event');
      sip = await sipOk(FOLLOW_UP, { sipId: sip.id, version: sip.version, outcome: 'CONTINUE', nextFollowUpDate: day(40), occurredAt: iso(day(19), '10:00') }, 'sipFollowUpRecord');
      const done = sip.followUps.find((f: any) => f.doneAt !== null);
      expect(done).toMatchObject({ occurredAt: iso(day(19), '10:00'), kvaCode: { code: 'UX301' } });
      expect(done.recordedAt).toBe(done.doneAt);
      expect(Date.parse(done.recordedAt)).toBeGreaterThanOrEqual(Date.parse(iso(day(20), '16:00')));
      // The next follow-up may not be reported before this one.
      await refused(FOLLOW_UP, { outcome: 'CLOSE', occurredAt: iso(day(18), '10:00') }, 'occurredAt', 'previous event');
    });
  });

  describe('consents record when they were given', () => {
    let patientId: string;
    beforeAll(async () => {
      patientId = (
        await ok(`mutation($p: String!) { patientCreate(input: { personnummer: $p, homeMunicipalityCode: "2062" }) { patient { id } } }`, { p: testPersonnummer('19420506') }, moraStaff)
      ).patientCreate.patient.id;
    });
    const record = (givenAt?: string) =>
      app.gql(CONSENT, { input: { patientId, recipientOrganisationId: DALARNA, categories: ['HEALTH_STATUS'], purpose: 'COORDINATED_DISCHARGE', validTo: day(100), givenAt } }, moraStaff);
    const consents = async () => Number((await app.dataSource.query(`SELECT count(*) AS n FROM consent WHERE patient_id = $1`, [patientId]))[0].n);

    it('stores the time given beside the recording time, by default the recording time', async () => {
      const given = (await record(iso(day(20), '09:15'))).data.consentRecord.consent;
      expect(given.givenAt).toBe(iso(day(20), '09:15'));
      expect(Date.parse(given.recordedAt)).toBeGreaterThan(Date.parse(given.givenAt));
      const now = (await record()).data.consentRecord.consent;
      expect(now.givenAt).toBe(now.recordedAt);
      expect(Date.parse(now.recordedAt)).toBeGreaterThanOrEqual(Date.parse(iso(day(20), '16:00')));
    });

    it('refuses a consent given in the future or beyond the look-back, recording nothing', async () => {
      const before = await consents();
      for (const givenAt of [iso(day(21), '09:00'), iso(day(-15), '09:00')]) {
        const res = await record(givenAt);
        expect(codes(res)).toEqual(['BAD_USER_INPUT']);
        expect(res.errors![0].extensions?.field).toBe('givenAt');
      }
      expect(await consents()).toBe(before);
    });
  });
});
