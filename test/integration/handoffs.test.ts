import { Role } from '../../domain/enums';
import { seededCareUnitId, seededOrganisationId } from '../../entities/seed/seed';
import { testPersonnummer } from '../support/personnummer';
import { codes, reasons, startTestApp, TestApp } from '../support/test-app';

/**
 * Coordinated discharge of Mora residents from Falu lasarett (lag 2017:612), through the API, on
 * a server clock set to March 2026. Instants are Stockholm time (+01:00 before 29 March).
 */
const MORA = seededOrganisationId('2062')!;
const DALARNA = seededOrganisationId('20')!;
const FALU_LASARETT = seededCareUnitId('20', 'falu-lasarett');
const VC_MORA = seededCareUnitId('20', 'vc-mora');

const HANDOFF_FIELDS = `id kind state version admittedAt nextDueAt
  homeMunicipality { name } sendingCareUnit { name }
  parties { side basis organisation { name } careUnit { name } }
  messages { id kind sentAt text meetingAt sender { name } senderCareUnit { name } recipients { organisation { name } careUnit { name } acknowledgedAt } }
  deadlines {
    admissionNotice { status due metAt }
    dischargeReadyPeriods { startedAt endedAt endedBy sipCallOut { status due dueDate metAt } liableFromDate liabilityDays liabilityAmount }
    liabilityDays liabilityAmount liabilityAfterDays liabilityDayKind dailyAmount
  }`;
const CREATE = `mutation($input: HandoffCreateInput!) { handoffCreate(input: $input) { handoff { ${HANDOFF_FIELDS} } } }`;
const SEND = `mutation($input: HandoffMessageSendInput!) { handoffMessageSend(input: $input) { handoff { ${HANDOFF_FIELDS} } message { id kind } } }`;
const ACK = `mutation($id: ID!) { handoffMessageAcknowledge(input: { messageId: $id }) { message { id recipients { organisation { name } acknowledgedAt } } } }`;
const GET = `query($id: ID!) { handoff(id: $id) { ${HANDOFF_FIELDS} } }`;
const INBOX = `query($filter: HandoffInboxFilter, $since: DateTimeISO) {
  handoffInbox(filter: $filter, updatedSince: $since) { edges { node { id state nextDueAt patient { personnummer } messages { id kind } } } } }`;

describe('coordinated discharge of a Mora resident from Falu lasarett', () => {
  let app: TestApp;
  let ward: string; // Region Dalarna care staff at Falu lasarett
  let vc: string; // Region Dalarna care staff at Vårdcentralen Mora
  let region: string; // Region Dalarna care staff with no care unit in the token
  let mora: string; // Mora kommun care staff
  let moraSystem: string; // Mora kommun's planning system
  let falun: string; // Falu kommun care staff (takes no part)
  const messageCount = async (handoffId: string) => Number((await app.dataSource.query('SELECT count(*) AS n FROM handoff_message WHERE handoff_id = $1', [handoffId]))[0].n);

  let born = 0;
  const patient = async (sex: 'FEMALE' | 'MALE' = 'FEMALE') => {
    born += 1;
    const pnr = testPersonnummer(`193804${String(born).padStart(2, '0')}`, sex);
    const res = await app.gql(
      `mutation($p: String!, $vc: ID) { patientCreate(input: { personnummer: $p, homeMunicipalityCode: "2062", listedCareUnitId: $vc }) { patient { id } } }`,
      { p: pnr, vc: VC_MORA },
      ward,
    );
    return { id: res.data.patientCreate.patient.id as string, personnummer: pnr };
  };
  const admit = async (patientId: string, admittedAt: string, extra: Record<string, unknown> = {}) => {
    const res = await app.gql(CREATE, { input: { patientId, kind: 'DISCHARGE_FROM_INPATIENT', sendingCareUnitId: FALU_LASARETT, admittedAt, ...extra } }, ward);
    expect(res.errors).toBeUndefined();
    return res.data.handoffCreate.handoff;
  };
  const send = (handoff: { id: string; version: number }, kind: string, extra: Record<string, unknown> = {}, token = ward) =>
    app.gql(SEND, { input: { handoffId: handoff.id, version: handoff.version, kind, ...extra } }, token);
  const sent = async (handoff: { id: string; version: number }, kind: string, extra: Record<string, unknown> = {}, token = ward) => {
    const res = await send(handoff, kind, extra, token);
    expect(res.errors).toBeUndefined();
    return res.data.handoffMessageSend.handoff;
  };
  const sipConsent = (patientId: string) =>
    app.gql(
      `mutation($input: ConsentRecordInput!) { consentRecord(input: $input) { consent { id } } }`,
      { input: { patientId, recipientOrganisationId: MORA, categories: ['CARE_AND_REHAB_PLAN', 'FUNCTIONAL_ABILITY'], purpose: 'SIP', validTo: '2026-06-30' } },
      ward,
    );

  beforeAll(async () => {
    app = await startTestApp();
    ward = await app.unitToken('20', FALU_LASARETT, Role.CARE_STAFF);
    vc = await app.unitToken('20', VC_MORA, Role.CARE_STAFF);
    region = await app.token('20', Role.CARE_STAFF);
    mora = await app.token('2062', Role.CARE_STAFF);
    moraSystem = await app.token('2062', Role.INTEGRATION);
    falun = await app.token('2080', Role.CARE_STAFF);
  });
  afterAll(() => {
    app.setNow(null);
    return app.stop();
  });

  describe('on time: admitted Sunday evening, discharge-ready Wednesday, called out Friday, discharged the next Wednesday', () => {
    let person: { id: string; personnummer: string };
    let handoff: any;

    beforeAll(async () => {
      person = await patient();
      app.setNow('2026-03-02T08:00:00+01:00');
      handoff = await admit(person.id, '2026-03-01T20:00:00+01:00', { content: { needs: ['hemtjänst', 'rollator'] } });
    });

    it('routes the admission notice to Mora kommun and the vårdcentral the patient is listed at', () => {
      expect(handoff).toMatchObject({ state: 'ADMITTED', version: 1, homeMunicipality: { name: 'Mora kommun' }, sendingCareUnit: { name: 'Falu lasarett' } });
      expect(handoff.parties).toHaveLength(3);
      expect(handoff.parties).toEqual(
        expect.arrayContaining([
          { side: 'SENDER', basis: null, organisation: { name: 'Region Dalarna' }, careUnit: { name: 'Falu lasarett' } },
          { side: 'RECIPIENT', basis: 'HOME_MUNICIPALITY', organisation: { name: 'Mora kommun' }, careUnit: null },
          { side: 'RECIPIENT', basis: 'LISTED_PRIMARY_CARE', organisation: { name: 'Region Dalarna' }, careUnit: { name: 'Vårdcentralen Mora' } },
        ]),
      );
      const [notice] = handoff.messages;
      expect(notice).toMatchObject({ kind: 'ADMISSION_NOTICE', sentAt: '2026-03-02T07:00:00.000Z', sender: { name: 'Region Dalarna' }, senderCareUnit: { name: 'Falu lasarett' } });
      expect(notice.recipients.map((r: any) => [r.organisation.name, r.careUnit?.name ?? null, r.acknowledgedAt])).toEqual(
        expect.arrayContaining([
          ['Mora kommun', null, null],
          ['Region Dalarna', 'Vårdcentralen Mora', null],
        ]),
      );
    });

    it('has met the 24-hour admission-notice deadline', () => {
      expect(handoff.deadlines.admissionNotice).toEqual({ status: 'MET', due: '2026-03-02T19:00:00.000Z', metAt: '2026-03-02T07:00:00.000Z' });
      expect(handoff.deadlines).toMatchObject({ dischargeReadyPeriods: [], liabilityDays: 0, liabilityAmount: 0, liabilityAfterDays: 3, liabilityDayKind: 'CALENDAR', dailyAmount: 12000 });
    });

    it("lands in Mora's inbox, where its planning system polls and acknowledges it", async () => {
      const inbox = await app.gql(INBOX, { filter: { unacknowledged: true }, since: '2026-03-02T06:00:00.000Z' }, moraSystem);
      expect(inbox.errors).toBeUndefined();
      const mine = inbox.data.handoffInbox.edges.map((e: any) => e.node).find((n: any) => n.id === handoff.id);
      expect(mine).toMatchObject({ state: 'ADMITTED', patient: { personnummer: person.personnummer } });
      const ack = await app.gql(ACK, { id: mine.messages[0].id }, moraSystem);
      expect(ack.errors).toBeUndefined();
      expect(ack.data.handoffMessageAcknowledge.message.recipients.find((r: any) => r.organisation.name === 'Mora kommun').acknowledgedAt).toBe('2026-03-02T07:00:00.000Z');
      const after = await app.gql(INBOX, { filter: { unacknowledged: true } }, moraSystem);
      expect(after.data.handoffInbox.edges.map((e: any) => e.node.id)).not.toContain(handoff.id);
    });

    it('moves to DISCHARGE_READY on the discharge-ready notice, with the call-out due on the next working day after Saturday', async () => {
      app.setNow('2026-03-04T10:00:00+01:00');
      handoff = await sent(handoff, 'DISCHARGE_READY_NOTICE', { content: { plannedDischargeDate: '2026-03-11' } });
      expect(handoff).toMatchObject({ state: 'DISCHARGE_READY', version: 2 });
      // 3 days after Wednesday is Saturday 03-07: the period runs to Monday 03-09, to its end (no 14:00 rule in Dalarna).
      expect(handoff.deadlines.dischargeReadyPeriods).toEqual([
        expect.objectContaining({ sipCallOut: { status: 'PENDING', due: '2026-03-09T22:59:59.999Z', dueDate: '2026-03-09', metAt: null }, liableFromDate: '2026-03-08', liabilityDays: 0 }),
      ]);
      expect(handoff.nextDueAt).toBe('2026-03-09T22:59:59.999Z');
    });

    it('refuses the call-out from the vårdcentral while no SIP consent covers Mora kommun, and logs the denial', async () => {
      app.setNow('2026-03-06T10:00:00+01:00');
      const res = await send(handoff, 'SIP_CALL_OUT', { senderCareUnitId: VC_MORA, content: { meetingAt: '2026-03-09T13:00:00+01:00', meetingPlace: 'video' } });
      expect(codes(res)).toEqual(['FORBIDDEN']);
      expect(res.errors![0].message).toContain('Mora kommun');
      expect(res.errors![0].extensions?.field).toBe('kind');
      expect(await messageCount(handoff.id)).toBe(2);
      expect((await app.logRows(res.requestId)).map((r) => r.outcome)).toEqual(['DENIED']);
    });

    it('calls the SIP meeting from the vårdcentral once the patient consents: PLANNING, call-out met', async () => {
      expect((await sipConsent(person.id)).errors).toBeUndefined();
      handoff = await sent(handoff, 'SIP_CALL_OUT', { senderCareUnitId: VC_MORA, content: { meetingAt: '2026-03-09T13:00:00+01:00', meetingPlace: 'video' } });
      expect(handoff).toMatchObject({ state: 'PLANNING', version: 3 });
      const callOut = handoff.messages[2];
      expect(callOut).toMatchObject({ kind: 'SIP_CALL_OUT', senderCareUnit: { name: 'Vårdcentralen Mora' }, meetingAt: '2026-03-09T12:00:00.000Z' });
      expect(callOut.recipients.map((r: any) => [r.organisation.name, r.careUnit?.name ?? null]).sort()).toEqual([
        ['Mora kommun', null],
        ['Region Dalarna', 'Falu lasarett'],
      ]);
      expect(handoff.deadlines.dischargeReadyPeriods[0].sipCallOut).toMatchObject({ status: 'MET', metAt: '2026-03-06T09:00:00.000Z' });
    });

    it('counts payment liability while the patient waits: from Sunday 03-08, one day per calendar day', async () => {
      app.setNow('2026-03-09T12:00:00+01:00');
      const res = await app.gql(GET, { id: handoff.id }, mora);
      expect(res.data.handoff.deadlines).toMatchObject({ liabilityDays: 2, liabilityAmount: 24000 });
    });

    it('ends DISCHARGED on the discharge notice: 4 liability days (Sun–Wed), 48 000 SEK', async () => {
      app.setNow('2026-03-11T10:00:00+01:00');
      handoff = await sent(handoff, 'DISCHARGE_NOTICE');
      expect(handoff).toMatchObject({ state: 'DISCHARGED', version: 4, nextDueAt: null });
      expect(handoff.deadlines.dischargeReadyPeriods).toEqual([
        expect.objectContaining({ endedBy: 'DISCHARGE_NOTICE', liableFromDate: '2026-03-08', liabilityDays: 4, liabilityAmount: 48000 }),
      ]);
      expect(handoff.deadlines).toMatchObject({ liabilityDays: 4, liabilityAmount: 48000 });
      // Judged the same later: a closed case does not count on.
      app.setNow('2026-04-20T10:00:00+02:00');
      expect((await app.gql(GET, { id: handoff.id }, ward)).data.handoff.deadlines.liabilityDays).toBe(4);
    });

    it('refuses a second discharge notice, naming the state, and writes nothing', async () => {
      const res = await send(handoff, 'DISCHARGE_NOTICE');
      expect(codes(res)).toEqual(['CONFLICT']);
      expect(reasons(res)).toEqual(['ILLEGAL_STATE']);
      expect(res.errors![0].message).toContain('DISCHARGED');
      expect(await messageCount(handoff.id)).toBe(4);
      expect((await app.logRows(res.requestId)).map((r) => r.outcome)).toEqual(['REJECTED']);
    });
  });

  describe('late: admission notice after 26 hours, call-out a day late', () => {
    let handoff: any;

    beforeAll(async () => {
      const person = await patient('MALE');
      app.setNow('2026-03-02T08:00:00+01:00');
      handoff = await admit(person.id, '2026-03-02T08:00:00+01:00', { sendAdmissionNotice: false });
      expect((await sipConsent(person.id)).errors).toBeUndefined();
    });

    it('has no recipients yet and shows the admission notice pending', () => {
      expect(handoff.parties.map((p: any) => p.side)).toEqual(['SENDER']);
      expect(handoff.deadlines.admissionNotice).toMatchObject({ status: 'PENDING', due: '2026-03-03T07:00:00.000Z' });
      expect(handoff.nextDueAt).toBe('2026-03-03T07:00:00.000Z');
    });

    it('refuses a discharge-ready notice before the admission notice, naming it', async () => {
      const res = await send(handoff, 'DISCHARGE_READY_NOTICE');
      expect(codes(res)).toEqual(['CONFLICT']);
      expect(reasons(res)).toEqual(['ILLEGAL_STATE']);
      expect(res.errors![0].message).toContain('ADMISSION_NOTICE');
      expect(await messageCount(handoff.id)).toBe(0);
    });

    it('shows the notice missed once 24 hours have passed, and overdue first in the sender’s list', async () => {
      app.setNow('2026-03-03T09:00:00+01:00');
      const res = await app.gql(GET, { id: handoff.id }, ward);
      expect(res.data.handoff.deadlines.admissionNotice).toMatchObject({ status: 'MISSED', metAt: null });
      const sentList = await app.gql(INBOX, { filter: { side: 'SENDER', dueBefore: '2026-03-03T08:00:00.000Z' } }, ward);
      expect(sentList.data.handoffInbox.edges.map((e: any) => e.node.id)).toEqual([handoff.id]);
    });

    it('records the late notice as MISSED, routed like any other', async () => {
      app.setNow('2026-03-03T10:00:00+01:00');
      handoff = await sent(handoff, 'ADMISSION_NOTICE');
      expect(handoff.deadlines.admissionNotice).toMatchObject({ status: 'MISSED', metAt: '2026-03-03T09:00:00.000Z' });
      expect(handoff.parties.map((p: any) => p.basis).sort()).toEqual(['HOME_MUNICIPALITY', 'LISTED_PRIMARY_CARE', null]);
    });

    it('rejects a stale version as a CONFLICT and writes nothing', async () => {
      const res = await send({ id: handoff.id, version: 1 }, 'FREE_TEXT', { content: { text: 'Rollator behövs' } });
      expect(codes(res)).toEqual(['CONFLICT']);
      expect(reasons(res)).toEqual(['STALE_VERSION']);
      expect(res.errors![0].extensions?.field).toBe('version');
      expect(await messageCount(handoff.id)).toBe(1);
    });

    it('misses a call-out sent the day after its due date, and charges liability to the discharge', async () => {
      app.setNow('2026-03-05T09:00:00+01:00');
      handoff = await sent(handoff, 'DISCHARGE_READY_NOTICE');
      app.setNow('2026-03-10T11:00:00+01:00');
      // Due Sunday 03-08 → Monday 03-09; on Tuesday it is overdue before anyone acts.
      expect((await app.gql(GET, { id: handoff.id }, mora)).data.handoff.deadlines.dischargeReadyPeriods[0].sipCallOut).toMatchObject({ status: 'MISSED', dueDate: '2026-03-09' });
      handoff = await sent(handoff, 'SIP_CALL_OUT', { content: { meetingAt: '2026-03-12T10:00:00+01:00' } }, vc);
      app.setNow('2026-03-13T10:00:00+01:00');
      handoff = await sent(handoff, 'DISCHARGE_NOTICE');
      const [period] = handoff.deadlines.dischargeReadyPeriods;
      expect(period.sipCallOut).toMatchObject({ status: 'MISSED', metAt: '2026-03-10T10:00:00.000Z' });
      // Day zero Thursday 03-05; Fri, Sat, Sun pass; liable Monday 03-09 to Friday 03-13.
      expect(period).toMatchObject({ liableFromDate: '2026-03-09', liabilityDays: 5, liabilityAmount: 60000 });
    });
  });

  describe('bad input and other organisations', () => {
    let handoff: any;
    let freeText: string;

    beforeAll(async () => {
      const person = await patient();
      app.setNow('2026-03-16T08:00:00+01:00');
      handoff = await admit(person.id, '2026-03-16T06:00:00+01:00');
      const res = await send(handoff, 'FREE_TEXT', { content: { text: 'Bostadsanpassning pågår' } }, mora);
      expect(res.errors).toBeUndefined();
      handoff = res.data.handoffMessageSend.handoff;
      freeText = res.data.handoffMessageSend.message.id;
    });

    it('refuses a message to a municipality of another region without a legal basis, naming the recipient', async () => {
      const res = await send(handoff, 'FREE_TEXT', { content: { text: 'För kännedom' }, additionalRecipients: [{ organisationId: seededOrganisationId('1980') }] });
      expect(codes(res)).toEqual(['FORBIDDEN']);
      expect(res.errors![0].extensions?.field).toBe('additionalRecipients[0]');
      expect(res.errors![0].message).toContain('Västerås');
      expect(await messageCount(handoff.id)).toBe(2);
    });

    it('refuses a message to Försäkringskassan without a consent', async () => {
      const res = await send(handoff, 'FREE_TEXT', { content: { text: 'För kännedom' }, additionalRecipients: [{ organisationId: seededOrganisationId('20:fk') }] });
      expect(codes(res)).toEqual(['FORBIDDEN']);
    });

    it("refuses to acknowledge a message sent by one's own organisation (someone else's message), and logs it", async () => {
      const res = await app.gql(ACK, { id: freeText }, mora);
      expect(codes(res)).toEqual(['FORBIDDEN']);
      expect((await app.logRows(res.requestId)).map((r) => r.outcome)).toEqual(['DENIED']);
    });

    it('lets the ward acknowledge the municipality’s message', async () => {
      const res = await app.gql(ACK, { id: freeText }, ward);
      expect(res.errors).toBeUndefined();
    });

    it('hides the hand-off from an organisation that takes no part, as if it did not exist', async () => {
      const res = await app.gql(GET, { id: handoff.id }, falun);
      expect(codes(res)).toEqual(['NOT_FOUND']);
      const ack = await app.gql(ACK, { id: freeText }, falun);
      expect(codes(ack)).toEqual(['NOT_FOUND']);
    });

    it('asks a user of an organisation on both sides which care unit sends', async () => {
      const res = await send(handoff, 'FREE_TEXT', { content: { text: 'Vem skickar?' } }, region);
      expect([codes(res), res.errors![0].extensions?.field]).toEqual([['BAD_USER_INPUT'], 'senderCareUnitId']);
      const named = await send(handoff, 'FREE_TEXT', { senderCareUnitId: FALU_LASARETT, content: { text: 'Avdelningen skickar' } }, region);
      expect(named.data.handoffMessageSend.message.kind).toBe('FREE_TEXT');
      handoff = named.data.handoffMessageSend.handoff;
    });

    it('lets only the sender send sender messages', async () => {
      const res = await send(handoff, 'DISCHARGE_READY_NOTICE', {}, mora);
      expect(codes(res)).toEqual(['FORBIDDEN']);
    });

    it('refuses an admission in the future and a discharge from a vårdcentral', async () => {
      const person = await patient();
      const future = await app.gql(CREATE, { input: { patientId: person.id, kind: 'DISCHARGE_FROM_INPATIENT', sendingCareUnitId: FALU_LASARETT, admittedAt: '2026-03-17T08:00:00+01:00' } }, ward);
      expect([codes(future), future.errors![0].extensions?.field]).toEqual([['BAD_USER_INPUT'], 'admittedAt']);
      const fromVc = await app.gql(CREATE, { input: { patientId: person.id, kind: 'DISCHARGE_FROM_INPATIENT', sendingCareUnitId: VC_MORA, admittedAt: '2026-03-16T06:00:00+01:00' } }, ward);
      expect([codes(fromVc), fromVc.errors![0].extensions?.field]).toEqual([['BAD_USER_INPUT'], 'sendingCareUnitId']);
    });

    it('routes by the home municipality recorded when the admission notice goes out', async () => {
      born += 1;
      const created = await app.gql(`mutation($p: String!) { patientCreate(input: { personnummer: $p }) { patient { id version } } }`, { p: testPersonnummer(`193805${String(born).padStart(2, '0')}`) }, ward);
      const { id, version } = created.data.patientCreate.patient;
      const refused = await app.gql(CREATE, { input: { patientId: id, kind: 'DISCHARGE_FROM_INPATIENT', sendingCareUnitId: FALU_LASARETT, admittedAt: '2026-03-16T06:00:00+01:00' } }, ward);
      expect([codes(refused), refused.errors![0].extensions?.field]).toEqual([['BAD_USER_INPUT'], 'patientId']);
      let h = await admit(id, '2026-03-16T06:00:00+01:00', { sendAdmissionNotice: false });
      expect(h.homeMunicipality).toBeNull();
      const updated = await app.gql(`mutation($id: ID!, $v: Int!) { patientUpdate(input: { id: $id, version: $v, homeMunicipalityCode: "2062" }) { patient { id } } }`, { id, v: version }, ward);
      expect(updated.errors).toBeUndefined();
      h = await sent(h, 'ADMISSION_NOTICE');
      expect(h.homeMunicipality).toEqual({ name: 'Mora kommun' });
      expect(h.parties.map((p: any) => p.basis)).toContain('HOME_MUNICIPALITY');
    });

    it('never lets a municipal system send messages', async () => {
      const res = await send(handoff, 'FREE_TEXT', { content: { text: 'x' } }, moraSystem);
      expect(codes(res)).toEqual(['FORBIDDEN']);
    });

    it("orders each side's inbox by the hand-offs' current deadlines (none last), in pages that neither skip nor repeat", async () => {
      const walk = async (token: string, side: string) => {
        const seen: string[] = [];
        let after: string | null = null;
        do {
          const res: any = await app.gql(
            `query($after: String, $side: HandoffSide) { handoffInbox(first: 2, after: $after, filter: { side: $side }) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
            { after, side },
            token,
          );
          expect(res.errors).toBeUndefined();
          seen.push(...res.data.handoffInbox.edges.map((e: any) => e.node.id));
          after = res.data.handoffInbox.pageInfo.hasNextPage ? res.data.handoffInbox.pageInfo.endCursor : null;
        } while (after);
        return seen;
      };
      const inOrder = async (organisationId: string, side: string) => {
        const rows: { id: string; next_due_at: Date | null }[] = await app.dataSource.query(
          `SELECT DISTINCT h.id, h.next_due_at FROM handoff h JOIN handoff_party hp ON hp.handoff_id = h.id WHERE hp.organisation_id = $1 AND hp.side = $2`,
          [organisationId, side],
        );
        const due = (r: { next_due_at: Date | null }) => (r.next_due_at ? new Date(r.next_due_at).getTime() : Infinity);
        return rows.sort((a, b) => due(a) - due(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      };
      // Deadlines moved the way a message moves them (an UPDATE of the hand-off), in reverse id
      // order, so that deadline order and id order differ; put back afterwards for the report.
      const received = await inOrder(MORA, 'RECIPIENT');
      expect(received.length).toBeGreaterThan(2);
      const moved = [...received].sort((a, b) => (a.id < b.id ? 1 : -1)).slice(0, 3);
      const setDue = (id: string, due: Date | null) => app.dataSource.query(`UPDATE handoff SET next_due_at = $2 WHERE id = $1`, [id, due]);
      for (const [i, h] of moved.entries()) await setDue(h.id, new Date(Date.UTC(2026, 2, 10 + i, 8)));
      try {
        for (const [token, organisationId, side] of [[mora, MORA, 'RECIPIENT'], [region, DALARNA, 'SENDER']]) {
          const expected = (await inOrder(organisationId, side)).map((r) => r.id);
          expect(await walk(token, side)).toEqual(expected);
        }
        expect((await walk(mora, 'RECIPIENT')).slice(0, 3)).toEqual(moved.map((h) => h.id));
      } finally {
        for (const h of moved) await setDue(h.id, h.next_due_at);
      }
    });

    it('filters an inbox by state in the same order and pages, and follows a hand-off whose state changes', async () => {
      const walk = async (state: string) => {
        const seen: string[] = [];
        let after: string | null = null;
        do {
          const res: any = await app.gql(
            `query($after: String, $state: HandoffState) { handoffInbox(first: 1, after: $after, filter: { state: $state }) { edges { node { id state } } pageInfo { hasNextPage endCursor } } }`,
            { after, state },
            mora,
          );
          expect(res.errors).toBeUndefined();
          for (const { node } of res.data.handoffInbox.edges) expect(node.state).toBe(state);
          seen.push(...res.data.handoffInbox.edges.map((e: any) => e.node.id));
          after = res.data.handoffInbox.pageInfo.hasNextPage ? res.data.handoffInbox.pageInfo.endCursor : null;
        } while (after);
        return seen;
      };
      // The hand-offs' own state, in the inbox's order (deadline, none last, then id).
      const expected = async (state: string) =>
        (
          await app.dataSource.query(
            `SELECT DISTINCT h.id, coalesce(h.next_due_at, 'infinity') AS due FROM handoff h JOIN handoff_party hp ON hp.handoff_id = h.id
             WHERE hp.organisation_id = $1 AND hp.side = 'RECIPIENT' AND h.state = $2 ORDER BY due, h.id`,
            [MORA, state],
          )
        ).map((r: any) => r.id);
      const states: { state: string; n: string }[] = await app.dataSource.query(
        `SELECT h.state, count(DISTINCT h.id) AS n FROM handoff h JOIN handoff_party hp ON hp.handoff_id = h.id WHERE hp.organisation_id = $1 AND hp.side = 'RECIPIENT' GROUP BY h.state ORDER BY h.state`,
        [MORA],
      );
      expect(states.length).toBeGreaterThan(1);
      for (const { state } of states) expect(await walk(state)).toEqual(await expected(state));
      // A state changed the way a message changes it (an UPDATE of the hand-off) moves it between the filtered lists.
      const [from, to] = [states[0].state, states[1].state];
      const [changed] = await expected(from);
      await app.dataSource.query(`UPDATE handoff SET state = $2 WHERE id = $1`, [changed, to]);
      try {
        expect(await walk(from)).not.toContain(changed);
        expect(await walk(to)).toContain(changed);
        expect(await walk(to)).toEqual(await expected(to));
      } finally {
        await app.dataSource.query(`UPDATE handoff SET state = $2 WHERE id = $1`, [changed, from]);
      }
    });

    it('lists the unacknowledged ones in the same order and pages, and follows acknowledgements', async () => {
      const walk = async () => {
        const seen: string[] = [];
        let after: string | null = null;
        do {
          const res: any = await app.gql(
            `query($after: String) { handoffInbox(first: 1, after: $after, filter: { unacknowledged: true }) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
            { after },
            mora,
          );
          expect(res.errors).toBeUndefined();
          seen.push(...res.data.handoffInbox.edges.map((e: any) => e.node.id));
          after = res.data.handoffInbox.pageInfo.hasNextPage ? res.data.handoffInbox.pageInfo.endCursor : null;
        } while (after);
        return seen;
      };
      // What the recipients themselves say, in the inbox's order.
      const expected = async () =>
        (
          await app.dataSource.query(
            `SELECT DISTINCT h.id, coalesce(h.next_due_at, 'infinity') AS due FROM handoff h JOIN handoff_party hp ON hp.handoff_id = h.id
             WHERE hp.organisation_id = $1 AND hp.side = 'RECIPIENT' AND EXISTS (SELECT 1 FROM handoff_message m JOIN handoff_message_recipient r ON r.message_id = m.id
               WHERE m.handoff_id = h.id AND r.organisation_id = $1 AND r.acknowledged_at IS NULL) ORDER BY due, h.id`,
            [MORA],
          )
        ).map((r: any) => r.id);
      const before = await expected();
      expect(before.length).toBeGreaterThan(1);
      expect(await walk()).toEqual(before);
      // Acknowledged through the API: every message of the first one to Mora.
      const [first] = before;
      const messages: { id: string }[] = await app.dataSource.query(
        `SELECT DISTINCT m.id FROM handoff_message m JOIN handoff_message_recipient r ON r.message_id = m.id WHERE m.handoff_id = $1 AND r.organisation_id = $2 AND r.acknowledged_at IS NULL`,
        [first, MORA],
      );
      for (const m of messages) expect((await app.gql(ACK, { id: m.id }, moraSystem)).errors).toBeUndefined();
      expect(await walk()).not.toContain(first);
      expect(await walk()).toEqual(await expected());
      // Unacknowledged again (a recipient row changed in the database, which the trigger follows too): back in the list.
      const [{ id: again }] = await app.dataSource.query(`SELECT id FROM handoff_message_recipient WHERE message_id = $1 AND organisation_id = $2`, [messages[0].id, MORA]);
      await app.dataSource.query(`UPDATE handoff_message_recipient SET acknowledged_at = NULL, acknowledged_by = NULL WHERE id = $1`, [again]);
      expect(await walk()).toEqual(before);
    });
  });

  describe('the planners’ report', () => {
    beforeAll(async () => {
      // Five more discharges of Mora residents in April, all on time: three women, two men.
      for (const sex of ['FEMALE', 'FEMALE', 'FEMALE', 'MALE', 'MALE'] as const) {
        const person = await patient(sex);
        app.setNow('2026-04-06T09:00:00+02:00');
        let h = await admit(person.id, '2026-04-06T07:00:00+02:00');
        app.setNow('2026-04-07T09:00:00+02:00');
        h = await sent(h, 'DISCHARGE_READY_NOTICE');
        app.setNow('2026-04-08T09:00:00+02:00');
        await sent(h, 'DISCHARGE_NOTICE');
      }
      app.setNow('2026-04-30T12:00:00+02:00');
    });

    const REPORT = `query($period: PeriodInput!, $municipalityCode: String) { handoffDeadlineReport(regionCode: "20", period: $period, municipalityCode: $municipalityCode) {
      smallCellThreshold
      region { discharges { ...displays } }
      byMunicipality { municipality { name } figures { ...figures } }
      byHospital { hospital { name } figures { discharges { ...displays } } }
      byMonth { month from to region { discharges { ...displays } } byMunicipality { municipality { name } figures { discharges { ...displays } } } } } }
      fragment displays on CountBySex { total { display } female { display } male { display } }
      fragment values on CountBySex { total { value } female { value } male { value } }
      fragment figures on HandoffDeadlineFigures { discharges { total { value display suppressed } female { value display suppressed } male { value display suppressed } }
        admissionNoticesDue { ...values } admissionNoticesOnTime { ...values } sipCallOutsDue { ...values } sipCallOutsOnTime { ...values } liabilityDays { ...values }
        liabilityAmount { total { value display } female { value display } male { value display } } }`;
    const displays = (c: any) => [c.total.display, c.female.display, c.male.display];
    const mora = (report: any) => report.byMunicipality.find((r: any) => r.municipality?.name === 'Mora kommun');

    it('shows a planner per-municipality and per-hospital figures, every one of the region, suppressing groups under 5', async () => {
      const planner = await app.token('20', Role.PLANNER);
      const res = await app.gql(REPORT, { period: { from: '2026-04-01', to: '2026-04-30' } }, planner);
      expect(res.errors).toBeUndefined();
      const report = res.data.handoffDeadlineReport;
      expect(report.smallCellThreshold).toBe(5);
      expect(mora(report).figures).toEqual({
        discharges: { total: { value: 5, display: '5', suppressed: false }, female: { value: null, display: '<5', suppressed: true }, male: { value: null, display: '<5', suppressed: true } },
        admissionNoticesDue: { total: { value: 5 }, female: { value: null }, male: { value: null } },
        admissionNoticesOnTime: { total: { value: 5 }, female: { value: null }, male: { value: null } },
        sipCallOutsDue: { total: { value: 0 }, female: { value: null }, male: { value: null } },
        sipCallOutsOnTime: { total: { value: 0 }, female: { value: null }, male: { value: null } },
        liabilityDays: { total: { value: 0 }, female: { value: null }, male: { value: null } },
        liabilityAmount: { total: { value: 0, display: '0' }, female: { value: null, display: '..' }, male: { value: null, display: '..' } },
      });
      // Every municipality of Dalarna by name, zeros included; every inpatient unit likewise.
      expect(report.byMunicipality).toHaveLength(15);
      expect(report.byMunicipality.filter((r: any) => r !== mora(report)).map((r: any) => displays(r.figures.discharges))).toEqual(Array(14).fill(['0', '0', '0']));
      const names = report.byMunicipality.map((r: any) => r.municipality.name);
      expect(names).toEqual([...names].sort((a: string, b: string) => a.localeCompare(b, 'sv')));
      const falun = report.byHospital.find((r: any) => r.hospital.name === 'Falu lasarett');
      expect(displays(falun.figures.discharges)).toEqual(['5', '<5', '<5']);
      expect(report.byHospital.filter((r: any) => r !== falun).every((r: any) => displays(r.figures.discharges).join() === '0,0,0')).toBe(true);
      // One month, the same as the period.
      expect(report.byMonth).toEqual([
        expect.objectContaining({ month: '2026-04', from: '2026-04-01', to: '2026-04-30', region: { discharges: { total: { display: '5' }, female: { display: '<5' }, male: { display: '<5' } } } }),
      ]);
      expect(JSON.stringify(report)).not.toMatch(/personnummer|193804/);
    });

    it('lists every month of the period, zeros included, and hides a month that the period less the other months would give away', async () => {
      const planner = await app.token('20', Role.PLANNER);
      await app.dataSource.query(
        `INSERT INTO rule_parameter (region_id, key, value, valid_from, source) VALUES ((SELECT region_id FROM organisation WHERE id = $1), 'statistics.smallCellThreshold', '3', '2026-01-01', 'test')`,
        [DALARNA],
      );
      try {
        // March: the two discharges of the story (a woman, a man); April: three women, two men; May: none.
        const res = await app.gql(REPORT, { period: { from: '2026-03-01', to: '2026-05-31' } }, planner);
        expect(res.errors).toBeUndefined();
        const report = res.data.handoffDeadlineReport;
        expect(report.byMonth.map((m: any) => [m.month, m.from, m.to])).toEqual([
          ['2026-03', '2026-03-01', '2026-03-31'],
          ['2026-04', '2026-04-01', '2026-04-30'],
          ['2026-05', '2026-05-01', '2026-05-31'],
        ]);
        const moraOf = (m: any) => displays(m.byMunicipality.find((r: any) => r.municipality?.name === 'Mora kommun').figures.discharges);
        expect(moraOf(report.byMonth[2])).toEqual(['0', '0', '0']);
        // No line (a month's row, a sex over the months) has exactly one hidden count.
        const lines = [...report.byMonth.map(moraOf), displays(mora(report).figures.discharges)];
        for (const line of [...lines, ...[0, 1, 2].map((c) => lines.map((l) => l[c]))]) {
          expect(line.filter((d: string) => d === '..' || d.startsWith('<')).length).not.toBe(1);
        }
      } finally {
        await app.dataSource.query(`DELETE FROM rule_parameter WHERE key = 'statistics.smallCellThreshold' AND source = 'test'`);
      }
    });

    it('hides a count that the others would give away by subtraction, in every breakdown, as ".."', async () => {
      // With a threshold of 3, April's 3 women would show and the 2 men '<3': 5 − 3 would give the men away.
      await app.dataSource.query(
        `INSERT INTO rule_parameter (region_id, key, value, valid_from, source) VALUES ((SELECT region_id FROM organisation WHERE id = $1), 'statistics.smallCellThreshold', '3', '2026-01-01', 'test')`,
        [DALARNA],
      );
      try {
        const res = await app.gql(REPORT, { period: { from: '2026-04-01', to: '2026-04-30' } }, await app.token('20', Role.PLANNER));
        expect(res.errors).toBeUndefined();
        const report = res.data.handoffDeadlineReport;
        expect(displays(report.region.discharges)).toEqual(['5', '..', '<3']);
        expect(displays(mora(report).figures.discharges)).toEqual(['5', '..', '<3']);
        expect(displays(report.byHospital.find((r: any) => r.hospital.name === 'Falu lasarett').figures.discharges)).toEqual(['5', '..', '<3']);
        // A hidden group hides every figure of it.
        const f = mora(report).figures;
        expect([f.admissionNoticesOnTime.female, f.liabilityDays.female, f.liabilityAmount.female]).toEqual([{ value: null }, { value: null }, { value: null, display: '..' }]);
      } finally {
        await app.dataSource.query(`DELETE FROM rule_parameter WHERE key = 'statistics.smallCellThreshold' AND source = 'test'`);
      }
    });

    it('counts the March story: notices and call-outs on time and late, liability days and amounts by sex', async () => {
      const planner = await app.token('20', Role.PLANNER);
      const period = { from: '2026-03-01', to: '2026-03-15' };
      // Two discharges only: suppressed, as any group under five.
      expect((await app.gql(REPORT, { period }, planner)).data.handoffDeadlineReport.region.discharges.total.display).toBe('<5');
      // A region that publishes every count (threshold 1, a dated parameter of its own) sees them.
      await app.dataSource.query(
        `INSERT INTO rule_parameter (region_id, key, value, valid_from, source) VALUES ((SELECT region_id FROM organisation WHERE id = $1), 'statistics.smallCellThreshold', '1', '2026-01-01', 'test')`,
        [DALARNA],
      );
      try {
        const res = await app.gql(REPORT, { period }, planner);
        const f = mora(res.data.handoffDeadlineReport).figures;
        const figures = (sex: 'total' | 'female' | 'male') =>
          [f.discharges, f.admissionNoticesDue, f.admissionNoticesOnTime, f.sipCallOutsDue, f.sipCallOutsOnTime, f.liabilityDays, f.liabilityAmount].map((x) => x[sex].value);
        expect(figures('total')).toEqual([2, 2, 1, 2, 1, 9, 108000]);
        expect(figures('female')).toEqual([1, 1, 1, 1, 1, 4, 48000]);
        expect(figures('male')).toEqual([1, 1, 0, 1, 0, 5, 60000]);
      } finally {
        await app.dataSource.query(`DELETE FROM rule_parameter WHERE key = 'statistics.smallCellThreshold' AND source = 'test'`);
      }
    });

    it('narrows the rows to one municipality with the same figures, and refuses one of another region', async () => {
      const planner = await app.token('20', Role.PLANNER);
      const period = { from: '2026-04-01', to: '2026-04-30' };
      const whole = (await app.gql(REPORT, { period }, planner)).data.handoffDeadlineReport;
      const res = await app.gql(REPORT, { period, municipalityCode: '2062' }, planner);
      expect(res.errors).toBeUndefined();
      const narrowed = res.data.handoffDeadlineReport;
      expect(narrowed.byMunicipality).toEqual([mora(whole)]);
      expect(narrowed.byMonth[0].byMunicipality.map((r: any) => r.municipality.name)).toEqual(['Mora kommun']);
      expect(narrowed.region).toEqual(whole.region);
      // Västerås (1980) is a municipality of another region (Västmanland); 9999 of none.
      for (const municipalityCode of ['1980', '9999']) {
        const refused = await app.gql(REPORT, { period, municipalityCode }, planner);
        expect(refused.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([['NOT_FOUND', 'municipalityCode']]);
      }
    });

    it('refuses a period that ends before it starts or is longer than reports.maxPeriodMonths, naming the field', async () => {
      const planner = await app.token('20', Role.PLANNER);
      const fieldOf = async (period: { from: string; to: string }) => (await app.gql(REPORT, { period }, planner)).errors?.map((e) => [e.extensions?.code, e.extensions?.field]);
      expect(await fieldOf({ from: '2026-04-30', to: '2026-04-01' })).toEqual([['BAD_USER_INPUT', 'period.to']]);
      expect(await fieldOf({ from: '2023-01-01', to: '2026-01-01' })).toEqual([['BAD_USER_INPUT', 'period']]);
      expect((await app.gql(REPORT, { period: { from: '2023-01-01', to: '2025-12-31' } }, planner)).errors).toBeUndefined();
    });

    it('is for planners of the region only', async () => {
      const period = { from: '2026-04-01', to: '2026-04-30' };
      expect(codes(await app.gql(REPORT, { period }, ward))).toEqual(['FORBIDDEN']);
      expect(codes(await app.gql(REPORT, { period }, await app.token('19', Role.PLANNER)))).toEqual(['FORBIDDEN']);
      expect(codes(await app.gql(REPORT, { period: { from: '2026-04-30', to: '2026-04-01' } }, await app.token('20', Role.PLANNER)))).toEqual(['BAD_USER_INPUT']);
    });
  });
});
