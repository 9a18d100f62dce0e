import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Role } from '../../domain/enums';
import { ParticipationSource } from '../../domain/participation';
import { OPERATIONS as DECLARED } from '../../resolvers/operations';
import { patientDataFields } from '../../schema/operations';
import { seededOrganisationId } from '../../entities/seed/seed';
import { testPersonnummer } from '../support/personnummer';
import { startTestApp, TestApp } from '../support/test-app';
import { joinCase } from '../../server/access/participation.sql';
import { Fixture, MatrixRows, Operation, Outcome, Viewer, VIEWERS } from './access-matrix/matrix';

/**
 * Who may do what with patient data: every query and mutation that touches it, for every kind of
 * viewer, with the exact outcome and the access-log row each attempt must leave. The viewers and
 * the shared fixture are described in access-matrix/matrix.ts.
 *
 * A capability's rows live in access-matrix/<capability>.rows.ts (its capability declares the
 * operations in its operations file): a new patient-data operation is a row in its capability's
 * file, and a new capability adds a file, which this test finds by its name.
 */

/** The access-log outcome each GraphQL outcome must leave. */
const LOGGED: Record<Outcome, string> = {
  DATA: 'ALLOWED',
  NOT_FOUND: 'NOT_FOUND',
  FORBIDDEN: 'DENIED',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  CONFLICT: 'REJECTED',
};

const ROWS_DIR = join(__dirname, 'access-matrix');
/** Every capability's rows, by file name. */
const ROWS: MatrixRows<any>[] = readdirSync(ROWS_DIR)
  .filter((file) => file.endsWith('.rows.ts'))
  .sort()
  .map((file) => require(join(ROWS_DIR, file)).rows);
const OPERATIONS: Operation<any>[] = ROWS.flatMap((r) => r.operations);

describe('access matrix for patient data', () => {
  let app: TestApp;
  let fixture: Fixture & Record<string, any>;
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
    await app.dataSource.transaction((tx) =>
      joinCase(tx, seededOrganisationId('2062')!, { patientId, organisations: [{ organisationId: seededOrganisationId('20')!, careUnitId: null }], source: ParticipationSource.HANDOFF, sourceId: randomUUID() }),
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
    const base: Fixture = {
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
      tokens,
      validTo,
    };
    // Each capability adds the records of its own rows.
    fixture = base;
    for (const { setUp } of ROWS) if (setUp) fixture = { ...fixture, ...(await setUp(app, base)) };
  });
  afterAll(() => app.stop());

  const cases = OPERATIONS.flatMap((op) => (Object.keys(VIEWERS) as Viewer[]).map((viewer) => [op.name, viewer, op.expected[viewer], op] as const));

  it.each(cases)('%s by %s: %s, and logged under its x-request-id', async (_name, viewer, outcome, op) => {
    const res = await op.run(app, tokens[viewer], fixture, viewer);
    if (outcome === 'DATA') {
      expect(res.errors).toBeUndefined();
      op.check?.(res.data, fixture, viewer);
    } else {
      expect(res.errors?.map((e) => e.extensions?.code)).toEqual([outcome]);
    }
    // The response's x-request-id is the key of the rows it left: a client or an auditor finds them by it.
    expect(res.requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const rows = await app.logRows(res.requestId);
    expect(rows.length).toBeGreaterThanOrEqual(1);
    expect(rows.map((r) => r.outcome)).toContain(op.logged?.[viewer] ?? LOGGED[outcome]);
    // Refusals too: the owner's patientAccessLog and its region's review must see the attempt.
    if (op.concernsPatient !== false) expect(rows.map((r) => r.patientId)).toContain(fixture.patientId);
  });

  it('covers every root field that touches patient data', () => {
    const covered = new Set(OPERATIONS.map((op) => op.name.split(' ')[0]));
    // The region's review and verification of its log are TENANT_ADMIN's, not patient care:
    // access-matrix-reference.test.ts has them, with every other operation of the schema.
    const elsewhere = new Set(['accessLogReview', 'accessLogVerify']);
    const patientData = patientDataFields(DECLARED);
    const fields = [...Object.keys(patientData.Query), ...Object.keys(patientData.Mutation)];
    expect(fields.filter((field) => !covered.has(field) && !elsewhere.has(field))).toEqual([]);
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
