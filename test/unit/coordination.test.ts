import { allowedCoordinationStatuses, CoordinationActivityKind, CoordinationActorKind, CoordinationArea, CoordinationOutcome, CoordinationStatus, ConsentDirection, sickLeaveProblems, statusChangeProblems, acceptsRecords } from '../../domain/coordination';
import { ActivityFacts, activityProblems, earnableCodes, kvaCodeProblems, returnToWorkProblems } from '../../domain/coordination-activity';
import { consentToCoordinationInForce, CoordinationConsentFacts, coordinationConsentProblems, disclosureMissing, fkNoticeMissing } from '../../domain/coordination-consent';
import { ConsentPurpose, DataCategory } from '../../domain/enums';
import { parseOrganisationNumber } from '../../domain/organisation-number';
import { DEFAULT_COORDINATION_KVA_RULES as RULES } from '../../entities/seed/kva-codes';

const { NONE, CONTACTED, ACTIVE, FOLLOW_UP, CLOSED, DECLINED } = CoordinationStatus;
const patient = { kind: null, organisationId: null, careUnitId: null, employerId: null };
const employer = { kind: CoordinationActorKind.EMPLOYER, organisationId: null, careUnitId: null, employerId: 'e1' };
const fk = { kind: CoordinationActorKind.FK, organisationId: null, careUnitId: null, employerId: null };
const AT = new Date('2026-12-04T10:00:00Z');
const ON = '2026-12-04';

const consent = (over: Partial<CoordinationConsentFacts>): CoordinationConsentFacts => ({
  actor: fk,
  direction: ConsentDirection.TO_ACTOR,
  categories: [DataCategory.WORK_CAPACITY],
  purpose: ConsentPurpose.WORK_ORIENTED_REHABILITATION,
  validFrom: '2026-12-01',
  validTo: '2027-05-31',
  withdrawnAt: null,
  ...over,
});
const contact = (over: Partial<ActivityFacts> = {}): ActivityFacts => ({ area: CoordinationArea.EXTERNAL_COLLABORATION, kind: CoordinationActivityKind.CONTACT, actor: employer, answered: true, held: null, mode: null, ...over });

describe('coordination status machine', () => {
  it('follows NONE → CONTACTED → ACTIVE → FOLLOW_UP → CLOSED, with DECLINED leading only to CLOSED', () => {
    expect(allowedCoordinationStatuses(NONE)).toEqual([CONTACTED, ACTIVE, DECLINED, CLOSED]);
    expect(allowedCoordinationStatuses(ACTIVE)).toEqual([FOLLOW_UP, DECLINED, CLOSED]);
    expect(allowedCoordinationStatuses(FOLLOW_UP)).toEqual([ACTIVE, DECLINED, CLOSED]);
    expect(allowedCoordinationStatuses(DECLINED)).toEqual([CLOSED]);
    expect(allowedCoordinationStatuses(CLOSED)).toEqual([]);
  });

  const facts = { consentToCoordination: true, valueCreated: false, outcome: null };
  it('needs the consent to coordination for ACTIVE and an outcome for CLOSED', () => {
    expect(statusChangeProblems({ ...facts, from: CONTACTED, to: ACTIVE, consentToCoordination: false }).map((p) => p.field)).toEqual(['status']);
    expect(statusChangeProblems({ ...facts, from: CONTACTED, to: ACTIVE })).toEqual([]);
    expect(statusChangeProblems({ ...facts, from: ACTIVE, to: CLOSED }).map((p) => p.field)).toEqual(['outcome']);
    expect(statusChangeProblems({ ...facts, from: ACTIVE, to: FOLLOW_UP, outcome: CoordinationOutcome.RETURNED_TO_WORK }).map((p) => p.field)).toEqual(['outcome']);
  });

  it('closes a case that never reached an intervention as NO_INTERVENTION, and never one whose activities created value', () => {
    expect(statusChangeProblems({ ...facts, from: DECLINED, to: CLOSED, outcome: CoordinationOutcome.RETURNED_TO_WORK })[0].message).toMatch(/NO_INTERVENTION/);
    expect(statusChangeProblems({ ...facts, from: DECLINED, to: CLOSED, outcome: CoordinationOutcome.NO_INTERVENTION })).toEqual([]);
    expect(statusChangeProblems({ ...facts, from: FOLLOW_UP, to: CLOSED, outcome: CoordinationOutcome.NO_INTERVENTION, valueCreated: true })[0].message).toMatch(/created value/);
    expect(statusChangeProblems({ ...facts, from: FOLLOW_UP, to: CLOSED, outcome: CoordinationOutcome.RETURNED_TO_WORK, valueCreated: true })).toEqual([]);
  });

  it('accepts records on open cases only', () => {
    expect(acceptsRecords(ACTIVE)).toBeNull();
    expect(acceptsRecords(DECLINED)?.message).toMatch(/nothing more may be recorded but the closing/);
    expect(acceptsRecords(CLOSED)?.field).toBe('caseId');
  });

  it('takes sick-leave degrees 25, 50, 75 and 100 over a period that does not end before it starts', () => {
    expect(sickLeaveProblems({ from: '2026-12-01', to: '2026-12-31', degree: 75 })).toEqual([]);
    expect(sickLeaveProblems({ from: '2026-12-01', to: '2026-11-30', degree: 60 }).map((p) => p.field)).toEqual(['sickLeave.to', 'sickLeave.degree']);
  });
});

describe('coordination consents', () => {
  it('refuses a consent to an actor with no category, and categories on the consent to coordination itself', () => {
    const base = { actor: employer, direction: ConsentDirection.TO_ACTOR, categories: [] as DataCategory[], purpose: ConsentPurpose.REHABILITATION_COORDINATION };
    expect(coordinationConsentProblems(base)[0]).toEqual({ field: 'categories', message: expect.stringMatching(/"all information" is not specific/) });
    expect(coordinationConsentProblems({ ...base, categories: [DataCategory.WORK_CAPACITY] })).toEqual([]);
    expect(coordinationConsentProblems({ ...base, actor: patient, categories: [DataCategory.HEALTH_STATUS] }).map((p) => p.field)).toEqual(['categories']);
    expect(coordinationConsentProblems({ ...base, actor: patient, direction: ConsentDirection.FROM_ACTOR }).map((p) => p.field)).toEqual(['direction']);
    expect(coordinationConsentProblems({ ...base, categories: [DataCategory.WORK_CAPACITY], purpose: ConsentPurpose.SIP }).map((p) => p.field)).toEqual(['purpose']);
  });

  it('gates the FK notice on a consent of its own naming FK, and names what is missing', () => {
    expect(fkNoticeMissing([], { categories: [DataCategory.WORK_CAPACITY], onDate: ON, at: AT })).toMatch(/no consent .* Försäkringskassan/);
    // One-way: a consent to receive from FK does not let the coordinator give to FK.
    expect(fkNoticeMissing([consent({ direction: ConsentDirection.FROM_ACTOR })], { categories: [DataCategory.WORK_CAPACITY], onDate: ON, at: AT })).toMatch(/no consent/);
    expect(fkNoticeMissing([consent({ purpose: ConsentPurpose.REHABILITATION_COORDINATION })], { categories: [DataCategory.WORK_CAPACITY], onDate: ON, at: AT })).toMatch(/WORK_ORIENTED_REHABILITATION/);
    expect(fkNoticeMissing([consent({ withdrawnAt: new Date('2026-12-03T00:00:00Z') })], { categories: [DataCategory.WORK_CAPACITY], onDate: ON, at: AT })).toMatch(/not in force/);
    expect(fkNoticeMissing([consent({})], { categories: [DataCategory.WORK_CAPACITY, DataCategory.HEALTH_STATUS], onDate: ON, at: AT })).toMatch(/does not cover HEALTH_STATUS/);
    expect(fkNoticeMissing([consent({})], { categories: [DataCategory.WORK_CAPACITY], onDate: ON, at: AT })).toBeNull();
  });

  it('lets information go to an actor only under a consent to that actor in force; the consent to coordination is separate', () => {
    const toEmployer = consent({ actor: employer, purpose: ConsentPurpose.REHABILITATION_COORDINATION });
    expect(disclosureMissing([toEmployer], employer, ON, AT)).toBeNull();
    expect(disclosureMissing([toEmployer], { ...employer, employerId: 'e2' }, ON, AT)).toMatch(/no consent/);
    expect(disclosureMissing([], patient, ON, AT)).toBeNull();
    expect(consentToCoordinationInForce([toEmployer], ON, AT)).toBe(false);
    expect(consentToCoordinationInForce([consent({ actor: patient, categories: [] })], ON, AT)).toBe(true);
  });
});

describe('coordination activities and their KVÅ codes (the seeded rules)', () => {
  it('earns GC001 only when value was created: never for an unanswered contact, never on a case without intervention', () => {
    expect(earnableCodes(RULES, contact(), ACTIVE)).toEqual(['GC001', 'ZV506']);
    expect(earnableCodes(RULES, contact({ answered: false }), ACTIVE)).toEqual([]);
    expect(earnableCodes(RULES, contact(), CONTACTED)).toEqual(['ZV506']);
    expect(kvaCodeProblems(RULES, contact({ answered: false }), ACTIVE, ['GC001'])[0].message).toMatch(/not for an unanswered contact/);
    expect(kvaCodeProblems(RULES, contact(), CONTACTED, ['GC001'])[0].message).toMatch(/not on one in CONTACTED/);
    expect(kvaCodeProblems(RULES, contact(), ACTIVE, ['DV077'])[0].message).toMatch(/not earned by a CONTACT/);
  });

  it('gives DV077 for the return-to-work plan, AW026 for the follow-up, ZV502 for AF', () => {
    const plan = { area: CoordinationArea.PERSONAL_SUPPORT, kind: CoordinationActivityKind.RETURN_TO_WORK_PLAN, actor: patient, answered: null, held: null, mode: null };
    expect(earnableCodes(RULES, plan, ACTIVE)).toEqual(['GC001', 'DV077']);
    expect(earnableCodes(RULES, { ...plan, area: CoordinationArea.FOLLOW_UP, kind: CoordinationActivityKind.FOLLOW_UP }, FOLLOW_UP)).toEqual(['GC001', 'AW026']);
    expect(earnableCodes(RULES, contact({ actor: { ...fk, kind: CoordinationActorKind.AF } }), NONE)).toEqual(['ZV502']);
  });

  it('checks the shape: an answer for a contact, held and mode for a meeting, the area fitting the counterpart', () => {
    expect(activityProblems(contact())).toEqual([]);
    expect(activityProblems(contact({ answered: null })).map((p) => p.field)).toEqual(['answered']);
    expect(activityProblems(contact({ kind: CoordinationActivityKind.MEETING, answered: null })).map((p) => p.field)).toEqual(['held', 'mode']);
    expect(activityProblems(contact({ area: CoordinationArea.PERSONAL_SUPPORT })).map((p) => p.field)).toEqual(['area']);
    expect(activityProblems(contact({ kind: CoordinationActivityKind.FK_NOTICE, answered: null })).map((p) => p.field)).toContain('kind');
  });

  it('refuses a ramp whose steps overlap or exceed 100 %', () => {
    const step = (from: string, to: string, workPercent: number) => ({ from, to, workPercent, responsibilities: 'Arbetsgivaren anpassar' });
    expect(returnToWorkProblems([step('2027-01-01', '2027-01-14', 25), step('2027-01-15', '2027-01-31', 100)])).toEqual([]);
    expect(returnToWorkProblems([step('2027-01-01', '2027-01-14', 50), step('2027-01-14', '2027-01-31', 75)]).map((p) => p.field)).toEqual(['steps[1].from']);
    expect(returnToWorkProblems([step('2027-01-01', '2027-01-14', 120)]).map((p) => p.field)).toEqual(['steps[0].workPercent']);
    expect(returnToWorkProblems([]).map((p) => p.field)).toEqual(['steps']);
  });
});

describe('organisation numbers', () => {
  it('takes ten digits with a Luhn check digit and a third digit of 2 or more', () => {
    expect(parseOrganisationNumber('556036-0793')).toEqual({ ok: true, number: '556036-0793' });
    expect(parseOrganisationNumber('165560360793')).toEqual({ ok: true, number: '556036-0793' });
    expect(parseOrganisationNumber('556036-0794')).toEqual({ ok: false, problem: 'the check digit does not match' });
    expect(parseOrganisationNumber('19850704-1234')).toMatchObject({ ok: false });
    // A personnummer's third digit starts its month (0 or 1): none passes as an organisation number.
    expect(parseOrganisationNumber('850704-1234')).toMatchObject({ ok: false, problem: expect.stringMatching(/third digit/) });
  });
});
