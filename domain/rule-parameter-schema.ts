import { PARAMETER } from './rule-parameters';

/** The kinds of value a rule parameter holds; the API carries every value as text of its kind. */
export enum RuleParameterType {
  INTEGER = 'INTEGER',
  DECIMAL = 'DECIMAL',
  TIME_OF_DAY = 'TIME_OF_DAY',
  ENUM = 'ENUM',
  BOOLEAN = 'BOOLEAN',
}

/** What a key holds: its type, range or choices, unit, and what it means. */
export interface RuleParameterSchema {
  type: RuleParameterType;
  description: string;
  /** Unit of the number (days, hours, SEK), null for values without one. */
  unit: string | null;
  min?: number;
  max?: number;
  /** ENUM: the values allowed. */
  choices?: readonly string[];
  /** Whether "no value" (null) may be set: the rule is off, or no amount is agreed. */
  nullable?: boolean;
}

const integer = (description: string, unit: string, min: number, max: number): RuleParameterSchema => ({ type: RuleParameterType.INTEGER, description, unit, min, max });
const kvaCode = (use: string): RuleParameterSchema => ({
  type: RuleParameterType.ENUM,
  description: `The KVÅ code a SIP step "${use}" is recorded with (Socialstyrelsen may renumber).`,
  unit: null,
  // The codes the KVÅ table knows for SIP work; a new code comes with its row in entities/seed/kva-codes.ts.
  choices: ['AU124', 'UX301'],
});

/**
 * Every key a region may set, with its schema. A key the platform reads but a region must not
 * change is simply not here (it is refused as unknown).
 */
export const RULE_PARAMETER_SCHEMAS: Readonly<Record<string, RuleParameterSchema>> = {
  [PARAMETER.CONSENT_MAX_VALIDITY_DAYS]: integer('Longest period, in days from today, a consent may be recorded for.', 'days', 1, 3650),
  [PARAMETER.DISCHARGE_ADMISSION_NOTICE_HOURS]: integer('Hours after admission within which the admission notice is due (lag 2017:612).', 'hours', 1, 168),
  [PARAMETER.DISCHARGE_SIP_CALL_OUT_DAYS]: integer('Calendar days after the discharge-ready notice within which the SIP meeting is called.', 'days', 1, 30),
  [PARAMETER.DISCHARGE_LIABILITY_AFTER_DAYS]: integer('Days after the discharge-ready notice (with both notices had) before municipal payment liability starts.', 'days', 0, 30),
  [PARAMETER.DISCHARGE_LIABILITY_AFTER_DAYS_PSYCHIATRY]: integer('As discharge.liabilityAfterDays, for psychiatric inpatient care.', 'days', 0, 30),
  [PARAMETER.DISCHARGE_LIABILITY_DAY_KIND]: {
    type: RuleParameterType.ENUM,
    description: 'Whether the liability days count calendar days or working days.',
    unit: null,
    choices: ['CALENDAR', 'WORKING'],
  },
  [PARAMETER.DISCHARGE_DAILY_AMOUNT]: {
    type: RuleParameterType.DECIMAL,
    description: 'Amount the municipality pays per day of payment liability; null where none is agreed.',
    unit: 'SEK',
    min: 0,
    max: 1_000_000,
    nullable: true,
  },
  [PARAMETER.DISCHARGE_LATE_SEND_CUTOFF]: {
    type: RuleParameterType.TIME_OF_DAY,
    description: 'Local time (HH:MM) after which a SIP call-out counts as sent the next working day; null turns the rule off.',
    unit: null,
    nullable: true,
  },
  [PARAMETER.EVENTS_LOOK_BACK_DAYS]: integer(
    'How many days back an event time may be reported (a discharge, an admission, a SIP meeting or follow-up, a consent given); older is refused.',
    'days',
    1,
    365,
  ),
  [PARAMETER.STATISTICS_SMALL_CELL_THRESHOLD]: integer('Planner statistics show counts below this value as "<value" (small numbers identify people).', 'people', 3, 100),
  [PARAMETER.REPORTS_MAX_PERIOD_MONTHS]: integer('The longest period a planner report covers in one request, in calendar months (each month is a column of the report).', 'months', 1, 120),
  [PARAMETER.COORDINATION_YOUNG_ADULT_FROM_AGE]: integer('Youngest age, in whole years, of the "young adults" of the coordinator\'s lists and statistics.', 'years', 0, 120),
  [PARAMETER.COORDINATION_YOUNG_ADULT_TO_AGE]: integer('Oldest age, in whole years, of the "young adults" of the coordinator\'s lists and statistics.', 'years', 0, 120),
  [`${PARAMETER.SIP_KVA_CODE_PREFIX}ESTABLISH`]: kvaCode('ESTABLISH'),
  [`${PARAMETER.SIP_KVA_CODE_PREFIX}FOLLOW_UP`]: kvaCode('FOLLOW_UP'),
};

/** A parsed value, or why the text is not one, in words a client shows. */
export type ParsedValue = { value: unknown } | { problem: string };

const INTEGER = /^-?\d{1,9}$/;
const DECIMAL = /^-?\d{1,12}(\.\d{1,2})?$/;
const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;

function inRange(n: number, s: RuleParameterSchema): ParsedValue {
  if ((s.min !== undefined && n < s.min) || (s.max !== undefined && n > s.max)) return { problem: `must be from ${s.min} to ${s.max}${s.unit ? ` ${s.unit}` : ''}` };
  return { value: n };
}

/** The stored value of `text` under `schema` (null: no value, where the key allows it). */
export function parseParameterValue(schema: RuleParameterSchema, text: string | null): ParsedValue {
  if (text === null) return schema.nullable ? { value: null } : { problem: 'must have a value' };
  switch (schema.type) {
    case RuleParameterType.INTEGER:
      return INTEGER.test(text) ? inRange(Number(text), schema) : { problem: 'must be a whole number' };
    case RuleParameterType.DECIMAL:
      return DECIMAL.test(text) ? inRange(Number(text), schema) : { problem: 'must be a number with at most two decimals, e.g. 12000 or 12000.50' };
    case RuleParameterType.TIME_OF_DAY:
      return TIME_OF_DAY.test(text) ? { value: text } : { problem: 'must be a time of day HH:MM, e.g. 14:00' };
    case RuleParameterType.ENUM:
      return schema.choices!.includes(text) ? { value: text } : { problem: `must be one of ${schema.choices!.join(', ')}` };
    case RuleParameterType.BOOLEAN:
      return text === 'true' || text === 'false' ? { value: text === 'true' } : { problem: 'must be true or false' };
  }
}

/** A stored value as the API's text (null stays null). */
export function formatParameterValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
