import { randomUUID } from 'node:crypto';
import { Role } from '../../domain/enums';
import { localDateOf } from '../../domain/local-date';
import { testPersonnummer } from '../support/personnummer';
import { rehabPlanThrough } from '../support/rehab-plan-journey';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * SQL statements of the therapy capability: a list of plans with their commitments, sessions and
 * reports costs the same for one plan as for many (no N+1), and each write stays under the ceiling
 * measured when it was written (both backends, one pooled connection as in statement-count.test.ts).
 * Smedjebacken pays a private physiotherapist; no other suite uses Smedjebacken's plans.
 */
describe('SQL statements of payment commitments and therapy reports', () => {
  let app: TestApp;
  let payer: string;
  let provider: string;
  let providerId: string;
  // Local dates of the region (from 23:00 UTC Stockholm is a day ahead).
  const inDays = (days: number) => localDateOf(new Date(Date.now() + days * 86400_000), 'Europe/Stockholm');
  const today = inDays(0);
  const counted: Record<string, number> = {};

  /** Measured on PGlite and PostgreSQL 15 when the writes were added (2026-12-03). */
  const CEILING: Record<string, number> = {
    paymentCommitmentIssue: 10,
    therapyVisitRecord: 10,
    therapyReportSubmit: 9,
    paymentCommitmentRevoke: 9,
  };

  beforeAll(async () => {
    app = await startTestApp({ DATABASE_POOL_SIZE: '1' });
    payer = await app.token('2061', Role.CARE_STAFF);
    const admin = await app.token('20', Role.TENANT_ADMIN);
    const created = await app.gql(`mutation($name: String!) { organisationCreate(input: { kind: PRIVATE_PROVIDER, name: $name }) { organisation { id } } }`, { name: `Fysio ${randomUUID().slice(0, 8)} AB` }, admin);
    providerId = created.data.organisationCreate.organisation.id;
    provider = await app.token(providerId, Role.CARE_STAFF);
    await app.gql(`{ regions { edges { cursor } } }`, {}, payer); // warms the viewer cache
    await app.gql(`{ regions { edges { cursor } } }`, {}, provider);
  });
  afterAll(() => app.stop());

  /** Runs one mutation, counts its statements under `name`, and returns its field's data. */
  async function write(name: string, mutation: string, input: Record<string, unknown>, token: string) {
    let res: any;
    counted[name] = await app.countStatements(async () => (res = await app.gql(mutation, { input }, token)));
    expect(res.errors).toBeUndefined();
    return res.data[name];
  }

  /** A patient of Smedjebacken's with an ACTIVE plan and a commitment under it with a visit held today and its report in. */
  async function planWithTherapy(): Promise<string> {
    const patient = await app.gql(`mutation($p: String!) { patientCreate(input: { personnummer: $p, givenName: "Siv", familyName: "Smedjebacken" }) { patient { id } } }`, { p: testPersonnummer('19600606') }, payer);
    const planId = await rehabPlanThrough(app, { patientId: patient.data.patientCreate.patient.id, ownerToken: payer });
    const commitment = await write(
      'paymentCommitmentIssue',
      `mutation($input: PaymentCommitmentIssueInput!) { paymentCommitmentIssue(input: $input) { commitment { id version } } }`,
      { planId, providerOrganisationId: providerId, number: `SB-${randomUUID().slice(0, 8)}`, therapyForm: 'PHYSIOTHERAPY', visits: 10, visitMinutes: 45, validFrom: today, validTo: inDays(200) },
      payer,
    );
    await write(
      'therapyVisitRecord',
      `mutation($input: TherapyVisitRecordInput!) { therapyVisitRecord(input: $input) { visit { minutes } commitment { visitsUsed } } }`,
      { commitmentId: commitment.commitment.id, date: today, minutes: 45 },
      provider,
    );
    await write(
      'therapyReportSubmit',
      `mutation($input: TherapyReportSubmitInput!) { therapyReportSubmit(input: $input) { report { id onTime } } }`,
      {
        commitmentId: commitment.commitment.id,
        therapistName: 'Tova Terapeut',
        therapistContact: '0240-000 00',
        functionalAbility: 'Går med rollator inomhus',
        goals: [{ goal: 'Gå till brevlådan', outcome: 'Går dit dagligen', gasScore: 0 }],
        assessments: [{ instrument: 'BBS', result: '41' }],
        continuedTherapyNeeded: false,
        patientMotivation: 'Motiverad',
        endSummary: 'Målet nått',
      },
      provider,
    );
    return planId;
  }

  const LIST = `{ rehabPlans(first: 100) { edges { node { id commitments {
    id number visitsUsed visitsAllowedToday lastPaidDay payer { name } provider { name } patient { id }
    sessions { visitDate minutes } report { id onTime sessions { minutes } }
  } } } } }`;

  it('is the same for one plan and for three with their commitments, sessions and reports', async () => {
    await planWithTherapy();
    let one: any;
    const forOne = await app.countStatements(async () => (one = await app.gql(LIST, {}, payer)));
    expect(one.errors).toBeUndefined();
    await planWithTherapy();
    await planWithTherapy();
    let three: any;
    const forThree = await app.countStatements(async () => (three = await app.gql(LIST, {}, payer)));
    expect(three.errors).toBeUndefined();
    const withTherapy = three.data.rehabPlans.edges.filter((e: any) => e.node.commitments.length > 0);
    expect(withTherapy).toHaveLength(3);
    expect(withTherapy.every((e: any) => e.node.commitments[0].report.onTime && e.node.commitments[0].sessions.length === 1)).toBe(true);
    expect(forThree).toBe(forOne);
  });

  it('keeps each write under its ceiling', async () => {
    const planId = await rehabPlanThrough(app, {
      patientId: (await app.gql(`mutation($p: String!) { patientCreate(input: { personnummer: $p }) { patient { id } } }`, { p: testPersonnummer('19610606') }, payer)).data.patientCreate.patient.id,
      ownerToken: payer,
    });
    const issued = await write(
      'paymentCommitmentIssue',
      `mutation($input: PaymentCommitmentIssueInput!) { paymentCommitmentIssue(input: $input) { commitment { id version } } }`,
      { planId, providerOrganisationId: providerId, number: `SB-${randomUUID().slice(0, 8)}`, therapyForm: 'PHYSIOTHERAPY', visits: 10, visitMinutes: 45, validFrom: today, validTo: inDays(200) },
      payer,
    );
    await write(
      'paymentCommitmentRevoke',
      `mutation($input: PaymentCommitmentRevokeInput!) { paymentCommitmentRevoke(input: $input) { commitment { revokedFrom } } }`,
      { commitmentId: issued.commitment.id, version: issued.commitment.version, revokedFrom: inDays(10) },
      payer,
    );
    expect(Object.keys(counted).sort()).toEqual(Object.keys(CEILING).sort());
    expect(Object.entries(counted).filter(([name, n]) => n > CEILING[name])).toEqual([]);
  });
});
