import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeISOResolver, LocalDateResolver } from 'graphql-scalars';
import { ConsentGivenBy, ConsentPurpose, DataCategory } from '../../domain/enums';
import '../common/enums';
import { ConnectionType } from '../common/page';

export enum ConsentStatus {
  NOT_YET_VALID = 'NOT_YET_VALID',
  ACTIVE = 'ACTIVE',
  EXPIRED = 'EXPIRED',
  REVOKED = 'REVOKED',
}

registerEnumType(ConsentStatus, {
  name: 'ConsentStatus',
  description: 'Whether a consent allows data to flow today.',
  valuesConfig: {
    NOT_YET_VALID: { description: 'Its period has not started.' },
    ACTIVE: { description: 'Within its period and not revoked.' },
    EXPIRED: { description: 'Its period has ended.' },
    REVOKED: { description: 'Revoked by the patient.' },
  },
});

@ObjectType({
  description:
    "A patient's consent that data of some categories may flow from one organisation (the source) to one other (the recipient). One-way: it never lets the recipient send data back.",
})
export class Consent {
  @Field(() => ID, { description: 'Stable identifier.' })
  id: string;

  @Field(() => ID, { description: 'The patient record the consent belongs to.' })
  patientId: string;

  @Field(() => [DataCategory], { description: 'The categories of data it covers.' })
  categories: DataCategory[];

  @Field(() => ConsentPurpose, { description: 'What the data may be used for.' })
  purpose: ConsentPurpose;

  @Field(() => ConsentGivenBy, { description: 'Whether the patient or a representative gave it.' })
  givenBy: ConsentGivenBy;

  @Field(() => String, { nullable: true, description: 'Name of the representative, when one gave it.' })
  representativeName: string | null;

  @Field(() => LocalDateResolver, { description: 'First day it applies.' })
  validFrom: string;

  @Field(() => LocalDateResolver, { description: 'Last day it applies.' })
  validTo: string;

  @Field(() => DateTimeISOResolver, { description: 'When the patient (or representative) gave it, as recorded (default: when it was recorded).' })
  givenAt: Date;

  @Field(() => DateTimeISOResolver, { description: 'When it was recorded (server time).' })
  recordedAt: Date;

  @Field(() => DateTimeISOResolver, { nullable: true, description: 'When it was revoked; null while not revoked.' })
  revokedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Why it was revoked.' })
  revokeReason: string | null;

  /** Resolved through DataLoaders. */
  sourceOrganisationId: string;
  recipientOrganisationId: string;
}

@ObjectType({ description: 'A page of consents.' })
export class ConsentConnection extends ConnectionType(Consent, 'Consent', 'consent') {}

@InputType({ description: "A consent the patient has given: data may flow from the viewer's organisation to the recipient." })
export class ConsentRecordInput {
  @Field(() => ID, { description: 'The patient.' })
  patientId: string;

  @Field(() => ID, { description: "The organisation that may receive the data; not the viewer's own." })
  recipientOrganisationId: string;

  @Field(() => [DataCategory], { description: 'The categories of data it covers (at least one).' })
  categories: DataCategory[];

  @Field(() => ConsentPurpose, { description: 'What the data may be used for.' })
  purpose: ConsentPurpose;

  @Field(() => ConsentGivenBy, { nullable: true, defaultValue: ConsentGivenBy.PATIENT, description: 'Who gave it; default PATIENT.' })
  givenBy?: ConsentGivenBy;

  @Field(() => String, { nullable: true, description: 'Name of the representative; required when a representative gave it.' })
  representativeName?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'First day it applies; default today. Not before today.' })
  validFrom?: string | null;

  @Field(() => LocalDateResolver, { description: 'Last day it applies; at most the configured number of days (365 by default) after today.' })
  validTo: string;

  @Field(() => DateTimeISOResolver, {
    nullable: true,
    description: 'When the patient (or representative) gave it; default now. Not in the future, not further back than the look-back (rule parameter events.lookBackDays).',
  })
  givenAt?: Date | null;
}

@InputType({ description: 'Revocation of a consent.' })
export class ConsentRevokeInput {
  @Field(() => ID, { description: 'The consent.' })
  id: string;

  @Field({ description: 'Why it is revoked (1 to 500 characters).' })
  reason: string;
}

@ObjectType({ description: 'Result of consentRecord.' })
export class ConsentRecordPayload {
  @Field(() => Consent, { description: 'The consent as stored.' })
  consent: Consent;
}

@ObjectType({ description: 'Result of consentRevoke.' })
export class ConsentRevokePayload {
  @Field(() => Consent, { description: 'The consent, now revoked.' })
  consent: Consent;
}
