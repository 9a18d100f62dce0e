import { Field, ObjectType } from 'type-graphql';
import { SuppressedCount } from './statistics.type';

@ObjectType({ description: 'One figure for women and men together and apart. Small counts are suppressed, and so is any other count from which a hidden one could be worked out.' })
export class CountBySex {
  @Field(() => SuppressedCount, { description: 'Women and men together.' })
  total: SuppressedCount;

  @Field(() => SuppressedCount, { description: 'Women (legal sex FEMALE).' })
  female: SuppressedCount;

  @Field(() => SuppressedCount, { description: 'Men (legal sex MALE).' })
  male: SuppressedCount;
}
