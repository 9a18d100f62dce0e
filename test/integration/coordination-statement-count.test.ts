import { Role } from '../../domain/enums';
import { localDateOf } from '../../domain/local-date';
import { seededCareUnitId } from '../../entities/seed/seed';
import { testPersonnummer } from '../support/personnummer';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * SQL statements of a coordination case read with everything in it (history, employers, consents,
 * activities with their KVÅ codes, the plan's steps): the same for a case with one activity as for
 * one with twelve (no N+1; both backends, one pooled connection as in statement-count.test.ts).
 * Vårdcentralen Orsa's coordinator; no other suite opens cases there.
 */
describe('SQL statements of a coordination case', () => {
  let app: TestApp;
  let coordinator: string;
  const VC_ORSA = seededCareUnitId('20', 'vc-orsa');
  const inDays = (days: number) => localDateOf(new Date(Date.now() + days * 86400_000), 'Europe/Stockholm');
  const READ = `query($id: ID!) { coordinationCase(id: $id) { id status patient { id } careUnit { id name }
    statusHistory { toStatus changedAt } employers { id name } consents { id actor { kind employerId } categories }
    activities { id kind actor { kind employerId } kvaCodes { code } } returnToWorkPlan { id steps { position workPercent } } } }`;

  const step = async (field: string, input: string, variables: Record<string, unknown>, select = 'coordinationCase { id version }') => {
    const res = await app.gql(`mutation($input: ${input}!) { ${field}(input: $input) { ${select} } }`, { input: variables }, coordinator);
    expect(res.errors).toBeUndefined();
    return res.data[field];
  };

  /** An ACTIVE case with an employer, a consent to it, a return-to-work plan and `meetings` meetings held with the employer. */
  async function caseWith(meetings: number): Promise<string> {
    const careStaff = await app.token('20', Role.CARE_STAFF);
    const created = await app.gql(`mutation($p: String!) { patientCreate(input: { personnummer: $p, homeMunicipalityCode: "2034" }) { patient { id } } }`, { p: testPersonnummer('19900101') }, careStaff);
    let c = (
      await step('coordinationCaseOpen', 'CoordinationCaseOpenInput', {
        patientId: created.data.patientCreate.patient.id,
        careUnitId: VC_ORSA,
        occupation: 'EMPLOYED',
        sickLeave: { from: inDays(-10), to: inDays(50), degree: 50 },
        status: 'ACTIVE',
        consentToCoordination: { validTo: inDays(120) },
      })
    ).coordinationCase;
    const added = await step('coordinationEmployerAdd', 'CoordinationEmployerAddInput', { caseId: c.id, version: c.version, name: 'Orsa Grönklitt AB', organisationNumber: '556036-0793' }, 'coordinationCase { id version } employer { id }');
    c = added.coordinationCase;
    const employer = { kind: 'EMPLOYER', employerId: added.employer.id };
    c = (await step('coordinationConsentGive', 'CoordinationConsentGiveInput', { caseId: c.id, version: c.version, actor: employer, categories: ['WORK_CAPACITY'], purpose: 'REHABILITATION_COORDINATION', period: { validTo: inDays(120) } })).coordinationCase;
    for (let i = 0; i < meetings; i++) {
      c = (await step('coordinationActivityRecord', 'CoordinationActivityRecordInput', { caseId: c.id, version: c.version, area: 'EXTERNAL_COLLABORATION', kind: 'MEETING', actor: employer, held: true, mode: 'VIDEO', kvaCodes: ['GC001', 'ZV506'] })).coordinationCase;
    }
    await step('coordinationReturnToWorkPlanSet', 'CoordinationReturnToWorkPlanSetInput', {
      caseId: c.id,
      version: c.version,
      steps: [
        { fromDate: inDays(1), toDate: inDays(10), workPercent: 50, responsibilities: 'Halvtid' },
        { fromDate: inDays(11), toDate: inDays(20), workPercent: 100, responsibilities: 'Heltid' },
      ],
      kvaCodes: ['DV077'],
    });
    return c.id;
  }

  beforeAll(async () => {
    app = await startTestApp({ DATABASE_POOL_SIZE: '1' });
    coordinator = await app.unitToken('20', VC_ORSA, Role.REHAB_COORDINATOR);
  });
  afterAll(() => app.stop());

  it('reads a case with one activity and one with twelve in the same number of statements', async () => {
    const one = await caseWith(1);
    const twelve = await caseWith(12);
    const count = async (id: string) => {
      await app.gql(READ, { id }, coordinator); // warms the viewer's caches
      let res: any;
      const statements = await app.countStatements(async () => (res = await app.gql(READ, { id }, coordinator)));
      expect(res.errors).toBeUndefined();
      return { statements, activities: res.data.coordinationCase.activities.length };
    };
    const few = await count(one);
    const many = await count(twelve);
    expect([few.activities, many.activities]).toEqual([2, 13]);
    expect(many.statements).toBe(few.statements);
  });
});
