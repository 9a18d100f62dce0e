import { DatedParameter, parameterOn } from '../../domain/rule-parameters';

describe('dated rule parameters', () => {
  const params: DatedParameter[] = [
    { key: 'k', regionId: null, value: 365, validFrom: '2000-01-01', validTo: null },
    { key: 'k', regionId: null, value: 180, validFrom: '2027-01-01', validTo: null },
    { key: 'k', regionId: 'dalarna', value: 90, validFrom: '2025-01-01', validTo: '2025-12-31' },
    { key: 'other', regionId: null, value: 1, validFrom: '2000-01-01', validTo: null },
  ];

  it('gives the default that applies on the date, the later start winning', () => {
    expect(parameterOn(params, 'k', 'vastmanland', '2026-11-25')).toBe(365);
    expect(parameterOn(params, 'k', 'vastmanland', '2027-01-01')).toBe(180);
  });

  it('prefers a region\'s own value while it applies, inclusive of its last day', () => {
    expect(parameterOn(params, 'k', 'dalarna', '2025-12-31')).toBe(90);
    expect(parameterOn(params, 'k', 'dalarna', '2026-01-01')).toBe(365);
  });

  it('gives undefined when nothing applies', () => {
    expect(parameterOn(params, 'k', null, '1999-12-31')).toBeUndefined();
    expect(parameterOn(params, 'missing', null, '2026-01-01')).toBeUndefined();
  });
});
