import { seededOrganisationId } from '../../../entities/seed/seed';
import { TestApp } from '../../support/test-app';
import { DALARNA, DENIED_TO_OUTSIDERS, Fixture, inDays, MatrixRows, MORA, Operation, pagesUntil, VIEWERS } from './matrix';

type SipFixtureStatus = 'DRAFT' | 'CALLED' | 'ACTIVE';
interface FixtureSip {
  id: string;
  version: number;
  participants: { id: string; kind: string; organisation: { id: string } | null }[];
  meetings: { id: string }[];
}

interface SipFixture {
  /** Mora's SIP with Region Dalarna for the patient: ACTIVE, with an open follow-up due on `sipFollowUpDue`. */
  sipId: string;
  sipVersion(): Promise<number>;
  /** The person's own participant row of the SIP, to be present at a meeting. */
  sipPersonId: string;
  /** Region Dalarna's participant row of the SIP. */
  sipRegionParticipantId: string;
  sipFollowUpDue: string;
  /** Another SIP of Mora's with Region Dalarna for the patient, made for one attempt at a change of status. */
  newSip(status: SipFixtureStatus): Promise<FixtureSip>;
}

/** Lists of one's own organisation's plans: outsiders get theirs, without the patient's. */
const SIP_LIST_READERS = { owner: 'DATA', participant: 'DATA', nonParticipant: 'DATA', otherRegion: 'DATA', planner: 'FORBIDDEN', integration: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' } as const;

/**
 * Mora starts a SIP with Region Dalarna under the person's consent, calls the meeting and agrees
 * the plan at it: ACTIVE, with its first follow-up open. Region Dalarna records the person's
 * consent to a SIP of its own with Mora (the sipCreate row).
 */
async function setUp(app: TestApp, { patientId, tokens, validTo }: Fixture): Promise<SipFixture> {
  const sipConsent = async (token: string | null, recipient: string) => {
    const res = await app.gql(
      `mutation($input: ConsentRecordInput!) { consentRecord(input: $input) { consent { id } } }`,
      { input: { patientId, recipientOrganisationId: recipient, categories: ['CARE_AND_REHAB_PLAN'], purpose: 'SIP', validTo } },
      token,
    );
    expect(res.errors).toBeUndefined();
  };
  await sipConsent(tokens.owner, DALARNA);
  await sipConsent(tokens.participant, MORA);
  const sipStep = async (field: string, input: string, variables: Record<string, unknown>): Promise<FixtureSip> => {
    const res = await app.gql(`mutation($input: ${input}!) { ${field}(input: $input) { sip { id version participants { id kind organisation { id } } meetings { id } } } }`, { input: variables }, tokens.owner);
    expect(res.errors).toBeUndefined();
    return res.data[field].sip;
  };
  const sipFollowUpDue = inDays(14);
  const newSip = async (status: SipFixtureStatus) => {
    let sip = await sipStep('sipCreate', 'SipCreateInput', { patientId, contact: { name: 'Mats Biståndshandläggare' }, participants: [{ organisationId: DALARNA, contact: { name: 'Vera Vårdkontakt' } }] });
    if (status === 'DRAFT') return sip;
    sip = await sipStep('sipContentUpdate', 'SipContentUpdateInput', {
      sipId: sip.id,
      version: sip.version,
      personGoals: 'Klara morgonen själv',
      overallResponsibleOrganisationId: MORA,
      nextFollowUpDate: sipFollowUpDue,
      interventions: [
        { description: 'Hemrehabilitering', responsibleOrganisationId: MORA },
        { description: 'Läkemedelsgenomgång', responsibleOrganisationId: DALARNA },
      ],
    });
    const meetingAt = new Date().toISOString();
    sip = await sipStep('sipCall', 'SipCallInput', { sipId: sip.id, version: sip.version, meetingAt, meetingPlace: 'Mora' });
    sip = await sipStep('sipMeetingRecord', 'SipMeetingRecordInput', { sipId: sip.id, version: sip.version, heldAt: meetingAt, place: 'Mora', presentParticipantIds: sip.participants.map((p) => p.id) });
    if (status === 'CALLED') return sip;
    return sipStep('sipActivate', 'SipActivateInput', { sipId: sip.id, version: sip.version, meetingId: sip.meetings[0].id });
  };
  const sip = await newSip('ACTIVE');
  const sipId = sip.id;
  return {
    sipId,
    newSip,
    sipRegionParticipantId: sip.participants.find((p) => p.organisation?.id === DALARNA)!.id,
    async sipVersion() {
      return (await app.dataSource.query('SELECT version FROM sip WHERE id = $1', [sipId]))[0].version;
    },
    sipPersonId: sip.participants.find((p) => p.kind === 'PERSON')!.id,
    sipFollowUpDue,
  };
}

/** Coordinated individual plans: Mora's SIP with Region Dalarna for the patient, and fresh plans for each change of status. */
export const rows: MatrixRows<SipFixture> = {
  setUp,
  operations: [
    {
      name: 'sip',
      run: (app, token, f) => app.gql(`query($id: ID!) { sip(id: $id) { id patient { id } initiatingOrganisation { name } participants { organisation { name } } } }`, { id: f.sipId }, token),
      check: (data, f) => {
        expect(data.sip).toMatchObject({ id: f.sipId, patient: { id: f.patientId }, initiatingOrganisation: { name: 'Mora kommun' } });
        expect(data.sip.participants.map((p: any) => p.organisation?.name ?? null)).toEqual(expect.arrayContaining(['Mora kommun', 'Region Dalarna', null]));
      },
      expected: { owner: 'DATA', participant: 'DATA', ...DENIED_TO_OUTSIDERS },
    },
    {
      name: 'sips (list)',
      run: (app, token, f) =>
        pagesUntil(app, token, `query($after: String) { sips(first: 100, after: $after) { edges { node { id patient { id } } } pageInfo { hasNextPage endCursor } } }`, 'sips', (n) => n.id === f.sipId),
      // Both principals take part in the plan; outsiders get their own plans, never this one.
      check: (data, f, viewer) => {
        const nodes = data.sips.edges.map((e: any) => e.node);
        expect(nodes.some((n: any) => n.id === f.sipId)).toBe(['owner', 'participant'].includes(viewer));
        if (!['owner', 'participant'].includes(viewer)) expect(nodes.map((n: any) => n.patient.id)).not.toContain(f.patientId);
      },
      expected: SIP_LIST_READERS,
      concernsPatient: false,
    },
    {
      name: 'sips (filter on the patient)',
      run: (app, token, f) => app.gql(`query($p: ID) { sips(filter: { patientId: $p }) { edges { node { id } } } }`, { p: f.patientId }, token),
      // A filter on a patient the viewer may not see is NOT_FOUND, as `patient(id)` is: not an empty list logged as ALLOWED.
      check: (data, f) => expect(data.sips.edges.map((e: any) => e.node.id)).toContain(f.sipId),
      expected: { owner: 'DATA', participant: 'DATA', ...DENIED_TO_OUTSIDERS },
    },
    {
      name: 'sipFollowUpsDue',
      run: (app, token, f, viewer) =>
        app.gql(
          `query($org: ID!, $before: LocalDate) { sipFollowUpsDue(organisationId: $org, before: $before, first: 100) { edges { node { dueDate overdue sip { id } } } } }`,
          // Each viewer asks for its own organisation's follow-ups due within 30 days: the fixture's is due in 14.
          { org: seededOrganisationId(VIEWERS[viewer]?.[0] ?? '2062'), before: inDays(30) },
          token,
        ),
      check: (data, f, viewer) => {
        const mine = data.sipFollowUpsDue.edges.map((e: any) => e.node).filter((n: any) => n.sip.id === f.sipId);
        expect(mine).toEqual(['owner', 'participant'].includes(viewer) ? [{ dueDate: f.sipFollowUpDue, overdue: false, sip: { id: f.sipId } }] : []);
      },
      expected: SIP_LIST_READERS,
    concernsPatient: false,
    },
    {
      name: 'sipCreate',
      run: (app, token, f, viewer) =>
        app.gql(
          `mutation($input: SipCreateInput!) { sipCreate(input: $input) { sip { id status patient { id } initiatingOrganisation { id } participants { basis organisation { id } } } } }`,
          // Each principal calls a plan with the other, under the person's SIP consent from its own organisation.
          { input: { patientId: f.patientId, participants: [{ organisationId: viewer === 'participant' ? MORA : DALARNA }] } },
          token,
        ),
      check: (data, f, viewer) => {
        const sip = data.sipCreate.sip;
        expect(sip).toMatchObject({ status: 'DRAFT', patient: { id: f.patientId }, initiatingOrganisation: { id: seededOrganisationId(VIEWERS[viewer]![0]) } });
        expect(sip.id).not.toBe(f.sipId);
        expect(sip.participants.map((p: any) => [p.basis, p.organisation?.id ?? null])).toEqual([
          ['INITIATOR', seededOrganisationId(VIEWERS[viewer]![0])],
          ['PRINCIPAL', viewer === 'participant' ? MORA : DALARNA],
          [null, null],
        ]);
      },
      expected: { owner: 'DATA', participant: 'DATA', ...DENIED_TO_OUTSIDERS },
    },
    {
      name: 'sipContentUpdate',
      run: async (app, token, f, viewer) =>
        app.gql(
          `mutation($input: SipContentUpdateInput!) { sipContentUpdate(input: $input) { sip { id version personGoals activationProblems { item } } } }`,
          { input: { sipId: f.sipId, version: await f.sipVersion(), personGoals: `Klara morgonen själv (${viewer})` } },
          token,
        ),
      // Either principal changes the plan; it stays complete.
      check: (data, f, viewer) => expect(data.sipContentUpdate.sip).toMatchObject({ id: f.sipId, personGoals: `Klara morgonen själv (${viewer})`, activationProblems: [] }),
      expected: { owner: 'DATA', participant: 'DATA', ...DENIED_TO_OUTSIDERS },
    },
    {
      name: 'sipParticipantAdd (relative)',
      run: async (app, token, f, viewer) =>
        app.gql(
          `mutation($input: SipParticipantAddInput!) { sipParticipantAdd(input: $input) { sip { id participants { kind contactName } } } }`,
          { input: { sipId: f.sipId, version: await f.sipVersion(), kind: 'RELATIVE', relative: { name: `Anhörig ${viewer}`, role: 'dotter' } } },
          token,
        ),
      check: (data, f, viewer) => {
        expect(data.sipParticipantAdd.sip.id).toBe(f.sipId);
        expect(data.sipParticipantAdd.sip.participants).toContainEqual({ kind: 'RELATIVE', contactName: `Anhörig ${viewer}` });
      },
      expected: { owner: 'DATA', participant: 'DATA', ...DENIED_TO_OUTSIDERS },
    },
    {
      name: 'sipMeetingRecord',
      run: async (app, token, f) =>
        app.gql(
          `mutation($input: SipMeetingRecordInput!) { sipMeetingRecord(input: $input) { sip { id meetings { id } } meeting { id present { kind } } } }`,
          { input: { sipId: f.sipId, version: await f.sipVersion(), heldAt: new Date().toISOString(), video: true, presentParticipantIds: [f.sipPersonId] } },
          token,
        ),
      check: (data, f) => {
        const { sip, meeting } = data.sipMeetingRecord;
        expect(sip.id).toBe(f.sipId);
        expect(meeting.present).toEqual([{ kind: 'PERSON' }]);
        expect(sip.meetings.map((m: any) => m.id)).toContain(meeting.id);
      },
      expected: { owner: 'DATA', participant: 'DATA', ...DENIED_TO_OUTSIDERS },
    },
    {
      name: 'sipParticipantUpdate',
      run: async (app, token, f) =>
        app.gql(
          `mutation($input: SipParticipantUpdateInput!) { sipParticipantUpdate(input: $input) { sip { id participants { id contactName } } } }`,
          { input: { sipId: f.sipId, version: await f.sipVersion(), participantId: f.sipRegionParticipantId, contact: { name: 'Vera Vårdkontakt', details: '023-49 00 00' } } },
          token,
        ),
      check: (data, f) => expect(data.sipParticipantUpdate.sip.participants).toContainEqual({ id: f.sipRegionParticipantId, contactName: 'Vera Vårdkontakt' }),
      expected: { owner: 'DATA', participant: 'DATA', ...DENIED_TO_OUTSIDERS },
    },
    statusChange('sipCall', 'SipCallInput', 'DRAFT', 'CALLED', () => ({ meetingAt: new Date(Date.now() + 86400_000).toISOString(), meetingPlace: 'Mora' })),
    statusChange('sipActivate', 'SipActivateInput', 'CALLED', 'ACTIVE', (sip) => ({ meetingId: sip.meetings[0].id })),
    statusChange('sipFollowUpStart', 'SipStatusInput', 'ACTIVE', 'FOLLOW_UP', () => ({})),
    statusChange('sipFollowUpRecord', 'SipFollowUpRecordInput', 'ACTIVE', 'ACTIVE', () => ({ outcome: 'CONTINUE', nextFollowUpDate: inDays(60), note: 'Fortsätter' })),
    statusChange('sipClose', 'SipStatusInput', 'ACTIVE', 'CLOSED', () => ({ reason: 'Målen nådda' })),
    statusChange('sipCancel', 'SipStatusInput', 'DRAFT', 'CANCELLED', () => ({ reason: 'Personen flyttar' })),  ],
};

/** A change of a fresh plan's status, from `from` to `to`, by the principals only. */
function statusChange(field: string, input: string, from: SipFixtureStatus, to: string, extra: (sip: FixtureSip) => Record<string, unknown>): Operation<SipFixture> {
  return {
    name: field,
    run: async (app, token, f) => {
      const sip = await f.newSip(from);
      return app.gql(`mutation($input: ${input}!) { ${field}(input: $input) { sip { id status version } } }`, { input: { sipId: sip.id, version: sip.version, ...extra(sip) } }, token);
    },
    check: (data) => expect(data[field].sip.status).toBe(to),
    expected: { owner: 'DATA', participant: 'DATA', ...DENIED_TO_OUTSIDERS },
  };
}