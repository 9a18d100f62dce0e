import { AgreementScenario, CareLevel, HousingForm, PrincipalRole, Profession } from '../../domain/enums';
import {
  AgreementFacts, CatalogueEntry, compareScenarios, findConflictingRule, PartyRef, resolveResponsibility, Resolution,
  ResponsibilityCase, responsibilityMatrix, RuleConditions, RuleFacts, RuleOutcome, ruleMatches, sameOutcome,
} from '../../domain/responsibility';

const { CURRENT, TARGET, DRAFT } = AgreementScenario;
const { ORDINARY_HOUSING, SPECIAL_HOUSING, SHORT_TERM_STAY } = HousingForm;
const MORA = '2062';
const FALUN = '2080';
const VANSBRO = '2021';

const CATALOGUE: CatalogueEntry[] = [
  { code: 'HOME_REHAB', group: 'REHABILITATION' },
  { code: 'ASSISTIVE_DEVICE_FITTING', group: 'ASSISTIVE_DEVICES' },
  { code: 'PHYSIOTHERAPY', group: 'THERAPY' },
];

const MUNICIPALITY: PartyRef = { role: PrincipalRole.HOME_MUNICIPALITY, organisationId: null };
const REGION: PartyRef = { role: PrincipalRole.REGION, organisationId: null };
const byMunicipality: RuleOutcome = { responsible: MUNICIPALITY, performer: MUNICIPALITY, performerCareLevel: CareLevel.MUNICIPAL_HOME_REHAB, costBearer: MUNICIPALITY };
const byRegion: RuleOutcome = { responsible: REGION, performer: REGION, performerCareLevel: CareLevel.PRIMARY_CARE, costBearer: REGION };

const ANY: RuleConditions = {
  interventionCode: null, interventionGroup: null, careLevels: null, housingForms: null, enrolledInHomeHealthCare: null,
  ageMin: null, ageMax: null, professions: null, municipalityCodes: null,
};

function rule(id: string, agreementId: string, conditions: Partial<RuleConditions>, outcome: RuleOutcome, validity: Partial<RuleFacts> = {}): RuleFacts {
  return { id, agreementId, conditions: { ...ANY, ...conditions }, outcome, validFrom: '2000-01-01', validTo: null, ...validity };
}

const AGREEMENTS: AgreementFacts[] = [
  { id: 'dalarna-2025', scenario: CURRENT, validFrom: '2025-01-01', validTo: '2025-12-31', municipalityCodes: [MORA, FALUN] },
  { id: 'dalarna-2026', scenario: CURRENT, validFrom: '2026-01-01', validTo: null, municipalityCodes: [MORA, FALUN] },
  { id: 'dalarna-target', scenario: TARGET, validFrom: '2027-01-01', validTo: null, municipalityCodes: [MORA, FALUN] },
];

const RULES: RuleFacts[] = [
  rule('2025-home-rehab', 'dalarna-2025', { interventionCode: 'HOME_REHAB' }, byRegion),
  rule('home-rehab', 'dalarna-2026', { interventionCode: 'HOME_REHAB' }, byMunicipality),
  rule('devices-enrolled', 'dalarna-2026', { interventionGroup: 'ASSISTIVE_DEVICES', enrolledInHomeHealthCare: true }, byMunicipality),
  rule('devices-not-enrolled', 'dalarna-2026', { interventionGroup: 'ASSISTIVE_DEVICES', enrolledInHomeHealthCare: false }, byRegion),
  rule('devices-physician', 'dalarna-2026', {
    interventionGroup: 'ASSISTIVE_DEVICES', enrolledInHomeHealthCare: true, professions: [Profession.PHYSICIAN, Profession.SPEECH_THERAPIST],
  }, byRegion),
  rule('physio-ordinary', 'dalarna-2026', { interventionCode: 'PHYSIOTHERAPY', housingForms: [ORDINARY_HOUSING] }, byRegion),
  rule('physio-other', 'dalarna-2026', { interventionCode: 'PHYSIOTHERAPY', housingForms: [SPECIAL_HOUSING, SHORT_TERM_STAY] }, byMunicipality),
  rule('physio-ordinary-mora', 'dalarna-2026', { interventionCode: 'PHYSIOTHERAPY', housingForms: [ORDINARY_HOUSING], municipalityCodes: [MORA] }, byMunicipality),
  rule('t-home-rehab', 'dalarna-target', { interventionCode: 'HOME_REHAB' }, byMunicipality),
  rule('t-devices', 'dalarna-target', { interventionGroup: 'ASSISTIVE_DEVICES' }, byMunicipality),
  rule('t-physio-housing', 'dalarna-target', { interventionCode: 'PHYSIOTHERAPY', housingForms: [ORDINARY_HOUSING, SPECIAL_HOUSING] }, byRegion),
  rule('t-physio-enrolled', 'dalarna-target', { interventionCode: 'PHYSIOTHERAPY', enrolledInHomeHealthCare: true }, byMunicipality),
];

const CASE: ResponsibilityCase = {
  municipalityCode: FALUN, interventionCode: 'ASSISTIVE_DEVICE_FITTING', careLevel: CareLevel.PRIMARY_CARE, housingForm: ORDINARY_HOUSING,
  enrolledInHomeHealthCare: true, age: 80, profession: Profession.NURSE, onDate: '2026-11-25', scenario: CURRENT,
};

const resolve = (c: Partial<ResponsibilityCase>, rules = RULES) => resolveResponsibility(AGREEMENTS, rules, CATALOGUE, { ...CASE, ...c });
const ruleIdOf = (r: Resolution) => (r.status === 'ASSIGNED' ? r.rule.id : r.status);
const reasonOf = (r: Resolution) => (r.status === 'ASSIGNED' ? '' : r.reason);

describe('matching a rule to a case', () => {
  const matches = (conditions: Partial<RuleConditions>, c: Partial<ResponsibilityCase>) =>
    ruleMatches(rule('r', 'dalarna-2026', conditions, byRegion), { ...CASE, ...c }, CATALOGUE);

  it('restricts each listed dimension to its values and leaves null ones open', () => {
    expect(matches({}, {})).toBe(true);
    expect(matches({ careLevels: [CareLevel.PRIMARY_CARE] }, {})).toBe(true);
    expect(matches({ careLevels: [CareLevel.SPECIALIST_CARE] }, {})).toBe(false);
    expect(matches({ housingForms: [SPECIAL_HOUSING, ORDINARY_HOUSING] }, {})).toBe(true);
    expect(matches({ housingForms: [SPECIAL_HOUSING] }, {})).toBe(false);
    expect(matches({ enrolledInHomeHealthCare: true }, {})).toBe(true);
    expect(matches({ enrolledInHomeHealthCare: false }, {})).toBe(false);
    expect(matches({ professions: [Profession.NURSE] }, {})).toBe(true);
    expect(matches({ professions: [Profession.PHYSICIAN] }, {})).toBe(false);
    expect(matches({ municipalityCodes: [MORA] }, { municipalityCode: MORA })).toBe(true);
    expect(matches({ municipalityCodes: [MORA] }, { municipalityCode: FALUN })).toBe(false);
  });

  it('lets an unknown case value match only a condition that allows any value', () => {
    expect(matches({ careLevels: Object.values(CareLevel) }, { careLevel: null })).toBe(false);
    expect(matches({ careLevels: null }, { careLevel: null })).toBe(true);
    expect(matches({ housingForms: [ORDINARY_HOUSING] }, { housingForm: null })).toBe(false);
    expect(matches({ enrolledInHomeHealthCare: false }, { enrolledInHomeHealthCare: null })).toBe(false);
    expect(matches({ ageMin: 0 }, { age: null })).toBe(false);
    expect(matches({ professions: [Profession.NURSE] }, { profession: null })).toBe(false);
    expect(matches({}, { careLevel: null, housingForm: null, enrolledInHomeHealthCare: null, age: null, profession: null })).toBe(true);
  });

  it('matches an intervention by its code or by its group in the catalogue', () => {
    expect(matches({ interventionCode: 'ASSISTIVE_DEVICE_FITTING' }, {})).toBe(true);
    expect(matches({ interventionCode: 'HOME_REHAB' }, {})).toBe(false);
    expect(matches({ interventionGroup: 'ASSISTIVE_DEVICES' }, {})).toBe(true);
    expect(matches({ interventionGroup: 'THERAPY' }, {})).toBe(false);
    expect(matches({ interventionGroup: 'ASSISTIVE_DEVICES' }, { interventionCode: 'NOT_IN_CATALOGUE' })).toBe(false);
  });

  it('includes both age bounds and leaves a missing bound open', () => {
    const aged65to80 = { ageMin: 65, ageMax: 80 };
    expect([64, 65, 80, 81].map((age) => matches(aged65to80, { age }))).toEqual([false, true, true, false]);
    expect(matches({ ageMin: 65 }, { age: 130 })).toBe(true);
    expect(matches({ ageMax: 17 }, { age: 0 })).toBe(true);
    expect(matches({ ageMax: 17 }, { age: 18 })).toBe(false);
  });
});

describe('which agreements answer', () => {
  it('takes only agreements of the case\'s scenario', () => {
    expect(ruleIdOf(resolve({ scenario: TARGET, onDate: '2027-01-01' }))).toBe('t-devices');
    expect(resolve({ scenario: DRAFT })).toEqual({ status: 'UNASSIGNED', reason: 'no DRAFT agreement covers municipality 2080 on 2026-11-25' });
  });

  it('takes an agreement from its first through its last day', () => {
    const homeRehab = (onDate: string) => ruleIdOf(resolve({ interventionCode: 'HOME_REHAB', onDate }));
    expect(homeRehab('2024-12-31')).toBe('UNASSIGNED');
    expect(homeRehab('2025-01-01')).toBe('2025-home-rehab');
    expect(homeRehab('2025-12-31')).toBe('2025-home-rehab');
    expect(homeRehab('2026-01-01')).toBe('home-rehab');
    expect(reasonOf(resolve({ scenario: TARGET, onDate: '2026-12-31' }))).toBe('no TARGET agreement covers municipality 2080 on 2026-12-31');
  });

  it('answers nothing for a municipality that is not party to the agreement', () => {
    expect(resolve({ municipalityCode: VANSBRO })).toEqual({ status: 'UNASSIGNED', reason: 'no CURRENT agreement covers municipality 2021 on 2026-11-25' });
  });

  it('gives the agreement version in force on the date, and the rule with it', () => {
    const early = resolve({ interventionCode: 'HOME_REHAB', onDate: '2025-06-01' });
    const late = resolve({ interventionCode: 'HOME_REHAB', onDate: '2026-06-01' });
    expect(early.status === 'ASSIGNED' && [early.agreement.id, early.rule.outcome]).toEqual(['dalarna-2025', byRegion]);
    expect(late.status === 'ASSIGNED' && [late.agreement.id, late.rule.outcome]).toEqual(['dalarna-2026', byMunicipality]);
  });

  it('counts a rule only within its own validity', () => {
    const pilot = rule('devices-pilot', 'dalarna-2026', { interventionGroup: 'ASSISTIVE_DEVICES', enrolledInHomeHealthCare: true, housingForms: [ORDINARY_HOUSING] },
      byRegion, { validFrom: '2026-03-01', validTo: '2026-08-31' });
    const on = (onDate: string) => ruleIdOf(resolve({ onDate }, [...RULES, pilot]));
    expect([on('2026-02-28'), on('2026-03-01'), on('2026-08-31'), on('2026-09-01')])
      .toEqual(['devices-enrolled', 'devices-pilot', 'devices-pilot', 'devices-enrolled']);
  });
});

describe('the most specific rule wins', () => {
  it('lets the physician-level exception beat the rule for enrolled patients', () => {
    expect(ruleIdOf(resolve({ profession: Profession.PHYSICIAN }))).toBe('devices-physician');
    expect(ruleIdOf(resolve({ profession: Profession.NURSE }))).toBe('devices-enrolled');
    expect(ruleIdOf(resolve({ profession: null }))).toBe('devices-enrolled');
  });

  it('lets a municipal deviation beat the regional rule, for that municipality only', () => {
    const physio = { interventionCode: 'PHYSIOTHERAPY', housingForm: ORDINARY_HOUSING };
    expect(ruleIdOf(resolve({ ...physio, municipalityCode: MORA }))).toBe('physio-ordinary-mora');
    expect(ruleIdOf(resolve({ ...physio, municipalityCode: FALUN }))).toBe('physio-ordinary');
  });

  it('reports an overlap when partially overlapping rules both win with different outcomes', () => {
    const result = resolve({ scenario: TARGET, onDate: '2027-06-01', interventionCode: 'PHYSIOTHERAPY', housingForm: SPECIAL_HOUSING });
    expect(result.status).toBe('OVERLAP');
    expect(result.status === 'OVERLAP' && result.rules.map((r) => r.id)).toEqual(['t-physio-enrolled', 't-physio-housing']);
    expect(reasonOf(result)).toMatch(/t-physio-enrolled, t-physio-housing/);
  });

  it('assigns equally specific winners that agree, naming the smallest id', () => {
    const twins = [rule('b', 'dalarna-2026', { interventionCode: 'HOME_REHAB' }, byRegion), rule('a', 'dalarna-2026', { interventionCode: 'HOME_REHAB' }, { ...byRegion })];
    expect(ruleIdOf(resolve({ interventionCode: 'HOME_REHAB' }, twins))).toBe('a');
  });

  it('says which agreements had no rule for the case', () => {
    expect(resolve({ interventionCode: 'PHYSIOTHERAPY', housingForm: null })).toEqual({
      status: 'UNASSIGNED', reason: 'no rule of agreement(s) dalarna-2026 covers PHYSIOTHERAPY for this case',
    });
  });
});

describe('outcomes', () => {
  it('are the same only when every party, the organisation and the performer care level agree', () => {
    const provider = (organisationId: string): PartyRef => ({ role: PrincipalRole.ORGANISATION, organisationId });
    expect(sameOutcome(byRegion, { ...byRegion })).toBe(true);
    expect(sameOutcome(byRegion, { ...byRegion, performer: null })).toBe(false);
    expect(sameOutcome(byRegion, { ...byRegion, performerCareLevel: CareLevel.SPECIALIST_CARE })).toBe(false);
    expect(sameOutcome({ ...byRegion, costBearer: provider('a') }, { ...byRegion, costBearer: provider('b') })).toBe(false);
  });
});

describe('conflicts when saving a rule', () => {
  const existing = RULES.filter((r) => r.agreementId === 'dalarna-2026');
  const existingRule = (id: string) => existing.find((r) => r.id === id)!;
  const candidate = (conditions: Partial<RuleConditions>, outcome: RuleOutcome, validity: Partial<RuleFacts> = {}) =>
    rule('new', 'dalarna-2026', conditions, outcome, validity);
  const conflictOf = (c: RuleFacts, rules = existing) => findConflictingRule(rules, c, CATALOGUE)?.id ?? null;

  it('refuses a rule that partly overlaps another with a different outcome', () => {
    expect(conflictOf(candidate({ interventionGroup: 'ASSISTIVE_DEVICES', housingForms: [SPECIAL_HOUSING] }, byRegion))).toBe('devices-enrolled');
  });

  it('accepts an exception nested inside a broader rule', () => {
    expect(conflictOf(candidate({ interventionCode: 'ASSISTIVE_DEVICE_FITTING', enrolledInHomeHealthCare: true, housingForms: [SHORT_TERM_STAY] }, byRegion))).toBeNull();
  });

  it('accepts rules that cover no common case', () => {
    expect(conflictOf(candidate({ interventionCode: 'HOME_REHAB', enrolledInHomeHealthCare: false }, byRegion), [existingRule('devices-enrolled')])).toBeNull();
    expect(conflictOf(candidate({ interventionGroup: 'ASSISTIVE_DEVICES', enrolledInHomeHealthCare: false, ageMax: 17 }, byMunicipality),
      [rule('adults', 'dalarna-2026', { interventionGroup: 'ASSISTIVE_DEVICES', ageMin: 18 }, byRegion)])).toBeNull();
  });

  it('accepts a partial overlap that gives the same outcome', () => {
    expect(conflictOf(candidate({ interventionGroup: 'ASSISTIVE_DEVICES', housingForms: [SPECIAL_HOUSING] }, byMunicipality), [existingRule('devices-enrolled')])).toBeNull();
  });

  it('refuses identical conditions, whether the outcome differs or duplicates', () => {
    const same = { interventionCode: 'PHYSIOTHERAPY', housingForms: [ORDINARY_HOUSING] };
    expect(conflictOf(candidate(same, byMunicipality))).toBe('physio-ordinary');
    expect(conflictOf(candidate(same, byRegion))).toBe('physio-ordinary');
  });

  it('accepts an overlap in conditions when the validity periods do not meet', () => {
    const until = rule('until-june', 'dalarna-2026', { interventionCode: 'HOME_REHAB' }, byMunicipality, { validTo: '2026-06-30' });
    const enrolled = rule('enrolled', 'dalarna-2026', { interventionCode: 'HOME_REHAB', enrolledInHomeHealthCare: true }, byMunicipality, { validFrom: '2026-01-01' });
    const specialHousing = { interventionCode: 'HOME_REHAB', housingForms: [SPECIAL_HOUSING] };
    expect(conflictOf(candidate({ interventionCode: 'HOME_REHAB' }, byRegion, { validFrom: '2026-07-01' }), [until])).toBeNull();
    expect(conflictOf(candidate({ interventionCode: 'HOME_REHAB' }, byRegion, { validFrom: '2026-06-30' }), [until])).toBe('until-june');
    expect(conflictOf(candidate(specialHousing, byRegion, { validTo: '2025-12-31' }), [enrolled])).toBeNull();
    expect(conflictOf(candidate(specialHousing, byRegion, { validTo: '2026-01-01' }), [enrolled])).toBe('enrolled');
    expect(conflictOf(candidate(specialHousing, byRegion), [enrolled])).toBe('enrolled');
  });

  it('ignores the rule being updated and rules of other agreements', () => {
    expect(conflictOf({ ...existingRule('devices-enrolled'), outcome: byRegion })).toBeNull();
    expect(conflictOf({ ...candidate({ interventionCode: 'HOME_REHAB' }, byRegion), agreementId: 'dalarna-target' }, existing)).toBeNull();
  });

  it('names the first conflicting rule by id', () => {
    const overlapping = [
      rule('z-enrolled', 'dalarna-2026', { interventionCode: 'HOME_REHAB', enrolledInHomeHealthCare: true }, byRegion),
      rule('a-special', 'dalarna-2026', { interventionCode: 'HOME_REHAB', housingForms: [SPECIAL_HOUSING] }, byRegion),
    ];
    expect(conflictOf(candidate({ interventionCode: 'HOME_REHAB', careLevels: [CareLevel.PRIMARY_CARE] }, byMunicipality), overlapping)).toBe('a-special');
  });
});

describe('responsibility matrix', () => {
  const matrix = responsibilityMatrix(AGREEMENTS, RULES, CATALOGUE, { municipalityCodes: [MORA, FALUN, VANSBRO], scenario: CURRENT, onDate: '2026-11-25' });
  const cell = (interventionCode: string, housingForm: HousingForm, enrolled: boolean) =>
    matrix.find((c) => c.interventionCode === interventionCode && c.housingForm === housingForm && c.enrolledInHomeHealthCare === enrolled)!;

  it('covers every intervention, housing form and enrolment in order', () => {
    expect(matrix).toHaveLength(3 * 3 * 2);
    expect(matrix.slice(0, 3).map((c) => [c.interventionCode, c.housingForm, c.enrolledInHomeHealthCare])).toEqual([
      ['HOME_REHAB', ORDINARY_HOUSING, true], ['HOME_REHAB', ORDINARY_HOUSING, false], ['HOME_REHAB', SPECIAL_HOUSING, true],
    ]);
    expect(matrix[0].municipalities.map((m) => m.municipalityCode)).toEqual([MORA, FALUN, VANSBRO]);
  });

  it('shows the regional default and marks the municipality that deviates from it', () => {
    const physio = cell('PHYSIOTHERAPY', ORDINARY_HOUSING, false);
    expect(ruleIdOf(physio.regionalDefault)).toBe('physio-ordinary');
    expect(physio.municipalities.map((m) => [m.municipalityCode, ruleIdOf(m.resolution), m.deviates])).toEqual([
      [MORA, 'physio-ordinary-mora', true], [FALUN, 'physio-ordinary', false], [VANSBRO, 'UNASSIGNED', true],
    ]);
    expect(cell('PHYSIOTHERAPY', SPECIAL_HOUSING, true).municipalities.map((m) => m.deviates)).toEqual([false, false, true]);
  });

  it('compares overlapping answers by their competing outcomes', () => {
    const provider: RuleOutcome = { ...byRegion, performer: { role: PrincipalRole.ORGANISATION, organisationId: 'rehab-provider' } };
    const moraEnrolled = rule('t-physio-enrolled-mora', 'dalarna-target', { interventionCode: 'PHYSIOTHERAPY', enrolledInHomeHealthCare: true, municipalityCodes: [MORA] }, provider);
    const target = responsibilityMatrix(AGREEMENTS, [...RULES, moraEnrolled], CATALOGUE, { municipalityCodes: [MORA, FALUN], scenario: TARGET, onDate: '2027-01-01' });
    const physio = target.find((c) => c.interventionCode === 'PHYSIOTHERAPY' && c.housingForm === ORDINARY_HOUSING && c.enrolledInHomeHealthCare)!;
    expect([physio.regionalDefault, ...physio.municipalities.map((m) => m.resolution)].map((r) => r.status)).toEqual(['OVERLAP', 'OVERLAP', 'OVERLAP']);
    expect(physio.municipalities.map((m) => m.deviates)).toEqual([true, false]);
  });

  it('leaves out rules that need a profession the overview does not know', () => {
    expect(ruleIdOf(cell('ASSISTIVE_DEVICE_FITTING', ORDINARY_HOUSING, true).regionalDefault)).toBe('devices-enrolled');
  });
});

describe('comparing the current split with the target state', () => {
  it('lists changed, missing and ambiguous answers per municipality, in matrix order', () => {
    const comparison = compareScenarios(AGREEMENTS, RULES, CATALOGUE, {
      municipalityCodes: [MORA, FALUN], from: CURRENT, to: TARGET, fromDate: '2026-11-25', toDate: '2027-01-01',
    });
    const summary = comparison.map((c) => `${c.municipalityCode} ${c.interventionCode} ${c.housingForm} ${c.enrolledInHomeHealthCare} ${c.kinds.join('+')}`);
    const devicesChanged = [ORDINARY_HOUSING, SPECIAL_HOUSING, SHORT_TERM_STAY].map((h) => `ASSISTIVE_DEVICE_FITTING ${h} false CHANGED`);
    expect(summary).toEqual([
      ...devicesChanged.map((s) => `${MORA} ${s}`),
      `${MORA} PHYSIOTHERAPY ORDINARY_HOUSING true OVERLAP`,
      `${MORA} PHYSIOTHERAPY ORDINARY_HOUSING false CHANGED`,
      `${MORA} PHYSIOTHERAPY SPECIAL_HOUSING true OVERLAP`,
      `${MORA} PHYSIOTHERAPY SPECIAL_HOUSING false CHANGED`,
      `${MORA} PHYSIOTHERAPY SHORT_TERM_STAY false GAP`,
      ...devicesChanged.map((s) => `${FALUN} ${s}`),
      `${FALUN} PHYSIOTHERAPY ORDINARY_HOUSING true OVERLAP`,
      `${FALUN} PHYSIOTHERAPY SPECIAL_HOUSING true OVERLAP`,
      `${FALUN} PHYSIOTHERAPY SPECIAL_HOUSING false CHANGED`,
      `${FALUN} PHYSIOTHERAPY SHORT_TERM_STAY false GAP`,
    ]);
    const gap = comparison.find((c) => c.kinds.includes('GAP'))!;
    expect([gap.from.status, gap.to.status]).toEqual(['ASSIGNED', 'UNASSIGNED']);
  });

  it('flags a case that is both missing on one side and ambiguous on the other', () => {
    const both = compareScenarios(AGREEMENTS, RULES, CATALOGUE, {
      municipalityCodes: [FALUN], from: DRAFT, to: TARGET, fromDate: '2026-11-25', toDate: '2027-01-01',
    }).find((c) => c.interventionCode === 'PHYSIOTHERAPY' && c.housingForm === ORDINARY_HOUSING && c.enrolledInHomeHealthCare);
    expect(both?.kinds).toEqual(['GAP', 'OVERLAP']);
  });
});
