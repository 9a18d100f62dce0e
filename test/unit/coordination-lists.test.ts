import { attentionCursor, birthDatesInBand, byAttention, quietSince } from '../../domain/coordination-lists';

describe("the coordinator's list: young adults and attention order", () => {
  const young = { from: 16, to: 29 };

  it('counts as a young adult whoever turned 16 and has not turned 30 on the day', () => {
    expect(birthDatesInBand(young, '2026-12-04')).toEqual({ bornAfter: '1996-12-04', bornOnOrBefore: '2010-12-04' });
  });

  it('lets someone born on 29 February turn a year older on 1 March in a common year', () => {
    // On 2028-02-29 a person born 2012-02-29 is 16; one born 2012-03-01 is not yet.
    expect(birthDatesInBand(young, '2028-02-29').bornOnOrBefore).toBe('2012-02-29');
    // On 2027-02-28 a person born 2011-03-01 is 15: the latest birth date of a 16-year-old is 2011-02-28.
    expect(birthDatesInBand(young, '2027-02-28').bornOnOrBefore).toBe('2011-02-28');
    // A leap day whose year, counted back, has none: born 2012-02-28 is 16, born 2012-03-01 is not.
    expect(birthDatesInBand({ from: 17, to: 29 }, '2029-02-28').bornOnOrBefore).toBe('2012-02-28');
    expect(birthDatesInBand({ from: 15, to: 29 }, '2028-02-29').bornOnOrBefore).toBe('2013-02-28');
  });

  it('takes a band a region set for itself', () => {
    expect(birthDatesInBand({ from: 18, to: 24 }, '2026-06-01')).toEqual({ bornAfter: '2001-06-01', bornOnOrBefore: '2008-06-01' });
  });

  it('puts the sick leave ending soonest first, then the case longest without activity, then by id', () => {
    const at = (iso: string) => new Date(iso);
    const cases = [
      { id: 'c', sickLeaveTo: '2026-12-20', lastActivityAt: at('2026-11-01T10:00:00Z') },
      { id: 'b', sickLeaveTo: '2026-12-10', lastActivityAt: at('2026-12-01T10:00:00Z') },
      { id: 'a', sickLeaveTo: '2026-12-10', lastActivityAt: at('2026-11-20T10:00:00Z') },
      { id: 'd', sickLeaveTo: '2026-12-10', lastActivityAt: at('2026-11-20T10:00:00Z') },
    ];
    expect([...cases].sort(byAttention).map((c) => c.id)).toEqual(['a', 'd', 'b', 'c']);
  });

  it('carries the sort key in the cursor, in the order of the sort', () => {
    expect(attentionCursor({ id: 'x', sickLeaveTo: '2026-12-10', lastActivityAt: new Date('2026-11-20T10:00:00Z') })).toEqual(['2026-12-10', '2026-11-20T10:00:00.000Z', 'x']);
  });

  it('counts days without activity back from now', () => {
    expect(quietSince(new Date('2026-12-04T12:00:00Z'), 14).toISOString()).toBe('2026-11-20T12:00:00.000Z');
  });
});
