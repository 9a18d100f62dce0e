import { Field, InputType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { Country } from '../../domain/enums';
import '../common/enums';

@InputType({ description: 'A new value of a rule parameter for your region, from a date on (TENANT_ADMIN).' })
export class RuleParameterSetInput {
  @Field({ description: 'Your region, e.g. "20" (Dalarna).' })
  regionCode: string;

  @Field(() => Country, { nullable: true, defaultValue: Country.SE, description: 'Country of `regionCode`; default SE.' })
  country: Country;

  @Field({ description: 'The parameter, e.g. "discharge.lateSendCutoff" (ruleParameters lists them with their types and ranges).' })
  key: string;

  @Field(() => String, { nullable: true, description: 'The value as text of the key\'s type (e.g. "14:00", "12000", "CALENDAR"); null where the key allows no value (turns a rule off).' })
  value: string | null;

  @Field(() => LocalDateResolver, { description: "First day it applies: today in the region or later, and after the region's latest value of the key. Cases started before keep the values of their start date." })
  validFrom: string;
}
