import { Field, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { SuppressedCount } from '../common/statistics.type';
import { Organisation } from '../organisation/organisation.type';

@ObjectType({ description: 'One figure for women and men together and apart. Small counts are suppressed, and so is any other count from which a hidden one could be worked out.' })
export class CountBySex {
  @Field(() => SuppressedCount, { description: 'Women and men together.' })
  total: SuppressedCount;

  @Field(() => SuppressedCount, { description: 'Women (legal sex FEMALE).' })
  female: SuppressedCount;

  @Field(() => SuppressedCount, { description: 'Men (legal sex MALE).' })
  male: SuppressedCount;
}

@ObjectType({ description: 'SIP figures of one group of plans for a period.' })
export class SipFiguresBySex {
  @Field(() => CountBySex, { description: 'Plans started (created) in the period.' })
  started: CountBySex;

  @Field(() => CountBySex, { description: 'Plans running (activated and not yet ended) on some day of the period.' })
  active: CountBySex;

  @Field(() => CountBySex, { description: 'Follow-ups due in the period that fell due (due before today, while the plan ran).' })
  followUpsDue: CountBySex;

  @Field(() => CountBySex, { description: 'Of those, follow-ups done on or before their due date.' })
  followedUpOnTime: CountBySex;

  @Field(() => CountBySex, { description: 'Plans closed (not cancelled) in the period.' })
  closed: CountBySex;
}

@ObjectType({ description: "SIP figures of one municipality's residents." })
export class SipMunicipalityFigures {
  @Field(() => Organisation, { nullable: true, description: 'The home municipality of the persons; null for persons with none recorded.' })
  municipality: Organisation | null;

  @Field(() => SipFiguresBySex, { description: 'The figures.' })
  figures: SipFiguresBySex;
}

@ObjectType({ description: "SIP figures of a region for planners: aggregates by municipality and sex, never patient rows." })
export class SipStatistics {
  @Field(() => LocalDateResolver, { description: 'First day counted.' })
  from: string;

  @Field(() => LocalDateResolver, { description: 'Last day counted.' })
  to: string;

  @Field(() => Int, { description: 'Counts from 1 up to this value less one are shown as "<threshold"; counts hidden so that those cannot be worked out are shown as "..".' })
  smallCellThreshold: number;

  @Field(() => SipFiguresBySex, { description: 'The whole region.' })
  region: SipFiguresBySex;

  @Field(() => [SipMunicipalityFigures], { description: 'Every municipality of the region by name (then persons with no municipality recorded, if any).' })
  byMunicipality: SipMunicipalityFigures[];
}
