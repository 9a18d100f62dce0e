import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { DateTimeISOResolver } from 'graphql-scalars';
import { AuditOutcome, AuditRecordType } from '../../domain/audit';
import '../common/enums';
import { ConnectionType } from '../common/page';

@ObjectType({ description: 'An access to a patient\'s data as the patient may learn of it: which organisation and care unit, when, and what.' })
export class PatientAccess {
  @Field(() => ID, { description: 'Position in the access log.' })
  id: string;

  @Field(() => DateTimeISOResolver, { description: 'When the access happened.' })
  at: Date;

  @Field({ description: 'The operation, e.g. patient, patientUpdate, consentRecord.' })
  action: string;

  @Field(() => AuditRecordType, { description: 'What kind of record was touched.' })
  recordType: AuditRecordType;

  @Field(() => AuditOutcome, { description: 'Whether it was allowed.' })
  outcome: AuditOutcome;

  /** Resolved through DataLoaders. */
  organisationId: string | null;
  careUnitId: string | null;
}

@ObjectType({ description: 'A page of accesses to one patient\'s data.' })
export class PatientAccessConnection extends ConnectionType(PatientAccess, 'PatientAccess', 'access') {}

@ObjectType({ description: 'A row of the access log, for systematic follow-up by a tenant administrator.' })
export class AccessLogEntry extends PatientAccess {
  @Field(() => ID, { nullable: true, description: 'The request that made the access (the x-request-id response header).' })
  requestId: string | null;

  @Field(() => String, { nullable: true, description: 'The user (token subject); null for unauthenticated attempts.' })
  userId: string | null;

  @Field(() => [String], { description: 'The roles the user held.' })
  roles: string[];

  @Field(() => ID, { nullable: true, description: 'The patient record concerned, when known.' })
  patientId: string | null;

  @Field(() => ID, { nullable: true, description: 'The record concerned (patient, consent), when known.' })
  recordId: string | null;
}

@ObjectType({ description: 'A page of access-log rows.' })
export class AccessLogEntryConnection extends ConnectionType(AccessLogEntry, 'AccessLogEntry', 'access-log row') {}

@InputType({ description: 'Which access-log rows of your region to review. All conditions must hold.' })
export class AccessLogReviewFilter {
  @Field(() => String, { nullable: true, description: 'Only accesses by this user.' })
  userId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only accesses to this patient record.' })
  patientId?: string | null;

  @Field(() => DateTimeISOResolver, { nullable: true, description: 'Only accesses at or after this instant.' })
  from?: Date | null;

  @Field(() => DateTimeISOResolver, { nullable: true, description: 'Only accesses before this instant.' })
  to?: Date | null;

  @Field({ nullable: true, defaultValue: false, description: 'Only refused or failed attempts.' })
  deniedOnly?: boolean;
}
