import { Role } from '../../domain/enums';
import { seededCareUnitId, seededOrganisationId } from '../../entities/seed/seed';
import { testPersonnummer } from '../support/personnummer';
import { startTestApp, TestApp } from '../support/test-app';
import { SipStep, sipThroughActivation } from '../support/sip-journey';

/**
 * SQL statements of each write of a SIP, a hand-off and a consent, through the API. Every write
 * loads what its decision needs, decides, and writes in one transaction: the ceilings are the
 * counts measured before the writes shared one shape, so that reshaping never makes a write cost
 * more round trips. One pooled connection, as in statement-count.test.ts.
 */
/** Measured on both backends before the shared write shape (commit "A statement count for every SIP, hand-off and consent write"). */
const BEFORE: Record<string, number> = {
  consentRecord: 19,
  sipCreate: 44,
  sipContentUpdate: 32,
  sipCall: 19,
  sipMeetingRecord: 21,
  sipActivate: 38,
  consentRevoke: 24,
  handoffCreate: 36,
  handoffMessageAcknowledge: 20,
  handoffMessageSend: 34,
};

/**
 * Rehabilitation plan writes, measured on both backends when they were added (issue 17): each loads
 * the plan with its goals' attainments in one transaction, decides, and writes in one.
 */
const REHAB_PLAN: Record<string, number> = {
  rehabPlanCreate: 12,
  rehabPlanGoalSet: 12,
  rehabPlanActivate: 10,
  gasScoreRecord: 11,
  rehabPlanEvaluate: 12,
  rehabPlanUpdate: 11,
  rehabPlanClose: 10,
};
const CEILING: Record<string, number> = { ...BEFORE, ...REHAB_PLAN };

/**
 * A discharge's writes also write its summary for the planners' report (one upsert in the same
 * transaction, server/access/discharge-summary.sql.ts): measured on both backends with it.
 */
const WITH_DISCHARGE_SUMMARY: Record<string, number> = {
  handoffCreate: 18,
  handoffMessageSend: 18,
};

describe('SQL statements per write', () => {
  let app: TestApp;
  const DALARNA = seededOrganisationId('20')!;
  // Rättvik and Gagnef take part in no other suite's plans and hand-offs (suites share the database).
  const RATTVIK = seededOrganisationId('2031')!;
  const VC_MALUNG = seededCareUnitId('20', 'vc-malung');
  const MORA_LASARETT = seededCareUnitId('20', 'mora-lasarett');
  const inDays = (days: number) => new Date(Date.now() + days * 86400_000).toISOString().slice(0, 10);
  const counted: Record<string, number> = {};

  beforeAll(async () => {
    app = await startTestApp({ DATABASE_POOL_SIZE: '1' });
  });
  afterAll(() => app.stop());

  /** The writes that cost more statements than before, with both counts. */
  const costlier = (names: string[]) => names.filter((name) => counted[name] > CEILING[name]).map((name) => `${name}: ${counted[name]} > ${CEILING[name]}`);

  /** Runs one mutation, counts its statements under `name`, and returns its field's data. */
  async function write(name: string, mutation: string, variables: Record<string, unknown>, token: string) {
    let res: any;
    counted[name] = await app.countStatements(async () => (res = await app.gql(mutation, variables, token)));
    expect(res.errors).toBeUndefined();
    return res.data[name];
  }

  it('a SIP from creation to activation, and the consent revocation that cancels it, cost no more than before', async () => {
    const rattvik = await app.token('2031', Role.CARE_STAFF);
    await app.gql(`{ regions { edges { cursor } } }`, {}, rattvik); // warms the viewer cache
    const created = await app.gql(
      `mutation($p: String!) { patientCreate(input: { personnummer: $p, homeMunicipalityCode: "2031" }) { patient { id } } }`,
      { p: testPersonnummer('19380707') },
      rattvik,
    );
    const patientId = created.data.patientCreate.patient.id;
    const consent = await write(
      'consentRecord',
      `mutation($input: ConsentRecordInput!) { consentRecord(input: $input) { consent { id } } }`,
      { input: { patientId, recipientOrganisationId: DALARNA, categories: ['CARE_AND_REHAB_PLAN'], purpose: 'SIP', validTo: inDays(30) } },
      rattvik,
    );
    const step: SipStep = (name, input, variables) =>
      write(name, `mutation($input: ${input}!) { ${name}(input: $input) { sip { id version status participants { id } meetings { id } } } }`, { input: variables }, rattvik).then((d) => d.sip);
    const sip = await sipThroughActivation(step, { patientId, municipalityId: RATTVIK, regionId: DALARNA, careUnitId: VC_MALUNG, meetingPlace: 'Vårdcentralen Malung' });
    expect(sip.status).toBe('ACTIVE');
    await write('consentRevoke', `mutation($id: ID!) { consentRevoke(input: { id: $id, reason: "The person withdrew it" }) { consent { id } } }`, { id: consent.consent.id }, rattvik);
    const after = await app.gql(`query($id: ID!) { sip(id: $id) { status } }`, { id: sip.id }, rattvik);
    expect(after.data.sip.status).toBe('CANCELLED');
    expect(costlier(['consentRecord', 'sipCreate', 'sipContentUpdate', 'sipCall', 'sipMeetingRecord', 'sipActivate', 'consentRevoke'])).toEqual([]);
  });

  it('a hand-off: creation with its admission notice, a message and an acknowledgement cost no more than before', async () => {
    const ward = await app.unitToken('20', MORA_LASARETT, Role.CARE_STAFF);
    await app.gql(`{ regions { edges { cursor } } }`, {}, ward); // warms the viewer cache
    const created = await app.gql(
      `mutation($p: String!) { patientCreate(input: { personnummer: $p, homeMunicipalityCode: "2026" }) { patient { id } } }`,
      { p: testPersonnummer('19390808') },
      ward,
    );
    const handoff = await write(
      'handoffCreate',
      `mutation($input: HandoffCreateInput!) { handoffCreate(input: $input) { handoff { id version messages { id } } } }`,
      { input: { patientId: created.data.patientCreate.patient.id, kind: 'DISCHARGE_FROM_INPATIENT', sendingCareUnitId: MORA_LASARETT, admittedAt: new Date().toISOString() } },
      ward,
    );
    const gagnef = await app.token('2026', Role.CARE_STAFF);
    await app.gql(`{ regions { edges { cursor } } }`, {}, gagnef);
    await write('handoffMessageAcknowledge', `mutation($id: ID!) { handoffMessageAcknowledge(input: { messageId: $id }) { message { id } } }`, { id: handoff.handoff.messages[0].id }, gagnef);
    await write(
      'handoffMessageSend',
      `mutation($input: HandoffMessageSendInput!) { handoffMessageSend(input: $input) { message { kind } } }`,
      { input: { handoffId: handoff.handoff.id, version: handoff.handoff.version, kind: 'FREE_TEXT', content: { text: 'Hjälpmedel beställt' } } },
      ward,
    );
    expect(costlier(['handoffCreate', 'handoffMessageAcknowledge', 'handoffMessageSend'])).toEqual([]);
    const summaryCeiling = Object.keys(WITH_DISCHARGE_SUMMARY).filter((name) => counted[name] > WITH_DISCHARGE_SUMMARY[name]);
    expect(summaryCeiling.map((name) => `${name}: ${counted[name]} > ${WITH_DISCHARGE_SUMMARY[name]}`)).toEqual([]);
    const summaries = await app.dataSource.query(`SELECT handoff_version AS version, admission_notice_sent AS sent FROM handoff_discharge_summary WHERE handoff_id = $1`, [handoff.handoff.id]);
    expect(summaries).toEqual([{ version: handoff.handoff.version + 1, sent: true }]);
  });

  it('a rehabilitation plan from creation through its evaluation to its close costs no more than when it was added', async () => {
    const leksand = await app.token('2029', Role.CARE_STAFF);
    await app.gql(`{ regions { edges { cursor } } }`, {}, leksand); // warms the viewer cache
    const created = await app.gql(
      `mutation($p: String!) { patientCreate(input: { personnummer: $p, homeMunicipalityCode: "2029" }) { patient { id } } }`,
      { p: testPersonnummer('19410909') },
      leksand,
    );
    const step = (name: string, input: string, variables: Record<string, unknown>) =>
      write(name, `mutation($input: ${input}!) { ${name}(input: $input) { plan { id version status goals { id } } } }`, { input: variables }, leksand).then((d) => d.plan);
    const levels = [-2, -1, 0, 1, 2].map((level) => ({ level, description: `Nivå ${level}` }));
    let plan = await step('rehabPlanCreate', 'RehabPlanCreateInput', { patientId: created.data.patientCreate.patient.id, need: 'LONG_TERM', therapyForms: ['PHYSIOTHERAPY'] });
    plan = await step('rehabPlanGoalSet', 'RehabPlanGoalSetInput', { id: plan.id, version: plan.version, goals: ['Gå', 'Handla', 'Laga mat'].map((title) => ({ title, levels, baseline: -1 })) });
    plan = await step('rehabPlanActivate', 'RehabPlanStatusInput', { id: plan.id, version: plan.version });
    for (const goal of plan.goals) plan = await step('gasScoreRecord', 'GasScoreRecordInput', { id: plan.id, version: plan.version, goalId: goal.id, attainment: 0 });
    plan = await step('rehabPlanEvaluate', 'RehabPlanEvaluateInput', { id: plan.id, version: plan.version });
    plan = await step('rehabPlanUpdate', 'RehabPlanUpdateInput', { id: plan.id, version: plan.version, functionalAbility: 'Förbättrad' });
    plan = await step('rehabPlanClose', 'RehabPlanCloseInput', { id: plan.id, version: plan.version });
    expect(plan.status).toBe('CLOSED');
    expect(costlier(Object.keys(REHAB_PLAN))).toEqual([]);
  });
});
