import { randomUUID } from 'node:crypto';
import { Role } from '../../domain/enums';
import { seededOrganisationId } from '../../entities/seed/seed';
import { testPersonnummer } from '../support/personnummer';
import { rehabPlanThrough } from '../support/rehab-plan-journey';
import { codes, GraphQLResponse, reasons, startTestApp, TestApp } from '../support/test-app';

const COMMITMENT = `id number therapyForm visits visitMinutes validFrom validTo interventionEndDate issuedOn revokedFrom lastPaidDay reportDueOn
  visitsUsed visitsAllowedToday version payer { id } provider { id } patient { id } sessions { visitDate minutes } report { id }`;
const ISSUE = `mutation($input: PaymentCommitmentIssueInput!) { paymentCommitmentIssue(input: $input) { commitment { ${COMMITMENT} } } }`;
const VISIT = `mutation($input: TherapyVisitRecordInput!) { therapyVisitRecord(input: $input) { visit { visitDate minutes } commitment { visitsUsed } } }`;
const REVOKE = `mutation($input: PaymentCommitmentRevokeInput!) { paymentCommitmentRevoke(input: $input) { commitment { revokedFrom lastPaidDay version } } }`;
const REPORT = `id therapistName therapistContact functionalAbility goals { goal outcome gasScore } assessments { instrument result }
  continuedTherapyNeeded continuedTherapyGrounds patientMotivation endSummary submittedOn onTime sessions { visitDate minutes } commitment { id }`;
const SUBMIT = `mutation($input: TherapyReportSubmitInput!) { therapyReportSubmit(input: $input) { report { ${REPORT} } } }`;

/** Everything a complete report holds; tests leave items out. */
const COMPLETE_REPORT = {
  therapistName: 'Tova Terapeut',
  therapistContact: 'tova@fysio.example',
  functionalAbility: 'Går 200 m med käpp; handlar med stöd.',
  goals: [{ goal: 'Gå till affären', outcome: 'Går dit två gånger i veckan', gasScore: 1 }],
  assessments: [{ instrument: '6MWT', result: '210 m' }],
  continuedTherapyNeeded: true,
  continuedTherapyGrounds: 'Balansen begränsar promenader ute; mål: 400 m utan käpp',
  patientMotivation: 'Motiverad, tränar hemma',
};

/**
 * Payment commitments, visits and therapy reports through the API (issue 17 items 4–5). Orsa
 * municipality keeps the patient's record and a plan for her and pays; a private physiotherapist
 * gives the therapy; Älvdalen takes no part. The server's clock is set, so that the dates of a
 * commitment's life (issue, visits, revocation) are the test's own.
 */
describe('payment commitments, visits and therapy reports', () => {
  let app: TestApp;
  let payer: string;
  let provider: string;
  let outsider: string;
  let providerId: string;
  let patientId: string;
  let planId: string;
  const ORSA = seededOrganisationId('2034')!;
  const count = async (table: string) => Number((await app.dataSource.query(`SELECT count(*) FROM ${table}`))[0].count);

  beforeAll(async () => {
    app = await startTestApp();
    app.setNow('2027-03-01T09:00:00Z');
    payer = await app.token('2034', Role.CARE_STAFF);
    outsider = await app.token('2039', Role.CARE_STAFF);
    const admin = await app.token('20', Role.TENANT_ADMIN);
    const created = await app.gql(`mutation($name: String!) { organisationCreate(input: { kind: PRIVATE_PROVIDER, name: $name }) { organisation { id } } }`, { name: `Fysio ${randomUUID().slice(0, 8)} AB` }, admin);
    providerId = created.data.organisationCreate.organisation.id;
    provider = await app.token(providerId, Role.CARE_STAFF);
    const patient = await app.gql(`mutation($p: String!) { patientCreate(input: { personnummer: $p, givenName: "Greta", familyName: "Orsa" }) { patient { id } } }`, { p: testPersonnummer('19700303') }, payer);
    patientId = patient.data.patientCreate.patient.id;
    planId = await rehabPlanThrough(app, { patientId, ownerToken: payer, therapyForms: ['PHYSIOTHERAPY', 'OCCUPATIONAL_THERAPY'] });
  });
  afterAll(() => app.stop());

  let numbers = 0;
  /** A commitment input with a fresh number: 4 visits of 45 minutes, 2027-03-01 … 2027-12-31. */
  const commitment = (over: Record<string, unknown> = {}) => ({
    planId,
    providerOrganisationId: providerId,
    number: `BF-${randomUUID().slice(0, 6)}-${++numbers}`,
    therapyForm: 'PHYSIOTHERAPY',
    visits: 4,
    visitMinutes: 45,
    validFrom: '2027-03-01',
    validTo: '2027-12-31',
    ...over,
  });
  const issue = async (over: Record<string, unknown> = {}) => {
    const res = await app.gql(ISSUE, { input: commitment(over) }, payer);
    expect(res.errors).toBeUndefined();
    return res.data.paymentCommitmentIssue.commitment;
  };
  /** The refusal and that nothing was written to `table`. */
  const refused = async (table: string, send: () => Promise<GraphQLResponse>) => {
    const before = await count(table);
    const res = await send();
    expect(await count(table)).toBe(before);
    return res.errors?.[0];
  };

  describe('issuing', () => {
    it('issues a commitment that starts today, with its report due two months before the period ends', async () => {
      const c = await issue({ interventionEndDate: '2027-11-30' });
      expect(c).toMatchObject({
        visits: 4,
        visitMinutes: 45,
        issuedOn: '2027-03-01',
        validFrom: '2027-03-01',
        // The intervention text's end date overrides the validity.
        lastPaidDay: '2027-11-30',
        reportDueOn: '2027-09-30',
        visitsUsed: 0,
        visitsAllowedToday: 1,
        version: 1,
        payer: { id: ORSA },
        provider: { id: providerId },
        revokedFrom: null,
        report: null,
      });
      // The provider takes part in the patient's case through it.
      expect((await app.gql(`query($id: ID!) { paymentCommitment(id: $id) { patient { id } } }`, { id: c.id }, provider)).data.paymentCommitment.patient.id).toBe(patientId);
    });

    it('a report due date is two months before the period’s end', async () => {
      expect((await issue({ validTo: '2027-12-31' })).reportDueOn).toBe('2027-10-31');
      expect((await issue({ validTo: '2027-08-31' })).reportDueOn).toBe('2027-06-30');
    });

    it('a commitment issued today cannot start yesterday', async () => {
      const error = await refused('payment_commitment', () => app.gql(ISSUE, { input: commitment({ validFrom: '2027-02-28' }) }, payer));
      expect(error).toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', field: 'validFrom' },
        message: 'validFrom: a payment commitment is never retroactive: issued on 2027-03-01, it cannot start on 2027-02-28',
      });
    });

    it.each([
      ['more visits than its validity allows', { visits: 11, validTo: '2027-03-10' }, 'visits'],
      ['an intervention end date before it starts', { interventionEndDate: '2027-02-01' }, 'interventionEndDate'],
      ['no visits', { visits: 0 }, 'visits'],
      ['a visit length of no minutes', { visitMinutes: 0 }, 'visitMinutes'],
      ['a validity that ends before it starts', { validTo: '2027-02-15' }, 'validTo'],
      ['a therapy form the code table does not know', { therapyForm: 'MASSAGE' }, 'therapyForm'],
      ['a therapy form the plan does not recommend', { therapyForm: 'SPEECH_THERAPY' }, 'therapyForm'],
    ])('refuses %s as BAD_USER_INPUT naming the field, writing nothing', async (_, over, field) => {
      const error = await refused('payment_commitment', () => app.gql(ISSUE, { input: commitment(over) }, payer));
      expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    });

    it('refuses a provider that is the payer itself, a second commitment with the same number, and a plan not in force', async () => {
      expect((await refused('payment_commitment', () => app.gql(ISSUE, { input: commitment({ providerOrganisationId: ORSA }) }, payer)))?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'providerOrganisationId',
      });
      const first = await issue();
      const again = await refused('payment_commitment', () => app.gql(ISSUE, { input: commitment({ number: first.number }) }, payer));
      expect(again?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'DUPLICATE', field: 'number' });
      const draft = await rehabPlanThrough(app, { patientId, ownerToken: payer, status: 'DRAFT' });
      expect((await refused('payment_commitment', () => app.gql(ISSUE, { input: commitment({ planId: draft }) }, payer)))?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ILLEGAL_STATE' });
    });

    it('lets only the plan’s principal issue, and nobody outside the case learn of the plan', async () => {
      expect((await refused('payment_commitment', () => app.gql(ISSUE, { input: commitment() }, provider)))?.extensions?.code).toBe('FORBIDDEN');
      const unseen = await app.gql(ISSUE, { input: commitment() }, outsider);
      expect(unseen.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'planId' });
      expect(await app.logRows(unseen.requestId)).toEqual([{ outcome: 'NOT_FOUND', action: 'paymentCommitmentIssue', patientId }]);
    });
  });

  describe('visits', () => {
    /** 4 visits over 2027-03-01 … 2027-04-09, the intervention text ending it on 2027-03-30: 30 paid days. */
    let c: { id: string };
    const record = (date: string, minutes = 45, token = provider) => app.gql(VISIT, { input: { commitmentId: c.id, date, minutes } }, token);
    const notPaid = async (date: string, minutes = 45) => (await refused('therapy_visit', () => record(date, minutes)))?.extensions;

    beforeAll(async () => {
      app.setNow('2027-03-01T09:00:00Z');
      c = await issue({ validTo: '2027-04-09', interventionEndDate: '2027-03-30' });
    });
    afterAll(() => app.setNow('2027-03-01T09:00:00Z'));

    it('pays visits spread evenly over the paid period, and refuses the others as not paid, recording nothing', async () => {
      expect((await record('2027-03-01')).data.therapyVisitRecord).toEqual({ visit: { visitDate: '2027-03-01', minutes: 45 }, commitment: { visitsUsed: 1 } });
      app.setNow('2027-03-02T09:00:00Z');
      // ceil(4 × 2 / 30) = 1: the second visit is paid from day 8.
      expect(await notPaid('2027-03-02')).toMatchObject({ code: 'CONFLICT', reason: 'NOT_PAID', notPaidReason: 'AHEAD_OF_SPREAD', field: 'date' });
      app.setNow('2027-04-05T09:00:00Z');
      expect((await record('2027-03-08')).errors).toBeUndefined();
      expect((await record('2027-03-16')).errors).toBeUndefined();
      expect((await record('2027-03-23')).errors).toBeUndefined();
      expect(await notPaid('2027-03-29')).toMatchObject({ reason: 'NOT_PAID', notPaidReason: 'ALL_VISITS_USED' });
    });

    it('does not pay a visit after the intervention text’s end date, before the validity, or longer than committed', async () => {
      app.setNow('2027-04-05T09:00:00Z');
      expect(await notPaid('2027-03-31')).toMatchObject({ reason: 'NOT_PAID', notPaidReason: 'AFTER_INTERVENTION_END' });
      expect(await notPaid('2027-02-28')).toMatchObject({ reason: 'NOT_PAID', notPaidReason: 'BEFORE_VALIDITY' });
      expect(await notPaid('2027-03-10', 60)).toMatchObject({ reason: 'NOT_PAID', notPaidReason: 'LONGER_THAN_COMMITTED', field: 'minutes' });
    });

    it('refuses a visit not yet held as bad input, and a visit recorded by anyone but the provider', async () => {
      app.setNow('2027-03-05T09:00:00Z');
      expect(await notPaid('2027-03-06')).toMatchObject({ code: 'BAD_USER_INPUT', field: 'date' });
      expect((await refused('therapy_visit', () => record('2027-03-05', 45, payer)))?.extensions?.code).toBe('FORBIDDEN');
      expect((await refused('therapy_visit', () => record('2027-03-05', 45, outsider)))?.extensions?.code).toBe('NOT_FOUND');
    });

    it('logs a refused visit against the patient', async () => {
      app.setNow('2027-04-05T09:00:00Z');
      const res = await record('2027-03-31');
      expect(reasons(res)).toEqual(['NOT_PAID']);
      expect(await app.logRows(res.requestId)).toEqual([{ outcome: 'REJECTED', action: 'therapyVisitRecord', patientId }]);
    });
  });

  describe('revocation', () => {
    it('revokes from a date: later visits are not paid, and the provider leaves the case', async () => {
      app.setNow('2027-03-01T09:00:00Z');
      const c = await issue();
      const early = await refused('payment_commitment', () => app.gql(REVOKE, { input: { commitmentId: c.id, version: 1, revokedFrom: '2027-02-28' } }, payer));
      expect(early?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'revokedFrom' });
      expect(codes(await app.gql(REVOKE, { input: { commitmentId: c.id, version: 1, revokedFrom: '2027-03-10' } }, provider))).toEqual(['FORBIDDEN']);
      const revoked = await app.gql(REVOKE, { input: { commitmentId: c.id, version: 1, revokedFrom: '2027-03-10' } }, payer);
      expect(revoked.data.paymentCommitmentRevoke.commitment).toEqual({ revokedFrom: '2027-03-10', lastPaidDay: '2027-03-09', version: 2 });
      expect(reasons(await app.gql(REVOKE, { input: { commitmentId: c.id, version: 1, revokedFrom: '2027-03-11' } }, payer))).toEqual(['STALE_VERSION']);
      expect(reasons(await app.gql(REVOKE, { input: { commitmentId: c.id, version: 2, revokedFrom: '2027-03-11' } }, payer))).toEqual(['ILLEGAL_STATE']);
      app.setNow('2027-03-12T09:00:00Z');
      const visit = await app.gql(VISIT, { input: { commitmentId: c.id, date: '2027-03-10', minutes: 45 } }, provider);
      expect(visit.errors?.[0].extensions).toMatchObject({ reason: 'NOT_PAID', notPaidReason: 'REVOKED' });
      // Its other commitments for the patient keep it in the case; this one no longer does.
      const [through] = await app.dataSource.query(`SELECT ended_at FROM patient_participation WHERE source_type = 'PAYMENT_COMMITMENT' AND source_id = $1`, [c.id]);
      expect(through.ended_at).not.toBeNull();
      app.setNow('2027-03-01T09:00:00Z');
    });
  });

  describe('therapy reports', () => {
    let c: { id: string; number: string };
    beforeAll(async () => {
      app.setNow('2027-03-01T09:00:00Z');
      c = await issue({ validTo: '2027-12-31' });
    });
    const submit = (input: Record<string, unknown>, token = provider) => app.gql(SUBMIT, { input: { commitmentId: c.id, ...input } }, token);

    it('refuses a report naming each missing item, writing nothing', async () => {
      const error = await refused('therapy_report', () => submit({ therapistName: 'Tova Terapeut', continuedTherapyNeeded: false }));
      expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
      expect((error?.extensions?.problems as { item: string }[]).map((p) => p.item)).toEqual([
        'THERAPIST_CONTACT',
        'SESSIONS',
        'FUNCTIONAL_ABILITY',
        'GOALS',
        'ASSESSMENTS',
        'PATIENT_MOTIVATION',
        'END_SUMMARY',
      ]);
      expect(error?.message).toContain('END_SUMMARY');
      const score = await refused('therapy_report', () => submit({ ...COMPLETE_REPORT, goals: [{ goal: 'Gå', outcome: 'Ja', gasScore: 3 }] }));
      expect(await app.logRows((await submit({})).requestId)).toEqual([{ outcome: 'REJECTED', action: 'therapyReportSubmit', patientId }]);
      expect((score?.extensions?.problems as { item: string; field: string }[]).map((p) => [p.item, p.field])).toEqual([
        ['SESSIONS', 'sessions'],
        ['GOALS', 'goals'],
      ]);
    });

    it('takes a complete report once, with the sessions held, on time before its due date', async () => {
      expect((await app.gql(VISIT, { input: { commitmentId: c.id, date: '2027-03-01', minutes: 40 } }, provider)).errors).toBeUndefined();
      expect(codes(await submit(COMPLETE_REPORT, payer))).toEqual(['FORBIDDEN']);
      const res = await submit(COMPLETE_REPORT);
      expect(res.errors).toBeUndefined();
      expect(res.data.therapyReportSubmit.report).toMatchObject({
        ...COMPLETE_REPORT,
        endSummary: null,
        submittedOn: '2027-03-01',
        onTime: true,
        sessions: [{ visitDate: '2027-03-01', minutes: 40 }],
        commitment: { id: c.id },
      });
      const again = await refused('therapy_report', () => submit(COMPLETE_REPORT));
      expect(again?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'DUPLICATE' });
      const read = await app.gql(`query($id: ID!) { therapyReport(id: $id) { id } }`, { id: res.data.therapyReportSubmit.report.id }, payer);
      expect(read.data.therapyReport.id).toBe(res.data.therapyReportSubmit.report.id);
    });

    it('gives the patient’s copy to a patient-facing system only under the patient’s consent from the provider', async () => {
      const [{ id: reportId }] = await app.dataSource.query(`SELECT id FROM therapy_report WHERE commitment_id = $1`, [c.id]);
      const admin = await app.token('20', Role.TENANT_ADMIN);
      const portal = (await app.gql(`mutation { organisationCreate(input: { kind: PRIVATE_PROVIDER, name: "Patientportalen ${randomUUID().slice(0, 6)}" }) { organisation { id } } }`, {}, admin)).data.organisationCreate.organisation.id;
      const system = await app.token(portal, Role.INTEGRATION);
      const COPY = `query($id: ID!) { therapyReportPatientCopy(id: $id) { reportId patientName personnummer commitmentNumber therapyForm sessions { visitDate } report { therapistName } } }`;
      const without = await app.gql(COPY, { id: reportId }, system);
      expect(codes(without)).toEqual(['NOT_FOUND']);
      expect(await app.logRows(without.requestId)).toEqual([{ outcome: 'NOT_FOUND', action: 'therapyReportPatientCopy', patientId }]);
      const consent = await app.gql(
        `mutation($input: ConsentRecordInput!) { consentRecord(input: $input) { consent { id } } }`,
        { input: { patientId, recipientOrganisationId: portal, categories: ['CARE_AND_REHAB_PLAN'], purpose: 'REHABILITATION_PLAN', validTo: '2027-12-31' } },
        provider,
      );
      expect(consent.errors).toBeUndefined();
      const copy = await app.gql(COPY, { id: reportId }, system);
      expect(copy.errors).toBeUndefined();
      expect(copy.data.therapyReportPatientCopy).toMatchObject({
        reportId,
        patientName: 'Greta Orsa',
        personnummer: expect.stringMatching(/^19700303-\d{4}$/),
        commitmentNumber: c.number,
        therapyForm: 'PHYSIOTHERAPY',
        sessions: [{ visitDate: '2027-03-01' }],
        report: { therapistName: 'Tova Terapeut' },
      });
      expect(codes(await app.gql(COPY, { id: reportId }, outsider))).toEqual(['NOT_FOUND']);
    });
  });

  describe('reports due', () => {
    const DUE = `query($org: ID!, $before: LocalDate, $after: String) { therapyReportsDue(organisationId: $org, before: $before, first: 2, after: $after) {
      edges { node { id reportDueOn } } pageInfo { hasNextPage endCursor } } }`;

    it('lists, for the payer and for the provider, the reports not in by their date, oldest first, page by page', async () => {
      app.setNow('2027-03-01T09:00:00Z');
      const late = await issue({ validTo: '2027-06-30' });
      const later = await issue({ validTo: '2027-07-31' });
      const revoked = await issue({ validTo: '2027-06-15' });
      await app.gql(REVOKE, { input: { commitmentId: revoked.id, version: 1, revokedFrom: '2027-03-05' } }, payer);
      const walk = async (org: string, token: string) => {
        const due: { id: string; reportDueOn: string }[] = [];
        let after: string | null = null;
        do {
          const res: GraphQLResponse = await app.gql(DUE, { org, before: '2027-06-01', after }, token);
          expect(res.errors).toBeUndefined();
          due.push(...res.data.therapyReportsDue.edges.map((e: any) => e.node));
          after = res.data.therapyReportsDue.pageInfo.hasNextPage ? res.data.therapyReportsDue.pageInfo.endCursor : null;
        } while (after);
        return due;
      };
      for (const [org, token] of [[ORSA, payer], [providerId, provider]]) {
        const due = await walk(org, token);
        expect(due.map((d) => d.reportDueOn)).toEqual([...due.map((d) => d.reportDueOn)].sort());
        const ids = due.map((d) => d.id);
        expect(ids).toEqual(expect.arrayContaining([late.id, later.id]));
        expect(ids.indexOf(late.id)).toBeLessThan(ids.indexOf(later.id));
        expect(ids).not.toContain(revoked.id);
        expect(due.every((d) => d.reportDueOn < '2027-06-01')).toBe(true);
      }
      expect(codes(await app.gql(DUE, { org: ORSA }, provider))).toEqual(['FORBIDDEN']);
    });
  });
});
