import { randomUUID } from 'node:crypto';
import { Role } from '../../domain/enums';
import { ParticipationSource } from '../../entities/patient-participation.entity';
import { seededOrganisationId } from '../../entities/seed/seed';
import { testPersonnummer } from '../support/personnummer';
import { GraphQLResponse, startTestApp, TestApp } from '../support/test-app';

/**
 * Who may do what with patient data: every query and mutation that touches it, for every kind of
 * viewer, with the exact outcome and the access-log row each attempt must leave. Mora municipality
 * keeps the patient's record; Region Dalarna takes part in the case and discharges the patient
 * from Falu lasarett (a hand-off to Mora); Falun is another municipality of the region; Västerås
 * lies in another region; Mora's planning system is an INTEGRATION client.
 *
 * A new patient-data operation is added here (and to PATIENT_DATA_FIELDS in the audit middleware).
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
}

interface Operation {
  name: string;
  run(app: TestApp, token: string | null, f: Fixture, viewer: Viewer): Promise<GraphQLResponse>;
  /** When the operation answers with data: what the data must show. */
  check?(data: any, f: Fixture, viewer: Viewer): void;
  expected: Record<Viewer, Outcome>;
  /** Where the log records more than the GraphQL outcome says (an empty search is a NOT_FOUND). */
  logged?: Partial<Record<Viewer, string>>;
}

const DENIED_TO_OUTSIDERS = { nonParticipant: 'NOT_FOUND', otherRegion: 'NOT_FOUND', planner: 'FORBIDDEN', integration: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' } as const;
const HANDOFF_READERS = { nonParticipant: 'NOT_FOUND', otherRegion: 'NOT_FOUND', planner: 'FORBIDDEN', integration: 'DATA', anonymous: 'UNAUTHENTICATED' } as const;

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
  },
  {
    name: 'patients (list)',
    run: (app, token) => app.gql(`{ patients(first: 100) { edges { node { id } } } }`, {}, token),
    check: (data, f, viewer) => {
      const ids = data.patients.edges.map((e: any) => e.node.id);
      expect(ids.includes(f.patientId)).toBe(['owner', 'participant'].includes(viewer));
    },
    expected: { owner: 'DATA', participant: 'DATA', nonParticipant: 'DATA', otherRegion: 'DATA', planner: 'FORBIDDEN', integration: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' },
  },
  {
    name: 'patientCreate (same person)',
    run: (app, token, f) => app.gql(`mutation($p: String!) { patientCreate(input: { personnummer: $p }) { patient { id owner { id } } } }`, { p: f.personnummer }, token),
    // Each principal keeps its own record; only the owner already has one. Nobody learns of the others.
    check: (data, f) => expect(data.patientCreate.patient.id).not.toBe(f.patientId),
    expected: { owner: 'CONFLICT', participant: 'DATA', nonParticipant: 'DATA', otherRegion: 'DATA', planner: 'FORBIDDEN', integration: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' },
  },
  {
    name: 'patientUpdate',
    run: (app, token, f) => app.gql(`mutation($id: ID!) { patientUpdate(input: { id: $id, address: "Moravägen 1" }) { patient { id } } }`, { id: f.patientId }, token),
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
];

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
    const owner = await app.accessAs('2062', Role.CARE_STAFF);
    await app.dataSource.transaction((tx) =>
      owner.patients.addParticipant(tx, { patientId, organisationId: seededOrganisationId('20')!, careUnitId: null, source: ParticipationSource.HANDOFF, sourceId: randomUUID() }),
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
    fixture = {
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

  it.each(cases)('%s by %s: %s, and logged', async (_name, viewer, outcome, op) => {
    const res = await op.run(app, tokens[viewer], fixture, viewer);
    if (outcome === 'DATA') {
      expect(res.errors).toBeUndefined();
      op.check?.(res.data, fixture, viewer);
    } else {
      expect(res.errors?.map((e) => e.extensions?.code)).toEqual([outcome]);
    }
    const rows = await app.logRows(res.requestId);
    expect(rows.length).toBeGreaterThanOrEqual(1);
    expect(rows.map((r) => r.outcome)).toContain(op.logged?.[viewer] ?? LOGGED[outcome]);
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
