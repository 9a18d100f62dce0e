import { Field, Float, ID, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { OrganisationKind } from '../../domain/enums';
import '../common/enums';
import { ConnectionType } from '../common/page';

@ObjectType({ description: 'A principal (region, municipality) or an actor (association, agency, provider, employer).' })
export class Organisation {
  @Field(() => ID, { description: 'Stable identifier. Seeded organisations have the same id on every deployment.' })
  id: string;

  @Field(() => OrganisationKind, { description: 'What kind of organisation this is.' })
  kind: OrganisationKind;

  @Field({ description: 'Official name, e.g. "Mora kommun".' })
  name: string;

  @Field(() => String, { nullable: true, description: 'Official municipality code (4 digits in Sweden, 3 in Finland); only for municipalities.' })
  municipalityCode: string | null;

  @Field(() => String, { nullable: true, description: 'Organisation number (organisationsnummer or business id), when known.' })
  organisationNumber: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Date the organisation was founded, when known (e.g. for coordination associations).' })
  establishedOn: string | null;

  @Field({ description: 'True for example data seeded to show the platform (e.g. the example provider on Åland): not a real organisation.' })
  example: boolean;
}

@ObjectType({ description: 'A page of organisations.' })
export class OrganisationConnection extends ConnectionType(Organisation, 'Organisation', 'organisation') {}

@ObjectType({ description: 'Membership of an organisation in a coordination association (samordningsförbund), with its financing share.' })
export class AssociationMember {
  @Field(() => ID, { description: 'Stable identifier of the membership.' })
  id: string;

  /** Resolved by the organisation resolver through a DataLoader. */
  associationId: string;

  /** Resolved by the organisation resolver through a DataLoader. */
  memberId: string;

  @Field(() => Float, {
    nullable: true,
    description: 'Share of the association\'s financing in percent (e.g. 25 for 25 %); null when not known.',
  })
  financingShare: number | null;

  @Field(() => String, { nullable: true, description: 'Remark on the membership, e.g. which city districts it covers.' })
  note: string | null;
}
