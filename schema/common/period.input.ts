import { Field, InputType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';

@InputType({ description: 'A period of local dates, both days included.' })
export class PeriodInput {
  @Field(() => LocalDateResolver, { description: 'First day.' })
  from: string;

  @Field(() => LocalDateResolver, { description: 'Last day (at most 3 years after the first).' })
  to: string;
}
