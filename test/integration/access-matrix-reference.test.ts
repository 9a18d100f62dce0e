import { randomUUID } from 'node:crypto';
import { Role } from '../../domain/enums';
import { localDateOf } from '../../domain/local-date';
import { seededCareUnitId, seededOrganisationId } from '../../entities/seed/seed';
import { OPERATIONS as DECLARED } from '../../resolvers/operations';
import { patientDataFields } from '../../schema/operations';
import { buildBareSchema } from '../../server/schema';
import { testPersonnummer } from '../support/personnummer';
import { GraphQLResponse, startTestApp, TestApp } from '../support/test-app';

/**
 * Who may do what with everything but patient data: reference data (regions, organisations,
 * care units, coordination associations, interventions, KVÅ codes), the responsibility map and its
 * agreements, rules and changes, the tenant administrator's and the editor's writes, the planners'
 * aggregates and the administrator's access-log follow-up. Every root field, for an administrator,
 * an editor and a planner of Region Dalarna (20) and of Västmanland (19), Mora's care staff, Mora's
 * planning system and an anonymous caller, with the exact outcome of each.
 *
 * The records the operations name are Region Dalarna's. Reference data is public to every signed-in
 * viewer (DESIGN.md); a region's agreements and rules, and the right to change its organisations and
 * care units, are its own: to another region's viewer they answer as a made-up id does. A refused
 * write leaves the tables it would have written as they were. Each write acts on records made for
 * that one attempt, so cells do not depend on each other.
 *
 * A new operation is added here, or, if it touches patient data, to access-matrix.test.ts.
 */
type Viewer = 'admin20' | 'admin19' | 'editor20' | 'editor19' | 'planner20' | 'planner19' | 'careStaff' | 'integration' | 'anonymous';
type Outcome = 'DATA' | 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_USER_INPUT' | 'UNAUTHENTICATED';

const VIEWERS: Record<Viewer, [string, Role] | null> = {
  admin20: ['20', Role.TENANT_ADMIN],
  admin19: ['19', Role.TENANT_ADMIN],
  editor20: ['20', Role.RESPONSIBILITY_EDITOR],
  editor19: ['19', Role.RESPONSIBILITY_EDITOR],
  planner20: ['20', Role.PLANNER],
  planner19: ['19', Role.PLANNER],
  careStaff: ['2062', Role.CARE_STAFF],
  // Mora kommun's planning system: responsibility look-ups and reference data.
  integration: ['2062', Role.INTEGRATION],
  anonymous: null,
};
const REGION_19: Viewer[] = ['admin19', 'editor19', 'planner19'];
const regionOf = (viewer: Viewer) => (REGION_19.includes(viewer) ? '19' : '20');

/** The access-log outcome a logged operation's GraphQL outcome must leave. */
const LOGGED: Record<Outcome, string> = {
  DATA: 'ALLOWED',
  FORBIDDEN: 'DENIED',
  NOT_FOUND: 'NOT_FOUND',
  BAD_USER_INPUT: 'REJECTED',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
};

/** Every signed-in viewer gets the data. */
const EVERYONE: Record<Viewer, Outcome> = {
  admin20: 'DATA', admin19: 'DATA', editor20: 'DATA', editor19: 'DATA', planner20: 'DATA', planner19: 'DATA', careStaff: 'DATA', integration: 'DATA', anonymous: 'UNAUTHENTICATED',
};
/** Region Dalarna's agreements: its viewers read them, Västmanland's are told they are another region's. */
const DALARNA_READERS: Record<Viewer, Outcome> = { ...EVERYONE, admin19: 'FORBIDDEN', editor19: 'FORBIDDEN', planner19: 'FORBIDDEN' };
/** Only the viewers named; every other signed-in viewer is FORBIDDEN. */
const only = (allowed: Partial<Record<Viewer, Outcome>>): Record<Viewer, Outcome> => ({
  admin20: 'FORBIDDEN', admin19: 'FORBIDDEN', editor20: 'FORBIDDEN', editor19: 'FORBIDDEN', planner20: 'FORBIDDEN', planner19: 'FORBIDDEN', careStaff: 'FORBIDDEN', integration: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED',
  ...allowed,
});

const MORA = seededOrganisationId('2062')!;
const DALARNA = seededOrganisationId('20')!;
const FALU_LASARETT = seededCareUnitId('20', 'falu-lasarett');
/** Agreements made here start in 2091, so that no other suite's questions about today or 2026 meet them. */
const FUTURE = '2091-01-01';
const ORGANISATION_TABLES = ['organisation', 'association_membership'];
const CARE_UNIT_TABLES = ['care_unit'];
const AGREEMENT_TABLES = ['agreement', 'agreement_party', 'responsibility_rule', 'responsibility_change'];

/** The record an attempt names: `id` is replaced by a made-up one to compare a foreign viewer's answer. */
interface Target {
  id: string;
  [key: string]: string;
}

interface Fixture {
  /** Region Dalarna's DRAFT agreement (from 2091) with one rule, for the reads. */
  agreementId: string;
  ruleId: string;
  /** A patient of Mora's, and the request that created it (a row in Region Dalarna's access log). */
  patientId: string;
  patientRequestId: string;
  /** When the fixture was made: the access-log review reads from here on. */
  since: string;
  /** Today ± a day in the region's time zone, for the access-log verification. */
  period: { from: string; to: string };
  /** A fresh employer in Region Dalarna. */
  newOrganisation(): Promise<string>;
  /** A fresh care unit of a fresh organisation in Region Dalarna. */
  newCareUnit(): Promise<string>;
  /** A fresh DRAFT agreement of Region Dalarna (Region Dalarna and Mora) with one rule. */
  newAgreement(): Promise<{ id: string; ruleId: string }>;
}

interface Operation {
  /** The root field, then what sets this row apart. */
  name: string;
  /** The record the attempt acts on, made fresh for it when it is a write. */
  prepare?(f: Fixture): Promise<Target>;
  query: string;
  variables(t: Target, f: Fixture, viewer: Viewer): Record<string, unknown>;
  /** When the operation answers with data: what the data must show. */
  check?(data: any, t: Target, f: Fixture, viewer: Viewer): void;
  expected: Record<Viewer, Outcome>;
  /** The tables a write changes: a refused attempt must leave them exactly as they were. */
  writes?: string[];
  /** Viewers to whom `Target.id` is another region's record: they get the answer a made-up id gets. */
  foreignTo?: Viewer[];
  /** The made-up value of `Target.id` (default: a random UUID). */
  madeUpId?: string;
  /** The operation reads the access log, so every attempt is logged; nothing else here leaves a row. */
  logged?: true;
}

const ids = (connection: { edges: { node: { id: string } }[] }) => connection.edges.map((e) => e.node.id);

const OPERATIONS: Operation[] = [
  // Reference data ---------------------------------------------------------------------------
  {
    name: 'regions',
    query: `{ regions(first: 100) { edges { node { code country name } } } }`,
    variables: () => ({}),
    check: (data) => expect(data.regions.edges.map((e: any) => e.node)).toEqual(expect.arrayContaining([{ code: '20', country: 'SE', name: 'Dalarna' }, { code: '19', country: 'SE', name: 'Västmanland' }])),
    expected: EVERYONE,
  },
  {
    name: 'region',
    query: `{ region(code: "20") { code name timeZone } }`,
    variables: () => ({}),
    check: (data) => expect(data.region).toEqual({ code: '20', name: 'Dalarna', timeZone: 'Europe/Stockholm' }),
    expected: EVERYONE,
  },
  {
    name: 'organisations',
    query: `{ organisations(first: 100, filter: { regionCode: "20", kind: MUNICIPALITY }) { edges { node { id municipalityCode region { code } } } } }`,
    variables: () => ({}),
    check: (data) => {
      const nodes = data.organisations.edges.map((e: any) => e.node);
      expect(nodes).toHaveLength(15);
      expect(nodes).toContainEqual({ id: MORA, municipalityCode: '2062', region: { code: '20' } });
    },
    expected: EVERYONE,
  },
  {
    name: 'organisation',
    query: `query($id: ID!) { organisation(id: $id) { id name kind } }`,
    variables: () => ({ id: MORA }),
    check: (data) => expect(data.organisation).toEqual({ id: MORA, name: 'Mora kommun', kind: 'MUNICIPALITY' }),
    expected: EVERYONE,
  },
  {
    name: 'municipality',
    query: `{ municipality(code: "2062") { id name region { code } } }`,
    variables: () => ({}),
    check: (data) => expect(data.municipality).toEqual({ id: MORA, name: 'Mora kommun', region: { code: '20' } }),
    expected: EVERYONE,
  },
  {
    name: 'coordinationAssociations',
    query: `{ coordinationAssociations(regionCode: "20", first: 100) { edges { node { name kind } } } }`,
    variables: () => ({}),
    check: (data) => expect(data.coordinationAssociations.edges.map((e: any) => e.node)).toContainEqual({ name: 'Samordningsförbundet Norra Dalarna', kind: 'COORDINATION_ASSOCIATION' }),
    expected: EVERYONE,
  },
  {
    name: 'careUnits',
    query: `query($org: ID!) { careUnits(first: 100, filter: { organisationId: $org, careLevel: INPATIENT_CARE }) { edges { node { id careLevel organisation { id } } } } }`,
    variables: () => ({ org: DALARNA }),
    check: (data) => {
      const nodes = data.careUnits.edges.map((e: any) => e.node);
      expect(nodes).toContainEqual({ id: FALU_LASARETT, careLevel: 'INPATIENT_CARE', organisation: { id: DALARNA } });
      expect(nodes.every((n: any) => n.careLevel === 'INPATIENT_CARE' && n.organisation.id === DALARNA)).toBe(true);
    },
    expected: EVERYONE,
  },
  {
    name: 'careUnit',
    query: `query($id: ID!) { careUnit(id: $id) { id name organisation { id } } }`,
    variables: () => ({ id: FALU_LASARETT }),
    check: (data) => expect(data.careUnit).toEqual({ id: FALU_LASARETT, name: 'Falu lasarett', organisation: { id: DALARNA } }),
    expected: EVERYONE,
  },
  {
    name: 'interventions',
    query: `{ interventions { code group } }`,
    variables: () => ({}),
    check: (data) => expect(data.interventions).toContainEqual({ code: 'ASSISTIVE_DEVICE_FITTING', group: 'ASSISTIVE_DEVICES' }),
    expected: EVERYONE,
  },
  {
    name: 'kvaCodes',
    query: `{ kvaCodes { code } }`,
    variables: () => ({}),
    check: (data) => expect(data.kvaCodes.map((k: any) => k.code)).toEqual(expect.arrayContaining(['AU124', 'UX301'])),
    expected: EVERYONE,
  },

  // The responsibility map --------------------------------------------------------------------
  {
    name: 'responsibility',
    query: `{ responsibility(input: { municipalityCode: "2062", interventionCode: "ASSISTIVE_DEVICE_FITTING", housingForm: ORDINARY_HOUSING, enrolledInHomeHealthCare: true }) {
      status responsible { id } agreement { scenario region { code } } } }`,
    variables: () => ({}),
    check: (data) => expect(data.responsibility).toEqual({ status: 'ASSIGNED', responsible: { id: MORA }, agreement: { scenario: 'CURRENT', region: { code: '20' } } }),
    expected: DALARNA_READERS,
  },
  {
    name: 'responsibilities',
    query: `{ responsibilities(inputs: [{ municipalityCode: "2062", interventionCode: "ASSISTIVE_DEVICE_FITTING", housingForm: ORDINARY_HOUSING, enrolledInHomeHealthCare: true },
                                      { municipalityCode: "2062", interventionCode: "ASSISTIVE_DEVICE_FITTING", housingForm: ORDINARY_HOUSING, enrolledInHomeHealthCare: false }]) {
      status responsible { id } } }`,
    variables: () => ({}),
    check: (data) => expect(data.responsibilities).toEqual([{ status: 'ASSIGNED', responsible: { id: MORA } }, { status: 'ASSIGNED', responsible: { id: DALARNA } }]),
    expected: DALARNA_READERS,
  },
  {
    name: 'responsibilityMatrix',
    prepare: async () => ({ id: '20' }),
    query: `query($code: String!) { responsibilityMatrix(regionCode: $code) { regionCode scenario cells { municipalities { municipalityCode } } } }`,
    variables: (t) => ({ code: t.id }),
    check: (data) => {
      expect(data.responsibilityMatrix).toMatchObject({ regionCode: '20', scenario: 'CURRENT' });
      expect(data.responsibilityMatrix.cells[0].municipalities.map((m: any) => m.municipalityCode)).toContain('2062');
    },
    expected: DALARNA_READERS,
    // Västmanland's viewers are refused Dalarna's code as they are a code no region of the platform has.
    foreignTo: REGION_19,
    madeUpId: '25',
  },
  {
    name: 'responsibilityComparison',
    prepare: async () => ({ id: '20' }),
    query: `query($code: String!) { responsibilityComparison(regionCode: $code, from: CURRENT, to: TARGET) { regionCode cases { municipalityCode kinds } } }`,
    variables: (t) => ({ code: t.id }),
    // The seeded TARGET agreement changes one rule: Mora's case is among the changes.
    check: (data) => expect(data.responsibilityComparison.cases).toContainEqual({ municipalityCode: '2062', kinds: ['CHANGED'] }),
    expected: DALARNA_READERS,
    foreignTo: REGION_19,
    madeUpId: '25',
  },
  {
    name: 'agreements',
    query: `{ agreements(first: 100, scenario: DRAFT, onDate: "2091-06-01") { edges { node { id region { code } } } } }`,
    variables: () => ({}),
    // Each region's viewers list their own region's agreements only: Västmanland has none.
    check: (data, _t, f, viewer) => {
      expect(ids(data.agreements).includes(f.agreementId)).toBe(regionOf(viewer) === '20');
      expect(data.agreements.edges.every((e: any) => e.node.region.code === regionOf(viewer))).toBe(true);
    },
    expected: EVERYONE,
  },
  {
    name: 'agreement (with its rules and changes)',
    prepare: async (f) => ({ id: f.agreementId }),
    query: `query($id: ID!) { agreement(id: $id) { id parties { id } rules { edges { node { id } } } changes { edges { node { action ruleId } } } } }`,
    variables: (t) => ({ id: t.id }),
    // Another region's agreement is null, as an agreement that does not exist.
    check: (data, t, f, viewer) =>
      expect(data.agreement).toEqual(
        regionOf(viewer) === '20'
          ? {
              id: t.id,
              parties: expect.arrayContaining([{ id: DALARNA }, { id: MORA }]),
              rules: { edges: [{ node: { id: f.ruleId } }] },
              changes: { edges: [{ node: { action: 'responsibilityRuleCreate', ruleId: f.ruleId } }, { node: { action: 'agreementCreate', ruleId: null } }] },
            }
          : null,
      ),
    expected: EVERYONE,
    foreignTo: REGION_19,
  },

  // Organisation and care unit administration (TENANT_ADMIN, own region) -----------------------
  {
    name: 'organisationCreate',
    query: `mutation($input: OrganisationCreateInput!) { organisationCreate(input: $input) { organisation { id kind region { code } } } }`,
    variables: () => ({ input: { kind: 'EMPLOYER', name: `Arbetsgivaren ${randomUUID().slice(0, 8)}` } }),
    // An administrator creates in their own region, whichever it is.
    check: (data, _t, _f, viewer) => expect(data.organisationCreate.organisation).toMatchObject({ kind: 'EMPLOYER', region: { code: regionOf(viewer) } }),
    expected: only({ admin20: 'DATA', admin19: 'DATA' }),
    writes: ORGANISATION_TABLES,
  },
  {
    name: 'organisationUpdate',
    prepare: async (f) => ({ id: await f.newOrganisation() }),
    query: `mutation($input: OrganisationUpdateInput!) { organisationUpdate(input: $input) { organisation { id name } } }`,
    variables: (t, _f, viewer) => ({ input: { id: t.id, name: `Omdöpt av ${viewer}` } }),
    check: (data, t, _f, viewer) => expect(data.organisationUpdate.organisation).toEqual({ id: t.id, name: `Omdöpt av ${viewer}` }),
    expected: only({ admin20: 'DATA', admin19: 'NOT_FOUND' }),
    writes: ORGANISATION_TABLES,
    foreignTo: REGION_19,
  },
  {
    name: 'careUnitCreate',
    prepare: async (f) => ({ id: await f.newOrganisation() }),
    query: `mutation($input: CareUnitCreateInput!) { careUnitCreate(input: $input) { careUnit { name careLevel organisation { id } } } }`,
    variables: (t, _f, viewer) => ({ input: { organisationId: t.id, name: `Enhet av ${viewer}`, careLevel: 'PRIMARY_CARE' } }),
    check: (data, t, _f, viewer) => expect(data.careUnitCreate.careUnit).toEqual({ name: `Enhet av ${viewer}`, careLevel: 'PRIMARY_CARE', organisation: { id: t.id } }),
    expected: only({ admin20: 'DATA', admin19: 'NOT_FOUND' }),
    writes: CARE_UNIT_TABLES,
    foreignTo: REGION_19,
  },
  {
    name: 'careUnitUpdate',
    prepare: async (f) => ({ id: await f.newCareUnit() }),
    query: `mutation($input: CareUnitUpdateInput!) { careUnitUpdate(input: $input) { careUnit { id name careLevel } } }`,
    variables: (t, _f, viewer) => ({ input: { id: t.id, name: `Omdöpt av ${viewer}`, careLevel: 'SPECIALIST_CARE' } }),
    check: (data, t, _f, viewer) => expect(data.careUnitUpdate.careUnit).toEqual({ id: t.id, name: `Omdöpt av ${viewer}`, careLevel: 'SPECIALIST_CARE' }),
    expected: only({ admin20: 'DATA', admin19: 'NOT_FOUND' }),
    writes: CARE_UNIT_TABLES,
    foreignTo: REGION_19,
  },

  // Rule parameters (any viewer of the region reads them; its TENANT_ADMIN sets them) ----------
  {
    name: 'ruleParameters',
    // Another region's code answers as a region without data (25: a valid county code no tenant has).
    prepare: async () => ({ id: '20' }),
    query: `query($code: String!) { ruleParameters(regionCode: $code, onDate: "2026-06-01") { key value origin type unit } }`,
    variables: (t) => ({ code: t.id }),
    check: (data) => expect(data.ruleParameters).toContainEqual({ key: 'discharge.dailyAmount', value: '12000', origin: 'REGION', type: 'DECIMAL', unit: 'SEK' }),
    expected: { ...EVERYONE, admin19: 'NOT_FOUND', editor19: 'NOT_FOUND', planner19: 'NOT_FOUND' },
    foreignTo: REGION_19,
    madeUpId: '25',
  },
  {
    name: 'ruleParameterHistory',
    prepare: async () => ({ id: '20' }),
    query: `query($code: String!) { ruleParameterHistory(regionCode: $code, key: "discharge.sipCallOutDays", first: 10) { edges { node { value origin validFrom } } } }`,
    variables: (t) => ({ code: t.id }),
    check: (data) => expect(data.ruleParameterHistory.edges.map((e: any) => e.node)).toContainEqual({ value: '3', origin: 'DEFAULT', validFrom: '2000-01-01' }),
    expected: { ...EVERYONE, admin19: 'NOT_FOUND', editor19: 'NOT_FOUND', planner19: 'NOT_FOUND' },
    foreignTo: REGION_19,
    madeUpId: '25',
  },
  {
    name: 'ruleParameterSet',
    prepare: async () => ({ id: '20' }),
    query: `mutation($input: RuleParameterSetInput!) { ruleParameterSet(input: $input) { ruleParameter { key value validFrom validTo origin setByUserId } } }`,
    // From 2091, so that no other suite's cases meet the value.
    variables: (t) => ({ input: { regionCode: t.id, key: 'statistics.smallCellThreshold', value: '6', validFrom: FUTURE } }),
    check: (data) =>
      expect(data.ruleParameterSet.ruleParameter).toEqual({ key: 'statistics.smallCellThreshold', value: '6', validFrom: FUTURE, validTo: null, origin: 'REGION', setByUserId: 'test-tenant_admin' }),
    expected: only({ admin20: 'DATA', admin19: 'NOT_FOUND' }),
    writes: ['rule_parameter'],
    foreignTo: REGION_19,
    madeUpId: '25',
  },

  // The deployment's clock (the suites run on the system clock: it cannot be moved) ---------------
  {
    name: 'testClock',
    query: `{ testClock { controlled } }`,
    variables: () => ({}),
    check: (data) => expect(data.testClock).toEqual({ controlled: false }),
    expected: EVERYONE,
  },
  {
    name: 'testClockAdvance',
    query: `mutation { testClockAdvance(to: "2091-01-01T00:00:00Z") { clock { now } } }`,
    variables: () => ({}),
    expected: only({}),
    writes: ['controlled_clock'],
  },

  // Agreements and rules (RESPONSIBILITY_EDITOR, own region) -----------------------------------
  {
    name: 'agreementCreate',
    // The parties are Region Dalarna's principals: to Västmanland's editor they are unknown organisations.
    prepare: async () => ({ id: DALARNA }),
    query: `mutation($input: AgreementCreateInput!) { agreementCreate(input: $input) { agreement { status version region { code } municipalityCodes changes { edges { node { action } } } } } }`,
    variables: (t) => ({ input: { title: 'Utkast: hemrehabilitering 2091', scenario: 'DRAFT', validFrom: FUTURE, partyOrganisationIds: [t.id, MORA] } }),
    check: (data) =>
      expect(data.agreementCreate.agreement).toEqual({ status: 'ACTIVE', version: 1, region: { code: '20' }, municipalityCodes: ['2062'], changes: { edges: [{ node: { action: 'agreementCreate' } }] } }),
    expected: only({ editor20: 'DATA', editor19: 'BAD_USER_INPUT' }),
    writes: AGREEMENT_TABLES,
    foreignTo: REGION_19,
  },
  {
    name: 'agreementUpdate',
    prepare: async (f) => ({ id: (await f.newAgreement()).id }),
    query: `mutation($input: AgreementUpdateInput!) { agreementUpdate(input: $input) { agreement { id title changes { edges { node { action } } } } } }`,
    variables: (t, _f, viewer) => ({ input: { id: t.id, title: `Omskriven av ${viewer}` } }),
    check: (data, t, _f, viewer) =>
      expect(data.agreementUpdate.agreement).toEqual({
        id: t.id,
        title: `Omskriven av ${viewer}`,
        changes: { edges: [{ node: { action: 'agreementUpdate' } }, { node: { action: 'responsibilityRuleCreate' } }, { node: { action: 'agreementCreate' } }] },
      }),
    expected: only({ editor20: 'DATA', editor19: 'NOT_FOUND' }),
    writes: AGREEMENT_TABLES,
    foreignTo: REGION_19,
  },
  {
    name: 'agreementNewVersion',
    prepare: async (f) => ({ id: (await f.newAgreement()).id }),
    query: `mutation($input: AgreementNewVersionInput!) { agreementNewVersion(input: $input) { agreement { version validFrom supersedes { id status } rules { edges { node { interventionCode } } } } } }`,
    variables: (t) => ({ input: { agreementId: t.id, validFrom: '2092-01-01' } }),
    check: (data, t) =>
      expect(data.agreementNewVersion.agreement).toEqual({
        version: 2,
        validFrom: '2092-01-01',
        supersedes: { id: t.id, status: 'SUPERSEDED' },
        rules: { edges: [{ node: { interventionCode: 'HOME_REHAB' } }] },
      }),
    expected: only({ editor20: 'DATA', editor19: 'NOT_FOUND' }),
    writes: AGREEMENT_TABLES,
    foreignTo: REGION_19,
  },
  {
    name: 'responsibilityRuleCreate',
    prepare: async (f) => ({ id: (await f.newAgreement()).id }),
    // No organisation in the rule: the only record it names is the agreement.
    query: `mutation($input: ResponsibilityRuleCreateInput!) { responsibilityRuleCreate(input: $input) { rule { agreementId interventionCode responsible { role } } } }`,
    variables: (t) => ({ input: { agreementId: t.id, rule: { interventionCode: 'SPEECH_THERAPY', responsible: { role: 'REGION' } } } }),
    check: (data, t) => expect(data.responsibilityRuleCreate.rule).toEqual({ agreementId: t.id, interventionCode: 'SPEECH_THERAPY', responsible: { role: 'REGION' } }),
    expected: only({ editor20: 'DATA', editor19: 'NOT_FOUND' }),
    writes: AGREEMENT_TABLES,
    foreignTo: REGION_19,
  },
  {
    name: 'responsibilityRuleUpdate',
    prepare: async (f) => ({ id: (await f.newAgreement()).ruleId }),
    query: `mutation($input: ResponsibilityRuleUpdateInput!) { responsibilityRuleUpdate(input: $input) { rule { id interventionCode enrolledInHomeHealthCare responsible { role } } } }`,
    variables: (t) => ({ input: { id: t.id, rule: { interventionCode: 'HOME_REHAB', enrolledInHomeHealthCare: true, responsible: { role: 'HOME_MUNICIPALITY' } } } }),
    check: (data, t) => expect(data.responsibilityRuleUpdate.rule).toEqual({ id: t.id, interventionCode: 'HOME_REHAB', enrolledInHomeHealthCare: true, responsible: { role: 'HOME_MUNICIPALITY' } }),
    expected: only({ editor20: 'DATA', editor19: 'NOT_FOUND' }),
    writes: AGREEMENT_TABLES,
    foreignTo: REGION_19,
  },
  {
    name: 'responsibilityRuleDelete',
    prepare: async (f) => ({ id: (await f.newAgreement()).ruleId }),
    query: `mutation($input: ResponsibilityRuleDeleteInput!) { responsibilityRuleDelete(input: $input) { deletedRuleId agreement { rules { edges { node { id } } } changes(first: 1) { edges { node { action ruleId } } } } } }`,
    variables: (t) => ({ input: { id: t.id } }),
    check: (data, t) =>
      expect(data.responsibilityRuleDelete).toEqual({
        deletedRuleId: t.id,
        agreement: { rules: { edges: [] }, changes: { edges: [{ node: { action: 'responsibilityRuleDelete', ruleId: t.id } }] } },
      }),
    expected: only({ editor20: 'DATA', editor19: 'NOT_FOUND' }),
    writes: AGREEMENT_TABLES,
    foreignTo: REGION_19,
  },

  // Planners' aggregates (PLANNER, own region) -------------------------------------------------
  {
    name: 'handoffDeadlineReport',
    query: `{ handoffDeadlineReport(regionCode: "20", period: { from: "2026-01-01", to: "2026-12-31" }) {
      from to smallCellThreshold total { sex } byMunicipality { municipality { id } } } }`,
    variables: () => ({}),
    check: (data) => {
      expect(data.handoffDeadlineReport).toMatchObject({ from: '2026-01-01', to: '2026-12-31', smallCellThreshold: 5, total: [{ sex: null }, { sex: 'FEMALE' }, { sex: 'MALE' }] });
      // Aggregates per municipality, never a row per patient.
      expect(JSON.stringify(data)).not.toMatch(/patient/i);
    },
    // Another region's planner may not read Dalarna's figures.
    expected: only({ planner20: 'DATA', planner19: 'FORBIDDEN' }),
  },
  {
    name: 'sipStatistics',
    query: `{ sipStatistics(regionCode: "20", period: { from: "2026-01-01", to: "2026-12-31" }) {
      from to smallCellThreshold region { started { total { display } } } byMunicipality { municipality { id } } } }`,
    variables: () => ({}),
    check: (data) => {
      const stats = data.sipStatistics;
      expect(stats).toMatchObject({ from: '2026-01-01', to: '2026-12-31', smallCellThreshold: 5 });
      expect(stats.byMunicipality.map((m: any) => m.municipality?.id)).toContain(MORA);
      expect(typeof stats.region.started.total.display).toBe('string');
    },
    expected: only({ planner20: 'DATA', planner19: 'FORBIDDEN' }),
  },

  // The access log's follow-up (TENANT_ADMIN, own region) --------------------------------------
  {
    name: 'accessLogReview',
    query: `query($since: DateTimeISO) { accessLogReview(first: 100, filter: { from: $since }) { edges { node { requestId } } } }`,
    variables: (_t, f) => ({ since: f.since }),
    // Each administrator reviews their own region's log: only Dalarna's holds the fixture's patient creation.
    check: (data, _t, f, viewer) => expect(data.accessLogReview.edges.some((e: any) => e.node.requestId === f.patientRequestId)).toBe(viewer === 'admin20'),
    expected: only({ admin20: 'DATA', admin19: 'DATA' }),
    logged: true,
  },
  {
    name: 'accessLogReview (filter on a patient)',
    prepare: async (f) => ({ id: f.patientId }),
    query: `query($id: ID) { accessLogReview(first: 100, filter: { patientId: $id }) { edges { node { patientId action } } } }`,
    variables: (t) => ({ id: t.id }),
    check: (data, t) => {
      const rows = data.accessLogReview.edges.map((e: any) => e.node);
      expect(rows).toContainEqual({ patientId: t.id, action: 'patientCreate' });
      expect(rows.every((r: any) => r.patientId === t.id)).toBe(true);
    },
    // Another region's patient answers as a patient that does not exist.
    expected: only({ admin20: 'DATA', admin19: 'NOT_FOUND' }),
    foreignTo: REGION_19,
    logged: true,
  },
  {
    name: 'accessLogVerify',
    prepare: async () => ({ id: '20' }),
    query: `query($code: String!, $period: PeriodInput!) { accessLogVerify(regionCode: $code, period: $period) { verified rowsChecked breakKind } }`,
    variables: (t, f) => ({ code: t.id, period: f.period }),
    check: (data) => {
      expect(data.accessLogVerify).toMatchObject({ verified: true, breakKind: null });
      expect(data.accessLogVerify.rowsChecked).toBeGreaterThan(0);
    },
    // Another region's code answers as a code no region of the platform has.
    expected: only({ admin20: 'DATA', admin19: 'NOT_FOUND' }),
    foreignTo: REGION_19,
    madeUpId: '25',
    logged: true,
  },
];

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
