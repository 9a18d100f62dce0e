import {
  CommitmentDraft,
  commitmentDraftProblems,
  decideCommitmentIssue,
  decideRevocation,
  decideVisit,
  lastPaidDay,
  NotPaidReason,
  PaymentCommitmentTerms,
  paidPeriod,
  visitsAllowed,
} from '../../domain/payment-commitment';
import { addDays, addMonths, daysBetween } from '../../domain/date-arithmetic';

const FORMS = ['PHYSIOTHERAPY', 'OCCUPATIONAL_THERAPY', 'SPEECH_THERAPY', 'PSYCHOTHERAPY'];

/** 10 visits of 45 minutes over 100 days, 2027-01-01 … 2027-04-10, issued the day it starts. */
const terms = (over: Partial<PaymentCommitmentTerms> = {}): PaymentCommitmentTerms => ({
  visits: 10,
  visitMinutes: 45,
  validFrom: '2027-01-01',
  validTo: '2027-04-10',
  interventionEndDate: null,
  issuedOn: '2027-01-01',
  revokedFrom: null,
  ...over,
});

const draft = (over: Partial<CommitmentDraft> = {}): CommitmentDraft => ({
  number: 'BF-2027-001',
  therapyForm: 'PHYSIOTHERAPY',
  visits: 10,
  visitMinutes: 45,
  validFrom: '2027-01-01',
  validTo: '2027-04-10',
  interventionEndDate: null,
  ...over,
});

describe('date arithmetic on local dates', () => {
  it('adds days across a month, a year and the spring clock change', () => {
    expect(addDays('2027-03-27', 2)).toBe('2027-03-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(daysBetween('2027-01-01', '2027-04-10')).toBe(99);
  });

  it('moves by calendar months, keeping to the last day of a shorter month', () => {
    expect(addMonths('2027-12-31', -2)).toBe('2027-10-31');
    expect(addMonths('2027-08-31', -2)).toBe('2027-06-30');
    expect(addMonths('2028-04-30', -2)).toBe('2028-02-29');
    expect(addMonths('2027-01-15', -2)).toBe('2026-11-15');
  });
});

describe('issuing a payment commitment', () => {
  it('accepts a commitment that starts the day it is issued', () => {
    expect(commitmentDraftProblems(draft(), '2027-01-01', FORMS)).toEqual([]);
  });

  it('refuses one issued today that starts yesterday: never retroactive', () => {
    expect(commitmentDraftProblems(draft({ validFrom: '2026-12-31' }), '2027-01-01', FORMS)).toEqual([
      { field: 'validFrom', message: 'a payment commitment is never retroactive: issued on 2027-01-01, it cannot start on 2026-12-31' },
    ]);
  });

  it('names every wrong field at once', () => {
    const problems = commitmentDraftProblems(
      draft({ number: ' ', therapyForm: 'MASSAGE', visits: 0, visitMinutes: 2.5, validTo: '2026-12-01', interventionEndDate: '2026-11-01' }),
      '2027-01-01',
      FORMS,
    );
    expect(problems.map((p) => p.field)).toEqual(['number', 'therapyForm', 'visits', 'visitMinutes', 'validTo', 'interventionEndDate']);
  });

  it('refuses more visits than the paid days can hold, counting the intervention end date', () => {
    expect(commitmentDraftProblems(draft({ visits: 101 }), '2027-01-01', FORMS)).toEqual([
      { field: 'visits', message: '101 visits do not fit the 100 days from 2027-01-01 to 2027-04-10 at one visit a day' },
    ]);
    expect(commitmentDraftProblems(draft({ visits: 11, interventionEndDate: '2027-01-10' }), '2027-01-01', FORMS).map((p) => p.field)).toEqual(['visits']);
  });
});

describe('the paid period', () => {
  it('ends at the intervention end date when that comes first, whatever the validity says', () => {
    expect(paidPeriod(terms({ interventionEndDate: '2027-03-01' }))).toEqual({ from: '2027-01-01', to: '2027-03-01' });
    expect(paidPeriod(terms({ interventionEndDate: '2027-06-01' }))).toEqual({ from: '2027-01-01', to: '2027-04-10' });
  });

  it('ends the day before a revocation takes effect', () => {
    expect(lastPaidDay(terms({ revokedFrom: '2027-02-01' }))).toBe('2027-01-31');
    expect(lastPaidDay(terms())).toBe('2027-04-10');
  });
});

describe('visitsAllowed: an even spread by day', () => {
  it('allows ceil(visits × elapsed days / total days)', () => {
    expect(visitsAllowed(terms(), '2026-12-31')).toBe(0);
    expect(visitsAllowed(terms(), '2027-01-01')).toBe(1);
    expect(visitsAllowed(terms(), '2027-01-10')).toBe(1);
    expect(visitsAllowed(terms(), '2027-01-11')).toBe(2);
    expect(visitsAllowed(terms(), '2027-03-31')).toBe(9);
    expect(visitsAllowed(terms(), '2027-04-01')).toBe(10);
    expect(visitsAllowed(terms(), '2027-12-31')).toBe(10);
  });

  it('spreads over the period the intervention end date leaves', () => {
    // 10 visits over 2027-01-01 … 2027-01-20: one every two days.
    const shortened = terms({ interventionEndDate: '2027-01-20' });
    expect(visitsAllowed(shortened, '2027-01-02')).toBe(1);
    expect(visitsAllowed(shortened, '2027-01-03')).toBe(2);
    expect(visitsAllowed(shortened, '2027-01-20')).toBe(10);
  });

  it('freezes at the day before a revocation', () => {
    const revoked = terms({ revokedFrom: '2027-01-21' });
    expect(visitsAllowed(revoked, '2027-01-20')).toBe(2);
    expect(visitsAllowed(revoked, '2027-01-21')).toBe(2);
    expect(visitsAllowed(revoked, '2027-04-10')).toBe(2);
  });
});

describe('recording a visit', () => {
  const today = '2027-12-31';

  it('pays a visit within the validity, the length and the spread', () => {
    expect(decideVisit(terms(), [], { date: '2027-01-05', minutes: 45 }, today)).toEqual({ ok: true });
  });

  it.each([
    ['before the validity', terms(), { date: '2026-12-31', minutes: 45 }, NotPaidReason.BEFORE_VALIDITY, 'date'],
    ['after the validity', terms(), { date: '2027-04-11', minutes: 45 }, NotPaidReason.AFTER_VALIDITY, 'date'],
    ['after the intervention end date', terms({ interventionEndDate: '2027-02-01' }), { date: '2027-02-02', minutes: 45 }, NotPaidReason.AFTER_INTERVENTION_END, 'date'],
    ['on the day a revocation takes effect', terms({ revokedFrom: '2027-02-01' }), { date: '2027-02-01', minutes: 45 }, NotPaidReason.REVOKED, 'date'],
    ['longer than committed', terms(), { date: '2027-01-05', minutes: 60 }, NotPaidReason.LONGER_THAN_COMMITTED, 'minutes'],
  ] as const)('does not pay a visit %s', (_, t, visit, reason, field) => {
    expect(decideVisit(t, [], visit, today)).toMatchObject({ ok: false, code: 'NOT_PAID', reason, field });
  });

  it('does not pay a second visit before the spread allows it, and says how many it allows', () => {
    expect(decideVisit(terms(), ['2027-01-02'], { date: '2027-01-05', minutes: 45 }, today)).toEqual({
      ok: false,
      code: 'NOT_PAID',
      reason: NotPaidReason.AHEAD_OF_SPREAD,
      field: 'date',
      message: 'not paid: 2 visits by 2027-01-05 is more than the 1 the even spread over 2027-01-01–2027-04-10 allows by then',
    });
    expect(decideVisit(terms(), ['2027-01-02'], { date: '2027-01-11', minutes: 45 }, today)).toEqual({ ok: true });
  });

  it('does not pay a visit recorded late that would put a later visit ahead of the spread', () => {
    // A late visit on 01-05 fits its own day (1 of 1), but makes the visit of 01-12 the third by then (2 allowed).
    expect(decideVisit(terms(), ['2027-01-11'], { date: '2027-01-05', minutes: 45 }, today)).toEqual({ ok: true });
    expect(decideVisit(terms(), ['2027-01-11', '2027-01-12'], { date: '2027-01-05', minutes: 45 }, today)).toMatchObject({
      reason: NotPaidReason.AHEAD_OF_SPREAD,
      message: 'not paid: 3 visits by 2027-01-12 is more than the 2 the even spread over 2027-01-01–2027-04-10 allows by then',
    });
  });

  it('does not pay more visits than committed', () => {
    const done = Array.from({ length: 10 }, (_, i) => addDays('2027-01-01', i * 10));
    expect(decideVisit(terms(), done, { date: '2027-04-10', minutes: 45 }, today)).toMatchObject({ reason: NotPaidReason.ALL_VISITS_USED });
  });

  it('refuses a visit not yet held, or of no length, as bad input', () => {
    expect(decideVisit(terms(), [], { date: '2027-01-06', minutes: 45 }, '2027-01-05')).toMatchObject({ code: 'BAD_USER_INPUT', field: 'date' });
    expect(decideVisit(terms(), [], { date: '2027-01-05', minutes: 0 }, today)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'minutes' });
  });
});

describe('revoking a commitment', () => {
  it('takes effect today at the earliest and within the paid period', () => {
    expect(decideRevocation(terms(), '2027-02-01', '2027-02-01', null)).toEqual({ ok: true });
    expect(decideRevocation(terms(), '2027-01-31', '2027-02-01', null)).toMatchObject({ ok: false, code: 'BAD_USER_INPUT' });
    expect(decideRevocation(terms(), '2027-04-11', '2027-02-01', null)).toMatchObject({ ok: false, code: 'BAD_USER_INPUT' });
  });

  it('leaves a visit already recorded paid', () => {
    expect(decideRevocation(terms(), '2027-02-01', '2027-02-01', '2027-02-01')).toEqual({
      ok: false,
      code: 'BAD_USER_INPUT',
      message: 'a visit on 2027-02-01 is already recorded as paid',
    });
  });

  it('is done once', () => {
    expect(decideRevocation(terms({ revokedFrom: '2027-03-01' }), '2027-02-01', '2027-02-01', null)).toMatchObject({ ok: false, code: 'ILLEGAL_STATE' });
  });
});

describe('who issues a commitment, under which plan', () => {
  const plan = { ownerOrganisationId: 'payer', active: true, therapyForms: ['PHYSIOTHERAPY'] };

  it('lets the plan’s principal issue under a plan in force, for a form the plan recommends', () => {
    expect(decideCommitmentIssue(plan, 'payer', 'provider', draft(), '2027-01-01', FORMS)).toEqual({ ok: true });
  });

  it('refuses anyone but the plan’s principal, and a plan not in force', () => {
    expect(decideCommitmentIssue(plan, 'provider', 'provider', draft(), '2027-01-01', FORMS)).toMatchObject({ ok: false, code: 'FORBIDDEN', field: 'planId' });
    expect(decideCommitmentIssue({ ...plan, active: false }, 'payer', 'provider', draft(), '2027-01-01', FORMS)).toMatchObject({ ok: false, code: 'ILLEGAL_STATE' });
  });

  it('names the payer as provider and a form the plan does not recommend along with the draft’s own problems', () => {
    const decision = decideCommitmentIssue(plan, 'payer', 'payer', draft({ therapyForm: 'SPEECH_THERAPY', validFrom: '2026-12-31' }), '2027-01-01', FORMS);
    expect(decision).toMatchObject({ ok: false, code: 'BAD_USER_INPUT', field: 'providerOrganisationId' });
    expect(decision.ok === false && decision.code === 'BAD_USER_INPUT' && decision.problems.map((p) => p.field)).toEqual(['providerOrganisationId', 'validFrom', 'therapyForm']);
  });
});
