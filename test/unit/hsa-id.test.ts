import { hsaIdProblem } from '../../domain/hsa-id';

describe('HSA-id', () => {
  it('accepts SE, a 10-digit organisation number, a hyphen and an extension', () => {
    expect(hsaIdProblem('SE2321000131-E000000000001')).toBeNull();
    expect(hsaIdProblem('SE2321000180-1234')).toBeNull();
  });

  it('refuses other shapes', () => {
    for (const bad of ['2321000131-E000000000001', 'SE232100013-E1', 'SE2321000131E000000000001', 'SE2321000131-', 'SE2321000131-E 1', 'se2321000131-E1']) {
      expect(hsaIdProblem(bad)).not.toBeNull();
    }
  });

  it('refuses more than 31 characters', () => {
    expect(hsaIdProblem(`SE2321000131-${'E'.repeat(19)}`)).toMatch(/31/);
    expect(hsaIdProblem(`SE2321000131-${'E'.repeat(18)}`)).toBeNull();
  });
});
