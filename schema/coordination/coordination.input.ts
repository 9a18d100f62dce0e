import { Field, ID, InputType, Int } from 'type-graphql';
import { DateTimeISOResolver, LocalDateResolver } from 'graphql-scalars';
import { ConsentDirection, CoordinationActivityKind, CoordinationActorKind, CoordinationArea, CoordinationOutcome, CoordinationStatus, MeetingMode, Occupation } from '../../domain/coordination';
import { ConsentGivenBy, ConsentPurpose, DataCategory } from '../../domain/enums';
import './coordination.enums';

@InputType({ description: 'The sick leave a case concerns.' })
export class SickLeaveInput {
  @Field(() => LocalDateResolver, { description: 'First day.' })
  from: string;

  @Field(() => LocalDateResolver, { description: 'Last day as certified.' })
  to: string;

  @Field(() => Int, { description: 'Degree: 25, 50, 75 or 100 (% of full time).' })
  degree: number;
}

@InputType({ description: 'The period of a consent and who gave it.' })
export class ConsentPeriodInput {
  @Field(() => LocalDateResolver, { nullable: true, description: 'First day it applies; default today (not before today).' })
  validFrom?: string | null;

  @Field(() => LocalDateResolver, { description: 'Last day it applies (at most consent.maxValidityDays from today).' })
  validTo: string;

  @Field(() => ConsentGivenBy, { nullable: true, description: 'Who gave it; default the patient.' })
  givenBy?: ConsentGivenBy | null;
}

@InputType({ description: 'A new case at your care unit (you act for it as REHAB_COORDINATOR), assigned to you.' })
export class CoordinationCaseOpenInput {
  @Field(() => ID, { description: 'The sick-listed patient (a patient you may see).' })
  patientId: string;

  @Field(() => ID, { description: 'The care unit: the one you act for, a primary care or specialist care unit.' })
  careUnitId: string;

  @Field(() => Occupation, { description: 'The patient’s occupation.' })
  occupation: Occupation;

  @Field(() => SickLeaveInput, { description: 'The sick leave the case concerns.' })
  sickLeave: SickLeaveInput;

  @Field(() => CoordinationStatus, { nullable: true, description: 'Status to open in: NONE (default), CONTACTED or ACTIVE (needs consentToCoordination).' })
  status?: CoordinationStatus | null;

  @Field(() => ConsentPeriodInput, { nullable: true, description: 'The patient’s consent to coordination itself, when given at the opening.' })
  consentToCoordination?: ConsentPeriodInput | null;

  @Field(() => String, { nullable: true, description: 'How the case came (e.g. a referral), at most 1,000 characters.' })
  note?: string | null;
}

@InputType({ description: 'A change of a case’s status, with the version you read.' })
export class CoordinationCaseStatusChangeInput {
  @Field(() => ID, { description: 'The case.' })
  caseId: string;

  @Field(() => Int, { description: 'The version you read.' })
  version: number;

  @Field(() => CoordinationStatus, { description: 'The new status (CoordinationCase.allowedStatuses).' })
  status: CoordinationStatus;

  @Field(() => CoordinationOutcome, { nullable: true, description: 'CLOSED: how the case ended (NO_INTERVENTION when it never reached ACTIVE).' })
  outcome?: CoordinationOutcome | null;

  @Field(() => String, { nullable: true, description: 'Why, at most 1,000 characters.' })
  note?: string | null;
}

@InputType({ description: 'A coordinator at the case’s unit taking the case over, with the version you read.' })
export class CoordinationCaseTakeOverInput {
  @Field(() => ID, { description: 'The case.' })
  caseId: string;

  @Field(() => Int, { description: 'The version you read.' })
  version: number;
}

@InputType({ description: 'An employer to name in a case (name and organisation number required).' })
export class CoordinationEmployerAddInput {
  @Field(() => ID, { description: 'The case.' })
  caseId: string;

  @Field(() => Int, { description: 'The version you read.' })
  version: number;

  @Field({ description: 'The employer’s name.' })
  name: string;

  @Field(() => String, { nullable: true, description: 'Organisation number (NNNNNN-NNNN, check digit verified); required, a missing one is BAD_USER_INPUT.' })
  organisationNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'Contact person.' })
  contactName?: string | null;

  @Field(() => String, { nullable: true, description: 'How to reach the contact person.' })
  contactDetails?: string | null;
}

@InputType({ description: 'An actor: an organisation kind with the one it names. Leave the input out for the patient.' })
export class CoordinationActorInput {
  @Field(() => CoordinationActorKind, { description: 'The actor’s kind.' })
  kind: CoordinationActorKind;

  @Field(() => ID, { nullable: true, description: 'FK, AF, OCCUPATIONAL_HEALTH, SOCIAL_SERVICES: the organisation, when one is named.' })
  organisationId?: string | null;

  @Field(() => ID, { nullable: true, description: 'CARE_UNIT: the care unit.' })
  careUnitId?: string | null;

  @Field(() => ID, { nullable: true, description: 'EMPLOYER: an employer added to the case.' })
  employerId?: string | null;
}

@InputType({ description: 'A consent the patient gave: to coordination itself (no actor), or to one actor for named categories.' })
export class CoordinationConsentGiveInput {
  @Field(() => ID, { description: 'The case.' })
  caseId: string;

  @Field(() => Int, { description: 'The version you read.' })
  version: number;

  @Field(() => CoordinationActorInput, { nullable: true, description: 'The actor; leave out for the consent to coordination itself.' })
  actor?: CoordinationActorInput | null;

  @Field(() => ConsentDirection, { nullable: true, description: 'Which way; default TO_ACTOR (giving information). One-way: a consent to give is not one to receive.' })
  direction?: ConsentDirection | null;

  @Field(() => [DataCategory], { nullable: true, description: 'The categories of information it covers: at least one for an actor ("all information" is not specific and is refused); none for coordination itself.' })
  categories?: DataCategory[] | null;

  @Field(() => ConsentPurpose, { description: 'REHABILITATION_COORDINATION, or WORK_ORIENTED_REHABILITATION (the FK notice).' })
  purpose: ConsentPurpose;

  @Field(() => ConsentPeriodInput, { description: 'Its period and who gave it.' })
  period: ConsentPeriodInput;
}

@InputType({ description: 'The withdrawal of a consent (from now on).' })
export class CoordinationConsentWithdrawInput {
  @Field(() => ID, { description: 'The case.' })
  caseId: string;

  @Field(() => Int, { description: 'The version you read.' })
  version: number;

  @Field(() => ID, { description: 'The consent.' })
  consentId: string;
}

@InputType({ description: 'An activity: a contact (answered or not) or a meeting (held or not) with the patient or an actor, or a follow-up.' })
export class CoordinationActivityRecordInput {
  @Field(() => ID, { description: 'The case.' })
  caseId: string;

  @Field(() => Int, { description: 'The version you read.' })
  version: number;

  @Field(() => CoordinationArea, { description: 'The area: PERSONAL_SUPPORT with the patient, INTERNAL_COORDINATION with a care unit, EXTERNAL_COLLABORATION with an outside actor, or FOLLOW_UP.' })
  area: CoordinationArea;

  @Field(() => CoordinationActivityKind, { description: 'CONTACT, MEETING or FOLLOW_UP.' })
  kind: CoordinationActivityKind;

  @Field(() => CoordinationActorInput, { nullable: true, description: 'With whom; leave out for the patient. Information given to an actor needs the patient’s consent to it.' })
  actor?: CoordinationActorInput | null;

  @Field(() => Boolean, { nullable: true, description: 'CONTACT: whether the actor answered.' })
  answered?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'MEETING: whether it was held.' })
  held?: boolean | null;

  @Field(() => MeetingMode, { nullable: true, description: 'MEETING: phone, video or in person.' })
  mode?: MeetingMode | null;

  @Field(() => DateTimeISOResolver, { nullable: true, description: 'When it happened; default now (not in the future, not before the opening, within events.lookBackDays).' })
  occurredAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'A note, at most 2,000 characters.' })
  note?: string | null;

  @Field(() => [String], { nullable: true, description: 'KVÅ codes to record: each must be earned under the rules in force (coordination.kvaRules), e.g. GC001 only when the activity created value.' })
  kvaCodes?: string[] | null;
}

@InputType({ description: 'One step of the part-time ramp.' })
export class ReturnToWorkStepInput {
  @Field(() => LocalDateResolver, { description: 'First day.' })
  fromDate: string;

  @Field(() => LocalDateResolver, { description: 'Last day.' })
  toDate: string;

  @Field(() => Int, { description: 'Share of full time worked, 1–100 %.' })
  workPercent: number;

  @Field({ description: 'Who does what in this step (at most 1,000 characters).' })
  responsibilities: string;
}

@InputType({ description: 'The return-to-work plan, replacing the one set before.' })
export class CoordinationReturnToWorkPlanSetInput {
  @Field(() => ID, { description: 'The case.' })
  caseId: string;

  @Field(() => Int, { description: 'The version you read.' })
  version: number;

  @Field(() => String, { nullable: true, description: 'The goal, at most 1,000 characters.' })
  goal?: string | null;

  @Field(() => [ReturnToWorkStepInput], { description: 'The steps of the ramp, in order: none overlapping, each at most 100 %.' })
  steps: ReturnToWorkStepInput[];

  @Field(() => [String], { nullable: true, description: 'KVÅ codes to record (DV077 for the plan; GC001 when it created value).' })
  kvaCodes?: string[] | null;
}

@InputType({ description: 'The notice to Försäkringskassan of a need for work-oriented rehabilitation (4 §).' })
export class CoordinationFkNoticeSendInput {
  @Field(() => ID, { description: 'The case.' })
  caseId: string;

  @Field(() => Int, { description: 'The version you read.' })
  version: number;

  @Field(() => [DataCategory], { nullable: true, description: 'The information the notice carries; default WORK_CAPACITY. The consent to FK must cover each.' })
  categories?: DataCategory[] | null;

  @Field(() => String, { nullable: true, description: 'A note, at most 2,000 characters.' })
  note?: string | null;

  @Field(() => [String], { nullable: true, description: 'KVÅ codes to record (e.g. GC001 when it created value).' })
  kvaCodes?: string[] | null;
}
