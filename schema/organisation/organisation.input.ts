import { Field, Float, ID, InputType, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { Country, OrganisationKind } from '../../domain/enums';
import '../common/enums';
import { Organisation } from './organisation.type';

@InputType({ description: 'Which organisations to list. All conditions must hold.' })
export class OrganisationFilter {
  @Field(() => String, { nullable: true, description: 'Only organisations of the region with this 2-digit code.' })
  regionCode?: string | null;

  @Field(() => Country, { nullable: true, description: 'Country of `regionCode`; default SE.' })
  country?: Country | null;

  @Field(() => OrganisationKind, { nullable: true, description: 'Only organisations of this kind.' })
  kind?: OrganisationKind | null;

  @Field(() => String, { nullable: true, description: 'Only organisations whose name contains this text (case-insensitive, at most 100 characters).' })
  search?: string | null;
}

@InputType({ description: 'A member of a coordination association and its financing share.' })
export class AssociationMemberInput {
  @Field(() => ID, { description: 'The member organisation.' })
  organisationId: string;

  @Field(() => Float, { nullable: true, description: 'Financing share in percent (0 < share ≤ 100, two decimals); omit when not known.' })
  financingShare?: number | null;

  @Field(() => String, { nullable: true, description: 'Remark on the membership.' })
  note?: string | null;
}

@InputType({ description: 'A new organisation in the viewer\'s region.' })
export class OrganisationCreateInput {
  @Field(() => OrganisationKind, { description: 'What kind of organisation it is.' })
  kind: OrganisationKind;

  @Field({ description: 'Official name (1 to 200 characters).' })
  name: string;

  @Field(() => String, { nullable: true, description: 'Official municipality code; required for, and only for, municipalities.' })
  municipalityCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Organisation number, when known.' })
  organisationNumber?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Date the organisation was founded.' })
  establishedOn?: string | null;

  @Field(() => [AssociationMemberInput], { nullable: true, description: 'Members with financing shares; only for coordination associations.' })
  members?: AssociationMemberInput[] | null;
}

@InputType({ description: 'Changes to an organisation of the viewer\'s region. Omitted fields stay as they are; null clears an optional field.' })
export class OrganisationUpdateInput {
  @Field(() => ID, { description: 'The organisation to change.' })
  id: string;

  @Field(() => String, { nullable: true, description: 'New official name (1 to 200 characters).' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'New municipality code; only for municipalities.' })
  municipalityCode?: string | null;

  @Field(() => String, { nullable: true, description: 'New organisation number.' })
  organisationNumber?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'New founding date.' })
  establishedOn?: string | null;

  @Field(() => [AssociationMemberInput], { nullable: true, description: 'Replaces all members of a coordination association.' })
  members?: AssociationMemberInput[] | null;
}

@ObjectType({ description: 'Result of organisationCreate.' })
export class OrganisationCreatePayload {
  @Field(() => Organisation, { description: 'The organisation as stored.' })
  organisation: Organisation;
}

@ObjectType({ description: 'Result of organisationUpdate.' })
export class OrganisationUpdatePayload {
  @Field(() => Organisation, { description: 'The organisation as stored after the change.' })
  organisation: Organisation;
}
