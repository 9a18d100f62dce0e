import { Role } from '../../domain/enums';
import { seededOrganisationId } from '../../entities/seed/seed';
import { CoordinationRows } from '../support/coordination-rows';
import { testPersonnummer } from '../support/personnummer';
import { codes, startTestApp, TestApp } from '../support/test-app';

/** A SIP intervention may be the return-to-work plan of the patient's coordination case (issue 18 item 6). */
const DALARNA = seededOrganisationId('20')!;
const UPDATE = `mutation($input: SipContentUpdateInput!) { sipContentUpdate(input: $input) { sip { version interventions { description returnToWorkPlanId } } } }`;

describe("a SIP's intervention naming a coordination case's return-to-work plan", () => {
  let app: TestApp;
  let staff: string;
  let rows: CoordinationRows;
  let unit: string;

  const patient = async () =>
    (await app.gql(`mutation($p: String!) { patientCreate(input: { personnummer: $p }) { patient { id } } }`, { p: testPersonnummer('19750303') }, staff)).data.patientCreate.patient.id as string;
  const planOf = async (patientId: string) => {
    const caseId = await rows.case({ patientId, ownerOrganisationId: DALARNA, careUnitId: unit });
    return rows.returnToWorkPlan(caseId, await rows.activity(caseId, '2026-11-02T10:00:00Z'));
  };
  const sipOf = async (patientId: string) => {
    // The person's consent to a SIP with Mora kommun, then the plan.
    const consent = await app.gql(
      `mutation($input: ConsentRecordInput!) { consentRecord(input: $input) { consent { id } } }`,
      { input: { patientId, recipientOrganisationId: seededOrganisationId('2062'), categories: ['CARE_AND_REHAB_PLAN'], purpose: 'SIP', validTo: '2027-06-30' } },
      staff,
    );
    expect(consent.errors).toBeUndefined();
    const res = await app.gql(`mutation($input: SipCreateInput!) { sipCreate(input: $input) { sip { id version } } }`, { input: { patientId, participants: [{ organisationId: seededOrganisationId('2062') }] } }, staff);
    expect(res.errors).toBeUndefined();
    return res.data.sipCreate.sip as { id: string; version: number };
  };
  const update = (sip: { id: string; version: number }, returnToWorkPlanId: string) =>
    app.gql(UPDATE, { input: { sipId: sip.id, version: sip.version, interventions: [{ description: 'Återgång i arbete enligt planen', responsibleOrganisationId: DALARNA, returnToWorkPlanId }] } }, staff);

  beforeAll(async () => {
    app = await startTestApp();
    staff = await app.token('20', Role.CARE_STAFF);
    const [{ region_id: regionId }] = await app.dataSource.query(`SELECT region_id FROM organisation WHERE id = $1`, [DALARNA]);
    rows = new CoordinationRows(app.dataSource, regionId);
    unit = await rows.careUnit(DALARNA, 'Vårdcentralen SIP-länk');
  });
  afterAll(() => app?.stop());

  it('lists the plan as an intervention of the same patient’s SIP', async () => {
    const patientId = await patient();
    const plan = await planOf(patientId);
    const res = await update(await sipOf(patientId), plan);
    expect(res.errors).toBeUndefined();
    expect(res.data.sipContentUpdate.sip.interventions).toEqual([{ description: 'Återgång i arbete enligt planen', returnToWorkPlanId: plan }]);
  });

  it("refuses another patient's plan, or one made up, naming the field, and writes nothing", async () => {
    const patientId = await patient();
    const sip = await sipOf(patientId);
    for (const plan of [await planOf(await patient()), '00000000-0000-4000-8000-000000000000']) {
      const res = await update(sip, plan);
      expect(codes(res)).toEqual(['NOT_FOUND']);
      expect(res.errors![0].extensions!.field).toBe('interventions[0].returnToWorkPlanId');
    }
    expect(await app.dataSource.query(`SELECT 1 FROM sip_intervention WHERE sip_id = $1`, [sip.id])).toEqual([]);
  });
});
