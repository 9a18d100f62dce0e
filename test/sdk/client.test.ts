import { createClient, SamrehabError } from '../../client-sdk/src';
import { Role } from '../../domain/enums';
import { startTestApp, TestApp } from '../support/test-app';

/** A partner app uses the generated, typed SDK against a running server. */
describe('client SDK', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.stop());

  it('runs typed queries with fragments and paging', async () => {
    const client = createClient({ url: app.url, token: await app.token('2062', Role.INTEGRATION) });
    const mora = await client.Municipality({ code: '2062' });
    expect(mora.municipality?.name).toBe('Mora kommun');
    expect(mora.municipality?.region?.code).toBe('20');
    const page = await client.Organisations({ filter: { regionCode: '20', kind: 'MUNICIPALITY' }, first: 10 });
    expect(page.organisations.edges).toHaveLength(10);
    const next = await client.Organisations({ filter: { regionCode: '20', kind: 'MUNICIPALITY' }, first: 10, after: page.organisations.pageInfo.endCursor });
    expect(next.organisations.edges).toHaveLength(5);
    const associations = await client.CoordinationAssociations({ regionCode: '20' });
    expect(associations.coordinationAssociations.edges.length).toBeGreaterThanOrEqual(5);
  });

  it('creates through a mutation with a token supplied per request', async () => {
    const token = await app.token('20', Role.TENANT_ADMIN);
    const client = createClient({ url: app.url, token: () => token });
    const created = await client.OrganisationCreate({ input: { kind: 'EMPLOYER', name: `SDK employer ${Date.now()}` } });
    expect(created.organisationCreate.organisation.region?.code).toBe('20');
  });

  it('throws a SamrehabError carrying the server\'s code', async () => {
    const client = createClient({ url: app.url });
    await expect(client.Regions({})).rejects.toEqual(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
    const staff = createClient({ url: app.url, token: await app.token('20', Role.CARE_STAFF) });
    const failure = await staff.OrganisationCreate({ input: { kind: 'EMPLOYER', name: 'x' } }).catch((e) => e);
    expect(failure).toBeInstanceOf(SamrehabError);
    expect(failure.code).toBe('FORBIDDEN');
  });
});

describe('client SDK for patient data', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.stop());

  it('creates a patient, records and revokes a consent, and reads the access log, all typed', async () => {
    const { testPersonnummer } = await import('../support/personnummer');
    const { seededOrganisationId } = await import('../../entities/seed/seed');
    const client = createClient({ url: app.url, token: await app.token('2062', Role.CARE_STAFF) });
    const { patientCreate } = await client.PatientCreate({ input: { personnummer: testPersonnummer('19620202'), homeMunicipalityCode: '2062' } });
    expect(patientCreate.patient.homeMunicipality?.municipalityCode).toBe('2062');
    const validTo = new Date(Date.now() + 7 * 86400_000).toISOString().slice(0, 10);
    const { consentRecord } = await client.ConsentRecord({
      input: { patientId: patientCreate.patient.id, recipientOrganisationId: seededOrganisationId('20')!, categories: ['HEALTH_STATUS'], purpose: 'SIP', validTo },
    });
    expect(consentRecord.consent.status).toBe('ACTIVE');
    const { consentRevoke } = await client.ConsentRevoke({ input: { id: consentRecord.consent.id, reason: 'withdrawn' } });
    expect(consentRevoke.consent.status).toBe('REVOKED');
    const log = await client.PatientAccessLog({ patientId: patientCreate.patient.id });
    expect(log.patientAccessLog.edges.map((e) => e.node.action)).toEqual(expect.arrayContaining(['patientCreate', 'consentRecord', 'consentRevoke']));
  });
});

describe('client SDK for the responsibility map', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.stop());

  it('lets a municipal system ask who is responsible, typed, one question or many', async () => {
    const client = createClient({ url: app.url, token: await app.token('2062', Role.INTEGRATION) });
    const { responsibility } = await client.Responsibility({
      input: { municipalityCode: '2062', interventionCode: 'ASSISTIVE_DEVICE_FITTING', housingForm: 'ORDINARY_HOUSING', enrolledInHomeHealthCare: true },
    });
    expect(responsibility.status).toBe('ASSIGNED');
    expect(responsibility.responsible?.name).toBe('Mora kommun');
    expect(responsibility.rule?.responsible.role).toBe('HOME_MUNICIPALITY');
    const { responsibilities } = await client.Responsibilities({
      inputs: [
        { municipalityCode: '2062', interventionCode: 'HOME_REHAB', enrolledInHomeHealthCare: false },
        { municipalityCode: '2062', interventionCode: 'HOME_ADAPTATION' },
      ],
    });
    expect(responsibilities.map((r) => r.responsible?.name)).toEqual(['Region Dalarna', 'Mora kommun']);
    // The cost limit counts each question, yet the SDK's full selection fits a batch of 1,000.
    const thousand = await client.Responsibilities({ inputs: Array.from({ length: 1000 }, () => ({ municipalityCode: '2062', interventionCode: 'HOME_ADAPTATION' })) });
    expect(thousand.responsibilities).toHaveLength(1000);
    const { agreements } = await client.Agreements({ scenario: 'CURRENT' });
    const { agreement } = await client.Agreement({ id: agreements.edges[0].node.id, firstRules: 3 });
    expect(agreement?.rules.edges).toHaveLength(3);
    expect(agreement?.rules.pageInfo.hasNextPage).toBe(true);
  });
});

describe('client SDK for hand-offs', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.stop());

  it('lets a ward discharge a patient and a municipal system poll, read and acknowledge its inbox, typed', async () => {
    const { testPersonnummer } = await import('../support/personnummer');
    const { seededCareUnitId } = await import('../../entities/seed/seed');
    const ludvika = seededCareUnitId('20', 'ludvika-lasarett');
    const ward = createClient({ url: app.url, token: await app.unitToken('20', ludvika, Role.CARE_STAFF) });
    const { patientCreate } = await ward.PatientCreate({ input: { personnummer: testPersonnummer('19440404'), homeMunicipalityCode: '2085' } });
    const since = new Date(Date.now() - 1000).toISOString();
    const { handoffCreate } = await ward.HandoffCreate({
      input: { patientId: patientCreate.patient.id, kind: 'DISCHARGE_FROM_INPATIENT', sendingCareUnitId: ludvika, admittedAt: new Date().toISOString() },
    });
    expect(handoffCreate.handoff.deadlines?.admissionNotice.status).toBe('MET');

    const system = createClient({ url: app.url, token: await app.token('2085', Role.INTEGRATION) });
    const { handoffInbox } = await system.HandoffInbox({ filter: { unacknowledged: true }, updatedSince: since });
    const [edge] = handoffInbox.edges;
    expect(edge.node.patient?.personnummer).toBe(patientCreate.patient.personnummer);
    expect(edge.node.homeMunicipality?.name).toBe('Ludvika kommun');
    const { handoffMessageAcknowledge } = await system.HandoffMessageAcknowledge({ input: { messageId: edge.node.messages[0].id } });
    expect(handoffMessageAcknowledge.message.recipients.find((r) => r.organisation?.name === 'Ludvika kommun')?.acknowledgedAt).not.toBeNull();

    const { handoffMessageSend } = await ward.HandoffMessageSend({ input: { handoffId: edge.node.id, version: edge.node.version, kind: 'DISCHARGE_READY_NOTICE' } });
    expect(handoffMessageSend.handoff.state).toBe('DISCHARGE_READY');
    const stale = await ward.HandoffMessageSend({ input: { handoffId: edge.node.id, version: edge.node.version, kind: 'FREE_TEXT', content: { text: 'x' } } }).catch((e) => e);
    expect(stale).toBeInstanceOf(SamrehabError);
    expect(stale.code).toBe('CONFLICT');
    expect(stale.reason).toBe('STALE_VERSION');
  });
});

describe('client SDK for SIPs', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.stop());

  it('lets a region and a municipality call, record, complete and activate a SIP, typed, and read it back', async () => {
    const { testPersonnummer } = await import('../support/personnummer');
    const { seededOrganisationId } = await import('../../entities/seed/seed');
    const DALARNA = seededOrganisationId('20')!;
    const MORA = seededOrganisationId('2062')!;
    // The real clock: dates relative to now (Stockholm's today is never behind UTC's by a day).
    const inDays = (days: number) => new Date(Date.now() + days * 86400_000).toISOString().slice(0, 10);
    const region = createClient({ url: app.url, token: await app.token('20', Role.CARE_STAFF) });
    const mora = createClient({ url: app.url, token: await app.token('2062', Role.CARE_STAFF) });
    const { patientCreate } = await region.PatientCreate({ input: { personnummer: testPersonnummer('19430707'), homeMunicipalityCode: '2062' } });
    const patientId = patientCreate.patient.id;

    // No consent, no SIP: the person's SIP consent from Region Dalarna to Mora kommun comes first.
    const participants = [{ organisationId: MORA, contact: { name: 'Maja Biståndshandläggare', role: 'biståndshandläggare' } }];
    const refused = await region.SipCreate({ input: { patientId, participants } }).catch((e) => e);
    expect(refused).toBeInstanceOf(SamrehabError);
    expect(refused.code).toBe('FORBIDDEN');
    const { consentRecord } = await region.ConsentRecord({
      input: { patientId, recipientOrganisationId: MORA, categories: ['CARE_AND_REHAB_PLAN'], purpose: 'SIP', validTo: inDays(90) },
    });
    expect(consentRecord.consent.status).toBe('ACTIVE');

    const { sipCreate } = await region.SipCreate({ input: { patientId, participants, contact: { name: 'Vera Vårdkontakt', role: 'fast vårdkontakt' } } });
    let sip = sipCreate.sip;
    expect(sip).toMatchObject({ status: 'DRAFT', version: 1, initiatingOrganisation: { name: 'Region Dalarna' }, handoff: null, meetingPlannedAt: null });
    expect(sip.participants.map((p) => [p.kind, p.basis, p.organisation?.name ?? null, p.contactName])).toEqual(
      expect.arrayContaining([
        ['ORGANISATION', 'INITIATOR', 'Region Dalarna', 'Vera Vårdkontakt'],
        ['ORGANISATION', 'PRINCIPAL', 'Mora kommun', 'Maja Biståndshandläggare'],
        ['PERSON', null, null, null],
      ]),
    );

    // Called for a minute from now, then recorded as held now: a meeting is recorded once held (heldAt is never in the future).
    const meetingAt = new Date(Date.now() + 60_000).toISOString();
    const heldAt = new Date().toISOString();
    sip = (await region.SipCall({ input: { sipId: sip.id, version: sip.version, meetingAt, meetingPlace: 'Mora kommunhus' } })).sipCall.sip;
    expect(sip).toMatchObject({ status: 'CALLED', version: 2, meetingPlannedAt: meetingAt, meetingPlannedPlace: 'Mora kommunhus' });
    expect(sip.calledAt).not.toBeNull();

    const { sipMeetingRecord } = await region.SipMeetingRecord({
      input: { sipId: sip.id, version: sip.version, heldAt, place: 'Mora kommunhus', presentParticipantIds: sip.participants.map((p) => p.id) },
    });
    sip = sipMeetingRecord.sip;
    expect(sip.version).toBe(3);
    expect(sipMeetingRecord.meeting).toMatchObject({ heldAt, place: 'Mora kommunhus', video: false, kvaCode: null });
    expect(sipMeetingRecord.meeting.present).toHaveLength(3);
    expect(sip.activationProblems.map((p) => p.item)).toEqual(expect.arrayContaining(['INTERVENTIONS', 'PERSON_GOALS', 'OVERALL_RESPONSIBILITY', 'NEXT_FOLLOW_UP']));

    // Mora kommun, a principal, names its contact person and completes the plan.
    const moraRow = sip.participants.find((p) => p.organisation?.id === MORA)!;
    sip = (
      await mora.SipParticipantUpdate({
        input: { sipId: sip.id, version: sip.version, participantId: moraRow.id, contact: { name: 'Mats Biståndshandläggare', role: 'biståndshandläggare', details: '0250-260 00' } },
      })
    ).sipParticipantUpdate.sip;
    expect(sip.version).toBe(4);
    expect(sip.participants.find((p) => p.id === moraRow.id)).toMatchObject({ contactName: 'Mats Biståndshandläggare', contactDetails: '0250-260 00' });
    const nextFollowUpDate = inDays(30);
    sip = (
      await mora.SipContentUpdate({
        input: {
          sipId: sip.id,
          version: sip.version,
          personGoals: 'Jag vill klara morgonen själv och gå till affären.',
          personOwnActions: 'Gör övningarna varje dag.',
          overallResponsibleOrganisationId: MORA,
          nextFollowUpDate,
          interventions: [
            { description: 'Hemrehabilitering: träning i hemmet', responsibleOrganisationId: MORA, dueDate: inDays(28) },
            { description: 'Fysioterapi och läkemedelsgenomgång', responsibleOrganisationId: DALARNA, dueDate: inDays(14) },
          ],
        },
      })
    ).sipContentUpdate.sip;
    expect(sip).toMatchObject({ status: 'CALLED', version: 5, overallResponsibleOrganisation: { name: 'Mora kommun' }, nextFollowUpDate, activationProblems: [] });
    expect(sip.interventions.map((i) => i.responsibleOrganisation?.name)).toEqual(['Mora kommun', 'Region Dalarna']);

    const { sipActivate } = await region.SipActivate({ input: { sipId: sip.id, version: sip.version, meetingId: sipMeetingRecord.meeting.id } });
    sip = sipActivate.sip;
    expect(sip).toMatchObject({ status: 'ACTIVE', version: 6 });
    expect(sip.activatedAt).not.toBeNull();
    expect(sip.meetings[0].kvaCode?.code).toBe('AU124');
    expect(sip.followUps).toEqual([expect.objectContaining({ dueDate: nextFollowUpDate, doneAt: null, overdue: false })]);

    // Both principals read it back: one plan, or the person's plans.
    const read = (await mora.Sip({ id: sip.id })).sip;
    expect(read).toMatchObject({ id: sip.id, status: 'ACTIVE', version: 6, patient: { id: patientId, personnummer: patientCreate.patient.personnummer } });
    expect(read?.meetings.map((m) => m.kvaCode?.code)).toEqual(['AU124']);
    const { sips } = await region.Sips({ filter: { patientId }, first: 10 });
    expect(sips.edges.map((e) => [e.node.id, e.node.status, e.node.version])).toEqual([[sip.id, 'ACTIVE', 6]]);
    expect(sips.pageInfo.hasNextPage).toBe(false);
    const { kvaCodes } = await region.KvaCodes();
    expect(kvaCodes.map((k) => k.code)).toContain('AU124');
  });
});
