import { decideRehabPlanChange, RehabPlanEvent, RehabPlanFacts, RehabPlanStatus, rehabPlanTransition, therapyFormsProblem } from '../../domain/rehab-plan';

const OWNER = 'owner-org';
const PROVIDER = 'provider-org';
const plan = (extra: Partial<RehabPlanFacts> = {}): RehabPlanFacts => ({
  status: RehabPlanStatus.ACTIVE,
  version: 4,
  ownerOrganisationId: OWNER,
  evaluationPeriod: 1,
  goals: [
    { id: 'g1', weight: 1, attainment: null },
    { id: 'g2', weight: 2, attainment: null },
  ],
  earlierGoalIds: [],
  ...extra,
});
const by = (organisationId: string, extra: object = {}) => ({ organisationId, takesPartThroughPlan: organisationId === PROVIDER, version: 4, ...extra });
const scored = plan({ goals: [{ id: 'g1', weight: 1, attainment: 0 }, { id: 'g2', weight: 2, attainment: null }] });

describe('the rehabilitation plan status machine', () => {
  it('runs DRAFT → ACTIVE → EVALUATED → ACTIVE, and closes from any open status', () => {
    expect(rehabPlanTransition(RehabPlanStatus.DRAFT, RehabPlanEvent.ACTIVATE)).toBe(RehabPlanStatus.ACTIVE);
    expect(rehabPlanTransition(RehabPlanStatus.ACTIVE, RehabPlanEvent.EVALUATE)).toBe(RehabPlanStatus.EVALUATED);
    expect(rehabPlanTransition(RehabPlanStatus.EVALUATED, RehabPlanEvent.ACTIVATE)).toBe(RehabPlanStatus.ACTIVE);
    for (const status of [RehabPlanStatus.DRAFT, RehabPlanStatus.ACTIVE, RehabPlanStatus.EVALUATED]) expect(rehabPlanTransition(status, RehabPlanEvent.CLOSE)).toBe(RehabPlanStatus.CLOSED);
    expect(rehabPlanTransition(RehabPlanStatus.DRAFT, RehabPlanEvent.EVALUATE)).toBeUndefined();
    expect(rehabPlanTransition(RehabPlanStatus.CLOSED, RehabPlanEvent.ACTIVATE)).toBeUndefined();
  });
});

describe('who may change a plan, and whether it can', () => {
  it('lets the owner make every change, and an organisation giving therapy under it only score', () => {
    expect(decideRehabPlanChange(plan(), by(OWNER, { event: RehabPlanEvent.CLOSE }))).toEqual({ ok: true, status: RehabPlanStatus.CLOSED });
    expect(decideRehabPlanChange(plan(), by(PROVIDER, { scores: { goalId: 'g1', field: 'goalId' } }))).toEqual({ ok: true, status: RehabPlanStatus.ACTIVE });
    expect(decideRehabPlanChange(plan(), by(PROVIDER, { setsGoals: true }))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(decideRehabPlanChange(plan(), by('someone-else', { scores: { goalId: 'g1', field: 'goalId' } }))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('refuses a stale version, then a closed plan', () => {
    expect(decideRehabPlanChange(plan(), by(OWNER, { version: 3 }))).toMatchObject({ ok: false, code: 'STALE_VERSION', field: 'version' });
    expect(decideRehabPlanChange(plan({ status: RehabPlanStatus.CLOSED }), by(OWNER))).toMatchObject({ ok: false, code: 'ILLEGAL_STATE' });
  });

  it('freezes the goal set from its first score; the next period takes a new one', () => {
    expect(decideRehabPlanChange(plan(), by(OWNER, { setsGoals: true })).ok).toBe(true);
    expect(decideRehabPlanChange(scored, by(OWNER, { setsGoals: true }))).toMatchObject({ ok: false, code: 'ILLEGAL_STATE', field: 'goals' });
    const nextPeriod = plan({ status: RehabPlanStatus.EVALUATED, evaluationPeriod: 2, goals: [], earlierGoalIds: ['g1', 'g2'] });
    expect(decideRehabPlanChange(nextPeriod, by(OWNER, { setsGoals: true })).ok).toBe(true);
  });

  it('scores only the current goals of an active plan', () => {
    const evaluated = plan({ status: RehabPlanStatus.ACTIVE, evaluationPeriod: 2, goals: [{ id: 'g3', weight: 1, attainment: null }], earlierGoalIds: ['g1'] });
    expect(decideRehabPlanChange(evaluated, by(OWNER, { scores: { goalId: 'g1', field: 'goalId' } }))).toMatchObject({ ok: false, code: 'ILLEGAL_STATE', field: 'goalId' });
    expect(decideRehabPlanChange(evaluated, by(OWNER, { scores: { goalId: 'nope', field: 'goalId' } }))).toMatchObject({ ok: false, code: 'NOT_FOUND', field: 'goalId' });
    expect(decideRehabPlanChange(plan({ status: RehabPlanStatus.DRAFT }), by(OWNER, { scores: { goalId: 'g1', field: 'goalId' } }))).toMatchObject({ ok: false, code: 'ILLEGAL_STATE' });
  });

  it('activates with goals only, and evaluates with every goal scored', () => {
    expect(decideRehabPlanChange(plan({ status: RehabPlanStatus.DRAFT, goals: [] }), by(OWNER, { event: RehabPlanEvent.ACTIVATE }))).toMatchObject({ ok: false, code: 'ILLEGAL_STATE' });
    expect(decideRehabPlanChange(plan({ status: RehabPlanStatus.DRAFT }), by(OWNER, { event: RehabPlanEvent.ACTIVATE }))).toEqual({ ok: true, status: RehabPlanStatus.ACTIVE });
    expect(decideRehabPlanChange(scored, by(OWNER, { event: RehabPlanEvent.EVALUATE }))).toMatchObject({ ok: false, code: 'ILLEGAL_STATE', message: expect.stringContaining('goals[1]') });
    const complete = plan({ goals: [{ id: 'g1', weight: 1, attainment: 0 }] });
    expect(decideRehabPlanChange(complete, by(OWNER, { event: RehabPlanEvent.EVALUATE }))).toEqual({ ok: true, status: RehabPlanStatus.EVALUATED });
    expect(decideRehabPlanChange(plan({ status: RehabPlanStatus.DRAFT }), by(OWNER, { event: RehabPlanEvent.EVALUATE }))).toMatchObject({ ok: false, code: 'ILLEGAL_STATE' });
  });
});

describe('therapy forms a plan recommends', () => {
  const forms = [
    { code: 'PHYSIOTHERAPY', labelSv: 'Fysioterapi', labelEn: 'Physiotherapy', validFrom: '2000-01-01', validTo: null },
    { code: 'OLD_FORM', labelSv: 'Gammal', labelEn: 'Old', validFrom: '2000-01-01', validTo: '2020-12-31' },
  ];
  it('are codes valid on the day, each once', () => {
    expect(therapyFormsProblem(['PHYSIOTHERAPY'], forms, '2026-01-01')).toBeNull();
    expect(therapyFormsProblem(['OLD_FORM'], forms, '2020-12-31')).toBeNull();
    expect(therapyFormsProblem(['PHYSIOTHERAPY', 'OLD_FORM'], forms, '2021-01-01')).toMatchObject({ field: 'therapyForms[1]' });
    expect(therapyFormsProblem(['PHYSIOTHERAPY', 'PHYSIOTHERAPY'], forms, '2026-01-01')).toMatchObject({ field: 'therapyForms[1]' });
  });
});
