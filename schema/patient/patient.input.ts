import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Patient } from './patient.type';

@InputType({ description: 'Which patients to list, among those you may see.' })
export class PatientFilter {
  @Field(() => String, { nullable: true, description: 'Exactly this personnummer or samordningsnummer (any common format).' })
  personnummer?: string | null;
}

@InputType({ description: "A new record of a person, kept by the viewer's organisation (a region or municipality)." })
export class PatientCreateInput {
  @Field({ description: 'Personnummer or samordningsnummer: YYYYMMDD-NNNN, YYMMDD-NNNN or YYMMDD+NNNN for 100 years or older.' })
  personnummer: string;

  @Field(() => String, { nullable: true, description: 'Given name (at most 200 characters).' })
  givenName?: string | null;

  @Field(() => String, { nullable: true, description: 'Family name (at most 200 characters).' })
  familyName?: string | null;

  @Field(() => String, { nullable: true, description: 'Address (at most 500 characters).' })
  address?: string | null;

  @Field({ nullable: true, defaultValue: false, description: 'Protected identity (skyddad identitet); default false.' })
  protectedIdentity?: boolean;

  @Field(() => String, { nullable: true, description: 'Official code of the home municipality, e.g. 2062 (Mora).' })
  homeMunicipalityCode?: string | null;

  @Field(() => ID, { nullable: true, description: 'The primary care unit (vårdcentral) the person is listed at, when known.' })
  listedCareUnitId?: string | null;
}

@InputType({ description: 'Changes to a record your organisation keeps. Omitted fields stay; null clears. The identity number never changes.' })
export class PatientUpdateInput {
  @Field(() => ID, { description: 'The patient record.' })
  id: string;

  @Field(() => Int, { description: 'The version of the record you read; a stale version is a CONFLICT and nothing is written.' })
  version: number;

  @Field(() => String, { nullable: true, description: 'New given name.' })
  givenName?: string | null;

  @Field(() => String, { nullable: true, description: 'New family name.' })
  familyName?: string | null;

  @Field(() => String, { nullable: true, description: 'New address.' })
  address?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'New protected-identity flag.' })
  protectedIdentity?: boolean | null;

  @Field(() => String, { nullable: true, description: 'New home municipality code.' })
  homeMunicipalityCode?: string | null;

  @Field(() => ID, { nullable: true, description: 'New listed primary care unit.' })
  listedCareUnitId?: string | null;
}

@ObjectType({ description: 'Result of patientCreate.' })
export class PatientCreatePayload {
  @Field(() => Patient, { description: 'The record as stored.' })
  patient: Patient;
}

@ObjectType({ description: 'Result of patientUpdate.' })
export class PatientUpdatePayload {
  @Field(() => Patient, { description: 'The record as stored after the change.' })
  patient: Patient;
}
