import { randomUUID } from 'node:crypto';
import { Role } from '../../domain/enums';
import { ParticipationSource } from '../../domain/participation';
import { OPERATIONS as DECLARED } from '../../resolvers/operations';
import { patientDataFields } from '../../schema/operations';
import { seededOrganisationId } from '../../entities/seed/seed';
import { testPersonnummer } from '../support/personnummer';
import { GraphQLResponse, startTestApp, TestApp } from '../support/test-app';
import { joinCase } from '../../server/access/participation.sql';

/**
 * Who may do what with patient data: every query and mutation that touches it, for every kind of
 * viewer, with the exact outcome and the access-log row each attempt must leave. Mora municipality
 * keeps the patient's record; Region Dalarna takes part in the case and discharges the patient
 * from Falu lasarett (a hand-off to Mora); the two make a SIP for the patient, called by Mora.
 * Falun is another municipality of the region; Västerås lies in another region; Mora's planning
 * system is an INTEGRATION client.
 *
 * A new patient-data operation is added here (its capability declares it in its operations file).
 */
type Viewer = 'owner' | 'participant' | 'nonParticipant' | 'otherRegion' | 'planner' | 'integration' | 'anonymous';
type Outcome = 'DATA' | 'NOT_FOUND' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'CONFLICT';

const VIEWERS: Record<Viewer, [string, Role] | null> = {
  owner: ['2062', Role.CARE_STAFF],
  participant: ['20', Role.CARE_STAFF],
  nonParticipant: ['2080', Role.CARE_STAFF],
  otherRegion: ['1980', Role.CARE_STAFF],
  planner: ['20', Role.PLANNER],
  // Mora kommun's planning system: its own hand-off inbox, nothing else of patients.
  integration: ['2062', Role.INTEGRATION],
  anonymous: null,
};

/** The access-log outcome each GraphQL outcome must leave. */
const LOGGED: Record<Outcome, string> = {
  DATA: 'ALLOWED',
  NOT_FOUND: 'NOT_FOUND',
  FORBIDDEN: 'DENIED',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  CONFLICT: 'REJECTED',
};

interface Fixture {
  patientId: string;
  personnummer: string;
  /** A fresh, unrevoked consent Mora → Region Dalarna for each revocation attempt. */
  newConsent(): Promise<string>;
  handoffId: string;
  /** The hand-off's admission notice, addressed to Mora and to Region Dalarna's primary care. */
  admissionNoticeId: string;
  handoffVersion(): Promise<number>;
  /** A care unit of each viewer's organisation, to send a hand-off from. */
  careUnitOf(viewer: Viewer): string;
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

type SipFixtureStatus = 'DRAFT' | 'CALLED' | 'ACTIVE';
interface FixtureSip {
  id: string;
  version: number;
  participants: { id: string; kind: string; organisation: { id: string } | null }[];
  meetings: { id: string }[];
}

interface Operation {
  name: string;
  run(app: TestApp, token: string | null, f: Fixture, viewer: Viewer): Promise<GraphQLResponse>;
  /** When the operation answers with data: what the data must show. */
  check?(data: any, f: Fixture, viewer: Viewer): void;
  expected: Record<Viewer, Outcome>;
  /** Where the log records more than the GraphQL outcome says (an empty search is a NOT_FOUND). */
  logged?: Partial<Record<Viewer, string>>;
  /**
   * False for lists and look-ups that name no record of the fixture's patient. Every other attempt,
   * refused ones included, is logged against the patient (resolved server-side from a record id).
   */
  concernsPatient?: false;
}

const DENIED_TO_OUTSIDERS = { nonParticipant: 'NOT_FOUND', otherRegion: 'NOT_FOUND', planner: 'FORBIDDEN', integration: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' } as const;
const HANDOFF_READERS = { nonParticipant: 'NOT_FOUND', otherRegion: 'NOT_FOUND', planner: 'FORBIDDEN', integration: 'DATA', anonymous: 'UNAUTHENTICATED' } as const;
/** Lists of one's own organisation's plans: outsiders get theirs, without the patient's. */
const SIP_LIST_READERS = { owner: 'DATA', participant: 'DATA', nonParticipant: 'DATA', otherRegion: 'DATA', planner: 'FORBIDDEN', integration: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' } as const;

const MORA = seededOrganisationId('2062')!;
const DALARNA = seededOrganisationId('20')!;
/** A date `days` from now, as the API takes local dates. */
const inDays = (days: number) => new Date(Date.now() + days * 86400_000).toISOString().slice(0, 10);

const OPERATIONS: Operation[] = [
  {
    name: 'patient',
    run: (app, token, f) => app.gql(`query($id: ID!) { patient(id: $id) { id personnummer } }`, { id: f.patientId }, token),
    check: (data, f) => expect(data.patient).toEqual({ id: f.patientId, personnummer: f.personnummer }),
    expected: { owner: 'DATA', participant: 'DATA', ...DENIED_TO_OUTSIDERS },
  },
  {
    name: 'patients (personnummer look-up)',
    run: (app, token, f) => app.gql(`query($p: String) { patients(filter: { personnummer: $p }) { edges { node { id } } } }`, { p: f.personnummer }, token),
    // Outsiders get an empty list: the same answer as for a person nobody has a record of.
    check: (data, f, viewer) => expect(data.patients.edges).toEqual(['owner', 'participant'].includes(viewer) ? [{ node: { id: f.patientId } }] : []),
    expected: { owner: 'DATA', participant: 'DATA', nonParticipant: 'DATA', otherRegion: 'DATA', planner: 'FORBIDDEN', integration: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' },
    logged: { nonParticipant: 'NOT_FOUND', otherRegion: 'NOT_FOUND' },
    concernsPatient: false,
  },
  {
    name: 'patients (list)',
    run: (app, token) => app.gql(`{ patients(first: 100) { edges { node { id } } } }`, {}, token),
    check: (data, f, viewer) => {
      const ids = data.patients.edges.map((e: any) => e.node.id);
      expect(ids.includes(f.patientId)).toBe(['owner', 'participant'].includes(viewer));
    },
    expected: { owner: 'DATA', participant: 'DATA', nonParticipant: 'DATA', otherRegion: 'DATA', planner: 'FORBIDDEN', integration: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' },
    concernsPatient: false,
  },
  {
    name: 'patientCreate (same person)',
    run: (app, token, f) => app.gql(`mutation($p: String!) { patientCreate(input: { personnummer: $p }) { patient { id owner { id } } } }`, { p: f.personnummer }, token),
    // Each principal keeps its own record; only the owner already has one. Nobody learns of the others.
    check: (data, f) => expect(data.patientCreate.patient.id).not.toBe(f.patientId),
    expected: { owner: 'CONFLICT', participant: 'DATA', nonParticipant: 'DATA', otherRegion: 'DATA', planner: 'FORBIDDEN', integration: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' },
  concernsPatient: false,
  },
  {
    name: 'patientUpdate',
    // The version the record has now: the owner's update raises it, and an outsider's attempt must fail on who it is, not on a stale version.
    run: async (app, token, f) => {
      const [{ version }] = await app.dataSource.query('SELECT version FROM patient WHERE id = $1', [f.patientId]);
      return app.gql(`mutation($id: ID!, $v: Int!) { patientUpdate(input: { id: $id, version: $v, address: "Moravägen 1" }) { patient { id } } }`, { id: f.patientId, v: version }, token);
    },
    check: (data, f) => expect(data.patientUpdate.patient.id).toBe(f.patientId),
    expected: { owner: 'DATA', participant: 'FORBIDDEN', ...DENIED_TO_OUTSIDERS },
  },
  {
    name: 'consents',
    run: (app, token, f) => app.gql(`query($id: ID!) { consents(patientId: $id) { edges { node { id patientId } } } }`, { id: f.patientId }, token),
    check: (data, f) => expect(data.consents.edges.every((e: any) => e.node.patientId === f.patientId)).toBe(true),
    expected: { owner: 'DATA', participant: 'DATA', ...DENIED_TO_OUTSIDERS },
  },
  {
    name: 'consentRecord',
    run: (app, token, f, viewer) =>
      app.gql(
        `mutation($input: ConsentRecordInput!) { consentRecord(input: $input) { consent { id source { id } } } }`,
        {
          input: {
            patientId: f.patientId,
            // Data flows from the viewer's organisation; Försäkringskassan is nobody's own.
            recipientOrganisationId: seededOrganisationId(viewer === 'otherRegion' ? '19:fk' : '20:fk'),
            categories: ['FUNCTIONAL_ABILITY'],
            purpose: 'SIP',
            validTo: new Date(Date.now() + 30 * 86400_000).toISOString().slice(0, 10),
          },
        },
        token,
      ),
    check: (data, _f, viewer) => expect(data.consentRecord.consent.source.id).toBe(seededOrganisationId(VIEWERS[viewer]![0])),
    expected: { owner: 'DATA', participant: 'DATA', ...DENIED_TO_OUTSIDERS },
  },
  {
    name: 'consentRevoke',
    run: async (app, token, f) =>
      app.gql(`mutation($id: ID!) { consentRevoke(input: { id: $id, reason: "The patient withdrew it" }) { consent { id revokedAt } } }`, { id: await f.newConsent() }, token),
    check: (data) => expect(data.consentRevoke.consent.revokedAt).not.toBeNull(),
    // The consent's source is Mora, the owner: a participant may read it but not revoke it.
    expected: { owner: 'DATA', participant: 'FORBIDDEN', ...DENIED_TO_OUTSIDERS },
  },
  {
    name: 'patientAccessLog',
    run: (app, token, f) => app.gql(`query($id: ID!) { patientAccessLog(patientId: $id) { edges { node { at action organisation { name } } } } }`, { id: f.patientId }, token),
    check: (data) => expect(data.patientAccessLog.edges.map((e: any) => e.node.organisation?.name)).toEqual(expect.arrayContaining(['Mora kommun', 'Region Dalarna', 'Falu kommun'])),
    expected: { owner: 'DATA', participant: 'FORBIDDEN', ...DENIED_TO_OUTSIDERS },
  },
  {
    name: 'handoff',
    run: (app, token, f) => app.gql(`query($id: ID!) { handoff(id: $id) { id patient { id } } }`, { id: f.handoffId }, token),
    check: (data, f) => expect(data.handoff).toEqual({ id: f.handoffId, patient: { id: f.patientId } }),
    expected: { owner: 'DATA', participant: 'DATA', ...HANDOFF_READERS },
  },
  {
    name: 'handoffInbox',
    run: (app, token) => app.gql(`{ handoffInbox(first: 100) { edges { node { id } } } }`, {}, token),
    // Mora and Region Dalarna (its primary care) received the hand-off; outsiders get an empty inbox.
    check: (data, f, viewer) => expect(data.handoffInbox.edges.some((e: any) => e.node.id === f.handoffId)).toBe(['owner', 'participant', 'integration'].includes(viewer)),
    expected: { owner: 'DATA', participant: 'DATA', nonParticipant: 'DATA', otherRegion: 'DATA', planner: 'FORBIDDEN', integration: 'DATA', anonymous: 'UNAUTHENTICATED' },
  concernsPatient: false,
  },
  {
    name: 'handoffCreate (referral)',
    run: (app, token, f, viewer) =>
      app.gql(
        `mutation($input: HandoffCreateInput!) { handoffCreate(input: $input) { handoff { id state } } }`,
        { input: { patientId: f.patientId, kind: 'REFERRAL', sendingCareUnitId: f.careUnitOf(viewer), recipients: [{ organisationId: seededOrganisationId(viewer === 'owner' ? '20' : '2062') }] } },
        token,
      ),
    check: (data) => expect(data.handoffCreate.handoff.state).toBe('SENT'),
    expected: { owner: 'DATA', participant: 'DATA', ...DENIED_TO_OUTSIDERS },
  },
  {
    name: 'handoffMessageSend',
    run: async (app, token, f, viewer) =>
      app.gql(
        `mutation($input: HandoffMessageSendInput!) { handoffMessageSend(input: $input) { message { kind } } }`,
        {
          input: {
            handoffId: f.handoffId,
            version: await f.handoffVersion(),
            kind: 'FREE_TEXT',
            // Region Dalarna is both the sending ward and the receiving primary care: it names its unit.
            senderCareUnitId: viewer === 'participant' ? f.careUnitOf(viewer) : null,
            content: { text: 'Hjälpmedel beställt' },
          },
        },
        token,
      ),
    check: (data) => expect(data.handoffMessageSend.message.kind).toBe('FREE_TEXT'),
    expected: { owner: 'DATA', participant: 'DATA', ...DENIED_TO_OUTSIDERS },
  },
  {
    name: 'handoffMessageAcknowledge',
    run: (app, token, f) => app.gql(`mutation($id: ID!) { handoffMessageAcknowledge(input: { messageId: $id }) { message { id } } }`, { id: f.admissionNoticeId }, token),
    check: (data, f) => expect(data.handoffMessageAcknowledge.message.id).toBe(f.admissionNoticeId),
    expected: { owner: 'DATA', participant: 'DATA', ...HANDOFF_READERS },
  },
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
    run: (app, token) => app.gql(`{ sips(first: 100) { edges { node { id patient { id } } } } }`, {}, token),
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
        { input: { sipId: f.sipId, version: await f.sipVersion(), heldAt: new Date(Date.now() - 3600_000).toISOString(), video: true, presentParticipantIds: [f.sipPersonId] } },
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
  statusChange('sipCancel', 'SipStatusInput', 'DRAFT', 'CANCELLED', () => ({ reason: 'Personen flyttar' })),
];

/** A change of a fresh plan's status, from `from` to `to`, by the principals only. */
function statusChange(field: string, input: string, from: SipFixtureStatus, to: string, extra: (sip: FixtureSip) => Record<string, unknown>): Operation {
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

describe('access matrix for patient data', () => {
  let app: TestApp;
  let fixture: Fixture;
  const tokens = {} as Record<Viewer, string | null>;

  beforeAll(async () => {
    app = await startTestApp();
    for (const [viewer, spec] of Object.entries(VIEWERS) as [Viewer, [string, Role] | null][]) {
      tokens[viewer] = spec ? await app.token(spec[0], spec[1]) : null;
    }
    const personnummer = testPersonnummer('19480612');
    const created = await app.gql(`mutation($p: String!) { patientCreate(input: { personnummer: $p, homeMunicipalityCode: "2062" }) { patient { id } } }`, { p: personnummer }, tokens.owner);
    const patientId = created.data.patientCreate.patient.id;
    // Region Dalarna takes part through a hand-off, as the hand-off feature records it.
    await app.dataSource.transaction((tx) =>
      joinCase(tx, seededOrganisationId('2062')!, { patientId, organisations: [{ organisationId: seededOrganisationId('20')!, careUnitId: null }], source: ParticipationSource.HANDOFF, sourceId: randomUUID() }),
    );
    const validTo = new Date(Date.now() + 30 * 86400_000).toISOString().slice(0, 10);
    const unitOf = async (org: string, careLevel: string) =>
      (await app.dataSource.query(`SELECT id FROM care_unit WHERE organisation_id = $1 AND care_level = $2 ORDER BY name LIMIT 1`, [seededOrganisationId(org), careLevel]))[0].id as string;
    const units: Partial<Record<Viewer, string>> = {
      owner: await unitOf('2062', 'MUNICIPAL_HOME_REHAB'),
      participant: await unitOf('20', 'INPATIENT_CARE'),
      nonParticipant: await unitOf('2080', 'MUNICIPAL_HOME_REHAB'),
      otherRegion: await unitOf('1980', 'MUNICIPAL_HOME_REHAB').catch(() => undefined),
    };
    // Region Dalarna discharges the patient from one of its wards: the admission notice goes to Mora.
    const discharge = await app.gql(
      `mutation($input: HandoffCreateInput!) { handoffCreate(input: $input) { handoff { id messages { id } } } }`,
      { input: { patientId, kind: 'DISCHARGE_FROM_INPATIENT', sendingCareUnitId: units.participant, admittedAt: new Date(Date.now() - 3600_000).toISOString() } },
      tokens.participant,
    );
    const handoffId = discharge.data.handoffCreate.handoff.id;
    // Mora starts a SIP with Region Dalarna under the person's consent, calls the meeting and agrees
    // the plan at it: ACTIVE, with its first follow-up open. Region Dalarna records the person's consent to a SIP of
    // its own with Mora (the sipCreate row).
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
    fixture = {
      sipId,
      newSip,
      sipRegionParticipantId: sip.participants.find((p) => p.organisation?.id === DALARNA)!.id,
      async sipVersion() {
        return (await app.dataSource.query('SELECT version FROM sip WHERE id = $1', [sipId]))[0].version;
      },
      sipPersonId: sip.participants.find((p) => p.kind === 'PERSON')!.id,
      sipFollowUpDue,
      handoffId,
      admissionNoticeId: discharge.data.handoffCreate.handoff.messages[0].id,
      async handoffVersion() {
        return (await app.dataSource.query('SELECT version FROM handoff WHERE id = $1', [handoffId]))[0].version;
      },
      careUnitOf: (viewer) => units[viewer] ?? units.nonParticipant!,
      patientId,
      personnummer,
      async newConsent() {
        const res = await app.gql(
          `mutation($input: ConsentRecordInput!) { consentRecord(input: $input) { consent { id } } }`,
          { input: { patientId, recipientOrganisationId: seededOrganisationId('20'), categories: ['HEALTH_STATUS'], purpose: 'COORDINATED_DISCHARGE', validTo } },
          tokens.owner,
        );
        return res.data.consentRecord.consent.id;
      },
    };
  });
  afterAll(() => app.stop());

  const cases = OPERATIONS.flatMap((op) => (Object.keys(VIEWERS) as Viewer[]).map((viewer) => [op.name, viewer, op.expected[viewer], op] as const));

  it.each(cases)('%s by %s: %s, and logged under its x-request-id', async (_name, viewer, outcome, op) => {
    const res = await op.run(app, tokens[viewer], fixture, viewer);
    if (outcome === 'DATA') {
      expect(res.errors).toBeUndefined();
      op.check?.(res.data, fixture, viewer);
    } else {
      expect(res.errors?.map((e) => e.extensions?.code)).toEqual([outcome]);
    }
    // The response's x-request-id is the key of the rows it left: a client or an auditor finds them by it.
    expect(res.requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const rows = await app.logRows(res.requestId);
    expect(rows.length).toBeGreaterThanOrEqual(1);
    expect(rows.map((r) => r.outcome)).toContain(op.logged?.[viewer] ?? LOGGED[outcome]);
    // Refusals too: the owner's patientAccessLog and its region's review must see the attempt.
    if (op.concernsPatient !== false) expect(rows.map((r) => r.patientId)).toContain(fixture.patientId);
  });

  it('covers every root field that touches patient data', () => {
    const covered = new Set(OPERATIONS.map((op) => op.name.split(' ')[0]));
    // The region's review and verification of its log are TENANT_ADMIN's, not patient care:
    // access-matrix-reference.test.ts has them, with every other operation of the schema.
    const elsewhere = new Set(['accessLogReview', 'accessLogVerify']);
    const patientData = patientDataFields(DECLARED);
    const fields = [...Object.keys(patientData.Query), ...Object.keys(patientData.Mutation)];
    expect(fields.filter((field) => !covered.has(field) && !elsewhere.has(field))).toEqual([]);
  });

  it('answers an outsider the same for an existing patient as for a made-up id', async () => {
    const made = randomUUID();
    for (const viewer of ['nonParticipant', 'otherRegion'] as const) {
      const real = await app.gql(`query($id: ID!) { patient(id: $id) { id } }`, { id: fixture.patientId }, tokens[viewer]);
      const fake = await app.gql(`query($id: ID!) { patient(id: $id) { id } }`, { id: made }, tokens[viewer]);
      expect(real.errors![0].message.replace(fixture.patientId, 'ID')).toBe(fake.errors![0].message.replace(made, 'ID'));
      expect(real.errors![0].extensions).toEqual(fake.errors![0].extensions);
    }
  });

  it('never gives a PLANNER patient rows, whatever else the query asks for', async () => {
    const res = await app.gql(`{ municipality(code: "2062") { name } patients { edges { node { id personnummer } } } }`, {}, tokens.planner);
    expect(res.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[['patients'], 'FORBIDDEN']]);
    expect(JSON.stringify(res)).not.toContain(fixture.patientId);
    expect(JSON.stringify(res)).not.toContain(fixture.personnummer);
  });
});
