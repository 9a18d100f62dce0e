import { hsaIdProblem } from '../../domain/hsa-id';
import type { Access } from '../../server/access/access';
import { CareUnitRow } from '../../server/access/rows';
import { BadUserInputError } from '../../schema/common/errors';
import { CareUnitCreateInput, CareUnitUpdateInput } from '../../schema/organisation/care-unit.input';
import { idArg } from '../common/args';
import { nameArg } from './organisation.service';

function hsaIdArg(value: string | null): string | null {
  if (value === null) return null;
  const problem = hsaIdProblem(value.trim());
  if (problem) throw new BadUserInputError(`hsaId: ${problem}`, 'hsaId');
  return value.trim();
}

export function createCareUnit(access: Access, input: CareUnitCreateInput): Promise<CareUnitRow> {
  return access.reference.createCareUnit({
    organisationId: idArg(input.organisationId, 'organisationId'),
    name: nameArg(input.name),
    careLevel: input.careLevel,
    hsaId: hsaIdArg(input.hsaId ?? null),
  });
}

export function updateCareUnit(access: Access, input: CareUnitUpdateInput): Promise<CareUnitRow> {
  const patch: Partial<Pick<CareUnitRow, 'name' | 'careLevel' | 'hsaId'>> = {};
  if (input.name !== undefined) {
    if (input.name === null) throw new BadUserInputError('name cannot be removed', 'name');
    patch.name = nameArg(input.name);
  }
  if (input.careLevel !== undefined) {
    if (input.careLevel === null) throw new BadUserInputError('careLevel cannot be removed', 'careLevel');
    patch.careLevel = input.careLevel;
  }
  if (input.hsaId !== undefined) patch.hsaId = hsaIdArg(input.hsaId);
  return access.reference.updateCareUnit(input.id, patch);
}
