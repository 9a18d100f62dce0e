import { Role } from '../../domain/enums';
import { seededOrganisationId } from '../../entities/seed/seed';
import { codes, reasons, startTestApp, TestApp } from '../support/test-app';

const ASK = `query($input: ResponsibilityInput!) { responsibility(input: $input) {
  status reason performerCareLevel responsible { name } costBearer { name } agreement { title scenario } rule { id note } } }`;

const walkingAid = (overrides: Record<string, unknown> = {}) => ({
  municipalityCode: '2062',
  interventionCode: 'ASSISTIVE_DEVICE_FITTING',
  housingForm: 'ORDINARY_HOUSING',
  enrolledInHomeHealthCare: true,
  ...overrides,
});

/** "Who is responsible for this intervention for this person, here, today?" and the map behind it. */
describe('responsibility map', () => {
  let app: TestApp;
  let integration: string;
  let editor: string;
  beforeAll(async () => {
    app = await startTestApp();
    integration = await app.token('2062', Role.INTEGRATION);
    editor = await app.token('20', Role.RESPONSIBILITY_EDITOR);
  });
  afterAll(() => app.stop());

  it('tells Mora\'s system that Mora municipality fits a walking aid for a person enrolled in home health care, with the rule that says so', async () => {
    const res = await app.gql(ASK, { input: walkingAid() }, integration);
    expect(res.errors).toBeUndefined();
    expect(res.data.responsibility).toEqual(
      expect.objectContaining({
        status: 'ASSIGNED',
        responsible: { name: 'Mora kommun' },
        costBearer: { name: 'Mora kommun' },
        performerCareLevel: 'MUNICIPAL_HOME_REHAB',
        agreement: expect.objectContaining({ scenario: 'CURRENT', title: expect.stringMatching(/hjälpmedel/) }),
        rule: expect.objectContaining({ note: expect.stringMatching(/Competence principle/) }),
      }),
    );
  });

  it('answers the region for a person not enrolled, and at physician level (the competence principle)', async () => {
    const notEnrolled = await app.gql(ASK, { input: walkingAid({ enrolledInHomeHealthCare: false }) }, integration);
    expect(notEnrolled.data.responsibility.responsible).toEqual({ name: 'Region Dalarna' });
    const physician = await app.gql(ASK, { input: walkingAid({ profession: 'PHYSICIAN' }) }, integration);
    expect(physician.data.responsibility).toEqual(expect.objectContaining({ responsible: { name: 'Region Dalarna' }, performerCareLevel: 'SPECIALIST_CARE' }));
  });

  it('says UNASSIGNED, with why, when the question leaves out what the rules depend on', async () => {
    const res = await app.gql(ASK, { input: { municipalityCode: '2062', interventionCode: 'HOME_REHAB' } }, integration);
    expect(res.data.responsibility).toEqual(expect.objectContaining({ status: 'UNASSIGNED', responsible: null, reason: expect.stringMatching(/HOME_REHAB/) }));
  });

  it('answers 1,000 questions with as many statements as 10', async () => {
    const batch = (n: number) =>
      Array.from({ length: n }, (_, i) => walkingAid({ municipalityCode: ['2062', '2080', '2081', '2034'][i % 4], enrolledInHomeHealthCare: i % 2 === 0, age: i % 100 }));
    const query = `query($inputs: [ResponsibilityInput!]!) { responsibilities(inputs: $inputs) { status responsible { name } agreement { id } rule { id } } }`;
    await app.gql(query, { inputs: batch(1) }, integration);
    let ten: any;
    let thousand: any;
    const forTen = await app.countStatements(async () => (ten = await app.gql(query, { inputs: batch(10) }, integration)));
    const forThousand = await app.countStatements(async () => (thousand = await app.gql(query, { inputs: batch(1000) }, integration)));
    expect(ten.errors).toBeUndefined();
    expect(thousand.data.responsibilities).toHaveLength(1000);
    expect(thousand.data.responsibilities[2].responsible).toEqual({ name: 'Borlänge kommun' });
    expect(thousand.data.responsibilities[1].responsible).toEqual({ name: 'Region Dalarna' });
    expect(forThousand).toBe(forTen);
    const tooMany = await app.gql(query, { inputs: batch(1001) }, integration);
    expect(tooMany.errors![0].extensions).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'inputs' }));
  });

  it('answers each question of a batch exactly as the single question does', async () => {
    const { data: { interventions } } = await app.gql(`{ interventions { code } }`, {}, integration);
    const pick = <T>(values: T[], i: number, step: number) => values[Math.floor(i / step) % values.length];
    // A spread over every dimension the rules look at, known and unknown, both scenarios and two dates.
    const questions = Array.from({ length: 60 }, (_, i) => ({
      municipalityCode: pick(['2062', '2080', '2081', '2034', '2085'], i, 1),
      interventionCode: interventions[(i * 7) % interventions.length].code,
      housingForm: pick(['ORDINARY_HOUSING', 'SPECIAL_HOUSING', 'SHORT_TERM_STAY', null], i, 2),
      enrolledInHomeHealthCare: pick([true, false, null], i, 3),
      careLevel: pick([null, 'MUNICIPAL_HOME_REHAB', 'PRIMARY_CARE', 'SPECIALIST_CARE', 'INPATIENT_CARE'], i, 5),
      profession: pick([null, 'PHYSICIAN', 'NURSE', 'OCCUPATIONAL_THERAPIST', 'PHYSIOTHERAPIST'], i, 7),
      age: pick([null, 5, 17, 18, 64, 65, 90], i, 4),
      scenario: pick(['CURRENT', 'TARGET'], i, 11),
      onDate: pick(['2026-03-02', '2027-11-30'], i, 13),
    }));
    const fields = `status reason municipalityCode interventionCode onDate scenario performerCareLevel
      responsible { id } performer { id } costBearer { id } agreement { id } rule { id note } overlappingRules { id }`;
    const batch = await app.gql(`query($inputs: [ResponsibilityInput!]!) { responsibilities(inputs: $inputs) { ${fields} } }`, { inputs: questions }, integration);
    expect(batch.errors).toBeUndefined();
    const singles = [];
    for (const input of questions) {
      const one = await app.gql(`query($input: ResponsibilityInput!) { responsibility(input: $input) { ${fields} } }`, { input }, integration);
      expect(one.errors).toBeUndefined();
      singles.push(one.data.responsibility);
    }
    expect(batch.data.responsibilities).toEqual(singles);
    // The spread reaches every status the seeded rules can give, so the comparison is not of gaps alone.
    expect(new Set(singles.map((a) => a.status))).toEqual(new Set(['ASSIGNED', 'UNASSIGNED']));
  });

  it.each([
    ['an unknown municipality', { municipalityCode: '2099' }, 'input.municipalityCode'],
    ['an unknown intervention', { interventionCode: 'WALKING' }, 'input.interventionCode'],
    ['an age above 130', { age: 131 }, 'input.age'],
    ['an age below 0', { age: -1 }, 'input.age'],
    ['a date outside every agreement', { onDate: '2005-06-01' }, 'input.onDate'],
  ])('refuses %s with BAD_USER_INPUT naming the field', async (_case, overrides, field) => {
    const res = await app.gql(ASK, { input: walkingAid(overrides) }, integration);
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].extensions!.field).toBe(field);
  });

  it('keeps another region\'s agreements to itself', async () => {
    const res = await app.gql(ASK, { input: walkingAid({ municipalityCode: '1980' }) }, integration);
    expect(codes(res)).toEqual(['FORBIDDEN']);
    expect(codes(await app.gql(`{ responsibilityMatrix(regionCode: "19") { onDate } }`, {}, integration))).toEqual(['FORBIDDEN']);
  });

  it('lists the seeded target-state change in the comparison', async () => {
    const res = await app.gql(
      `{ responsibilityComparison(regionCode: "20", from: CURRENT, to: TARGET) { cases { municipalityCode interventionCode housingForm enrolledInHomeHealthCare kinds
          from { responsible { name } } to { responsible { name } performerCareLevel } } } }`,
      {},
      integration,
    );
    expect(res.errors).toBeUndefined();
    const cases = res.data.responsibilityComparison.cases;
    const mora = cases.filter((c: any) => c.municipalityCode === '2062');
    expect(mora).toEqual([
      {
        municipalityCode: '2062',
        interventionCode: 'ASSISTIVE_DEVICE_FITTING',
        housingForm: 'SHORT_TERM_STAY',
        enrolledInHomeHealthCare: true,
        kinds: ['CHANGED'],
        from: { responsible: { name: 'Mora kommun' } },
        to: { responsible: { name: 'Region Dalarna' }, performerCareLevel: 'INPATIENT_CARE' },
      },
    ]);
    expect(new Set(cases.map((c: any) => c.municipalityCode)).size).toBe(15);
  });

  it('draws the matrix for every municipality, with no deviations in the seeded split', async () => {
    const res = await app.gql(
      `{ responsibilityMatrix(regionCode: "20") { cells { interventionCode housingForm enrolledInHomeHealthCare deviatingMunicipalityCodes
          regionalDefault { status responsible { name } } municipalities { municipalityCode deviates answer { responsible { name } } } } } }`,
      {},
      integration,
    );
    expect(res.errors).toBeUndefined();
    const cells = res.data.responsibilityMatrix.cells;
    expect(cells).toHaveLength(9 * 3 * 2);
    const fitting = cells.find((c: any) => c.interventionCode === 'ASSISTIVE_DEVICE_FITTING' && c.housingForm === 'ORDINARY_HOUSING' && c.enrolledInHomeHealthCare);
    expect(fitting.municipalities).toHaveLength(15);
    expect(fitting.municipalities.find((m: any) => m.municipalityCode === '2062').answer.responsible).toEqual({ name: 'Mora kommun' });
    expect(cells.every((c: any) => c.deviatingMunicipalityCodes.length === 0)).toBe(true);
  });

  it('gives a PLANNER one municipality\'s part of the matrix and the comparison, equal to its part of the whole region\'s', async () => {
    const planner = await app.token('20', Role.PLANNER);
    const answer = `status responsible { name } performer { name } costBearer { name } agreement { id } rule { id } overlappingRules { id }`;
    const MATRIX = `query($m: String) { responsibilityMatrix(regionCode: "20", scenario: TARGET, municipalityCode: $m) {
      cells { interventionCode housingForm enrolledInHomeHealthCare deviatingMunicipalityCodes municipalities { municipalityCode deviates answer { ${answer} } } } } }`;
    const COMPARISON = `query($m: String) { responsibilityComparison(regionCode: "20", municipalityCode: $m) {
      cases { municipalityCode interventionCode housingForm enrolledInHomeHealthCare kinds from { ${answer} } to { ${answer} } } } }`;
    const [wholeMatrix, moraMatrix, wholeComparison, moraComparison] = await Promise.all([
      app.gql(MATRIX, { m: null }, planner),
      app.gql(MATRIX, { m: '2062' }, planner),
      app.gql(COMPARISON, { m: null }, planner),
      app.gql(COMPARISON, { m: '2062' }, planner),
    ]);
    for (const res of [wholeMatrix, moraMatrix, wholeComparison, moraComparison]) expect(res.errors).toBeUndefined();
    const moraOnly = (cells: any[]) =>
      cells.map((c) => ({
        ...c,
        municipalities: c.municipalities.filter((m: any) => m.municipalityCode === '2062'),
        deviatingMunicipalityCodes: c.deviatingMunicipalityCodes.filter((code: string) => code === '2062'),
      }));
    expect(moraMatrix.data.responsibilityMatrix.cells).toEqual(moraOnly(wholeMatrix.data.responsibilityMatrix.cells));
    expect(moraMatrix.data.responsibilityMatrix.cells.every((c: any) => c.municipalities.length === 1)).toBe(true);
    const moraCases = moraComparison.data.responsibilityComparison.cases;
    expect(moraCases).toEqual(wholeComparison.data.responsibilityComparison.cases.filter((c: any) => c.municipalityCode === '2062'));
    expect(moraCases).toHaveLength(1);
  });

  it.each([
    ['an unknown municipality', '2099', 'BAD_USER_INPUT'],
    ['a municipality of another region', '1980', 'FORBIDDEN'],
    ['a county code', '20', 'BAD_USER_INPUT'],
  ])('refuses the matrix and the comparison of %s, naming municipalityCode', async (_case, code, expected) => {
    const planner = await app.token('20', Role.PLANNER);
    for (const query of [
      `query($m: String) { responsibilityMatrix(regionCode: "20", municipalityCode: $m) { onDate } }`,
      `query($m: String) { responsibilityComparison(regionCode: "20", municipalityCode: $m) { fromDate } }`,
    ]) {
      const res = await app.gql(query, { m: code }, planner);
      expect(codes(res)).toEqual([expected]);
      expect(res.errors![0].extensions!.field).toBe('municipalityCode');
    }
  });

  describe('editing', () => {
    let agreementId: string;
    const RULE = `mutation($input: ResponsibilityRuleCreateInput!) { responsibilityRuleCreate(input: $input) { rule { id interventionCode municipalityCodes responsible { role } } } }`;
    const ruleCount = async () => Number((await app.dataSource.query('SELECT count(*) AS n FROM responsibility_rule'))[0].n);

    beforeAll(async () => {
      const parties = [seededOrganisationId('20'), seededOrganisationId('2062'), seededOrganisationId('2080')];
      const created = await app.gql(
        `mutation($input: AgreementCreateInput!) { agreementCreate(input: $input) { agreement { id version status municipalityCodes } } }`,
        { input: { title: 'Utkast: hemrehabilitering', scenario: 'DRAFT', validFrom: '2026-01-01', partyOrganisationIds: parties, sourceDocument: 'Arbetsmaterial' } },
        editor,
      );
      expect(created.errors).toBeUndefined();
      expect(created.data.agreementCreate.agreement).toEqual(expect.objectContaining({ version: 1, status: 'ACTIVE', municipalityCodes: ['2062', '2080'] }));
      agreementId = created.data.agreementCreate.agreement.id;
    });

    it('refuses another region\'s organisation as a party or a rule\'s responsible as it refuses an unknown one, writing nothing', async () => {
      const västmanland = await app.token('19', Role.RESPONSIBILITY_EDITOR);
      const CREATE = `mutation($input: AgreementCreateInput!) { agreementCreate(input: $input) { agreement { id } } }`;
      const agreements = async () => Number((await app.dataSource.query('SELECT count(*) AS n FROM agreement'))[0].n);
      const before = await agreements();
      const input = (third: string) => ({ title: 'Mora med', scenario: 'DRAFT', validFrom: '2026-01-01', partyOrganisationIds: [seededOrganisationId('19'), seededOrganisationId('1980'), third] });
      const foreign = await app.gql(CREATE, { input: input(seededOrganisationId('2062')!) }, västmanland);
      const unknown = await app.gql(CREATE, { input: input('00000000-0000-4000-8000-0000000000ae') }, västmanland);
      expect(codes(foreign)).toEqual(['BAD_USER_INPUT']);
      expect(foreign.errors![0].message.replace(seededOrganisationId('2062')!, '<id>')).toBe(unknown.errors![0].message.replace('00000000-0000-4000-8000-0000000000ae', '<id>'));
      expect(await agreements()).toBe(before);
      const rules = await ruleCount();
      const rule = { interventionCode: 'SPEECH_THERAPY', responsible: { role: 'ORGANISATION', organisationId: seededOrganisationId('1980') } };
      const res = await app.gql(RULE, { input: { agreementId, rule } }, editor);
      expect(codes(res)).toEqual(['BAD_USER_INPUT']);
      expect(res.errors![0].extensions!.field).toBe('rule.responsible.organisationId');
      expect(await ruleCount()).toBe(rules);
    });

    it('adds rules, records who changed what, and refuses a rule that answers some case twice', async () => {
      const general = await app.gql(RULE, { input: { agreementId, rule: { interventionCode: 'HOME_REHAB', responsible: { role: 'HOME_MUNICIPALITY' }, note: 'All home rehab by the municipality' } } }, editor);
      expect(general.errors).toBeUndefined();
      // Narrower (enrolled people only): an exception, not an ambiguity.
      const exception = await app.gql(RULE, { input: { agreementId, rule: { interventionCode: 'HOME_REHAB', enrolledInHomeHealthCare: false, responsible: { role: 'REGION' } } } }, editor);
      expect(exception.errors).toBeUndefined();
      const before = await ruleCount();
      // Partly overlapping with the exception (special housing, any enrolment) and answering differently: ambiguous.
      const clash = await app.gql(RULE, { input: { agreementId, rule: { interventionGroup: 'REHABILITATION', housingForms: ['SPECIAL_HOUSING'], responsible: { role: 'HOME_MUNICIPALITY' }, ageMin: 65 } } }, editor);
      expect(codes(clash)).toEqual(['CONFLICT']);
      expect(reasons(clash)).toEqual(['DUPLICATE']);
      expect(clash.errors![0].extensions!.conflictingRuleId).toBe(exception.data.responsibilityRuleCreate.rule.id);
      expect(clash.errors![0].message).toContain(exception.data.responsibilityRuleCreate.rule.id);
      expect(await ruleCount()).toBe(before);

      const changes = await app.gql(`query($id: ID!) { agreement(id: $id) { changes { edges { node { action userId ruleId } } } } }`, { id: agreementId }, integration);
      expect(changes.data.agreement.changes.edges.map((e: any) => e.node.action)).toEqual(['responsibilityRuleCreate', 'responsibilityRuleCreate', 'agreementCreate']);
      expect(changes.data.agreement.changes.edges[0].node.userId).toBe('test-responsibility_editor');
    });

    it('shows a local deviation in the matrix', async () => {
      const res = await app.gql(RULE, { input: { agreementId, rule: { interventionCode: 'HOME_ADAPTATION', municipalityCodes: ['2080'], responsible: { role: 'REGION' } } } }, editor);
      expect(res.errors).toBeUndefined();
      await app.gql(RULE, { input: { agreementId, rule: { interventionCode: 'HOME_ADAPTATION', responsible: { role: 'HOME_MUNICIPALITY' } } } }, editor);
      const matrix = await app.gql(`{ responsibilityMatrix(regionCode: "20", scenario: DRAFT) { cells { interventionCode deviatingMunicipalityCodes regionalDefault { status } } } }`, {}, integration);
      const adaptation = matrix.data.responsibilityMatrix.cells.filter((c: any) => c.interventionCode === 'HOME_ADAPTATION');
      expect(adaptation.every((c: any) => c.regionalDefault.status === 'ASSIGNED')).toBe(true);
      // 2080 deviates; municipalities not party to the draft are gaps, also deviating.
      expect(adaptation.every((c: any) => c.deviatingMunicipalityCodes.includes('2080') && !c.deviatingMunicipalityCodes.includes('2062'))).toBe(true);
    });

    it.each([
      ['a rule starting before its agreement', { interventionCode: 'SPEECH_THERAPY', responsible: { role: 'REGION' }, validFrom: '2025-06-01' }, 'rule.validFrom'],
      ['a municipality not party to the agreement', { interventionCode: 'SPEECH_THERAPY', responsible: { role: 'REGION' }, municipalityCodes: ['2034'] }, 'rule.municipalityCodes'],
      ['an unknown intervention', { interventionCode: 'NOPE', responsible: { role: 'REGION' } }, 'rule.interventionCode'],
      ['both a code and a group', { interventionCode: 'SPEECH_THERAPY', interventionGroup: 'THERAPY', responsible: { role: 'REGION' } }, 'rule.interventionCode'],
      ['an age above 130', { interventionCode: 'SPEECH_THERAPY', responsible: { role: 'REGION' }, ageMax: 140 }, 'rule.ageMax'],
    ])('refuses %s with BAD_USER_INPUT naming the field, writing nothing', async (_case, rule, field) => {
      const before = await ruleCount();
      const res = await app.gql(RULE, { input: { agreementId, rule } }, editor);
      expect(codes(res)).toEqual(['BAD_USER_INPUT']);
      expect(res.errors![0].extensions!.field).toBe(field);
      expect(await ruleCount()).toBe(before);
    });

    it('refuses edits by another region\'s editor as edits of a made-up agreement (NOT_FOUND) and by other roles (FORBIDDEN), writing nothing', async () => {
      const before = await ruleCount();
      const rule = { interventionCode: 'SPEECH_THERAPY', responsible: { role: 'REGION' } };
      const madeUp = '00000000-0000-4000-8000-0000000000ad';
      const foreign = await app.gql(RULE, { input: { agreementId, rule } }, await app.token('19', Role.RESPONSIBILITY_EDITOR));
      const unknown = await app.gql(RULE, { input: { agreementId: madeUp, rule } }, await app.token('19', Role.RESPONSIBILITY_EDITOR));
      expect(codes(foreign)).toEqual(['NOT_FOUND']);
      expect(foreign.errors![0].message.replace(agreementId, '<id>')).toBe(unknown.errors![0].message.replace(madeUp, '<id>'));
      expect(codes(await app.gql(RULE, { input: { agreementId, rule } }, integration))).toEqual(['FORBIDDEN']);
      expect(await ruleCount()).toBe(before);
    });

    it('refuses the second of two rules sent at once that answer the same cases differently: each edit sees the rules the other saved', async () => {
      const created = await app.gql(
        `mutation($input: AgreementCreateInput!) { agreementCreate(input: $input) { agreement { id } } }`,
        { input: { title: 'Utkast: samtidiga regler', scenario: 'DRAFT', validFrom: '2027-01-01', partyOrganisationIds: [seededOrganisationId('20'), seededOrganisationId('2062')] } },
        editor,
      );
      const id = created.data.agreementCreate.agreement.id;
      const rule = (role: string) => ({ input: { agreementId: id, rule: { interventionCode: 'SPEECH_THERAPY', responsible: { role } } } });
      const answers = await Promise.all([app.gql(RULE, rule('REGION'), editor), app.gql(RULE, rule('HOME_MUNICIPALITY'), editor)]);
      const saved = answers.filter((a) => !a.errors);
      const refused = answers.filter((a) => a.errors);
      expect([saved.length, refused.length]).toEqual([1, 1]);
      expect([codes(refused[0]), reasons(refused[0])]).toEqual([['CONFLICT'], ['DUPLICATE']]);
      expect(refused[0].errors![0].extensions!.conflictingRuleId).toBe(saved[0].data.responsibilityRuleCreate.rule.id);
      const rules = await app.dataSource.query('SELECT id FROM responsibility_rule WHERE agreement_id = $1', [id]);
      expect(rules).toEqual([{ id: saved[0].data.responsibilityRuleCreate.rule.id }]);
    });

    it('supersedes with a new version while history stays readable', async () => {
      const version = await app.gql(
        `mutation($input: AgreementNewVersionInput!) { agreementNewVersion(input: $input) { agreement { id version validFrom supersedes { id status validTo } rules { edges { node { interventionCode } } } } } }`,
        { input: { agreementId, validFrom: '2026-07-01' } },
        editor,
      );
      expect(version.errors).toBeUndefined();
      const v2 = version.data.agreementNewVersion.agreement;
      expect(v2).toEqual(expect.objectContaining({ version: 2, validFrom: '2026-07-01', supersedes: { id: agreementId, status: 'SUPERSEDED', validTo: '2026-06-30' } }));
      expect(v2.rules.edges.length).toBeGreaterThanOrEqual(4);
      // Superseding the old version again acts on a stale read: its newest version is v2 now.
      const again = await app.gql(`mutation($input: AgreementNewVersionInput!) { agreementNewVersion(input: $input) { agreement { id } } }`, { input: { agreementId, validFrom: '2026-09-01' } }, editor);
      expect([codes(again), reasons(again), again.errors![0].extensions!.field]).toEqual([['CONFLICT'], ['STALE_VERSION'], 'agreementId']);
      const onDate = async (date: string) =>
        (await app.gql(ASK, { input: { municipalityCode: '2062', interventionCode: 'HOME_REHAB', enrolledInHomeHealthCare: true, scenario: 'DRAFT', onDate: date } }, integration)).data.responsibility;
      expect((await onDate('2026-03-01')).agreement.title).toBe('Utkast: hemrehabilitering');
      const [before, after] = [await onDate('2026-03-01'), await onDate('2026-08-01')];
      expect(before.rule.id).not.toBe(after.rule.id);
      const applied = await app.gql(`{ agreements(scenario: DRAFT, onDate: "2026-03-01") { edges { node { version } } } }`, {}, integration);
      expect(applied.data.agreements.edges.map((e: any) => e.node.version)).toContain(1);
    });
  });
});
