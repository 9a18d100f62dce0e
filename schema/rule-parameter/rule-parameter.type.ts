import { Field, Float, ID, ObjectType } from 'type-graphql';
import { DateTimeISOResolver, LocalDateResolver } from 'graphql-scalars';
import { RuleParameterType } from '../../domain/rule-parameter-schema';
import { ConnectionType } from '../common/page';
import { RuleParameterOrigin } from './rule-parameter.enums';

@ObjectType({
  description:
    'A dated rule parameter: a value the law, an agreement or the platform sets (deadlines, amounts, thresholds, codes), valid over a period, for one region or as the default. A case uses the values in force on its start date.',
})
export class RuleParameter {
  @Field(() => ID, { description: 'Stable identifier of this value.' })
  id: string;

  @Field({ description: 'What it configures, e.g. "discharge.dailyAmount".' })
  key: string;

  @Field(() => String, { nullable: true, description: 'The value as text of its `type` (e.g. "12000", "14:00", "CALENDAR"); null where the key allows no value (a rule turned off, no amount agreed).' })
  value: string | null;

  @Field(() => RuleParameterType, { nullable: true, description: 'The kind of value; null for a key no region can set.' })
  type: RuleParameterType | null;

  @Field(() => String, { nullable: true, description: 'Unit of a number (days, hours, SEK, people); null for other values.' })
  unit: string | null;

  @Field(() => Float, { nullable: true, description: 'Smallest value a region may set; null where there is no range.' })
  min: number | null;

  @Field(() => Float, { nullable: true, description: 'Largest value a region may set; null where there is no range.' })
  max: number | null;

  @Field(() => [String], { nullable: true, description: 'The values an ENUM allows; null for other types.' })
  choices: string[] | null;

  @Field({ description: 'What the key means.' })
  description: string;

  @Field(() => LocalDateResolver, { description: 'First day this value applies.' })
  validFrom: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Last day this value applies; null while open-ended.' })
  validTo: string | null;

  @Field(() => RuleParameterOrigin, { description: "The region's own value or the default." })
  origin: RuleParameterOrigin;

  @Field(() => String, { nullable: true, description: 'Where the value comes from (a law, an agreement, a region\'s decision).' })
  source: string | null;

  @Field(() => String, { nullable: true, description: 'The user who set it through the API (the token subject); null for seeded values.' })
  setByUserId: string | null;

  @Field(() => ID, { nullable: true, description: 'The organisation that user acted for; null for seeded values.' })
  setByOrganisationId: string | null;

  @Field(() => DateTimeISOResolver, { nullable: true, description: 'When it was set (the server\'s clock); null for seeded values.' })
  setAt: Date | null;
}

@ObjectType({ description: 'A page of the values a rule parameter has had.' })
export class RuleParameterConnection extends ConnectionType(RuleParameter, 'RuleParameter', 'rule parameter value') {}

@ObjectType({ description: 'The result of ruleParameterSet.' })
export class RuleParameterSetPayload {
  @Field(() => RuleParameter, { description: 'The new value.' })
  ruleParameter: RuleParameter;
}
