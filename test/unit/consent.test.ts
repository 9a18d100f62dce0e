import { ConsentFacts, consentAllowsFlow, consentCoversPurpose, consentPeriodProblems, Flow } from '../../domain/consent';
import { ConsentPurpose, DataCategory } from '../../domain/enums';

const REGION = 'region-dalarna';
const MUNICIPALITY = 'falun';
const AGENCY = 'forsakringskassan';

const consent = (overrides: Partial<ConsentFacts> = {}): ConsentFacts => ({
  sourceOrganisationId: REGION,
  recipientOrganisationId: MUNICIPALITY,
  categories: [DataCategory.HEALTH_STATUS, DataCategory.FUNCTIONAL_ABILITY],
  validFrom: '2026-03-01',
  validTo: '2026-08-31',
  revokedAt: null,
  ...overrides,
});

const flow = (overrides: Partial<Flow> = {}): Flow => ({
  category: DataCategory.HEALTH_STATUS,
  fromOrganisationId: REGION,
  toOrganisationId: MUNICIPALITY,
  at: new Date('2026-05-10T08:00:00Z'),
  onDate: '2026-05-10',
  ...overrides,
});

describe('whether a consent allows data to flow', () => {
  it('allows a covered category from the source to the recipient while the consent applies', () => {
    expect(consentAllowsFlow([consent()], flow())).toBe(true);
    expect(consentAllowsFlow([consent()], flow({ category: DataCategory.FUNCTIONAL_ABILITY }))).toBe(true);
  });

  it('allows nothing without a consent', () => {
    expect(consentAllowsFlow([], flow())).toBe(false);
  });

  it('is one-way: a consent from region to municipality does not allow municipality to region', () => {
    expect(consentAllowsFlow([consent()], flow({ fromOrganisationId: MUNICIPALITY, toOrganisationId: REGION }))).toBe(false);
  });

  it('allows neither another recipient nor another source', () => {
    expect(consentAllowsFlow([consent()], flow({ toOrganisationId: AGENCY }))).toBe(false);
    expect(consentAllowsFlow([consent()], flow({ fromOrganisationId: AGENCY }))).toBe(false);
  });

  it('allows only the categories the consent covers', () => {
    expect(consentAllowsFlow([consent()], flow({ category: DataCategory.SICK_LEAVE }))).toBe(false);
    expect(consentAllowsFlow([consent({ categories: [] })], flow())).toBe(false);
  });

  it('applies from its first day to its last day inclusive, judged by the local date', () => {
    const at = (onDate: string) => flow({ onDate, at: new Date(`${onDate}T12:00:00Z`) });
    expect(consentAllowsFlow([consent()], at('2026-02-28'))).toBe(false);
    expect(consentAllowsFlow([consent()], at('2026-03-01'))).toBe(true);
    expect(consentAllowsFlow([consent()], at('2026-08-31'))).toBe(true);
    expect(consentAllowsFlow([consent()], at('2026-09-01'))).toBe(false);
    // 23:30 UTC on 31 August is already 1 September in Sweden.
    expect(consentAllowsFlow([consent()], flow({ at: new Date('2026-08-31T23:30:00Z'), onDate: '2026-09-01' }))).toBe(false);
  });

  it('allows nothing from the instant of revocation on', () => {
    const revokedAt = new Date('2026-05-10T08:00:00Z');
    expect(consentAllowsFlow([consent({ revokedAt })], flow({ at: new Date('2026-05-10T07:59:59.999Z') }))).toBe(true);
    expect(consentAllowsFlow([consent({ revokedAt })], flow({ at: new Date('2026-05-10T08:00:00Z') }))).toBe(false);
    expect(consentAllowsFlow([consent({ revokedAt })], flow({ at: new Date('2026-05-10T08:00:00.001Z') }))).toBe(false);
  });

  it('is allowed when any one of several consents matches', () => {
    const others = [
      consent({ sourceOrganisationId: MUNICIPALITY, recipientOrganisationId: REGION }),
      consent({ categories: [DataCategory.SICK_LEAVE] }),
      consent({ revokedAt: new Date('2026-04-01T00:00:00Z') }),
      consent({ validTo: '2026-04-30' }),
    ];
    expect(consentAllowsFlow(others, flow())).toBe(false);
    expect(consentAllowsFlow([...others, consent({ categories: [DataCategory.HEALTH_STATUS] })], flow())).toBe(true);
  });
});

describe('whether a consent covers a purpose', () => {
  const sip = { ...consent({ categories: [DataCategory.CARE_AND_REHAB_PLAN] }), purpose: ConsentPurpose.SIP };
  const planFlow = { ...flow({ category: DataCategory.CARE_AND_REHAB_PLAN }), purpose: ConsentPurpose.SIP };

  it('needs the purpose, the category, the direction and the period all to match', () => {
    expect(consentCoversPurpose([sip], planFlow)).toBe(true);
    expect(consentCoversPurpose([{ ...sip, purpose: ConsentPurpose.COORDINATED_DISCHARGE }], planFlow)).toBe(false);
    expect(consentCoversPurpose([sip], { ...planFlow, category: DataCategory.HEALTH_STATUS })).toBe(false);
    expect(consentCoversPurpose([sip], { ...planFlow, fromOrganisationId: MUNICIPALITY, toOrganisationId: REGION })).toBe(false);
    expect(consentCoversPurpose([{ ...sip, revokedAt: new Date('2026-05-01T00:00:00Z') }], planFlow)).toBe(false);
  });
});

describe('problems with a new consent period', () => {
  const TODAY = '2026-11-25';

  it('accepts a period from today up to exactly the longest allowed', () => {
    expect(consentPeriodProblems({ validFrom: TODAY, validTo: TODAY }, TODAY, 365)).toEqual([]);
    expect(consentPeriodProblems({ validFrom: '2026-12-01', validTo: '2027-11-25' }, TODAY, 365)).toEqual([]);
  });

  it('refuses an end before the start, on validTo', () => {
    expect(consentPeriodProblems({ validFrom: '2026-12-10', validTo: '2026-12-09' }, TODAY, 365)).toEqual([
      { field: 'validTo', message: expect.stringMatching(/before it starts/) },
    ]);
  });

  it('refuses a start before today, on validFrom: consent is not retroactive', () => {
    expect(consentPeriodProblems({ validFrom: '2026-11-24', validTo: '2026-12-31' }, TODAY, 365)).toEqual([
      { field: 'validFrom', message: expect.stringMatching(/before today/) },
    ]);
  });

  it('refuses an end more than maxDays after today, naming maxDays', () => {
    expect(consentPeriodProblems({ validFrom: TODAY, validTo: '2027-11-26' }, TODAY, 365)).toEqual([
      { field: 'validTo', message: expect.stringMatching(/365 days/) },
    ]);
    // 2028 is a leap year: 366 days after 2027-11-25 is 2028-11-25.
    expect(consentPeriodProblems({ validFrom: '2027-11-25', validTo: '2028-11-25' }, '2027-11-25', 365)).toEqual([
      { field: 'validTo', message: expect.stringMatching(/365 days/) },
    ]);
    expect(consentPeriodProblems({ validFrom: TODAY, validTo: '2026-12-26' }, TODAY, 30)).toEqual([
      { field: 'validTo', message: expect.stringMatching(/30 days/) },
    ]);
  });

  it('counts days across the change to summer time without drift', () => {
    expect(consentPeriodProblems({ validFrom: '2027-03-01', validTo: '2027-03-31' }, '2027-03-01', 30)).toEqual([]);
    expect(consentPeriodProblems({ validFrom: '2027-03-01', validTo: '2027-04-01' }, '2027-03-01', 30)).toHaveLength(1);
  });

  it('reports every problem at once', () => {
    expect(consentPeriodProblems({ validFrom: '2026-11-01', validTo: '2026-10-31' }, TODAY, 365)).toEqual([
      { field: 'validTo', message: expect.any(String) },
      { field: 'validFrom', message: expect.any(String) },
    ]);
  });
});
