import { Country } from '../../domain/enums';
import { regionCodeProblem } from '../../domain/region-codes';
import { formatParameterValue, RULE_PARAMETER_SCHEMAS } from '../../domain/rule-parameter-schema';
import { BadUserInputError } from '../../schema/common/errors';
import { RuleParameterOrigin } from '../../schema/rule-parameter/rule-parameter.enums';
import type { RuleParameterSetInput } from '../../schema/rule-parameter/rule-parameter.input';
import type { RuleParameter } from '../../schema/rule-parameter/rule-parameter.type';
import type { Access } from '../../server/access/access';
import type { RuleParameterRow } from '../../server/access/rows';

/** The id of the region a code names, null when none does (the store answers NOT_FOUND). */
export async function regionIdOf(access: Access, country: Country, regionCode: string): Promise<string | null> {
  access.requireViewer();
  const problem = regionCodeProblem(country, regionCode);
  if (problem) throw new BadUserInputError(`regionCode: ${problem}`, 'regionCode');
  return (await access.reference.regionByCode(country, regionCode))?.id ?? null;
}

/** A stored value with what its key's schema says about it. */
export function toRuleParameter(row: RuleParameterRow): RuleParameter {
  const schema = RULE_PARAMETER_SCHEMAS[row.key];
  return {
    id: row.id,
    key: row.key,
    value: formatParameterValue(row.value),
    type: schema?.type ?? null,
    unit: schema?.unit ?? null,
    min: schema?.min ?? null,
    max: schema?.max ?? null,
    choices: schema?.choices ? [...schema.choices] : null,
    description: schema?.description ?? row.source ?? row.key,
    validFrom: row.validFrom,
    validTo: row.validTo,
    origin: row.regionId === null ? RuleParameterOrigin.DEFAULT : RuleParameterOrigin.REGION,
    source: row.source,
    setByUserId: row.setByUserId,
    setByOrganisationId: row.setByOrganisationId,
    setAt: row.setAt,
  };
}

export async function setRuleParameter(access: Access, input: RuleParameterSetInput): Promise<RuleParameter> {
  const regionId = await regionIdOf(access, input.country, input.regionCode);
  const row = await access.ruleParameters.set(regionId, input.regionCode, { key: input.key, value: input.value ?? null, validFrom: input.validFrom });
  return toRuleParameter(row);
}
