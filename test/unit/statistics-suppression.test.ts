import { suppressSmall } from '../../domain/statistics';

describe('small-cell suppression in planner statistics', () => {
  it('shows zero: it identifies nobody', () => {
    expect(suppressSmall(0, 5)).toEqual({ value: 0, suppressed: false, display: '0' });
  });

  it.each([1, 2, 3, 4])('hides %i under a threshold of 5', (count) => {
    expect(suppressSmall(count, 5)).toEqual({ value: null, suppressed: true, display: '<5' });
  });

  it.each([5, 6, 1234])('shows %i at or above the threshold', (count) => {
    expect(suppressSmall(count, 5)).toEqual({ value: count, suppressed: false, display: String(count) });
  });

  it('uses the threshold it is given', () => {
    expect(suppressSmall(4, 3)).toEqual({ value: 4, suppressed: false, display: '4' });
    expect(suppressSmall(2, 3)).toEqual({ value: null, suppressed: true, display: '<3' });
    expect(suppressSmall(9, 10)).toEqual({ value: null, suppressed: true, display: '<10' });
  });
});
