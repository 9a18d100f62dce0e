import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeISOResolver, LocalDateResolver } from 'graphql-scalars';
import { IdentityNumberKind, LegalSex } from '../../domain/enums';
import '../common/enums';
import { ConnectionType } from '../common/page';

@ObjectType({
  description:
    "One principal's record of a person. Visible only to the organisation that keeps it and to organisations taking part in the person's case; every read is logged.",
})
export class Patient {
  @Field(() => ID, { description: 'Stable identifier of this record.' })
  id: string;

  @Field({ description: 'Personnummer or samordningsnummer, as YYYYMMDD-NNNN.' })
  personnummer: string;

  @Field({ description: 'True for an example person seeded to show the platform (never a real person): everything recorded about them is example data, left out of statistics.' })
  example: boolean;

  @Field(() => IdentityNumberKind, { description: 'Whether the number is a personnummer or a samordningsnummer.' })
  identityKind: IdentityNumberKind;

  @Field(() => LocalDateResolver, { description: 'Date of birth, from the identity number.' })
  birthDate: string;

  @Field(() => LegalSex, { description: 'Legal sex, from the identity number.' })
  legalSex: LegalSex;

  @Field(() => String, { nullable: true, description: 'Given name; null when withheld (protected identity) or not recorded.' })
  givenName: string | null;

  @Field(() => String, { nullable: true, description: 'Family name; null when withheld (protected identity) or not recorded.' })
  familyName: string | null;

  @Field(() => String, { nullable: true, description: 'Address; null when withheld (protected identity) or not recorded.' })
  address: string | null;

  @Field({ description: 'Protected identity (skyddad identitet): name and address never leave the organisation that keeps the record.' })
  protectedIdentity: boolean;

  @Field({ description: 'True when name and address are withheld from you because the identity is protected.' })
  detailsWithheld: boolean;

  @Field(() => Int, { description: 'Version of the record; pass it to patientUpdate to guard against lost updates.' })
  version: number;

  @Field(() => DateTimeISOResolver, { description: 'When the record was created.' })
  createdAt: Date;

  @Field(() => DateTimeISOResolver, { description: 'When the record last changed.' })
  updatedAt: Date;

  /** Resolved through DataLoaders. */
  ownerOrganisationId: string;
  homeMunicipalityId: string | null;
  listedCareUnitId: string | null;
}

@ObjectType({ description: 'A page of patients.' })
export class PatientConnection extends ConnectionType(Patient, 'Patient', 'patient') {}
