import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Role } from '../../domain/enums';
import { localDateOf } from '../../domain/local-date';
import { OPERATIONS as DECLARED } from '../../resolvers/operations';
import { patientDataFields } from '../../schema/operations';
import { buildBareSchema } from '../../server/schema';
import { testPersonnummer } from '../support/personnummer';
import { GraphQLResponse, startTestApp, TestApp } from '../support/test-app';
import { DALARNA, Fixture, FUTURE, MORA, Operation, Outcome, ReferenceRows, Viewer, VIEWERS } from './access-matrix/reference';

/**
 * Who may do what with everything but patient data: reference data (regions, organisations,
 * care units, coordination associations, interventions, code tables), the responsibility map and
 * its agreements, rules and changes, the tenant administrator's and the editor's writes, the
 * planners' aggregates and the administrator's access-log follow-up. Every root field, for every
 * viewer of access-matrix/reference.ts, with the exact outcome of each.
 *
 * A capability's rows live in access-matrix/<capability>.reference-rows.ts, which this test finds
 * by its name; an operation that touches patient data goes to access-matrix/<capability>.rows.ts.
 */

/** The access-log outcome a logged operation's GraphQL outcome must leave. */
const LOGGED: Record<Outcome, string> = {
  DATA: 'ALLOWED',
  FORBIDDEN: 'DENIED',
  NOT_FOUND: 'NOT_FOUND',
  BAD_USER_INPUT: 'REJECTED',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
};

const ROWS_DIR = join(__dirname, 'access-matrix');
/** Every capability's operations, by file name. */
const OPERATIONS: Operation[] = readdirSync(ROWS_DIR)
  .filter((file) => file.endsWith('.reference-rows.ts'))
  .sort()
  .flatMap((file) => (require(join(ROWS_DIR, file)).rows as ReferenceRows).operations);

/** What a client learns from an answer, with the record's id in messages written as <id>. */
const answer = (res: GraphQLResponse, id: string) => ({
  data: res.data,
  errors: res.errors?.map((e) => ({ message: e.message.split(id).join('<id>'), extensions: e.extensions, path: e.path })),
});

describe('access matrix for reference data, the responsibility map, administration and planners', () => {
  let app: TestApp;
  let fixture: Fixture;
  const tokens = {} as Record<Viewer, string | null>;

  /** A digest of every row of the tables: equal before and after means nothing was written. */
  const snapshot = (tables: string[]) =>
    Promise.all(tables.map(async (table) => [table, (await app.dataSource.query(`SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM ${table} t`))[0]]));

  beforeAll(async () => {
    app = await startTestApp();
    for (const [viewer, spec] of Object.entries(VIEWERS) as [Viewer, [string, Role] | null][]) {
      tokens[viewer] = spec ? await app.token(spec[0], spec[1]) : null;
    }
    const ok = async (query: string, variables: Record<string, unknown>, token: string | null) => {
      const res = await app.gql(query, variables, token);
      expect(res.errors).toBeUndefined();
      return res;
    };
    const since = new Date().toISOString();
    const patient = await ok(`mutation($p: String!) { patientCreate(input: { personnummer: $p }) { patient { id } } }`, { p: testPersonnummer('19360909') }, tokens.careStaff);
    const newOrganisation = async () =>
      (await ok(`mutation($input: OrganisationCreateInput!) { organisationCreate(input: $input) { organisation { id } } }`, { input: { kind: 'EMPLOYER', name: `Arbetsgivaren ${randomUUID().slice(0, 8)}` } }, tokens.admin20)).data
        .organisationCreate.organisation.id as string;
    const newAgreement = async () => {
      const created = await ok(
        `mutation($input: AgreementCreateInput!) { agreementCreate(input: $input) { agreement { id } } }`,
        { input: { title: 'Utkast: hemrehabilitering 2091', scenario: 'DRAFT', validFrom: FUTURE, partyOrganisationIds: [DALARNA, MORA] } },
        tokens.editor20,
      );
      const id = created.data.agreementCreate.agreement.id as string;
      const rule = await ok(
        `mutation($input: ResponsibilityRuleCreateInput!) { responsibilityRuleCreate(input: $input) { rule { id } } }`,
        { input: { agreementId: id, rule: { interventionCode: 'HOME_REHAB', responsible: { role: 'HOME_MUNICIPALITY' } } } },
        tokens.editor20,
      );
      return { id, ruleId: rule.data.responsibilityRuleCreate.rule.id as string };
    };
    const agreement = await newAgreement();
    const stockholmDay = (offsetDays: number) => localDateOf(new Date(Date.now() + offsetDays * 86400_000), 'Europe/Stockholm');
    fixture = {
      agreementId: agreement.id,
      ruleId: agreement.ruleId,
      patientId: patient.data.patientCreate.patient.id,
      patientRequestId: patient.requestId!,
      since,
      period: { from: stockholmDay(-1), to: stockholmDay(1) },
      newOrganisation,
      async newCareUnit() {
        const unit = await ok(
          `mutation($input: CareUnitCreateInput!) { careUnitCreate(input: $input) { careUnit { id } } }`,
          { input: { organisationId: await newOrganisation(), name: 'Företagshälsan', careLevel: 'PRIMARY_CARE' } },
          tokens.admin20,
        );
        return unit.data.careUnitCreate.careUnit.id;
      },
      newAgreement,
    };
  });
  afterAll(() => app.stop());

  const cases = OPERATIONS.flatMap((op) => (Object.keys(VIEWERS) as Viewer[]).map((viewer) => [op.name, viewer, op.expected[viewer], op] as const));

  it.each(cases)('%s by %s: %s', async (_name, viewer, outcome, op) => {
    const target = op.prepare ? await op.prepare(fixture) : { id: '' };
    const before = op.writes && (await snapshot(op.writes));
    const res = await app.gql(op.query, op.variables(target, fixture, viewer), tokens[viewer]);
    if (outcome === 'DATA') {
      expect(res.errors).toBeUndefined();
      op.check?.(res.data, target, fixture, viewer);
    } else {
      expect(res.errors?.map((e) => e.extensions?.code)).toEqual([outcome]);
    }
    if (op.foreignTo?.includes(viewer)) {
      const madeUp = op.madeUpId ?? randomUUID();
      const unknown = await app.gql(op.query, op.variables({ ...target, id: madeUp }, fixture, viewer), tokens[viewer]);
      expect(answer(res, target.id)).toEqual(answer(unknown, madeUp));
    }
    if (before && outcome !== 'DATA') expect(await snapshot(op.writes!)).toEqual(before);
    const logged = await app.logRows(res.requestId);
    // Only the log's own follow-up is logged: reference data, agreements and aggregates are not patient data.
    if (op.logged) expect(logged.map((r) => r.outcome)).toContain(LOGGED[outcome]);
    else expect(logged).toEqual([]);
  });

  it('covers every root field of the schema, here or in the patient-data matrix', async () => {
    const schema = await buildBareSchema();
    const rootFields = [schema.getQueryType()!, schema.getMutationType()!].flatMap((type) => Object.keys(type.getFields()));
    const here = new Set(OPERATIONS.map((op) => op.name.split(' ')[0]));
    // access-matrix.test.ts covers the fields declared as patient data (and fails on one it misses).
    const declared = patientDataFields(DECLARED);
    const patientData = new Set([...Object.keys(declared.Query), ...Object.keys(declared.Mutation)]);
    expect(rootFields.filter((field) => !here.has(field) && !patientData.has(field))).toEqual([]);
    // And this matrix names no field the schema does not have.
    expect([...here].filter((field) => !rootFields.includes(field))).toEqual([]);
  });
});
