import { registerEnumType } from 'type-graphql';
import { RuleParameterType } from '../../domain/rule-parameter-schema';

/** Whose value a rule parameter is. */
export enum RuleParameterOrigin {
  REGION = 'REGION',
  DEFAULT = 'DEFAULT',
}

registerEnumType(RuleParameterOrigin, {
  name: 'RuleParameterOrigin',
  description: 'Whose value a rule parameter is.',
  valuesConfig: {
    REGION: { description: "The region's own value (set by its TENANT_ADMIN, or agreed and seeded)." },
    DEFAULT: { description: 'The platform default every region without a value of its own falls back on.' },
  },
});

registerEnumType(RuleParameterType, {
  name: 'RuleParameterType',
  description: 'The kind of value a rule parameter holds; values travel as text of that kind.',
  valuesConfig: {
    INTEGER: { description: 'A whole number, e.g. "3".' },
    DECIMAL: { description: 'A number with at most two decimals, e.g. "12000" or "12000.50".' },
    TIME_OF_DAY: { description: 'A local time of day HH:MM, e.g. "14:00".' },
    ENUM: { description: 'One of the values listed in `choices`.' },
    BOOLEAN: { description: '"true" or "false".' },
  },
});
