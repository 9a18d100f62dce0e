import { Field, ID, ObjectType } from 'type-graphql';
import { CareLevel } from '../../domain/enums';
import '../common/enums';
import { ConnectionType } from '../common/page';

@ObjectType({ description: 'A care unit (ward, vårdcentral, home rehabilitation team) of an organisation, at one care level.' })
export class CareUnit {
  @Field(() => ID, { description: 'Stable identifier.' })
  id: string;

  @Field({ description: 'Name of the unit, e.g. "Mora lasarett".' })
  name: string;

  @Field(() => CareLevel, { description: 'Care level the unit works at.' })
  careLevel: CareLevel;

  @Field(() => String, { nullable: true, description: 'HSA-id of the unit in the national catalogue, when known (e.g. SE2321000131-E000000000001).' })
  hsaId: string | null;

  /** Resolved through a DataLoader. */
  organisationId: string;
}

@ObjectType({ description: 'A page of care units.' })
export class CareUnitConnection extends ConnectionType(CareUnit, 'CareUnit', 'care unit') {}
