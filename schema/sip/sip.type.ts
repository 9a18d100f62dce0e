import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeISOResolver, LocalDateResolver } from 'graphql-scalars';
import { SipContentItem, SipParticipantBasis, SipParticipantKind, SipStatus } from '../../domain/sip';
import { ConnectionType } from '../common/page';
import './sip.enums';

@ObjectType({ description: 'A coordinated individual plan (SIP, HSL 16 kap 4 §, SoL 2 kap 7 §): who does what for one person, agreed by region, municipality and others.' })
export class Sip {
  @Field(() => ID, { description: 'Stable identifier.' })
  id: string;

  @Field(() => SipStatus, { description: 'Where it stands.' })
  status: SipStatus;

  @Field(() => Int, { description: 'Raised by every change of the plan or of anything in it; send the version you read, a stale one is a CONFLICT.' })
  version: number;

  @Field(() => String, { nullable: true, description: "The person's own goals, in their own words." })
  personGoals: string | null;

  @Field(() => String, { nullable: true, description: 'What the person does themselves.' })
  personOwnActions: string | null;

  @Field({ description: 'The person objects to relatives taking part; none do while this holds.' })
  personObjectsToRelatives: boolean;

  @Field(() => DateTimeISOResolver, { nullable: true, description: 'The SIP meeting the call-out names.' })
  meetingPlannedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Where that meeting is held, or "video".' })
  meetingPlannedPlace: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'When the plan is next followed up (the due date of its open follow-up).' })
  nextFollowUpDate: string | null;

  @Field(() => DateTimeISOResolver, { description: 'When it was started.' })
  createdAt: Date;

  @Field(() => DateTimeISOResolver, { description: 'Its last change.' })
  updatedAt: Date;

  @Field(() => DateTimeISOResolver, { nullable: true, description: 'When the meeting was called.' })
  calledAt: Date | null;

  @Field(() => DateTimeISOResolver, { nullable: true, description: 'When the plan became ACTIVE.' })
  activatedAt: Date | null;

  @Field(() => DateTimeISOResolver, { nullable: true, description: 'When it was closed or cancelled.' })
  endedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Why it was closed or cancelled, when said.' })
  endReason: string | null;
}

@ObjectType({ description: 'A participant of a SIP: an organisation with its contact person, the person, or a relative.' })
export class SipParticipant {
  @Field(() => ID, { description: 'Stable identifier (name it among those present at a meeting).' })
  id: string;

  @Field(() => SipParticipantKind, { description: 'Who takes part.' })
  kind: SipParticipantKind;

  @Field(() => SipParticipantBasis, { nullable: true, description: 'Why the organisation may take part; null for the person and relatives.' })
  basis: SipParticipantBasis | null;

  @Field(() => String, { nullable: true, description: "The organisation's contact person, or the relative's name." })
  contactName: string | null;

  @Field(() => String, { nullable: true, description: "The contact person's role, or the relative's relation to the person." })
  contactRole: string | null;

  @Field(() => String, { nullable: true, description: 'How to reach them (telephone, e-mail).' })
  contactDetails: string | null;

  @Field(() => DateTimeISOResolver, { description: 'When they joined.' })
  addedAt: Date;
}

@ObjectType({ description: 'An intervention of a SIP: what is done, by which organisation, by when.' })
export class SipIntervention {
  @Field(() => ID, { description: 'Stable identifier (until the interventions are replaced).' })
  id: string;

  @Field({ description: 'What is done.' })
  description: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'By when.' })
  dueDate: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "Since 2026-12: the patient's return-to-work plan of a rehabilitation coordination case, when the intervention is that plan; read it with coordinationCase (if you may see the case).",
  })
  returnToWorkPlanId: string | null;
}

@ObjectType({ description: 'A version of a KVÅ code (Socialstyrelsen’s classification of care measures).' })
export class KvaCode {
  @Field({ description: 'The code, e.g. AU124.' })
  code: string;

  @Field({ description: 'What it records.' })
  title: string;

  @Field(() => LocalDateResolver, { description: 'First day this version applies.' })
  validFrom: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Last day it applies; null while open-ended.' })
  validTo: string | null;
}

@ObjectType({ description: 'A SIP meeting that was held.' })
export class SipMeeting {
  @Field(() => ID, { description: 'Stable identifier.' })
  id: string;

  @Field(() => DateTimeISOResolver, { description: 'When it was held (as reported).' })
  heldAt: Date;

  @Field(() => String, { nullable: true, description: 'Where it was held.' })
  place: string | null;

  @Field({ description: 'Held by video (wholly or partly).' })
  video: boolean;

  @Field(() => String, { nullable: true, description: 'A note of the meeting.' })
  note: string | null;

  @Field(() => DateTimeISOResolver, { description: 'When it was recorded.' })
  recordedAt: Date;
}

@ObjectType({ description: 'A follow-up of a SIP: due on a date, done at an instant (or not yet).' })
export class SipFollowUp {
  @Field(() => ID, { description: 'Stable identifier.' })
  id: string;

  @Field(() => LocalDateResolver, { description: 'When it is due.' })
  dueDate: string;

  @Field(() => DateTimeISOResolver, { nullable: true, description: 'When it was recorded as done (the same instant as recordedAt); null while open.' })
  doneAt: Date | null;

  @Field(() => DateTimeISOResolver, { nullable: true, description: 'When it was done, as reported (sipFollowUpRecord occurredAt, default its recording); null while open.' })
  occurredAt: Date | null;

  @Field(() => String, { nullable: true, description: 'What the follow-up found.' })
  note: string | null;
}

@ObjectType({ description: 'Something that keeps a SIP from being activated.' })
export class SipContentProblem {
  @Field(() => SipContentItem, { description: 'The required item.' })
  item: SipContentItem;

  @Field({ description: 'The field of the plan to correct.' })
  field: string;

  @Field({ description: 'What is missing or wrong.' })
  message: string;
}

export const SipConnection = ConnectionType(Sip, 'Sip', 'SIP');
export const SipFollowUpConnection = ConnectionType(SipFollowUp, 'SipFollowUp', 'follow-up');

@ObjectType({ description: 'Result of a SIP mutation: the plan as it is now.' })
export class SipPayload {
  @Field(() => Sip, { description: 'The plan.' })
  sip: Sip;
}

@ObjectType({ description: 'Result of sipMeetingRecord.' })
export class SipMeetingRecordPayload {
  @Field(() => Sip, { description: 'The plan.' })
  sip: Sip;

  @Field(() => SipMeeting, { description: 'The meeting recorded.' })
  meeting: SipMeeting;
}
