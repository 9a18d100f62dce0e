import { randomUUID } from 'node:crypto';
import { seededOrganisationId } from '../../../entities/seed/seed';
import { rehabPlanThrough } from '../../support/rehab-plan-journey';
import { TestApp } from '../../support/test-app';
import { DALARNA, DENIED_TO_OUTSIDERS, Fixture, inDays, MatrixRows, MORA, VIEWERS } from './matrix';

interface TherapyFixture {
  /** Named apart from the other capabilities' fixtures: every set-up's fields share one fixture. */
  therapyPlanId: string;
  /** Mora pays Region Dalarna for physiotherapy: no visit yet. */
  commitmentId: string;
  /** Another, with a visit held today and no report yet. */
  unreportedId: string;
  /** Another, with a visit and its report in. */
  reportId: string;
  /** Another, for the revocation attempts. */
  revocableId: string;
  commitmentVersion(id: string): Promise<number>;
}

/** The payer (Mora) and the provider (Region Dalarna) may read; outsiders learn nothing. */
const PARTIES = { owner: 'DATA', participant: 'DATA', ...DENIED_TO_OUTSIDERS } as const;
/** Only the provider records visits and reports; the payer is refused. */
const PROVIDER_ONLY = { owner: 'FORBIDDEN', participant: 'DATA', ...DENIED_TO_OUTSIDERS } as const;
/** Only the payer issues and revokes. */
const PAYER_ONLY = { owner: 'DATA', participant: 'FORBIDDEN', ...DENIED_TO_OUTSIDERS } as const;

const ISSUE = `mutation($input: PaymentCommitmentIssueInput!) { paymentCommitmentIssue(input: $input) { commitment { id version patient { id } payer { id } provider { id } } } }`;
const COMPLETE_REPORT = {
  therapistName: 'Tova Terapeut',
  therapistContact: '023-49 00 00',
  functionalAbility: 'Går 200 m med käpp',
  goals: [{ goal: 'Gå till affären', outcome: 'Går dit två gånger i veckan', gasScore: 1 }],
  assessments: [{ instrument: '6MWT', result: '210 m' }],
  continuedTherapyNeeded: false,
  patientMotivation: 'Motiverad',
  endSummary: 'Målen nådda; terapin avslutas.',
};

/**
 * Mora, which keeps the patient's record, has an ACTIVE rehabilitation plan for her and pays Region Dalarna, which takes part in the case,
 * for physiotherapy under it (the report names the patient, so Mora records her name first): one commitment to read and record a visit on, one with a visit
 * awaiting its report, one with its report in, one to revoke.
 */
async function setUp(app: TestApp, { patientId, tokens }: Fixture): Promise<TherapyFixture> {
  // A therapy report names the patient: Mora records her name first.
  const [{ version }] = await app.dataSource.query('SELECT version FROM patient WHERE id = $1', [patientId]);
  const named = await app.gql(`mutation($id: ID!, $v: Int!) { patientUpdate(input: { id: $id, version: $v, givenName: "Greta", familyName: "Mora" }) { patient { id } } }`, { id: patientId, v: version }, tokens.owner);
  expect(named.errors).toBeUndefined();
  const planId = await rehabPlanThrough(app, { patientId, ownerToken: tokens.owner! });
  const issue = async () => {
    const res = await app.gql(
      ISSUE,
      { input: { planId, providerOrganisationId: DALARNA, number: `MX-${randomUUID().slice(0, 8)}`, therapyForm: 'PHYSIOTHERAPY', visits: 10, visitMinutes: 45, validFrom: inDays(0), validTo: inDays(300) } },
      tokens.owner,
    );
    expect(res.errors).toBeUndefined();
    return res.data.paymentCommitmentIssue.commitment.id as string;
  };
  const withVisit = async () => {
    const id = await issue();
    const res = await app.gql(`mutation($input: TherapyVisitRecordInput!) { therapyVisitRecord(input: $input) { visit { minutes } } }`, { input: { commitmentId: id, date: inDays(0), minutes: 45 } }, tokens.participant);
    expect(res.errors).toBeUndefined();
    return id;
  };
  const commitmentId = await issue();
  const unreportedId = await withVisit();
  const reported = await withVisit();
  const submitted = await app.gql(
    `mutation($input: TherapyReportSubmitInput!) { therapyReportSubmit(input: $input) { report { id } } }`,
    { input: { commitmentId: reported, ...COMPLETE_REPORT } },
    tokens.participant,
  );
  expect(submitted.errors).toBeUndefined();
  return {
    therapyPlanId: planId,
    commitmentId,
    unreportedId,
    reportId: submitted.data.therapyReportSubmit.report.id,
    revocableId: await issue(),
    async commitmentVersion(id) {
      return (await app.dataSource.query('SELECT version FROM payment_commitment WHERE id = $1', [id]))[0].version;
    },
  };
}

export const rows: MatrixRows<TherapyFixture> = {
  setUp,
  operations: [
    {
      name: 'paymentCommitment',
      run: (app, token, f) => app.gql(`query($id: ID!) { paymentCommitment(id: $id) { id patient { id } payer { id } provider { id } sessions { minutes } report { id } } }`, { id: f.commitmentId }, token),
      check: (data, f) => expect(data.paymentCommitment).toMatchObject({ id: f.commitmentId, patient: { id: f.patientId }, payer: { id: MORA }, provider: { id: DALARNA }, report: null }),
      expected: PARTIES,
    },
    {
      name: 'therapyReport',
      run: (app, token, f) => app.gql(`query($id: ID!) { therapyReport(id: $id) { id onTime sessions { minutes } commitment { patient { id } } } }`, { id: f.reportId }, token),
      check: (data, f) => expect(data.therapyReport).toEqual({ id: f.reportId, onTime: true, sessions: [{ minutes: 45 }], commitment: { patient: { id: f.patientId } } }),
      expected: PARTIES,
    },
    {
      name: 'therapyReportPatientCopy',
      run: (app, token, f) => app.gql(`query($id: ID!) { therapyReportPatientCopy(id: $id) { reportId personnummer sessions { minutes } } }`, { id: f.reportId }, token),
      check: (data, f) => expect(data.therapyReportPatientCopy).toEqual({ reportId: f.reportId, personnummer: f.personnummer, sessions: [{ minutes: 45 }] }),
      // Mora's planning system is the payer's own: it gets the copy without a consent; outsiders only under one (therapy.test.ts).
      expected: { ...PARTIES, integration: 'DATA' },
    },
    {
      name: 'therapyReportsDue',
      run: (app, token, _f, viewer) =>
        app.gql(
          `query($org: ID!, $before: LocalDate) { therapyReportsDue(organisationId: $org, before: $before, first: 100) { edges { node { id patient { id } } } } }`,
          // Each viewer asks for its own organisation's reports due within the commitments' validity.
          { org: seededOrganisationId(VIEWERS[viewer]?.[0] ?? '2062'), before: inDays(400) },
          token,
        ),
      check: (data, f, viewer) => {
        const ids = data.therapyReportsDue.edges.map((e: any) => e.node.id);
        const parties = ['owner', 'participant'].includes(viewer);
        expect(ids.includes(f.commitmentId)).toBe(parties);
        expect(ids.includes(f.unreportedId)).toBe(parties);
        // Its report is in.
        expect(ids).not.toContain(f.reportId);
      },
      expected: { owner: 'DATA', participant: 'DATA', nonParticipant: 'DATA', otherRegion: 'DATA', planner: 'FORBIDDEN', integration: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' },
      concernsPatient: false,
    },
    {
      name: 'paymentCommitmentIssue',
      run: (app, token, f) =>
        app.gql(
          ISSUE,
          { input: { planId: f.therapyPlanId, providerOrganisationId: DALARNA, number: `MX-${randomUUID().slice(0, 8)}`, therapyForm: 'PHYSIOTHERAPY', visits: 5, visitMinutes: 45, validFrom: inDays(1), validTo: inDays(100) } },
          token,
        ),
      check: (data, f) => expect(data.paymentCommitmentIssue.commitment).toMatchObject({ version: 1, patient: { id: f.patientId }, payer: { id: MORA }, provider: { id: DALARNA } }),
      expected: PAYER_ONLY,
    },
    {
      name: 'paymentCommitmentRevoke',
      run: async (app, token, f) =>
        app.gql(
          `mutation($input: PaymentCommitmentRevokeInput!) { paymentCommitmentRevoke(input: $input) { commitment { id revokedFrom } } }`,
          { input: { commitmentId: f.revocableId, version: await f.commitmentVersion(f.revocableId), revokedFrom: inDays(30) } },
          token,
        ),
      check: (data, f) => expect(data.paymentCommitmentRevoke.commitment).toEqual({ id: f.revocableId, revokedFrom: inDays(30) }),
      expected: PAYER_ONLY,
    },
    {
      name: 'therapyVisitRecord',
      run: (app, token, f) =>
        app.gql(`mutation($input: TherapyVisitRecordInput!) { therapyVisitRecord(input: $input) { visit { minutes } commitment { id visitsUsed } } }`, { input: { commitmentId: f.commitmentId, date: inDays(0), minutes: 40 } }, token),
      check: (data, f) => expect(data.therapyVisitRecord).toEqual({ visit: { minutes: 40 }, commitment: { id: f.commitmentId, visitsUsed: 1 } }),
      expected: PROVIDER_ONLY,
    },
    {
      name: 'therapyReportSubmit',
      run: (app, token, f) => app.gql(`mutation($input: TherapyReportSubmitInput!) { therapyReportSubmit(input: $input) { report { id onTime } } }`, { input: { commitmentId: f.unreportedId, ...COMPLETE_REPORT } }, token),
      check: (data) => expect(data.therapyReportSubmit.report.onTime).toBe(true),
      expected: PROVIDER_ONLY,
    },
  ],
};
