import { DALARNA, EVERYONE, FUTURE, ids, MORA, only, Outcome, ReferenceRows, REGION_19, regionOf, Viewer } from './reference';

/** Region Dalarna's agreements: its viewers read them, Västmanland's are told they are another region's. */
const DALARNA_READERS: Record<Viewer, Outcome> = { ...EVERYONE, admin19: 'FORBIDDEN', editor19: 'FORBIDDEN', planner19: 'FORBIDDEN' };
const AGREEMENT_TABLES = ['agreement', 'agreement_party', 'responsibility_rule', 'responsibility_change'];

/** The intervention catalogue, the responsibility map and its agreements and rules, and the editor's writes of them (own region). */
export const rows: ReferenceRows = {
  operations: [
    {
      name: 'interventions',
      query: `{ interventions { code group } }`,
      variables: () => ({}),
      check: (data) => expect(data.interventions).toContainEqual({ code: 'ASSISTIVE_DEVICE_FITTING', group: 'ASSISTIVE_DEVICES' }),
      expected: EVERYONE,
    },
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
  ],
};
