import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { CareLevel } from '../../domain/enums';
import '../common/enums';
import { CareUnit } from './care-unit.type';

@InputType({ description: 'Which care units to list. All conditions must hold.' })
export class CareUnitFilter {
  @Field(() => ID, { nullable: true, description: 'Only units of this organisation.' })
  organisationId?: string | null;

  @Field(() => CareLevel, { nullable: true, description: 'Only units at this care level.' })
  careLevel?: CareLevel | null;
}

@InputType({ description: 'A new care unit of an organisation in the viewer\'s region.' })
export class CareUnitCreateInput {
  @Field(() => ID, { description: 'The organisation the unit belongs to.' })
  organisationId: string;

  @Field({ description: 'Name of the unit (1 to 200 characters).' })
  name: string;

  @Field(() => CareLevel, { description: 'Care level the unit works at.' })
  careLevel: CareLevel;

  @Field(() => String, { nullable: true, description: 'HSA-id, e.g. SE2321000131-E000000000001; unique.' })
  hsaId?: string | null;
}

@InputType({ description: 'Changes to a care unit. Omitted fields stay as they are; null clears the HSA-id.' })
export class CareUnitUpdateInput {
  @Field(() => ID, { description: 'The care unit to change.' })
  id: string;

  @Field(() => String, { nullable: true, description: 'New name (1 to 200 characters).' })
  name?: string | null;

  @Field(() => CareLevel, { nullable: true, description: 'New care level.' })
  careLevel?: CareLevel | null;

  @Field(() => String, { nullable: true, description: 'New HSA-id; null removes it.' })
  hsaId?: string | null;
}

@ObjectType({ description: 'Result of careUnitCreate.' })
export class CareUnitCreatePayload {
  @Field(() => CareUnit, { description: 'The care unit as stored.' })
  careUnit: CareUnit;
}

@ObjectType({ description: 'Result of careUnitUpdate.' })
export class CareUnitUpdatePayload {
  @Field(() => CareUnit, { description: 'The care unit as stored after the change.' })
  careUnit: CareUnit;
}
