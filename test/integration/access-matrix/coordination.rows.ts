import { Role } from '../../../domain/enums';
import { seededCareUnitId } from '../../../entities/seed/seed';
import { GraphQLResponse, TestApp } from '../../support/test-app';
import { DENIED_TO_OUTSIDERS, Fixture, inDays, MatrixRows, Operation, Outcome, Viewer, VIEWERS } from './matrix';

/** Vårdcentralen Mora, Region Dalarna's primary care unit where the patient's coordination case is. */
const VC_MORA = seededCareUnitId('20', 'vc-mora');

interface CoordinationFixture {
  /** Region Dalarna's ACTIVE case for the patient at Vårdcentralen Mora, with an employer named. */
  coordinationCaseId: string;
  coordinationEmployerId: string;
  coordinationCaseVersion(): Promise<number>;
  /** A fresh case of the patient's, for one attempt at a change that ends it. */
  newCoordinationCase(): Promise<{ id: string; version: number }>;
  /** A fresh consent (to AF) in the fixture's case, for one attempt at withdrawing it. */
  newCoordinationConsent(): Promise<string>;
  coordinatorToken: string;
}

/**
 * The viewers as rehabilitation coordinators: each care viewer's organisation with a
 * REHAB_COORDINATOR (Region Dalarna's acting for Vårdcentralen Mora, the case's unit). The planner,
 * the integration client and the anonymous caller keep their own tokens.
 */
async function coordinatorOf(app: TestApp, token: string | null, f: Fixture & CoordinationFixture, viewer: Viewer): Promise<string | null> {
  if (viewer === 'participant') return f.coordinatorToken;
  if (viewer === 'owner' || viewer === 'nonParticipant' || viewer === 'otherRegion') return app.token(VIEWERS[viewer]![0], Role.REHAB_COORDINATOR);
  return token;
}

/** Changes are made by a coordinator at the case's unit: Mora sees the case (it keeps the record) but may not change it. */
const COORDINATOR_WRITES: Record<Viewer, Outcome> = { owner: 'FORBIDDEN', participant: 'DATA', ...DENIED_TO_OUTSIDERS };

const CASE = `coordinationCase { id status version }`;

async function setUp(app: TestApp, { patientId }: Fixture): Promise<CoordinationFixture> {
  const coordinatorToken = await app.unitToken('20', VC_MORA, Role.REHAB_COORDINATOR);
  const step = async (field: string, input: string, variables: Record<string, unknown>, select = CASE) => {
    const res = await app.gql(`mutation($input: ${input}!) { ${field}(input: $input) { ${select} } }`, { input: variables }, coordinatorToken);
    expect(res.errors).toBeUndefined();
    return res.data[field];
  };
  const newCoordinationCase = async () =>
    (
      await step('coordinationCaseOpen', 'CoordinationCaseOpenInput', {
        patientId,
        careUnitId: VC_MORA,
        occupation: 'EMPLOYED',
        sickLeave: { from: inDays(-14), to: inDays(60), degree: 100 },
        status: 'ACTIVE',
        consentToCoordination: { validTo: inDays(180) },
      })
    ).coordinationCase;
  const opened = await newCoordinationCase();
  const added = await step('coordinationEmployerAdd', 'CoordinationEmployerAddInput', { caseId: opened.id, version: opened.version, name: 'Mora Trä AB', organisationNumber: '556036-0793' }, `${CASE} employer { id }`);
  const coordinationCaseVersion = async () => (await app.dataSource.query('SELECT version FROM coordination_case WHERE id = $1', [opened.id]))[0].version as number;
  const consent = async (variables: Record<string, unknown>): Promise<string> =>
    (await step('coordinationConsentGive', 'CoordinationConsentGiveInput', { caseId: opened.id, version: await coordinationCaseVersion(), period: { validTo: inDays(180) }, ...variables }, `${CASE} consent { id }`)).consent.id;
  await consent({ actor: { kind: 'EMPLOYER', employerId: added.employer.id }, categories: ['WORK_CAPACITY'], purpose: 'REHABILITATION_COORDINATION' });
  // The notice to FK (4 §) needs its own consent.
  await consent({ actor: { kind: 'FK' }, categories: ['WORK_CAPACITY'], purpose: 'WORK_ORIENTED_REHABILITATION' });
  return {
    coordinationCaseId: opened.id,
    coordinationEmployerId: added.employer.id,
    coordinatorToken,
    newCoordinationCase,
    newCoordinationConsent: () => consent({ actor: { kind: 'AF' }, categories: ['SICK_LEAVE'], purpose: 'REHABILITATION_COORDINATION' }),
    coordinationCaseVersion,
  };
}

/** A change of the fixture's case (or of a fresh one), by each viewer as a coordinator of its organisation. */
function change(field: string, input: string, variables: (f: Fixture & CoordinationFixture, viewer: Viewer) => Record<string, unknown>, fresh = false): Operation<CoordinationFixture> {
  return {
    name: field,
    run: async (app, token, f, viewer): Promise<GraphQLResponse> => {
      const target = fresh ? await f.newCoordinationCase() : { id: f.coordinationCaseId, version: await f.coordinationCaseVersion() };
      return app.gql(`mutation($input: ${input}!) { ${field}(input: $input) { ${CASE} } }`, { input: { caseId: target.id, version: target.version, ...variables(f, viewer) } }, await coordinatorOf(app, token, f, viewer));
    },
    check: (data) => expect(data[field].coordinationCase.id).toEqual(expect.any(String)),
    expected: COORDINATOR_WRITES,
  };
}

/** Rehabilitation coordination: Region Dalarna's case for the patient at Vårdcentralen Mora. */
export const rows: MatrixRows<CoordinationFixture> = {
  setUp,
  operations: [
    {
      name: 'coordinationCase',
      run: (app, token, f) => app.gql(`query($id: ID!) { coordinationCase(id: $id) { id patient { id } employers { id } consents { actor { kind } } } }`, { id: f.coordinationCaseId }, token),
      check: (data, f) =>
        expect(data.coordinationCase).toEqual({ id: f.coordinationCaseId, patient: { id: f.patientId }, employers: [{ id: f.coordinationEmployerId }], consents: expect.arrayContaining([{ actor: { kind: null } }, { actor: { kind: 'EMPLOYER' } }, { actor: { kind: 'FK' } }]) }),
      // Mora keeps the patient's record and Region Dalarna takes part in the case: both read it (care staff included).
      expected: { owner: 'DATA', participant: 'DATA', ...DENIED_TO_OUTSIDERS },
    },
    {
      name: 'coordinationCaseOpen',
      run: async (app, token, f, viewer) =>
        app.gql(
          `mutation($input: CoordinationCaseOpenInput!) { coordinationCaseOpen(input: $input) { ${CASE} } }`,
          { input: { patientId: f.patientId, careUnitId: VC_MORA, occupation: 'JOB_SEEKING', sickLeave: { from: inDays(-7), to: inDays(30), degree: 50 } } },
          await coordinatorOf(app, token, f, viewer),
        ),
      check: (data) => expect(data.coordinationCaseOpen.coordinationCase).toMatchObject({ status: 'NONE', version: 1 }),
      // Only a coordinator acting for Vårdcentralen Mora opens a case there.
      expected: { owner: 'FORBIDDEN', participant: 'DATA', nonParticipant: 'FORBIDDEN', otherRegion: 'FORBIDDEN', planner: 'FORBIDDEN', integration: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' },
    },
    change('coordinationCaseStatusChange', 'CoordinationCaseStatusChangeInput', () => ({ status: 'CLOSED', outcome: 'OTHER_SUPPORT' }), true),
    {
      name: 'coordinationCaseTakeOver',
      run: async (app, token, f, viewer) => {
        const c = await f.newCoordinationCase();
        // A colleague at Vårdcentralen Mora (another user than the fixture's coordinator) takes the case over.
        const colleague = viewer === 'participant' ? await app.unitToken('20', VC_MORA, Role.REHAB_COORDINATOR, Role.CARE_STAFF) : await coordinatorOf(app, token, f, viewer);
        return app.gql(`mutation($input: CoordinationCaseTakeOverInput!) { coordinationCaseTakeOver(input: $input) { coordinationCase { id coordinatorUserId } } }`, { input: { caseId: c.id, version: c.version } }, colleague);
      },
      check: (data) => expect(data.coordinationCaseTakeOver.coordinationCase.coordinatorUserId).toBe('test-unit-rehab_coordinator-care_staff'),
      expected: COORDINATOR_WRITES,
    },
    change('coordinationEmployerAdd', 'CoordinationEmployerAddInput', () => ({ name: 'Orsa Snickeri AB', organisationNumber: '556036-0793' }), true),
    change('coordinationConsentGive', 'CoordinationConsentGiveInput', () => ({
      actor: { kind: 'AF' },
      categories: ['WORK_CAPACITY', 'SICK_LEAVE'],
      purpose: 'REHABILITATION_COORDINATION',
      period: { validTo: inDays(90) },
    })),
    {
      ...change('coordinationConsentWithdraw', 'CoordinationConsentWithdrawInput', () => ({})),
      run: async (app, token, f, viewer) => {
        const consentId = await f.newCoordinationConsent();
        return app.gql(
          `mutation($input: CoordinationConsentWithdrawInput!) { coordinationConsentWithdraw(input: $input) { ${CASE} } }`,
          { input: { caseId: f.coordinationCaseId, version: await f.coordinationCaseVersion(), consentId } },
          await coordinatorOf(app, token, f, viewer),
        );
      },
    },
    change('coordinationActivityRecord', 'CoordinationActivityRecordInput', () => ({ area: 'PERSONAL_SUPPORT', kind: 'MEETING', held: true, mode: 'IN_PERSON', kvaCodes: ['GC001'] })),
    change('coordinationReturnToWorkPlanSet', 'CoordinationReturnToWorkPlanSetInput', () => ({
      goal: 'Tillbaka på heltid',
      steps: [
        { fromDate: inDays(1), toDate: inDays(14), workPercent: 50, responsibilities: 'Arbetsgivaren anpassar arbetsuppgifterna' },
        { fromDate: inDays(15), toDate: inDays(28), workPercent: 100, responsibilities: 'Koordinatorn följer upp' },
      ],
      kvaCodes: ['DV077'],
    })),
    change('coordinationFkNoticeSend', 'CoordinationFkNoticeSendInput', () => ({ kvaCodes: ['GC001'] })),
  ],
};
