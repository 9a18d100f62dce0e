import { Role } from '../../domain/enums';
import { seededOrganisationId } from '../../entities/seed/seed';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Each edit of the responsibility map is one transaction whose statements do not grow with the
 * agreement. The counts are the whole request (the edit's lookups, its transaction, the payload's
 * reads), with the viewer's cache warm and one pooled connection (see statement-count.test.ts);
 * the bounds are what the edits cost when they lent their transaction to the service, before the
 * store owned it (and a new version then cost one more statement per rule).
 */
describe('SQL statements per responsibility edit', () => {
  let app: TestApp;
  let editor: string;
  const parties = [seededOrganisationId('20'), seededOrganisationId('2062')];
  const ok = (res: any, field: string) => {
    expect(res.errors).toBeUndefined();
    return res.data[field];
  };
  const createAgreement = (title: string) =>
    app.gql(`mutation($input: AgreementCreateInput!) { agreementCreate(input: $input) { agreement { id title } } }`, {
      input: { title, scenario: 'DRAFT', validFrom: '2093-01-01', partyOrganisationIds: parties },
    }, editor);
  const createRule = (agreementId: string, interventionCode: string) =>
    app.gql(`mutation($input: ResponsibilityRuleCreateInput!) { responsibilityRuleCreate(input: $input) { rule { id interventionCode } } }`, {
      input: { agreementId, rule: { interventionCode, responsible: { role: 'REGION' } } },
    }, editor);
  const newVersion = (agreementId: string) =>
    app.gql(`mutation($input: AgreementNewVersionInput!) { agreementNewVersion(input: $input) { agreement { id version rules { edges { node { id validFrom } } } } } }`, {
      input: { agreementId, validFrom: '2094-01-01' },
    }, editor);
  const agreementWithRules = async (title: string, codes: string[]) => {
    const id = ok(await createAgreement(title), 'agreementCreate').agreement.id as string;
    const ruleIds: string[] = [];
    for (const code of codes) ruleIds.push(ok(await createRule(id, code), 'responsibilityRuleCreate').rule.id);
    return { id, ruleIds };
  };

  beforeAll(async () => {
    app = await startTestApp({ DATABASE_POOL_SIZE: '1' });
    editor = await app.token('20', Role.RESPONSIBILITY_EDITOR);
    await agreementWithRules('Warms the caches', ['HOME_REHAB']); // the viewer, the catalogue, the organisations
  });
  afterAll(() => app.stop());

  it('creates an agreement in at most 11 statements', async () => {
    let res: any;
    const count = await app.countStatements(async () => (res = await createAgreement('Counted')));
    expect(ok(res, 'agreementCreate').agreement.title).toBe('Counted');
    expect(count).toBeLessThanOrEqual(11);
  });

  it('creates, rewrites and removes a rule in at most 12, 13 and 13 statements', async () => {
    const { id } = await agreementWithRules('Rules counted', ['SPEECH_THERAPY']);
    let res: any;
    const create = await app.countStatements(async () => (res = await createRule(id, 'HOME_REHAB')));
    const ruleId = ok(res, 'responsibilityRuleCreate').rule.id;
    const update = await app.countStatements(async () => (res = await app.gql(
      `mutation($input: ResponsibilityRuleUpdateInput!) { responsibilityRuleUpdate(input: $input) { rule { id responsible { role } } } }`,
      { input: { id: ruleId, rule: { interventionCode: 'HOME_REHAB', responsible: { role: 'HOME_MUNICIPALITY' } } } }, editor)));
    expect(ok(res, 'responsibilityRuleUpdate').rule).toEqual({ id: ruleId, responsible: { role: 'HOME_MUNICIPALITY' } });
    const remove = await app.countStatements(async () => (res = await app.gql(
      `mutation($input: ResponsibilityRuleDeleteInput!) { responsibilityRuleDelete(input: $input) { deletedRuleId agreement { rules { edges { node { id } } } } } }`,
      { input: { id: ruleId } }, editor)));
    expect(ok(res, 'responsibilityRuleDelete').agreement.rules.edges).toHaveLength(1);
    expect(create).toBeLessThanOrEqual(12);
    expect(update).toBeLessThanOrEqual(13);
    expect(remove).toBeLessThanOrEqual(13);
  });

  it('updates an agreement in at most 9 statements', async () => {
    const { id } = await agreementWithRules('Update counted', []);
    let res: any;
    const count = await app.countStatements(async () => (res = await app.gql(
      `mutation($input: AgreementUpdateInput!) { agreementUpdate(input: $input) { agreement { id title } } }`, { input: { id, title: 'Counted again' } }, editor)));
    expect(ok(res, 'agreementUpdate').agreement).toEqual({ id, title: 'Counted again' });
    expect(count).toBeLessThanOrEqual(9);
  });

  it('supersedes an agreement of one rule and one of four rules with the same number of statements', async () => {
    const one = await agreementWithRules('One rule', ['HOME_REHAB']);
    const four = await agreementWithRules('Four rules', ['HOME_REHAB', 'SPEECH_THERAPY', 'ASSISTIVE_DEVICE_FITTING', 'ASSISTIVE_DEVICE_ASSESSMENT']);
    let res: any;
    const forOne = await app.countStatements(async () => (res = await newVersion(one.id)));
    expect(ok(res, 'agreementNewVersion').agreement.rules.edges).toHaveLength(1);
    const forFour = await app.countStatements(async () => (res = await newVersion(four.id)));
    const next = ok(res, 'agreementNewVersion').agreement;
    expect(next.version).toBe(2);
    expect(next.rules.edges.map((e: any) => e.node.validFrom)).toEqual(['2094-01-01', '2094-01-01', '2094-01-01', '2094-01-01']);
    expect(forFour).toBe(forOne);
    // Before the store owned the transaction: 18 statements for one rule, 21 for four.
    expect(forOne).toBeLessThanOrEqual(18);
  });
});
