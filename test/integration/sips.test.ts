import { Role } from '../../domain/enums';
import { seededCareUnitId, seededOrganisationId } from '../../entities/seed/seed';
import { testPersonnummer } from '../support/personnummer';
import { codes, reasons, startTestApp, TestApp } from '../support/test-app';

/**
 * A SIP for a Mora resident discharged from Falu lasarett, through the API on a server clock set
 * to March–June 2026: the vårdcentral calls it from the hand-off, with Mora kommun and
 * Försäkringskassan; it is agreed at a meeting, activated, followed up (late, then on time) and
 * closed. Instants are Stockholm time.
 */
const MORA = seededOrganisationId('2062')!;
const ALVDALEN = seededOrganisationId('2039')!;
const DALARNA = seededOrganisationId('20')!;
const FK = seededOrganisationId('20:fk')!;
const FALU_LASARETT = seededCareUnitId('20', 'falu-lasarett');
const VC_MORA = seededCareUnitId('20', 'vc-mora');

const SIP_FIELDS = `id status version personGoals personOwnActions personObjectsToRelatives meetingPlannedAt meetingPlannedPlace nextFollowUpDate
  calledAt activatedAt endedAt endReason
  patient { id } handoff { id } initiatingOrganisation { name } overallResponsibleOrganisation { name }
  participants { id kind basis contactName contactRole organisation { name } careUnit { name } }
  interventions { description dueDate responsibleOrganisation { name } }
  meetings { id heldAt place video present { kind organisation { name } } kvaCode { code title } }
  followUps { dueDate doneAt overdue note kvaCode { code } meeting { id } }
  activationProblems { item field message }`;
const PAYLOAD = `{ sip { ${SIP_FIELDS} } }`;
const mutation = (name: string, input: string) => `mutation($input: ${input}!) { ${name}(input: $input) ${PAYLOAD} }`;
const CREATE = mutation('sipCreate', 'SipCreateInput');
const CONTENT = mutation('sipContentUpdate', 'SipContentUpdateInput');
const PARTICIPANT_ADD = mutation('sipParticipantAdd', 'SipParticipantAddInput');
const PARTICIPANT_UPDATE = mutation('sipParticipantUpdate', 'SipParticipantUpdateInput');
const ACTIVATE = mutation('sipActivate', 'SipActivateInput');
const FOLLOW_UP = mutation('sipFollowUpRecord', 'SipFollowUpRecordInput');
const FOLLOW_UP_START = mutation('sipFollowUpStart', 'SipStatusInput');
const CANCEL = mutation('sipCancel', 'SipStatusInput');
const MEETING = `mutation($input: SipMeetingRecordInput!) { sipMeetingRecord(input: $input) { sip { ${SIP_FIELDS} } meeting { id } } }`;
const GET = `query($id: ID!) { sip(id: $id) { ${SIP_FIELDS} } }`;
const REVOKE = `mutation($input: ConsentRevokeInput!) { consentRevoke(input: $input) { consent { status revokedAt } } }`;
const DUE = `query($org: ID!, $before: LocalDate) { sipFollowUpsDue(organisationId: $org, before: $before) {
  edges { node { dueDate overdue sip { id status patient { personnummer } } } } } }`;

/** Records the person's SIP consent, covering the plan itself, from the viewer's organisation to `recipient`; its id. */
async function sipConsent(app: TestApp, token: string, patientId: string, recipient: string): Promise<string> {
  const res = await app.gql(
    `mutation($input: ConsentRecordInput!) { consentRecord(input: $input) { consent { id } } }`,
    { input: { patientId, recipientOrganisationId: recipient, categories: ['CARE_AND_REHAB_PLAN'], purpose: 'SIP', validTo: '2026-12-31' } },
    token,
  );
  expect(res.errors).toBeUndefined();
  return res.data.consentRecord.consent.id;
}

/** The plan a mutation's payload holds, once it succeeded. */
const ok = (res: any, field: string) => {
  expect(res.errors).toBeUndefined();
  return res.data[field].sip;
};

describe('a SIP for a Mora resident, from the hand-off call-out to closed', () => {
  let app: TestApp;
  let ward: string; // Region Dalarna, Falu lasarett
  let vc: string; // Region Dalarna, Vårdcentralen Mora: the fast vårdkontakt
  let mora: string; // Mora kommun care staff
  let fk: string; // Försäkringskassan
  let falun: string; // Falu kommun: takes no part
  let person: { id: string; personnummer: string };
  let handoffId: string;
  let sip: any;
  const sipCount = async () => Number((await app.dataSource.query('SELECT count(*) AS n FROM sip WHERE patient_id = $1', [person.id]))[0].n);

  beforeAll(async () => {
    app = await startTestApp();
    ward = await app.unitToken('20', FALU_LASARETT, Role.CARE_STAFF);
    vc = await app.unitToken('20', VC_MORA, Role.CARE_STAFF);
    mora = await app.token('2062', Role.CARE_STAFF);
    fk = await app.token('20:fk', Role.CARE_STAFF);
    falun = await app.token('2080', Role.CARE_STAFF);
    app.setNow('2026-02-28T08:00:00+01:00');
    const pnr = testPersonnummer('19410315', 'FEMALE');
    const created = await app.gql(
      `mutation($p: String!, $vc: ID) { patientCreate(input: { personnummer: $p, homeMunicipalityCode: "2062", listedCareUnitId: $vc }) { patient { id } } }`,
      { p: pnr, vc: VC_MORA },
      ward,
    );
    person = { id: created.data.patientCreate.patient.id, personnummer: pnr };
    const handoff = await app.gql(
      `mutation($input: HandoffCreateInput!) { handoffCreate(input: $input) { handoff { id version } } }`,
      // Admitted in February: the hand-off suite's planners' report counts March admissions.
      { input: { patientId: person.id, kind: 'DISCHARGE_FROM_INPATIENT', sendingCareUnitId: FALU_LASARETT, admittedAt: '2026-02-27T20:00:00+01:00' } },
      ward,
    );
    handoffId = handoff.data.handoffCreate.handoff.id;
    const send = async (kind: string, version: number, token: string, extra: object = {}) => {
      const res = await app.gql(`mutation($input: HandoffMessageSendInput!) { handoffMessageSend(input: $input) { handoff { version } } }`, { input: { handoffId, version, kind, ...extra } }, token);
      expect(res.errors).toBeUndefined();
    };
    app.setNow('2026-03-04T10:00:00+01:00');
    await send('DISCHARGE_READY_NOTICE', 1, ward);
    // The person consents to a SIP with Mora kommun: the vårdcentral records it and calls the meeting.
    app.setNow('2026-03-05T10:00:00+01:00');
    await sipConsent(app, vc, person.id, MORA);
    await send('SIP_CALL_OUT', 2, vc, { senderCareUnitId: VC_MORA, content: { meetingAt: '2026-03-09T13:00:00+01:00', meetingPlace: 'Vårdcentralen Mora' } });
  });
  afterAll(() => {
    app.setNow(null);
    return app.stop();
  });

  it('refuses Försäkringskassan as a participant while no consent of the person covers it; nothing is written and the denial is logged', async () => {
    const res = await app.gql(CREATE, { input: { patientId: person.id, handoffId, participants: [{ organisationId: FK, contact: { name: 'Karin Handläggare' } }] } }, vc);
    expect(codes(res)).toEqual(['FORBIDDEN']);
    expect(res.errors![0].message).toContain('Försäkringskassan');
    expect(await sipCount()).toBe(0);
    expect((await app.logRows(res.requestId)).map((r) => r.outcome)).toEqual(['DENIED']);
  });

  it('starts CALLED from the call-out, with Mora kommun from the call-out, Försäkringskassan under consent and the person', async () => {
    await sipConsent(app, vc, person.id, FK);
    const res = await app.gql(
      CREATE,
      { input: { patientId: person.id, handoffId, participants: [{ organisationId: FK, contact: { name: 'Karin Handläggare', role: 'handläggare sjukpenning' } }], contact: { name: 'Vera Vårdkontakt', role: 'fast vårdkontakt' } } },
      vc,
    );
    sip = ok(res, 'sipCreate');
    expect(sip).toMatchObject({
      status: 'CALLED',
      version: 1,
      meetingPlannedAt: '2026-03-09T12:00:00.000Z',
      meetingPlannedPlace: 'Vårdcentralen Mora',
      calledAt: '2026-03-05T09:00:00.000Z',
      handoff: { id: handoffId },
      initiatingOrganisation: { name: 'Region Dalarna' },
      nextFollowUpDate: null,
    });
    expect(sip.participants.map((p: any) => [p.kind, p.basis, p.organisation?.name ?? null, p.careUnit?.name ?? null, p.contactName])).toEqual([
      ['ORGANISATION', 'INITIATOR', 'Region Dalarna', 'Vårdcentralen Mora', 'Vera Vårdkontakt'],
      ['ORGANISATION', 'PRINCIPAL', 'Mora kommun', null, null],
      ['ORGANISATION', 'SIP_CONSENT', 'Försäkringskassan', null, 'Karin Handläggare'],
      ['PERSON', null, null, null, null],
    ]);
  });

  it('refuses a second plan from the same call-out while the first runs; nothing is written', async () => {
    const res = await app.gql(CREATE, { input: { patientId: person.id, handoffId } }, vc);
    expect(codes(res)).toEqual(['CONFLICT']);
    expect(reasons(res)).toEqual(['DUPLICATE']);
    expect(res.errors![0].extensions?.field).toBe('handoffId');
    expect(await sipCount()).toBe(1);
    expect((await app.logRows(res.requestId)).map((r) => r.outcome)).toEqual(['REJECTED']);
  });

  it('is visible to every participating organisation, Försäkringskassan included, and to nobody else', async () => {
    for (const token of [mora, fk, ward]) expect((await app.gql(GET, { id: sip.id }, token)).data.sip.id).toBe(sip.id);
    const outsider = await app.gql(GET, { id: sip.id }, falun);
    expect(codes(outsider)).toEqual(['NOT_FOUND']);
    expect((await app.logRows(outsider.requestId)).map((r) => r.outcome)).toEqual(['NOT_FOUND']);
    // Försäkringskassan sees the person through the plan.
    const patient = await app.gql(`query($id: ID!) { patient(id: $id) { personnummer } }`, { id: person.id }, fk);
    expect(patient.data.patient.personnummer).toBe(person.personnummer);
  });

  it('records the meeting held, with those present', async () => {
    app.setNow('2026-03-09T15:00:00+01:00');
    const present = sip.participants.filter((p: any) => p.kind === 'PERSON' || ['Mora kommun', 'Region Dalarna'].includes(p.organisation?.name)).map((p: any) => p.id);
    const res = await app.gql(MEETING, { input: { sipId: sip.id, version: sip.version, heldAt: '2026-03-09T13:00:00+01:00', place: 'Vårdcentralen Mora', video: true, presentParticipantIds: present } }, vc);
    sip = ok(res, 'sipMeetingRecord');
    expect(sip.version).toBe(2);
    expect(sip.meetings).toEqual([
      {
        id: res.data.sipMeetingRecord.meeting.id,
        heldAt: '2026-03-09T12:00:00.000Z',
        place: 'Vårdcentralen Mora',
        video: true,
        present: expect.arrayContaining([{ kind: 'PERSON', organisation: null }, { kind: 'ORGANISATION', organisation: { name: 'Mora kommun' } }]),
        kvaCode: null,
      },
    ]);
    expect(sip.meetings[0].present).toHaveLength(3);
  });

  it('refuses to activate the plan while it lacks what the law and good practice require, naming each item; nothing changes', async () => {
    const res = await app.gql(ACTIVATE, { input: { sipId: sip.id, version: sip.version, meetingId: sip.meetings[0].id } }, vc);
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    const missing = ['INTERVENTIONS', 'PRINCIPAL_RESPONSIBILITIES', 'OVERALL_RESPONSIBILITY', 'PERSON_GOALS', 'CONTACT_PERSONS', 'NEXT_FOLLOW_UP'];
    for (const item of missing) expect(res.errors![0].message).toContain(item);
    expect((res.errors![0].extensions!.problems as any[]).map((p) => p.item)).toEqual(['INTERVENTIONS', 'PRINCIPAL_RESPONSIBILITIES', 'OTHERS_RESPONSIBILITIES', 'OVERALL_RESPONSIBILITY', 'PERSON_GOALS', 'CONTACT_PERSONS', 'NEXT_FOLLOW_UP']);
    const after = (await app.gql(GET, { id: sip.id }, vc)).data.sip;
    expect(after).toMatchObject({ status: 'CALLED', version: 2 });
    expect(after.activationProblems.map((p: any) => p.item)).toContain('CONTACT_PERSONS');
    expect((await app.logRows(res.requestId)).map((r) => r.outcome)).toEqual(['REJECTED']);
  });

  it('refuses a follow-up date in the past and a stale version, writing nothing', async () => {
    const past = await app.gql(CONTENT, { input: { sipId: sip.id, version: sip.version, nextFollowUpDate: '2026-03-08' } }, mora);
    expect(codes(past)).toEqual(['BAD_USER_INPUT']);
    expect(past.errors![0].extensions?.field).toBe('nextFollowUpDate');
    const stale = await app.gql(CONTENT, { input: { sipId: sip.id, version: sip.version - 1, personGoals: 'Klara mig själv' } }, mora);
    expect(codes(stale)).toEqual(['CONFLICT']);
    expect(reasons(stale)).toEqual(['STALE_VERSION']);
    expect((await app.gql(GET, { id: sip.id }, vc)).data.sip).toMatchObject({ version: 2, personGoals: null, nextFollowUpDate: null });
  });

  it('lets Försäkringskassan read the plan and keep its own contact, but not change the plan', async () => {
    const own = sip.participants.find((p: any) => p.organisation?.name === 'Försäkringskassan');
    const moraRow = sip.participants.find((p: any) => p.organisation?.name === 'Mora kommun');
    const change = await app.gql(CONTENT, { input: { sipId: sip.id, version: sip.version, personGoals: 'Arbeta igen' } }, fk);
    expect(codes(change)).toEqual(['FORBIDDEN']);
    const other = await app.gql(PARTICIPANT_UPDATE, { input: { sipId: sip.id, version: sip.version, participantId: moraRow.id, contact: { name: 'Någon' } } }, fk);
    expect(codes(other)).toEqual(['FORBIDDEN']);
    sip = ok(await app.gql(PARTICIPANT_UPDATE, { input: { sipId: sip.id, version: sip.version, participantId: own.id, contact: { name: 'Karin Handläggare', role: 'handläggare sjukpenning', details: '0771-524 524' } } }, fk), 'sipParticipantUpdate');
    expect(sip.version).toBe(3);
  });

  it('is completed by the principals: contact person, goals, who does what by when, overall responsibility, follow-up date', async () => {
    const moraRow = sip.participants.find((p: any) => p.organisation?.name === 'Mora kommun');
    sip = ok(await app.gql(PARTICIPANT_UPDATE, { input: { sipId: sip.id, version: sip.version, participantId: moraRow.id, contact: { name: 'Mats Biståndshandläggare', role: 'biståndshandläggare' } } }, mora), 'sipParticipantUpdate');
    const res = await app.gql(
      CONTENT,
      {
        input: {
          sipId: sip.id,
          version: sip.version,
          personGoals: 'Jag vill klara morgonen själv och gå till affären.',
          personOwnActions: 'Gör övningarna varje dag.',
          overallResponsibleOrganisationId: MORA,
          nextFollowUpDate: '2026-04-09',
          interventions: [
            { description: 'Hemrehabilitering: träning i hemmet', responsibleOrganisationId: MORA, dueDate: '2026-04-30' },
            { description: 'Fysioterapi och läkemedelsgenomgång', responsibleOrganisationId: DALARNA, dueDate: '2026-03-31' },
            { description: 'Avstämningsmöte om sjukpenning', responsibleOrganisationId: FK },
          ],
        },
      },
      mora,
    );
    sip = ok(res, 'sipContentUpdate');
    expect(sip).toMatchObject({ version: 5, overallResponsibleOrganisation: { name: 'Mora kommun' }, nextFollowUpDate: '2026-04-09', activationProblems: [] });
    expect(sip.interventions.map((i: any) => i.responsibleOrganisation.name)).toEqual(['Mora kommun', 'Region Dalarna', 'Försäkringskassan']);
  });

  it('activates at the meeting where it was agreed, recording KVÅ AU124 on that meeting', async () => {
    sip = ok(await app.gql(ACTIVATE, { input: { sipId: sip.id, version: sip.version, meetingId: sip.meetings[0].id } }, vc), 'sipActivate');
    expect(sip).toMatchObject({ status: 'ACTIVE', version: 6, activatedAt: '2026-03-09T14:00:00.000Z' });
    expect(sip.meetings[0].kvaCode).toEqual({ code: 'AU124', title: 'Upprättande av samordnad individuell plan (SIP)' });
  });

  it('keeps a running plan complete: clearing the goals is refused', async () => {
    const res = await app.gql(CONTENT, { input: { sipId: sip.id, version: sip.version, personGoals: null } }, mora);
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].message).toContain('PERSON_GOALS');
  });

  it('shows the follow-up as overdue for each participating organisation once its date has passed, and to nobody else', async () => {
    app.setNow('2026-04-14T09:00:00+02:00');
    for (const [token, org] of [
      [mora, MORA],
      [vc, DALARNA],
      [fk, FK],
    ]) {
      const res = await app.gql(DUE, { org }, token);
      expect(res.errors).toBeUndefined();
      const mine = res.data.sipFollowUpsDue.edges.map((e: any) => e.node).filter((n: any) => n.sip.id === sip.id);
      expect(mine).toEqual([{ dueDate: '2026-04-09', overdue: true, sip: { id: sip.id, status: 'ACTIVE', patient: { personnummer: person.personnummer } } }]);
    }
    const outsider = await app.gql(DUE, { org: seededOrganisationId('2080') }, falun);
    expect(outsider.data.sipFollowUpsDue.edges.map((e: any) => e.node.sip.id)).not.toContain(sip.id);
    // Only for one's own organisation.
    const other = await app.gql(DUE, { org: MORA }, fk);
    expect(codes(other)).toEqual(['FORBIDDEN']);
  });

  it('records the follow-up (late) with KVÅ UX301; the plan goes on with its next date and leaves the overdue list', async () => {
    sip = ok(await app.gql(FOLLOW_UP, { input: { sipId: sip.id, version: sip.version, outcome: 'CONTINUE', nextFollowUpDate: '2026-06-01', note: 'Klarar morgonen; fortsatt träning.' } }, mora), 'sipFollowUpRecord');
    expect(sip).toMatchObject({ status: 'ACTIVE', nextFollowUpDate: '2026-06-01' });
    expect(sip.followUps).toEqual([
      { dueDate: '2026-04-09', doneAt: '2026-04-14T07:00:00.000Z', overdue: false, note: 'Klarar morgonen; fortsatt träning.', kvaCode: { code: 'UX301' }, meeting: null },
      { dueDate: '2026-06-01', doneAt: null, overdue: false, note: null, kvaCode: null, meeting: null },
    ]);
    const due = await app.gql(DUE, { org: MORA }, mora);
    expect(due.data.sipFollowUpsDue.edges.map((e: any) => e.node.sip.id)).not.toContain(sip.id);
    // Asking ahead lists it under its new date.
    const ahead = await app.gql(DUE, { org: MORA, before: '2026-06-02' }, mora);
    expect(ahead.data.sipFollowUpsDue.edges.map((e: any) => [e.node.sip.id, e.node.dueDate, e.node.overdue])).toContainEqual([sip.id, '2026-06-01', false]);
  });

  it('is followed up on time and closed; a closed plan can no longer change', async () => {
    app.setNow('2026-05-29T10:00:00+02:00');
    sip = ok(await app.gql(FOLLOW_UP_START, { input: { sipId: sip.id, version: sip.version } }, vc), 'sipFollowUpStart');
    expect(sip.status).toBe('FOLLOW_UP');
    sip = ok(await app.gql(FOLLOW_UP, { input: { sipId: sip.id, version: sip.version, outcome: 'CLOSE', note: 'Målen nådda.' } }, vc), 'sipFollowUpRecord');
    expect(sip).toMatchObject({ status: 'CLOSED', endedAt: '2026-05-29T08:00:00.000Z', endReason: 'Målen nådda.', nextFollowUpDate: null });
    expect(sip.followUps[1]).toMatchObject({ dueDate: '2026-06-01', doneAt: '2026-05-29T08:00:00.000Z', kvaCode: { code: 'UX301' } });
    const late = await app.gql(CANCEL, { input: { sipId: sip.id, version: sip.version, reason: 'Fel' } }, vc);
    expect(codes(late)).toEqual(['CONFLICT']);
    expect(reasons(late)).toEqual(['ILLEGAL_STATE']);
  });

  it('left one access-log row for each read and write of the plan', async () => {
    const rows = await app.dataSource.query(`SELECT action, outcome FROM access_log WHERE record_type = 'SIP' AND record_id = $1 ORDER BY id`, [sip.id]);
    const actions = rows.map((r: any) => r.action);
    for (const action of ['sipCreate', 'sip', 'sipMeetingRecord', 'sipActivate', 'sipContentUpdate', 'sipParticipantUpdate', 'sipFollowUpsDue', 'sipFollowUpRecord', 'sipFollowUpStart']) expect(actions).toContain(action);
    expect(rows.filter((r: any) => r.outcome === 'DENIED').map((r: any) => r.action)).toEqual(expect.arrayContaining(['sipContentUpdate', 'sipParticipantUpdate']));
    expect(rows.filter((r: any) => r.outcome === 'NOT_FOUND').map((r: any) => r.action)).toContain('sip');
  });
});

describe('SIP rules that refuse, and the planners’ statistics', () => {
  let app: TestApp;
  let moraStaff: string;
  let regionStaff: string;
  beforeAll(async () => {
    app = await startTestApp();
    moraStaff = await app.token('2062', Role.CARE_STAFF);
    regionStaff = await app.token('20', Role.CARE_STAFF);
    // January 2026: before every other suite's plans (the story starts in late February; others use the real clock).
    app.setNow('2026-01-12T10:00:00+01:00');
  });
  afterAll(() => {
    app.setNow(null);
    return app.stop();
  });

  /** A person kept by `municipality`, with the person's SIP consent from it to Region Dalarna unless `consent` is false. */
  const resident = async (token: string, municipalityCode: string, sex: 'FEMALE' | 'MALE', consent = true) => {
    const created = await app.gql(
      `mutation($p: String!, $m: String!) { patientCreate(input: { personnummer: $p, homeMunicipalityCode: $m }) { patient { id } } }`,
      { p: testPersonnummer('19440404', sex), m: municipalityCode },
      token,
    );
    expect(created.errors).toBeUndefined();
    const patientId = created.data.patientCreate.patient.id as string;
    if (consent) await sipConsent(app, token, patientId, DALARNA);
    return patientId;
  };
  const create = (token: string, patientId: string, participants: object[] = [{ organisationId: DALARNA }]) => app.gql(CREATE, { input: { patientId, participants } }, token);
  const sipsOf = async (patientId: string) => Number((await app.dataSource.query('SELECT count(*) AS n FROM sip WHERE patient_id = $1', [patientId]))[0].n);

  it('refuses a SIP without the person’s consent to it: no consent, no SIP', async () => {
    const patientId = await resident(moraStaff, '2062', 'FEMALE', false);
    const res = await create(moraStaff, patientId);
    expect(codes(res)).toEqual(['FORBIDDEN']);
    expect(res.errors![0].message).toContain('no consent, no SIP');
    expect(await sipsOf(patientId)).toBe(0);
    expect((await app.logRows(res.requestId)).map((r) => r.outcome)).toEqual(['DENIED']);
  });

  it('refuses a SIP without the other principal, and one for a patient the viewer’s organisation takes no part in', async () => {
    const patientId = await resident(moraStaff, '2062', 'FEMALE');
    const alone = await create(moraStaff, patientId, []);
    expect(codes(alone)).toEqual(['BAD_USER_INPUT']);
    expect(alone.errors![0].extensions?.field).toBe('participants');
    const outsider = await create(await app.token('2080', Role.CARE_STAFF), patientId);
    expect(codes(outsider)).toEqual(['NOT_FOUND']);
    expect((await app.logRows(outsider.requestId)).map((r) => r.outcome)).toEqual(['NOT_FOUND']);
    expect(await sipsOf(patientId)).toBe(0);
  });

  it('lets only a principal call a SIP: Försäkringskassan, though it takes part, may not', async () => {
    const patientId = await resident(moraStaff, '2062', 'MALE');
    await sipConsent(app, moraStaff, patientId, FK);
    expect((await create(moraStaff, patientId, [{ organisationId: DALARNA }, { organisationId: FK }])).errors).toBeUndefined();
    const res = await create(await app.token('20:fk', Role.CARE_STAFF), patientId, [{ organisationId: MORA }]);
    expect(codes(res)).toEqual(['FORBIDDEN']);
    expect(await sipsOf(patientId)).toBe(1);
  });

  it('treats another municipality like anyone else: without a consent to it, it neither joins nor sees the person', async () => {
    const patientId = await resident(moraStaff, '2062', 'FEMALE');
    const sip = (await create(moraStaff, patientId)).data.sipCreate.sip;
    const falun = seededOrganisationId('2080')!;
    const res = await app.gql(PARTICIPANT_ADD, { input: { sipId: sip.id, version: sip.version, kind: 'ORGANISATION', organisation: { organisationId: falun } } }, moraStaff);
    expect(codes(res)).toEqual(['FORBIDDEN']);
    expect(res.errors![0].message).toContain('Falu kommun');
    const look = await app.gql(`query($id: ID!) { patient(id: $id) { id } }`, { id: patientId }, await app.token('2080', Role.CARE_STAFF));
    expect(codes(look)).toEqual(['NOT_FOUND']);
    // A meeting is recorded once it has been called.
    const early = await app.gql(MEETING, { input: { sipId: sip.id, version: sip.version, heldAt: '2026-01-12T09:00:00+01:00', video: true, presentParticipantIds: [sip.participants[0].id] } }, moraStaff);
    expect(codes(early)).toEqual(['CONFLICT']);
    expect(reasons(early)).toEqual(['ILLEGAL_STATE']);
  });

  it('lets relatives take part only while the person does not object, and names an intervention given to an organisation outside the plan', async () => {
    const patientId = await resident(moraStaff, '2062', 'FEMALE');
    let sip = (await create(moraStaff, patientId)).data.sipCreate.sip;
    const relative = await app.gql(PARTICIPANT_ADD, { input: { sipId: sip.id, version: sip.version, kind: 'RELATIVE', relative: { name: 'Lisa Dotter', role: 'dotter' } } }, moraStaff);
    expect(relative.errors).toBeUndefined();
    sip = relative.data.sipParticipantAdd.sip;
    expect(sip.participants.map((p: any) => [p.kind, p.contactName, p.contactRole])).toContainEqual(['RELATIVE', 'Lisa Dotter', 'dotter']);
    sip = (await app.gql(CONTENT, { input: { sipId: sip.id, version: sip.version, personObjectsToRelatives: true } }, moraStaff)).data.sipContentUpdate.sip;
    expect(sip.personObjectsToRelatives).toBe(true);
    expect(sip.participants.map((p: any) => p.kind)).not.toContain('RELATIVE');
    const again = await app.gql(PARTICIPANT_ADD, { input: { sipId: sip.id, version: sip.version, kind: 'RELATIVE', relative: { name: 'Lisa Dotter' } } }, moraStaff);
    expect(codes(again)).toEqual(['FORBIDDEN']);
    // Falu kommun does not take part: an intervention for it is named before activation.
    sip = (
      await app.gql(CONTENT, { input: { sipId: sip.id, version: sip.version, interventions: [{ description: 'Korttidsplats', responsibleOrganisationId: seededOrganisationId('2080') }] } }, moraStaff)
    ).data.sipContentUpdate.sip;
    expect(sip.activationProblems.map((p: any) => p.item)).toContain('INTERVENTION_RESPONSIBLE_NOT_PARTICIPATING');
    const cancel = await app.gql(CANCEL, { input: { sipId: sip.id, version: sip.version } }, regionStaff);
    expect(codes(cancel)).toEqual(['BAD_USER_INPUT']);
    expect(cancel.errors![0].extensions?.field).toBe('reason');
  });

  it('lets Försäkringskassan go once the person withdraws the consent it took part on, until the person consents again', async () => {
    // February: after the January plans the statistics below count.
    app.setNow('2026-02-02T10:00:00+01:00');
    const patientId = await resident(moraStaff, '2062', 'MALE');
    const consentId = await sipConsent(app, moraStaff, patientId, FK);
    const sip = ok(await create(moraStaff, patientId, [{ organisationId: DALARNA }, { organisationId: FK }]), 'sipCreate');
    const fkStaff = await app.token('20:fk', Role.CARE_STAFF);
    const PATIENT = `query($id: ID!) { patient(id: $id) { id } }`;
    expect((await app.gql(GET, { id: sip.id }, fkStaff)).data.sip.id).toBe(sip.id);

    const revoke = await app.gql(REVOKE, { input: { id: consentId, reason: 'Patienten återkallar samtycket' } }, moraStaff);
    expect(revoke.errors).toBeUndefined();
    expect(revoke.data.consentRevoke.consent).toEqual({ status: 'REVOKED', revokedAt: '2026-02-02T09:00:00.000Z' });
    expect((await app.logRows(revoke.requestId)).map((r) => [r.action, r.outcome])).toEqual([
      ['consentRevoke', 'ALLOWED'],
      ['consentRevoke', 'ALLOWED'],
    ]);
    expect(codes(await app.gql(GET, { id: sip.id }, fkStaff))).toEqual(['NOT_FOUND']);
    expect(codes(await app.gql(PATIENT, { id: patientId }, fkStaff))).toEqual(['NOT_FOUND']);
    const after = (await app.gql(GET, { id: sip.id }, moraStaff)).data.sip;
    expect(after.version).toBe(sip.version + 1);
    expect(after.participants.map((p: any) => p.organisation?.name ?? p.kind)).toEqual(['Mora kommun', 'Region Dalarna', 'PERSON']);
    // A change made on the version read before the withdrawal is refused.
    const stale = await app.gql(CONTENT, { input: { sipId: sip.id, version: sip.version, personGoals: 'Arbeta halvtid' } }, moraStaff);
    expect([codes(stale), reasons(stale)]).toEqual([['CONFLICT'], ['STALE_VERSION']]);

    await sipConsent(app, moraStaff, patientId, FK);
    const again = ok(await app.gql(PARTICIPANT_ADD, { input: { sipId: sip.id, version: after.version, kind: 'ORGANISATION', organisation: { organisationId: FK } } }, moraStaff), 'sipParticipantAdd');
    expect(again.participants.map((p: any) => [p.organisation?.name ?? p.kind, p.basis])).toContainEqual(['Försäkringskassan', 'SIP_CONSENT']);
    expect((await app.gql(GET, { id: sip.id }, fkStaff)).data.sip.id).toBe(sip.id);
    expect((await app.gql(PATIENT, { id: patientId }, fkStaff)).data.patient.id).toBe(patientId);
  });

  it('cancels a running plan once the person withdraws the consent to it (no consent, no SIP), unless a consent between the principals remains', async () => {
    app.setNow('2026-02-03T10:00:00+01:00');
    const patientId = await resident(moraStaff, '2062', 'FEMALE', false);
    const consentId = await sipConsent(app, moraStaff, patientId, DALARNA);
    const sip = ok(await create(moraStaff, patientId), 'sipCreate');
    const revoke = await app.gql(REVOKE, { input: { id: consentId, reason: 'Vill inte längre ha någon SIP' } }, moraStaff);
    expect(revoke.errors).toBeUndefined();
    expect((await app.logRows(revoke.requestId)).map((r) => [r.action, r.outcome])).toEqual([
      ['consentRevoke', 'ALLOWED'],
      ['consentRevoke', 'ALLOWED'],
    ]);
    // Both principals keep the plan, read-only, as their record.
    const after = (await app.gql(GET, { id: sip.id }, regionStaff)).data.sip;
    expect(after).toMatchObject({ status: 'CANCELLED', version: sip.version + 1, endedAt: '2026-02-03T09:00:00.000Z', endReason: 'The person withdrew their consent to the plan' });
    expect(codes(await app.gql(CONTENT, { input: { sipId: sip.id, version: after.version, personGoals: 'Klara mig själv' } }, moraStaff))).toEqual(['CONFLICT']);

    // The person also consented the other way, region to municipality: the plan still has its consent.
    const other = await resident(moraStaff, '2062', 'FEMALE', false);
    const toRegion = await sipConsent(app, moraStaff, other, DALARNA);
    const kept = ok(await create(moraStaff, other), 'sipCreate');
    await sipConsent(app, regionStaff, other, MORA);
    expect((await app.gql(REVOKE, { input: { id: toRegion, reason: 'Fel mottagare' } }, moraStaff)).errors).toBeUndefined();
    expect((await app.gql(GET, { id: kept.id }, moraStaff)).data.sip).toMatchObject({ status: 'DRAFT', version: kept.version });
  });

  it('gives planners started plans by municipality and sex, small counts as "<5" and the counts that would reveal them as ".."', async () => {
    // Five women in Mora and one man in Älvdalen start plans on 2026-01-20 (besides the plans above, started on 01-12).
    app.setNow('2026-01-20T10:00:00+01:00');
    const alvdalenStaff = await app.token('2039', Role.CARE_STAFF);
    for (let i = 0; i < 5; i++) expect((await create(moraStaff, await resident(moraStaff, '2062', 'FEMALE'))).errors).toBeUndefined();
    expect((await create(alvdalenStaff, await resident(alvdalenStaff, '2039', 'MALE'))).errors).toBeUndefined();
    const STATS = `query($period: PeriodInput!) { sipStatistics(regionCode: "20", period: $period) {
      smallCellThreshold
      region { started { total { display } female { display } male { display } } active { total { display } } }
      byMunicipality { municipality { id name } figures { started { total { display value suppressed } female { display } male { display } } } } } }`;
    const planner = await app.token('20', Role.PLANNER);
    const res = await app.gql(STATS, { period: { from: '2026-01-15', to: '2026-01-31' } }, planner);
    expect(res.errors).toBeUndefined();
    const stats = res.data.sipStatistics;
    const row = (id: string) => stats.byMunicipality.find((m: any) => m.municipality?.id === id).figures.started;
    expect(stats.smallCellThreshold).toBe(5);
    // 6 plans: the region total shows; the men's 1 is small, so the women's 5 is hidden too (else 6 − 5 = 1).
    expect(stats.region.started).toEqual({ total: { display: '6' }, female: { display: '..' }, male: { display: '<5' } });
    expect(stats.region.active.total.display).toBe('0');
    // Mora's 5 women would give the Älvdalen man away against the region's women, so they are hidden too.
    expect(row(MORA)).toEqual({ total: { display: '..', value: null, suppressed: true }, female: { display: '..' }, male: { display: '0' } });
    expect(row(ALVDALEN)).toEqual({ total: { display: '<5', value: null, suppressed: true }, female: { display: '0' }, male: { display: '<5' } });
    expect(stats.byMunicipality).toHaveLength(15);
    expect(JSON.stringify(res.data)).not.toMatch(/personnummer|patient/i);
    // January as a whole adds the three plans the tests above started on 01-12: 9.
    const january = await app.gql(STATS, { period: { from: '2026-01-01', to: '2026-01-31' } }, planner);
    expect(january.data.sipStatistics.region.started.total.display).toBe('9');
  });

  it('gives planners the same figures for every month of the period, zeros included', async () => {
    const STATS = `query($period: PeriodInput!) { sipStatistics(regionCode: "20", period: $period) {
      region { started { total { display } } }
      byMonth { month from to region { started { total { display } } } byMunicipality { municipality { id } } } } }`;
    const planner = await app.token('20', Role.PLANNER);
    const res = await app.gql(STATS, { period: { from: '2025-12-15', to: '2026-01-31' } }, planner);
    expect(res.errors).toBeUndefined();
    const stats = res.data.sipStatistics;
    expect(stats.byMonth.map((m: any) => [m.month, m.from, m.to])).toEqual([
      ['2025-12', '2025-12-15', '2025-12-31'],
      ['2026-01', '2026-01-01', '2026-01-31'],
    ]);
    // The nine plans of January, none in December.
    expect(stats.byMonth.map((m: any) => m.region.started.total.display)).toEqual(['0', '9']);
    expect(stats.region.started.total.display).toBe('9');
    expect(stats.byMonth.every((m: any) => m.byMunicipality.length === 15)).toBe(true);
    // Into February, whose few plans are '<5': January's nine are hidden too, else the period less January would give February away.
    const february = (await app.gql(STATS, { period: { from: '2026-01-01', to: '2026-02-10' } }, planner)).data.sipStatistics;
    const [januaryShown, februaryShown] = february.byMonth.map((m: any) => m.region.started.total.display);
    expect(februaryShown).toBe('<5');
    expect([januaryShown, february.region.started.total.display]).toContain('..');
  });

  it('refuses the statistics to anyone but a planner of the region', async () => {
    const period = { from: '2026-01-01', to: '2026-01-31' };
    const STATS = `query($period: PeriodInput!) { sipStatistics(regionCode: "20", period: $period) { smallCellThreshold } }`;
    expect(codes(await app.gql(STATS, { period }, regionStaff))).toEqual(['FORBIDDEN']);
    expect(codes(await app.gql(STATS, { period }, await app.token('19', Role.PLANNER)))).toEqual(['FORBIDDEN']);
    expect(codes(await app.gql(STATS, { period: { from: '2026-02-01', to: '2026-01-01' } }, await app.token('20', Role.PLANNER)))).toEqual(['BAD_USER_INPUT']);
  });
});
