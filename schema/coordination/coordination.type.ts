import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeISOResolver, LocalDateResolver } from 'graphql-scalars';
import {
  ConsentDirection,
  CoordinationActivityKind,
  CoordinationActorKind,
  CoordinationArea,
  CoordinationOutcome,
  CoordinationStatus,
  MeetingMode,
  Occupation,
} from '../../domain/coordination';
import { ConsentGivenBy, ConsentPurpose, DataCategory } from '../../domain/enums';
import './coordination.enums';

@ObjectType({ description: 'A rehabilitation coordination case (lag 2019:1297): one sick leave of a patient at a primary care or specialist care unit, with its coordinator, status history, consents per actor, employers, activities with their KVÅ codes, and return-to-work plan.' })
export class CoordinationCase {
  @Field(() => ID, { description: 'Stable identifier.' })
  id: string;

  @Field(() => CoordinationStatus, { description: 'Where it stands.' })
  status: CoordinationStatus;

  @Field(() => Int, { description: 'Raised by every change of the case or of anything in it; send the version you read, a stale one is a CONFLICT.' })
  version: number;

  @Field(() => Occupation, { description: 'The patient’s occupation when the sick leave started.' })
  occupation: Occupation;

  @Field(() => LocalDateResolver, { description: 'First day of the sick leave.' })
  sickLeaveFrom: string;

  @Field(() => LocalDateResolver, { description: 'Last day of the sick leave as certified.' })
  sickLeaveTo: string;

  @Field(() => Int, { description: 'Degree of sick leave: 25, 50, 75 or 100 % of full time.' })
  sickLeaveDegree: number;

  @Field(() => String, { description: 'The user id of the coordinator (REHAB_COORDINATOR at the care unit) the case is assigned to.' })
  coordinatorUserId: string;

  @Field(() => DateTimeISOResolver, { description: 'When it was opened.' })
  openedAt: Date;

  @Field(() => DateTimeISOResolver, { nullable: true, description: 'The first contact with the patient: the case leaving NONE (or opened past it), or an earlier answered contact or held meeting with the patient; null until then.' })
  firstContactAt: Date | null;

  @Field(() => DateTimeISOResolver, { description: 'The latest activity, or the opening while there is none.' })
  lastActivityAt: Date;

  @Field(() => DateTimeISOResolver, { nullable: true, description: 'When it was closed.' })
  closedAt: Date | null;

  @Field(() => CoordinationOutcome, { nullable: true, description: 'How it ended; set when CLOSED.' })
  outcome: CoordinationOutcome | null;
}

@ObjectType({ description: 'One change of a case’s status, with its time and author; the opening is the first.' })
export class CoordinationStatusChange {
  @Field(() => CoordinationStatus, { nullable: true, description: 'The status before; null for the opening.' })
  fromStatus: CoordinationStatus | null;

  @Field(() => CoordinationStatus, { description: 'The status after.' })
  toStatus: CoordinationStatus;

  @Field(() => DateTimeISOResolver, { description: 'When.' })
  changedAt: Date;

  @Field(() => String, { description: 'The user id of who changed it.' })
  changedBy: string;

  @Field(() => String, { nullable: true, description: 'Why, when said.' })
  note: string | null;
}

@ObjectType({ description: 'An employer named in a case: a recipient of information under the patient’s consent, not a tenant of the platform.' })
export class CoordinationEmployer {
  @Field(() => ID, { description: 'Stable identifier (name it as actor.employerId).' })
  id: string;

  @Field({ description: 'The employer’s name.' })
  name: string;

  @Field({ description: 'Organisation number, NNNNNN-NNNN.' })
  organisationNumber: string;

  @Field(() => String, { nullable: true, description: 'Contact person (e.g. the manager).' })
  contactName: string | null;

  @Field(() => String, { nullable: true, description: 'How to reach the contact person.' })
  contactDetails: string | null;

  @Field(() => DateTimeISOResolver, { description: 'When it was added to the case.' })
  addedAt: Date;
}

@ObjectType({ description: 'Who an activity or a consent concerns: an actor, or the patient (kind null).' })
export class CoordinationActor {
  @Field(() => CoordinationActorKind, { nullable: true, description: 'The actor’s kind; null: the patient (for a consent: the consent to coordination itself).' })
  kind: CoordinationActorKind | null;

  @Field(() => ID, { nullable: true, description: 'The organisation (FK, AF, occupational health, social services), when one is named.' })
  organisationId: string | null;

  @Field(() => ID, { nullable: true, description: 'CARE_UNIT: the care unit.' })
  careUnitId: string | null;

  @Field(() => ID, { nullable: true, description: 'EMPLOYER: the employer named in the case (CoordinationCase.employers).' })
  employerId: string | null;
}

@ObjectType({ description: 'The patient’s consent in a case: to coordination itself, or to give information to (or receive it from) one actor: one-way, for named categories, a purpose and a period.' })
export class CoordinationConsent {
  @Field(() => ID, { description: 'Stable identifier.' })
  id: string;

  @Field(() => CoordinationActor, { description: 'The actor it names; kind null: the consent to coordination itself.' })
  actor: CoordinationActor;

  @Field(() => ConsentDirection, { description: 'Which way information may go.' })
  direction: ConsentDirection;

  @Field(() => [DataCategory], { description: 'The categories of information it covers (none for the consent to coordination itself).' })
  categories: DataCategory[];

  @Field(() => ConsentPurpose, { description: 'What for.' })
  purpose: ConsentPurpose;

  @Field(() => ConsentGivenBy, { description: 'Given by the patient or a representative.' })
  givenBy: ConsentGivenBy;

  @Field(() => LocalDateResolver, { description: 'First day it applies.' })
  validFrom: string;

  @Field(() => LocalDateResolver, { description: 'Last day it applies.' })
  validTo: string;

  @Field(() => DateTimeISOResolver, { description: 'When it was recorded.' })
  recordedAt: Date;

  @Field(() => DateTimeISOResolver, { nullable: true, description: 'When the patient withdrew it; null while not withdrawn.' })
  withdrawnAt: Date | null;
}

@ObjectType({ description: 'A KVÅ code an activity earned, in the version valid on the activity’s date.' })
export class CoordinationKvaCode {
  @Field({ description: 'The code, e.g. GC001.' })
  code: string;

  @Field(() => LocalDateResolver, { description: 'Start of validity of the code’s version.' })
  codeValidFrom: string;
}

@ObjectType({ description: 'Something the coordinator did in a case.' })
export class CoordinationActivity {
  @Field(() => ID, { description: 'Stable identifier.' })
  id: string;

  @Field(() => CoordinationArea, { description: 'The statutory area (or the follow-up).' })
  area: CoordinationArea;

  @Field(() => CoordinationActivityKind, { description: 'What kind of activity.' })
  kind: CoordinationActivityKind;

  @Field(() => Boolean, { nullable: true, description: 'CONTACT: whether the actor answered.' })
  answered: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'MEETING: whether it was held.' })
  held: boolean | null;

  @Field(() => MeetingMode, { nullable: true, description: 'MEETING: by phone, video or in person.' })
  mode: MeetingMode | null;

  @Field(() => DateTimeISOResolver, { description: 'When it happened.' })
  occurredAt: Date;

  @Field(() => String, { nullable: true, description: 'A note.' })
  note: string | null;

  @Field(() => String, { description: 'The user id of who recorded it.' })
  recordedBy: string;
}

@ObjectType({ description: 'One step of a return-to-work plan: a period at a share of full time, and who does what.' })
export class ReturnToWorkStep {
  @Field(() => Int, { description: 'Its place in the ramp, from 1.' })
  position: number;

  @Field(() => LocalDateResolver, { description: 'First day.' })
  fromDate: string;

  @Field(() => LocalDateResolver, { description: 'Last day.' })
  toDate: string;

  @Field(() => Int, { description: 'Share of full time worked, 1–100 %.' })
  workPercent: number;

  @Field({ description: 'Who does what in this step.' })
  responsibilities: string;
}

@ObjectType({ description: 'A case’s plan for return to work: a part-time ramp of steps that do not overlap.' })
export class ReturnToWorkPlan {
  @Field(() => ID, { description: 'Stable identifier (kept when the plan is set again).' })
  id: string;

  @Field(() => String, { nullable: true, description: 'The goal of the plan, in the patient’s words.' })
  goal: string | null;

  @Field(() => DateTimeISOResolver, { description: 'When it was last set.' })
  setAt: Date;
}

@ObjectType({ description: 'The case after the change.' })
export class CoordinationCasePayload {
  @Field(() => CoordinationCase, { description: 'The case as it now stands.' })
  coordinationCase: CoordinationCase;
}

@ObjectType({ description: 'The case after an employer was added, and the employer.' })
export class CoordinationEmployerPayload extends CoordinationCasePayload {
  @Field(() => CoordinationEmployer, { description: 'The employer added.' })
  employer: CoordinationEmployer;
}

@ObjectType({ description: 'The case after a consent was recorded, and the consent.' })
export class CoordinationConsentPayload extends CoordinationCasePayload {
  @Field(() => CoordinationConsent, { description: 'The consent recorded.' })
  consent: CoordinationConsent;
}

@ObjectType({ description: 'The case after an activity was recorded, and the activity with the KVÅ codes it earned.' })
export class CoordinationActivityPayload extends CoordinationCasePayload {
  @Field(() => CoordinationActivity, { description: 'The activity recorded.' })
  activity: CoordinationActivity;
}
