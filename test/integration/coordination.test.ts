import { Role } from '../../domain/enums';
import { localDateOf } from '../../domain/local-date';
import { seededCareUnitId, seededOrganisationId } from '../../entities/seed/seed';
import { testPersonnummer } from '../support/personnummer';
import { GraphQLResponse, startTestApp, TestApp } from '../support/test-app';

/**
 * Rehabilitation coordination through the API (issue 18, items 1–3 and the Done-when flow): a case
 * from referral to CLOSED with consents to the employer and to FK, the FK notice refused until its
 * own consent exists, GC001 refused on an unanswered contact and granted on a held meeting, the
 * return-to-work ramp; and the bad input, each a coded error naming the field, nothing written,
 * the refusal in the access log.
 */
const CASE = `id status version occupation sickLeaveFrom sickLeaveTo sickLeaveDegree coordinatorUserId firstContactAt lastActivityAt closedAt outcome allowedStatuses
  careUnit { id } patient { id }
  statusHistory { fromStatus toStatus changedAt changedBy note }
  employers { id name organisationNumber }
  consents { id actor { kind organisationId careUnitId employerId } direction categories purpose validFrom validTo withdrawnAt }
  activities { id area kind actor { kind employerId } answered held mode kvaCodes { code codeValidFrom } }
  returnToWorkPlan { id goal steps { position fromDate toDate workPercent responsibilities } }`;

const VC_MORA = seededCareUnitId('20', 'vc-mora');
const FALU_LASARETT = seededCareUnitId('20', 'falu-lasarett');
/** A valid organisation number (Luhn check digit 3) and the same with a wrong check digit. */
const EMPLOYER_NUMBER = '556036-0793';
const WRONG_CHECK_DIGIT = '556036-0794';

const today = () => localDateOf(new Date(), 'Europe/Stockholm');
const inDays = (days: number) => localDateOf(new Date(Date.now() + days * 86400_000), 'Europe/Stockholm');

describe('rehabilitation coordination', () => {
  let app: TestApp;
  let coordinator: string;
  let careStaff: string;
  let patientId: string;

  const mutate = (field: string, input: string, variables: Record<string, unknown>, select = `coordinationCase { ${CASE} }`, token = coordinator): Promise<GraphQLResponse> =>
    app.gql(`mutation($input: ${input}!) { ${field}(input: $input) { ${select} } }`, { input: variables }, token);
  const ok = async (field: string, input: string, variables: Record<string, unknown>, select?: string) => {
    const res = await mutate(field, input, variables, select);
    expect(res.errors).toBeUndefined();
    return res.data[field];
  };
  const open = async (extra: Record<string, unknown> = {}) =>
    (
      await ok('coordinationCaseOpen', 'CoordinationCaseOpenInput', {
        patientId,
        careUnitId: VC_MORA,
        occupation: 'EMPLOYED',
        sickLeave: { from: inDays(-20), to: inDays(40), degree: 100 },
        note: 'Remiss från distriktsläkaren',
        ...extra,
      })
    ).coordinationCase;
  const change = async (c: { id: string; version: number }, status: string, extra: Record<string, unknown> = {}) =>
    (await ok('coordinationCaseStatusChange', 'CoordinationCaseStatusChangeInput', { caseId: c.id, version: c.version, status, ...extra })).coordinationCase;
  const consent = (c: { id: string; version: number }, extra: Record<string, unknown>) =>
    mutate('coordinationConsentGive', 'CoordinationConsentGiveInput', { caseId: c.id, version: c.version, purpose: 'REHABILITATION_COORDINATION', period: { validTo: inDays(180) }, ...extra });
  const activity = (c: { id: string; version: number }, extra: Record<string, unknown>) =>
    mutate('coordinationActivityRecord', 'CoordinationActivityRecordInput', { caseId: c.id, version: c.version, ...extra }, `coordinationCase { ${CASE} } activity { id kvaCodes { code } }`);
  /** What the database holds of a case: a refused change must leave it as it was. */
  const stored = async (id: string) =>
    (
      await app.dataSource.query(
        `SELECT c.version, c.status,
           (SELECT count(*)::int FROM coordination_status_change s WHERE s.case_id = c.id) AS changes,
           (SELECT count(*)::int FROM coordination_employer e WHERE e.case_id = c.id) AS employers,
           (SELECT count(*)::int FROM coordination_consent k WHERE k.case_id = c.id) AS consents,
           (SELECT count(*)::int FROM coordination_activity a WHERE a.case_id = c.id) AS activities,
           (SELECT count(*)::int FROM coordination_kva q WHERE q.case_id = c.id) AS codes,
           (SELECT count(*)::int FROM coordination_return_to_work_step st JOIN coordination_return_to_work_plan p ON p.id = st.plan_id WHERE p.case_id = c.id) AS steps
         FROM coordination_case c WHERE c.id = $1`,
        [id],
      )
    )[0];
  /** The access-log rows a request left. */
  const logOf = (requestId: string | null): Promise<{ outcome: string; patientId: string | null; recordType: string; recordId: string | null }[]> =>
    app.dataSource.query(`SELECT outcome, patient_id AS "patientId", record_type AS "recordType", record_id AS "recordId" FROM access_log WHERE request_id = $1 ORDER BY id`, [requestId]);
  /** A refusal: the one error's code and field, nothing written, and the attempt in the access log against the patient. */
  const expectRefused = async (res: GraphQLResponse, code: string, field: string, caseId: string, before: unknown) => {
    expect(res.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([[code, field]]);
    expect(await stored(caseId)).toEqual(before);
    const rows = await logOf(res.requestId);
    expect(rows).toContainEqual(expect.objectContaining({ outcome: 'REJECTED', patientId, recordType: 'COORDINATION_CASE' }));
  };

  beforeAll(async () => {
    app = await startTestApp();
    coordinator = await app.unitToken('20', VC_MORA, Role.REHAB_COORDINATOR);
    careStaff = await app.token('20', Role.CARE_STAFF);
    const created = await app.gql(`mutation($p: String!) { patientCreate(input: { personnummer: $p, homeMunicipalityCode: "2062" }) { patient { id } } }`, { p: testPersonnummer('19850704') }, careStaff);
    patientId = created.data.patientCreate.patient.id;
  });
  afterAll(() => app.stop());

  it('takes a case from referral to CLOSED: consents to the employer and FK, the FK notice gated by its own consent, GC001 only when value was created', async () => {
    // Referral: the case opens at the coordinator's unit, assigned to them, the opening in its history.
    let c = await open();
    expect(c).toMatchObject({ status: 'NONE', version: 1, occupation: 'EMPLOYED', sickLeaveDegree: 100, coordinatorUserId: 'test-unit-rehab_coordinator', careUnit: { id: VC_MORA }, patient: { id: patientId } });
    expect(c.statusHistory).toEqual([{ fromStatus: null, toStatus: 'NONE', changedAt: expect.any(String), changedBy: 'test-unit-rehab_coordinator', note: 'Remiss från distriktsläkaren' }]);
    expect(c.allowedStatuses).toEqual(['CONTACTED', 'ACTIVE', 'DECLINED', 'CLOSED']);
    expect(c.firstContactAt).toBeNull();
    c = await change(c, 'CONTACTED');
    // The time to first contact: when the case left NONE.
    const firstContactAt = c.firstContactAt;
    expect(c.statusHistory[1].changedAt).toBe(firstContactAt);

    // ACTIVE needs the patient's consent to coordination itself.
    let before = await stored(c.id);
    await expectRefused(await mutate('coordinationCaseStatusChange', 'CoordinationCaseStatusChangeInput', { caseId: c.id, version: c.version, status: 'ACTIVE' }), 'CONFLICT', 'status', c.id, before);
    c = (await ok('coordinationConsentGive', 'CoordinationConsentGiveInput', { caseId: c.id, version: c.version, purpose: 'REHABILITATION_COORDINATION', period: { validTo: inDays(180) } })).coordinationCase;
    c = await change(c, 'ACTIVE', { note: 'Patienten vill ha stöd' });

    // The employer, named in the case, and the patient's consent to give it information on work capacity.
    const added = await ok('coordinationEmployerAdd', 'CoordinationEmployerAddInput', { caseId: c.id, version: c.version, name: 'Mora Trä AB', organisationNumber: '5560360793', contactName: 'Chefen' }, `coordinationCase { ${CASE} } employer { id organisationNumber }`);
    expect(added.employer.organisationNumber).toBe(EMPLOYER_NUMBER);
    c = added.coordinationCase;
    const employer = { kind: 'EMPLOYER', employerId: added.employer.id };
    const toEmployer = await consent(c, { actor: employer, categories: ['WORK_CAPACITY', 'CARE_AND_REHAB_PLAN'] });
    expect(toEmployer.errors).toBeUndefined();
    c = toEmployer.data.coordinationConsentGive.coordinationCase;

    // The FK notice: refused with no consent naming FK, then with one that only lets FK send (one-way), then with one for another purpose.
    const notice = () => mutate('coordinationFkNoticeSend', 'CoordinationFkNoticeSendInput', { caseId: c.id, version: c.version, kvaCodes: ['GC001'] }, `coordinationCase { ${CASE} } activity { kind kvaCodes { code } }`);
    before = await stored(c.id);
    let refused = await notice();
    await expectRefused(refused, 'CONFLICT', 'consent', c.id, before);
    expect(refused.errors![0].extensions!.missing).toMatch(/no consent from the patient to give information to Försäkringskassan/);
    c = (await consent(c, { actor: { kind: 'FK' }, direction: 'FROM_ACTOR', categories: ['WORK_CAPACITY'], purpose: 'WORK_ORIENTED_REHABILITATION' })).data.coordinationConsentGive.coordinationCase;
    refused = await notice();
    expect(refused.errors![0].extensions!.missing).toMatch(/no consent from the patient to give information to Försäkringskassan/);
    c = (await consent(c, { actor: { kind: 'FK' }, categories: ['WORK_CAPACITY'] })).data.coordinationConsentGive.coordinationCase;
    refused = await notice();
    expect(refused.errors![0].extensions!.missing).toMatch(/not for the purpose WORK_ORIENTED_REHABILITATION/);
    c = (await consent(c, { actor: { kind: 'FK' }, categories: ['WORK_CAPACITY'], purpose: 'WORK_ORIENTED_REHABILITATION' })).data.coordinationConsentGive.coordinationCase;
    const sent = await notice();
    expect(sent.errors).toBeUndefined();
    expect(sent.data.coordinationFkNoticeSend.activity).toEqual({ kind: 'FK_NOTICE', kvaCodes: [{ code: 'GC001' }] });
    c = sent.data.coordinationFkNoticeSend.coordinationCase;

    // GC001 refused on an unanswered contact with the employer (nothing written), the attempt itself recorded without it.
    before = await stored(c.id);
    const unanswered = { area: 'EXTERNAL_COLLABORATION', kind: 'CONTACT', actor: employer, answered: false };
    refused = await activity(c, { ...unanswered, kvaCodes: ['GC001'] });
    await expectRefused(refused, 'BAD_USER_INPUT', 'kvaCodes', c.id, before);
    expect(refused.errors![0].message).toMatch(/not for an unanswered contact/);
    let recorded = await activity(c, unanswered);
    expect(recorded.errors).toBeUndefined();
    c = recorded.data.coordinationActivityRecord.coordinationCase;

    // GC001 and ZV506 granted on a meeting held with the employer.
    recorded = await activity(c, { area: 'EXTERNAL_COLLABORATION', kind: 'MEETING', actor: employer, held: true, mode: 'IN_PERSON', kvaCodes: ['GC001', 'ZV506'] });
    expect(recorded.errors).toBeUndefined();
    expect(recorded.data.coordinationActivityRecord.activity.kvaCodes).toEqual([{ code: 'GC001' }, { code: 'ZV506' }]);
    c = recorded.data.coordinationActivityRecord.coordinationCase;
    expect(c.firstContactAt).toBe(firstContactAt);
    expect(c.lastActivityAt > firstContactAt).toBe(true);

    // The return-to-work plan: a part-time ramp, DV077.
    const ramp = [
      { fromDate: inDays(1), toDate: inDays(14), workPercent: 25, responsibilities: 'Arbetsgivaren anpassar arbetsuppgifterna' },
      { fromDate: inDays(15), toDate: inDays(28), workPercent: 50, responsibilities: 'Fysioterapeuten ger träningsprogram' },
      { fromDate: inDays(29), toDate: inDays(42), workPercent: 100, responsibilities: 'Koordinatorn följer upp med arbetsgivaren' },
    ];
    const planned = await ok('coordinationReturnToWorkPlanSet', 'CoordinationReturnToWorkPlanSetInput', { caseId: c.id, version: c.version, goal: 'Tillbaka på heltid', steps: ramp, kvaCodes: ['DV077', 'GC001'] }, `coordinationCase { ${CASE} } activity { kind kvaCodes { code } }`);
    expect(planned.activity).toEqual({ kind: 'RETURN_TO_WORK_PLAN', kvaCodes: [{ code: 'DV077' }, { code: 'GC001' }] });
    c = planned.coordinationCase;
    expect(c.returnToWorkPlan.steps).toEqual(ramp.map((s, i) => ({ position: i + 1, ...s })));

    // Follow-up of the sick leave and the plan: AW026.
    c = await change(c, 'FOLLOW_UP');
    recorded = await activity(c, { area: 'FOLLOW_UP', kind: 'FOLLOW_UP', kvaCodes: ['AW026'] });
    expect(recorded.data.coordinationActivityRecord.activity.kvaCodes).toEqual([{ code: 'AW026' }]);
    c = recorded.data.coordinationActivityRecord.coordinationCase;

    // A case whose activities created value did not end without intervention.
    before = await stored(c.id);
    await expectRefused(await mutate('coordinationCaseStatusChange', 'CoordinationCaseStatusChangeInput', { caseId: c.id, version: c.version, status: 'CLOSED', outcome: 'NO_INTERVENTION' }), 'BAD_USER_INPUT', 'outcome', c.id, before);
    c = await change(c, 'CLOSED', { outcome: 'RETURNED_TO_WORK' });
    expect(c).toMatchObject({ status: 'CLOSED', outcome: 'RETURNED_TO_WORK', closedAt: expect.any(String), allowedStatuses: [] });
    expect(c.statusHistory.map((s: any) => s.toStatus)).toEqual(['NONE', 'CONTACTED', 'ACTIVE', 'FOLLOW_UP', 'CLOSED']);
    expect(c.activities.map((a: any) => a.kind)).toEqual(['FK_NOTICE', 'CONTACT', 'MEETING', 'RETURN_TO_WORK_PLAN', 'FOLLOW_UP']);

    // Nothing more on a CLOSED case.
    before = await stored(c.id);
    await expectRefused(await activity(c, { area: 'PERSONAL_SUPPORT', kind: 'CONTACT', answered: true }), 'CONFLICT', 'caseId', c.id, before);

    // The case reads back whole, logged as a read of the patient's data.
    const read = await app.gql(`query($id: ID!) { coordinationCase(id: $id) { ${CASE} } }`, { id: c.id }, careStaff);
    expect(read.data.coordinationCase).toEqual(c);
    expect(await logOf(read.requestId)).toContainEqual(expect.objectContaining({ outcome: 'ALLOWED', patientId, recordType: 'COORDINATION_CASE', recordId: c.id }));
  });

  it('refuses GC001 on a case without intervention, and records nothing but the closing on a DECLINED case', async () => {
    let c = await open({ status: 'CONTACTED' });
    // An answered contact while the patient has not agreed to coordination: no intervention yet.
    let before = await stored(c.id);
    const refused = await activity(c, { area: 'PERSONAL_SUPPORT', kind: 'CONTACT', answered: true, kvaCodes: ['GC001'] });
    await expectRefused(refused, 'BAD_USER_INPUT', 'kvaCodes', c.id, before);
    expect(refused.errors![0].message).toMatch(/not on one in CONTACTED/);

    c = await change(c, 'DECLINED', { note: 'Patienten avböjer' });
    before = await stored(c.id);
    await expectRefused(await activity(c, { area: 'PERSONAL_SUPPORT', kind: 'CONTACT', answered: true }), 'CONFLICT', 'caseId', c.id, before);
    await expectRefused(
      await mutate('coordinationEmployerAdd', 'CoordinationEmployerAddInput', { caseId: c.id, version: c.version, name: 'Mora Trä AB', organisationNumber: EMPLOYER_NUMBER }, 'coordinationCase { id }'),
      'CONFLICT',
      'caseId',
      c.id,
      before,
    );
    await expectRefused(await consent(c, { actor: { kind: 'AF' }, categories: ['SICK_LEAVE'] }), 'CONFLICT', 'caseId', c.id, before);
    // A case that never reached an intervention closes as NO_INTERVENTION.
    await expectRefused(await mutate('coordinationCaseStatusChange', 'CoordinationCaseStatusChangeInput', { caseId: c.id, version: c.version, status: 'CLOSED', outcome: 'RETURNED_TO_WORK' }), 'BAD_USER_INPUT', 'outcome', c.id, before);
    c = await change(c, 'CLOSED', { outcome: 'NO_INTERVENTION' });
    expect(c.statusHistory.map((s: any) => s.toStatus)).toEqual(['CONTACTED', 'DECLINED', 'CLOSED']);
  });

  it('refuses bad input with a coded error naming the field, writing nothing and logging the refusal', async () => {
    let c = await open({ status: 'ACTIVE', consentToCoordination: { validTo: inDays(90) } });
    const before = await stored(c.id);
    const employerAdd = (organisationNumber: string | null) =>
      mutate('coordinationEmployerAdd', 'CoordinationEmployerAddInput', { caseId: c.id, version: c.version, name: 'Orsa Snickeri AB', organisationNumber }, 'coordinationCase { id }');
    // An employer without an organisation number, or with a wrong check digit.
    await expectRefused(await employerAdd(null), 'BAD_USER_INPUT', 'organisationNumber', c.id, before);
    await expectRefused(await employerAdd(WRONG_CHECK_DIGIT), 'BAD_USER_INPUT', 'organisationNumber', c.id, before);
    // A consent to "all information" with no category.
    const all = await consent(c, { actor: { kind: 'AF' }, categories: [] });
    await expectRefused(all, 'BAD_USER_INPUT', 'categories', c.id, before);
    expect(all.errors![0].message).toMatch(/"all information" is not specific/);
    await expectRefused(await consent(c, { actor: { kind: 'AF' } }), 'BAD_USER_INPUT', 'categories', c.id, before);
    // A ramp whose steps overlap, or exceed 100 %.
    const plan = (steps: unknown[]) => mutate('coordinationReturnToWorkPlanSet', 'CoordinationReturnToWorkPlanSetInput', { caseId: c.id, version: c.version, steps }, 'coordinationCase { id }');
    await expectRefused(
      await plan([
        { fromDate: inDays(1), toDate: inDays(14), workPercent: 50, responsibilities: 'Halvtid' },
        { fromDate: inDays(10), toDate: inDays(28), workPercent: 75, responsibilities: 'Tre fjärdedelar' },
      ]),
      'BAD_USER_INPUT',
      'steps[1].from',
      c.id,
      before,
    );
    await expectRefused(await plan([{ fromDate: inDays(1), toDate: inDays(14), workPercent: 120, responsibilities: 'Övertid' }]), 'BAD_USER_INPUT', 'steps[0].workPercent', c.id, before);
    // Information to an actor without the patient's consent to it; a contact that does not say whether it was answered.
    await expectRefused(await activity(c, { area: 'EXTERNAL_COLLABORATION', kind: 'CONTACT', actor: { kind: 'AF' }, answered: true, kvaCodes: ['ZV502'] }), 'CONFLICT', 'actor', c.id, before);
    await expectRefused(await activity(c, { area: 'PERSONAL_SUPPORT', kind: 'CONTACT' }), 'BAD_USER_INPUT', 'answered', c.id, before);
    // A stale version.
    const stale = await mutate('coordinationCaseStatusChange', 'CoordinationCaseStatusChangeInput', { caseId: c.id, version: c.version + 1, status: 'FOLLOW_UP' });
    expect(stale.errors?.map((e) => [e.extensions?.code, e.extensions?.reason, e.extensions?.field])).toEqual([['CONFLICT', 'STALE_VERSION', 'version']]);
    expect(await stored(c.id)).toEqual(before);

    // With the consent, the contact with AF earns ZV502 and GC001.
    c = (await consent(c, { actor: { kind: 'AF', organisationId: seededOrganisationId('20:af') }, categories: ['WORK_CAPACITY', 'SICK_LEAVE'] })).data.coordinationConsentGive.coordinationCase;
    const recorded = await activity(c, { area: 'EXTERNAL_COLLABORATION', kind: 'CONTACT', actor: { kind: 'AF', organisationId: seededOrganisationId('20:af') }, answered: true, kvaCodes: ['ZV502', 'GC001'] });
    expect(recorded.errors).toBeUndefined();
    expect(recorded.data.coordinationActivityRecord.activity.kvaCodes).toEqual([{ code: 'GC001' }, { code: 'ZV502' }]);
  });

  it('opens cases only at a primary or specialist care unit, by a coordinator acting for it; care staff read but do not change', async () => {
    const atWard = await app.unitToken('20', FALU_LASARETT, Role.REHAB_COORDINATOR);
    const input = { patientId, careUnitId: FALU_LASARETT, occupation: 'STUDENT', sickLeave: { from: today(), to: inDays(30), degree: 50 } };
    const ward = await mutate('coordinationCaseOpen', 'CoordinationCaseOpenInput', input, 'coordinationCase { id }', atWard);
    expect(ward.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([['BAD_USER_INPUT', 'careUnitId']]);
    const elsewhere = await mutate('coordinationCaseOpen', 'CoordinationCaseOpenInput', { ...input, careUnitId: VC_MORA }, 'coordinationCase { id }', atWard);
    expect(elsewhere.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([['FORBIDDEN', 'careUnitId']]);
    // A sick-leave degree outside 25/50/75/100, and an ACTIVE opening without the consent to coordination.
    const degree = await mutate('coordinationCaseOpen', 'CoordinationCaseOpenInput', { ...input, careUnitId: VC_MORA, sickLeave: { ...input.sickLeave, degree: 60 } }, 'coordinationCase { id }');
    expect(degree.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([['BAD_USER_INPUT', 'sickLeave.degree']]);
    const yearZero = await mutate('coordinationCaseOpen', 'CoordinationCaseOpenInput', { ...input, careUnitId: VC_MORA, sickLeave: { ...input.sickLeave, from: '0000-01-01' } }, 'coordinationCase { id }');
    expect(yearZero.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([['BAD_USER_INPUT', 'sickLeave.from']]);
    const active = await mutate('coordinationCaseOpen', 'CoordinationCaseOpenInput', { ...input, careUnitId: VC_MORA, status: 'ACTIVE' }, 'coordinationCase { id }');
    expect(active.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([['CONFLICT', 'consentToCoordination']]);
    expect(await logOf(active.requestId)).toContainEqual(expect.objectContaining({ outcome: 'REJECTED', patientId }));

    const c = await open();
    const byStaff = await mutate('coordinationCaseStatusChange', 'CoordinationCaseStatusChangeInput', { caseId: c.id, version: c.version, status: 'CONTACTED' }, 'coordinationCase { id }', careStaff);
    expect(byStaff.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    expect(await logOf(byStaff.requestId)).toContainEqual(expect.objectContaining({ outcome: 'DENIED', patientId, recordId: c.id }));
    const read = await app.gql(`query($id: ID!) { coordinationCase(id: $id) { id status } }`, { id: c.id }, careStaff);
    expect(read.data.coordinationCase).toEqual({ id: c.id, status: 'NONE' });

    // A colleague at the unit takes the case over; taking over one's own case is refused.
    const colleague = await app.unitToken('20', VC_MORA, Role.REHAB_COORDINATOR, Role.CARE_STAFF);
    const takeOver = (token: string, version: number) => mutate('coordinationCaseTakeOver', 'CoordinationCaseTakeOverInput', { caseId: c.id, version }, 'coordinationCase { version coordinatorUserId }', token);
    const taken = await takeOver(colleague, c.version);
    expect(taken.data.coordinationCaseTakeOver.coordinationCase).toEqual({ version: c.version + 1, coordinatorUserId: 'test-unit-rehab_coordinator-care_staff' });
    const again = await takeOver(colleague, c.version + 1);
    expect(again.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([['CONFLICT', 'caseId']]);
  });
});
