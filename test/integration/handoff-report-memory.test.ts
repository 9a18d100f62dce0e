import v8 from 'node:v8';
import vm from 'node:vm';
import { Role } from '../../domain/enums';
import { seededCareUnitId, seededOrganisationId } from '../../entities/seed/seed';
import { testPersonnummer } from '../support/personnummer';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The planners' report at volume (issue 14): 10,000 discharges with their messages, the report run
 * 20 times through the API. The process (test and server in one) must come back to about the
 * memory it had after the first run: the report aggregates in PostgreSQL and holds no rows. The
 * answer is the same every time, and it costs as many statements as over a handful of discharges.
 * No timings here: `npm run bench:growth` measures speed.
 */
const DISCHARGES = 10_000;
const RUNS = 20;
const MARKER = 'test:handoff-report-memory';
const MIB = 1024 * 1024;
/** Generous: the server's caches, pools and jest's own bookkeeping move by a few MiB. */
const RSS_GROWTH_LIMIT = 150 * MIB;

const DALARNA = seededOrganisationId('20')!;
const MUNICIPALITIES = ['2062', '2080', '2081', '2085'].map((code) => seededOrganisationId(code)!);
const HOSPITALS = ['falu-lasarett', 'mora-lasarett', 'ludvika-lasarett', 'sater-psykiatri'].map((slug) => seededCareUnitId('20', slug));

/** A collection that frees everything unreachable: jest does not start node with --expose-gc. */
function collector(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc');
}

const REPORT = `query($period: PeriodInput!, $municipalityCode: String) { handoffDeadlineReport(regionCode: "20", period: $period, municipalityCode: $municipalityCode) {
  smallCellThreshold
  region { discharges { ...bySex } admissionNoticesOnTime { ...bySex } sipCallOutsDue { ...bySex } sipCallOutsOnTime { ...bySex } liabilityDays { ...bySex } liabilityAmount { total { display } } }
  byMunicipality { municipality { name } figures { discharges { ...bySex } admissionNoticesDue { ...bySex } sipCallOutsOnTime { ...bySex } liabilityDays { ...bySex } liabilityAmount { total { display } } } }
  byHospital { hospital { name } figures { discharges { ...bySex } liabilityDays { ...bySex } } }
  byMonth { month region { discharges { ...bySex } } byMunicipality { figures { discharges { ...bySex } liabilityDays { ...bySex } } } byHospital { figures { discharges { ...bySex } } } } } }
  fragment bySex on CountBySex { total { display } female { display } male { display } }`;

describe(`the planners' report over ${DISCHARGES} discharges, ${RUNS} times`, () => {
  let app: TestApp;
  let planner: string;
  const year = { from: '2023-01-01', to: '2023-12-31' };

  beforeAll(async () => {
    app = await startTestApp();
    planner = await app.token('20', Role.PLANNER);
    const ward = await app.unitToken('20', HOSPITALS[0], Role.CARE_STAFF);
    const patients: string[] = [];
    for (const sex of ['FEMALE', 'MALE', 'FEMALE', 'MALE', 'FEMALE'] as const) {
      const res = await app.gql(`mutation($p: String!) { patientCreate(input: { personnummer: $p, homeMunicipalityCode: "2062" }) { patient { id } } }`, { p: testPersonnummer('19450101', sex) }, ward);
      patients.push(res.data.patientCreate.patient.id);
    }
    const [{ region_id: regionId }] = await app.dataSource.query(`SELECT region_id FROM organisation WHERE id = $1`, [DALARNA]);
    // Admissions every 52 minutes through 2023; every 7th case still open, every 11th without a home municipality.
    await app.dataSource.query(
      `INSERT INTO handoff (id, region_id, patient_id, kind, state, sending_organisation_id, sending_care_unit_id, home_municipality_id, psychiatric, admitted_at,
                            created_by, created_at, updated_at)
       SELECT gen_random_uuid(), $1, ($3::uuid[])[1 + i % cardinality($3::uuid[])], 'DISCHARGE_FROM_INPATIENT', 'DISCHARGED', $2,
              ($4::uuid[])[1 + i % cardinality($4::uuid[])], CASE WHEN i % 11 = 0 THEN NULL ELSE ($5::uuid[])[1 + i % cardinality($5::uuid[])] END,
              i % 4 = 3, '2023-01-01T06:00:00+01:00'::timestamptz + i * interval '52 minutes', $6, now(), now()
       FROM generate_series(0, $7::integer - 1) AS i`,
      [regionId, DALARNA, patients, HOSPITALS, MUNICIPALITIES, MARKER, DISCHARGES],
    );
    await app.dataSource.query(
      `INSERT INTO handoff_message (id, handoff_id, region_id, kind, sender_organisation_id, sender_user_id, sent_at, occurred_at)
       SELECT gen_random_uuid(), h.id, h.region_id, k.kind, $2, 'test', m.at, m.at
       FROM handoff h
       CROSS JOIN (VALUES ('ADMISSION_NOTICE', interval '3 hours'), ('DISCHARGE_READY_NOTICE', interval '2 days'), ('SIP_CALL_OUT', interval '3 days'), ('DISCHARGE_NOTICE', interval '9 days')) AS k(kind, after)
       CROSS JOIN LATERAL (SELECT h.admitted_at + k.after + (extract(epoch FROM h.admitted_at)::bigint % 97) * interval '1 hour' AS at) m
       WHERE h.created_by = $1 AND (k.kind <> 'DISCHARGE_NOTICE' OR extract(epoch FROM h.admitted_at)::bigint % 7 <> 0)`,
      [MARKER, DALARNA],
    );
    await app.dataSource.query(
      `INSERT INTO handoff_message_recipient (id, message_id, region_id, organisation_id)
       SELECT gen_random_uuid(), m.id, m.region_id, h.home_municipality_id
       FROM handoff_message m JOIN handoff h ON h.id = m.handoff_id
       WHERE h.created_by = $1 AND h.home_municipality_id IS NOT NULL AND m.kind IN ('ADMISSION_NOTICE', 'DISCHARGE_READY_NOTICE', 'SIP_CALL_OUT')`,
      [MARKER],
    );
    app.setNow('2024-01-15T12:00:00+01:00');
  }, 120_000);

  afterAll(async () => {
    app.setNow(null);
    const mine = `SELECT id FROM handoff WHERE created_by = '${MARKER}'`;
    await app.dataSource.query(`DELETE FROM handoff_message_recipient WHERE message_id IN (SELECT id FROM handoff_message WHERE handoff_id IN (${mine}))`);
    await app.dataSource.query(`DELETE FROM handoff_message WHERE handoff_id IN (${mine})`);
    await app.dataSource.query(`DELETE FROM handoff WHERE created_by = $1`, [MARKER]);
    await app.stop();
  }, 60_000);

  it('returns to the memory it started from, with the same answer every time', async () => {
    const gc = collector();
    const report = async () => {
      const res = await app.gql(REPORT, { period: year }, planner);
      expect(res.errors).toBeUndefined();
      return JSON.stringify(res.data.handoffDeadlineReport);
    };
    // The first run warms what stays: compiled code, the pool, the formatters, the database's caches.
    const first = await report();
    expect(JSON.parse(first).region.discharges.total.display).toBe(String(DISCHARGES));
    expect(JSON.parse(first).byMonth).toHaveLength(12);
    gc();
    const start = process.memoryUsage().rss;
    for (let run = 1; run < RUNS; run++) expect(await report()).toBe(first);
    gc();
    const growth = process.memoryUsage().rss - start;
    expect({ growthMiB: Math.round(growth / MIB), withinLimit: growth < RSS_GROWTH_LIMIT }).toEqual({ growthMiB: expect.any(Number), withinLimit: true });
  }, 300_000);

  it('costs as many statements over 10,000 discharges in 12 months as over one day of them, and narrowed to one municipality', async () => {
    const oneDay = { from: '2023-03-01', to: '2023-03-01' };
    const few = await app.countStatements(() => app.gql(REPORT, { period: oneDay }, planner));
    const many = await app.countStatements(() => app.gql(REPORT, { period: year }, planner));
    const narrowed = await app.countStatements(() => app.gql(REPORT, { period: year, municipalityCode: '2080' }, planner));
    expect([many, narrowed]).toEqual([few, few]);
  }, 120_000);
});
