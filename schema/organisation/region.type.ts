import { Field, ID, ObjectType } from 'type-graphql';
import { Country } from '../../domain/enums';
import '../common/enums';
import { ConnectionType } from '../common/page';

@ObjectType({ description: 'A tenant: a Swedish county region (län) or Åland, with its principals and actors.' })
export class Region {
  @Field(() => ID, { description: 'Stable identifier.' })
  id: string;

  @Field(() => Country, { description: 'Country the region lies in.' })
  country: Country;

  @Field({ description: 'Official 2-digit code: the SCB county code in Sweden (20 = Dalarna), the region code in Finland (21 = Åland).' })
  code: string;

  @Field({ description: 'Name of the region, e.g. "Dalarna".' })
  name: string;

  @Field({ description: 'IANA time zone used for local-date deadline rules, e.g. Europe/Stockholm.' })
  timeZone: string;
}

@ObjectType({ description: 'A page of regions.' })
export class RegionConnection extends ConnectionType(Region, 'Region', 'region') {}
