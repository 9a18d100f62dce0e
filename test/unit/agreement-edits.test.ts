import {
  AgreementState,
  decideAgreementCreate,
  decideAgreementUpdate,
  decideNewVersion,
  decideRuleCreate,
  decideRuleDelete,
  decideRuleUpdate,
  Decision,
  Editor,
  RuleDraft,
} from '../../domain/agreement-edits';
import { AgreementRecord, RuleRecord } from '../../domain/agreement-records';
import { AgreementScenario, AgreementStatus, HousingForm, OrganisationKind, PrincipalRole, Role } from '../../domain/enums';

const DALARNA = 'region-20';
const editor: Editor = { roles: new Set([Role.RESPONSIBILITY_EDITOR]), regionId: DALARNA };
const catalogue = [
  { code: 'HOME_REHAB', group: 'REHABILITATION' },
  { code: 'SPEECH_THERAPY', group: 'THERAPY' },
];

const agreement = (overrides: Partial<AgreementRecord> = {}): AgreementRecord => ({
  id: 'agreement-1',
  regionId: DALARNA,
  seriesId: 'series-1',
  version: 1,
  supersedesId: null,
  title: 'Hemrehabilitering',
  scenario: AgreementScenario.CURRENT,
  status: AgreementStatus.ACTIVE,
  validFrom: '2025-01-01',
  validTo: null,
  sourceDocument: null,
  sourceDate: null,
  example: false,
  municipalityCodes: ['2062'],
  ...overrides,
});

const draft = (overrides: Partial<RuleDraft> = {}): RuleDraft => ({
  interventionCode: 'HOME_REHAB',
  interventionGroup: null,
  careLevels: null,
  housingForms: null,
  enrolledInHomeHealthCare: null,
  ageMin: null,
  ageMax: null,
  professions: null,
  municipalityCodes: null,
  responsibleRole: PrincipalRole.HOME_MUNICIPALITY,
  responsibleOrganisationId: null,
  performerRole: null,
  performerOrganisationId: null,
  performerCareLevel: null,
  costBearerRole: PrincipalRole.HOME_MUNICIPALITY,
  costBearerOrganisationId: null,
  note: null,
  sourceReference: null,
  validFrom: null,
  validTo: null,
  ...overrides,
});

const rule = (id: string, overrides: Partial<RuleDraft> = {}): RuleRecord => ({
  ...draft(overrides),
  id,
  regionId: DALARNA,
  agreementId: 'agreement-1',
  validFrom: overrides.validFrom ?? '2025-01-01',
  validTo: overrides.validTo ?? null,
});

const state = (rules: RuleRecord[] = [], overrides: Partial<AgreementRecord> = {}): AgreementState => ({
  agreement: agreement(overrides),
  rules,
  partyIds: ['org-region', 'org-mora'],
});

const refusalOf = (decision: Decision) => ('refusal' in decision ? decision.refusal : null);
const changeOf = (decision: Decision) => {
  if ('refusal' in decision) throw new Error(`refused: ${decision.refusal.message}`);
  return decision.change;
};

describe('who may edit the responsibility map', () => {
  it('refuses a viewer without RESPONSIBILITY_EDITOR, whatever the edit', () => {
    const planner: Editor = { roles: new Set([Role.PLANNER]), regionId: DALARNA };
    for (const decision of [
      decideRuleCreate(planner, state(), draft(), catalogue, 'rule-new'),
      decideRuleDelete(planner, { ...state([rule('rule-1')]), rule: rule('rule-1') }),
      decideAgreementUpdate(planner, state(), { title: 'x' }),
      decideNewVersion(planner, state(), { validFrom: '2026-01-01' }, () => 'id'),
    ]) {
      expect(refusalOf(decision)).toEqual({ code: 'FORBIDDEN', message: 'This needs one of the roles RESPONSIBILITY_EDITOR' });
    }
  });

  it("refuses an editor another region's agreement", () => {
    const refusal = refusalOf(decideAgreementUpdate({ ...editor, regionId: 'region-19' }, state(), { title: 'x' }));
    expect(refusal).toEqual(expect.objectContaining({ code: 'FORBIDDEN' }));
  });
});

describe('a rule of an agreement', () => {
  it("takes the agreement's period when it names none, and logs the values it wrote", () => {
    const change = changeOf(decideRuleCreate(editor, state([], { validTo: '2027-12-31' }), draft(), catalogue, 'rule-new'));
    expect(change.insertRules).toEqual([expect.objectContaining({ id: 'rule-new', agreementId: 'agreement-1', validFrom: '2025-01-01', validTo: '2027-12-31' })]);
    expect(change.log).toEqual([expect.objectContaining({ agreementId: 'agreement-1', ruleId: 'rule-new', action: 'responsibilityRuleCreate', before: null })]);
    expect(change.subject).toEqual({ agreementId: 'agreement-1', ruleId: 'rule-new' });
  });

  it.each([
    ['starts before its agreement', { validFrom: '2024-12-31' }, 'rule.validFrom'],
    ['runs past its agreement', { validTo: '2028-01-01' }, 'rule.validTo'],
    ['ends before it starts', { validFrom: '2026-01-01', validTo: '2025-06-01' }, 'rule.validTo'],
    ['names a municipality not party to the agreement', { municipalityCodes: ['2062', '2080'] }, 'rule.municipalityCodes'],
  ])('is refused when it %s', (_case, overrides, field) => {
    const refusal = refusalOf(decideRuleCreate(editor, state([], { validTo: '2027-12-31' }), draft(overrides), catalogue, 'rule-new'));
    expect(refusal).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', field }));
  });

  it('is a DUPLICATE conflict naming the other rule when it answers the same cases differently', () => {
    const existing = rule('rule-1', { responsibleRole: PrincipalRole.REGION, costBearerRole: PrincipalRole.REGION, note: 'Regionen' });
    const refusal = refusalOf(decideRuleCreate(editor, state([existing]), draft(), catalogue, 'rule-new'));
    expect(refusal).toEqual({
      code: 'CONFLICT',
      reason: 'DUPLICATE',
      field: 'rule',
      message: 'rule: overlaps rule rule-1 ("Regionen"), which answers some of the same cases differently',
      details: { conflictingRuleId: 'rule-1' },
    });
  });

  it('may be a narrower exception to another rule', () => {
    const general = rule('rule-1', { responsibleRole: PrincipalRole.REGION, costBearerRole: PrincipalRole.REGION });
    const decision = decideRuleCreate(editor, state([general]), draft({ housingForms: [HousingForm.SPECIAL_HOUSING] }), catalogue, 'rule-new');
    expect(refusalOf(decision)).toBeNull();
  });

  it('is rewritten without conflicting with itself, logging it before and after', () => {
    const current = rule('rule-1');
    const change = changeOf(decideRuleUpdate(editor, { ...state([current]), rule: current }, draft({ note: 'Ny' }), catalogue));
    expect(change.updateRule).toEqual({ id: 'rule-1', values: expect.objectContaining({ note: 'Ny', validFrom: '2025-01-01' }) });
    expect(change.updateRule!.values).not.toHaveProperty('agreementId');
    expect(change.log).toEqual([{ agreementId: 'agreement-1', ruleId: 'rule-1', action: 'responsibilityRuleUpdate', before: current, after: expect.objectContaining({ note: 'Ny', agreementId: 'agreement-1' }) }]);
  });

  it('is removed with a log entry holding what it was', () => {
    const current = rule('rule-1');
    const change = changeOf(decideRuleDelete(editor, { ...state([current]), rule: current }));
    expect(change.deleteRuleId).toBe('rule-1');
    expect(change.log).toEqual([{ agreementId: 'agreement-1', ruleId: 'rule-1', action: 'responsibilityRuleDelete', before: current, after: null }]);
    expect(change.subject).toEqual({ agreementId: 'agreement-1', ruleId: null });
  });
});

describe('a new agreement', () => {
  const text = { title: 'Ny', scenario: AgreementScenario.DRAFT, validFrom: '2026-01-01', validTo: null, sourceDocument: null, sourceDate: null, example: false };
  const ids = { agreement: 'agreement-new', series: 'series-new' };
  const region = { id: 'org-region', organisation: { regionId: DALARNA, kind: OrganisationKind.REGION } };
  const mora = { id: 'org-mora', organisation: { regionId: DALARNA, kind: OrganisationKind.MUNICIPALITY } };

  it('is the first active version of a new series between the region and its municipalities', () => {
    const change = changeOf(decideAgreementCreate(editor, text, [region, mora], ids));
    expect(change.insertAgreement).toEqual({ ...text, id: 'agreement-new', seriesId: 'series-new', version: 1, supersedesId: null, status: AgreementStatus.ACTIVE, partyIds: ['org-region', 'org-mora'] });
    expect(change.log).toEqual([{ agreementId: 'agreement-new', ruleId: null, action: 'agreementCreate', before: null, after: { ...text, parties: ['org-region', 'org-mora'] } }]);
  });

  it.each([
    ['another region\'s organisation', [region, { id: 'org-x', organisation: { regionId: 'region-19', kind: OrganisationKind.MUNICIPALITY } }], /no organisation with id org-x in your region/],
    ['an unknown organisation', [region, mora, { id: 'org-y', organisation: null }], /no organisation with id org-y/],
    ['no municipality', [region], /at least one of its municipalities/],
  ])('is refused between parties that include %s', (_case, parties, message) => {
    expect(refusalOf(decideAgreementCreate(editor, text, parties, ids))).toEqual({ code: 'BAD_USER_INPUT', field: 'partyOrganisationIds', message: expect.stringMatching(message) });
  });

  it('is refused when it ends before it starts', () => {
    expect(refusalOf(decideAgreementCreate(editor, { ...text, validTo: '2025-12-31' }, [region, mora], ids))).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'validTo' }));
  });
});

describe('a new version of an agreement', () => {
  let counter = 0;
  const newId = () => `new-${++counter}`;
  beforeEach(() => (counter = 0));

  it('ends the old version the day before, carries its parties and the rules still in force, from the new start', () => {
    const rules = [
      rule('open', { validFrom: '2025-01-01' }),
      rule('ended', { validFrom: '2025-01-01', validTo: '2025-06-30' }),
      rule('later', { validFrom: '2026-03-01', validTo: '2026-12-31' }),
    ];
    const change = changeOf(decideNewVersion(editor, state(rules), { validFrom: '2026-01-01', title: 'Andra versionen' }, newId));
    expect(change.insertAgreement).toEqual(expect.objectContaining({ id: 'new-1', seriesId: 'series-1', version: 2, supersedesId: 'agreement-1', title: 'Andra versionen', validFrom: '2026-01-01', partyIds: ['org-region', 'org-mora'] }));
    expect(change.updateAgreement).toEqual({ id: 'agreement-1', patch: { status: AgreementStatus.SUPERSEDED, validTo: '2025-12-31' } });
    expect(change.endRules).toEqual({ ids: ['open'], lastDay: '2025-12-31' });
    expect(change.insertRules.map((r) => [r.id, r.agreementId, r.validFrom, r.validTo])).toEqual([
      ['new-2', 'new-1', '2026-01-01', null],
      ['new-3', 'new-1', '2026-03-01', '2026-12-31'],
    ]);
    expect(change.log.map((c) => [c.agreementId, c.action])).toEqual([['agreement-1', 'agreementSupersede'], ['new-1', 'agreementNewVersion']]);
    expect(change.subject).toEqual({ agreementId: 'new-1', ruleId: null });
  });

  it('is a STALE_VERSION conflict on a superseded version and ILLEGAL_STATE on a withdrawn one', () => {
    const superseded = refusalOf(decideNewVersion(editor, state([], { status: AgreementStatus.SUPERSEDED }), { validFrom: '2026-01-01' }, newId));
    const withdrawn = refusalOf(decideNewVersion(editor, state([], { status: AgreementStatus.WITHDRAWN }), { validFrom: '2026-01-01' }, newId));
    expect(superseded).toEqual({ code: 'CONFLICT', reason: 'STALE_VERSION', field: 'agreementId', message: 'The agreement is SUPERSEDED: supersede its newest version' });
    expect(withdrawn).toEqual(expect.objectContaining({ code: 'CONFLICT', reason: 'ILLEGAL_STATE' }));
  });

  it('must start after the old version started and by its end', () => {
    for (const validFrom of ['2025-01-01', '2028-01-01']) {
      expect(refusalOf(decideNewVersion(editor, state([], { validTo: '2027-12-31' }), { validFrom }, newId))).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'validFrom' }));
    }
  });
});

describe('an update of an agreement', () => {
  it('may not end the agreement before a rule ends', () => {
    const refusal = refusalOf(decideAgreementUpdate(editor, state([rule('rule-1', { validTo: '2026-06-30' })]), { validTo: '2026-05-31' }));
    expect(refusal).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'validTo', message: expect.stringMatching(/some rules run past that day/) }));
  });

  it('may not end the agreement before it starts', () => {
    expect(refusalOf(decideAgreementUpdate(editor, state(), { validTo: '2024-12-31' }))).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'validTo' }));
  });

  it('patches only what was given, and logs the agreement as it was', () => {
    const change = changeOf(decideAgreementUpdate(editor, state(), { title: 'Ny titel', sourceDocument: null, validTo: undefined }));
    expect(change.updateAgreement).toEqual({ id: 'agreement-1', patch: { title: 'Ny titel', sourceDocument: null } });
    expect(change.log).toEqual([{ agreementId: 'agreement-1', ruleId: null, action: 'agreementUpdate', before: agreement(), after: { title: 'Ny titel', sourceDocument: null } }]);
  });

  it('writes nothing but its log entry when nothing changes', () => {
    const change = changeOf(decideAgreementUpdate(editor, state(), {}));
    expect(change.updateAgreement).toBeNull();
    expect(change.log).toHaveLength(1);
  });
});
