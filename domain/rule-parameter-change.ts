import { parseParameterValue, RULE_PARAMETER_SCHEMAS } from './rule-parameter-schema';

/** A region's own value of one key, as the decision needs it. */
export interface OwnParameterValue {
  id: string;
  validFrom: string;
  validTo: string | null;
}

export interface RuleParameterSetRequest {
  key: string;
  /** The value as text of the key's type; null: no value (where the key allows it). */
  value: string | null;
  validFrom: string;
}

/** The change: the new row, and the region's open-ended row it ends (the day before it starts). */
export interface RuleParameterChange {
  insert: { key: string; value: unknown; validFrom: string };
  close: { id: string; validTo: string } | null;
}

export interface RuleParameterRefusal {
  refused: { field: 'key' | 'value' | 'validFrom'; message: string };
}

const DAY_MS = 86_400_000;
const dayBefore = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);

/**
 * Whether a region may set `request` given its own values of the key and its today. Never
 * retroactive: a value starts today at the earliest, so a case that started before keeps what was
 * in force on its start date (every case reads parameters on its start date). The open-ended value
 * it follows ends the day before; a value already scheduled for that day or later is not replaced
 * silently (refused on validFrom: set a later date, or correct it from a later date).
 */
export function decideRuleParameterSet(request: RuleParameterSetRequest, own: readonly OwnParameterValue[], today: string): RuleParameterChange | RuleParameterRefusal {
  const schema = RULE_PARAMETER_SCHEMAS[request.key];
  if (!schema) return { refused: { field: 'key', message: `key: no rule parameter ${request.key} can be set` } };
  const parsed = parseParameterValue(schema, request.value);
  if ('problem' in parsed) return { refused: { field: 'value', message: `value: ${request.key} ${parsed.problem}` } };
  if (request.validFrom < today) return { refused: { field: 'validFrom', message: `validFrom: a value cannot start before today (${today}) in the region` } };
  const open = own.find((p) => p.validTo === null) ?? null;
  if (open && open.validFrom >= request.validFrom) {
    return { refused: { field: 'validFrom', message: `validFrom: the region's value from ${open.validFrom} is the latest; a new value must start after it` } };
  }
  return {
    insert: { key: request.key, value: parsed.value, validFrom: request.validFrom },
    close: open ? { id: open.id, validTo: dayBefore(request.validFrom) } : null,
  };
}
