import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A count in planner statistics: counts from 1 up to the small-cell threshold are suppressed, since small numbers identify people.' })
export class SuppressedCount {
  @Field(() => Int, { nullable: true, description: 'The count; null when suppressed.' })
  value: number | null;

  @Field({ description: 'True when the count is hidden.' })
  suppressed: boolean;

  @Field({ description: 'What to show: the count, or "<5" (the threshold) when suppressed.' })
  display: string;
}
