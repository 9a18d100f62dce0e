import { Field, Float, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A figure that belongs to a count in planner statistics (visits, an amount, a mean): hidden wherever that count is, since it speaks of the same few persons.' })
export class DerivedFigure {
  @Field(() => Float, { nullable: true, description: 'The figure; null when hidden, for a mean over nobody, or for an amount not agreed.' })
  value: number | null;

  @Field({ description: 'True when the figure is hidden.' })
  suppressed: boolean;

  @Field({ description: 'What to show: the figure (a mean to two decimals), ".." when hidden, "–" for a mean over nobody or an amount not agreed.' })
  display: string;
}

@ObjectType({ description: 'A figure that belongs to a count, for women and men together and apart, hidden wherever the count is.' })
export class DerivedFigureBySex {
  @Field(() => DerivedFigure, { description: 'Women and men together.' })
  total: DerivedFigure;

  @Field(() => DerivedFigure, { description: 'Women (legal sex FEMALE).' })
  female: DerivedFigure;

  @Field(() => DerivedFigure, { description: 'Men (legal sex MALE).' })
  male: DerivedFigure;
}
