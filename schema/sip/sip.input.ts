import { Field, ID, InputType, Int } from 'type-graphql';
import { DateTimeISOResolver, LocalDateResolver } from 'graphql-scalars';
import { SipParticipantKind, SipStatus } from '../../domain/sip';
import { SipFollowUpOutcome } from './sip.enums';

@InputType({ description: 'A contact person (or, for a relative, the name and relation).' })
export class SipContactInput {
  @Field({ description: 'Name (1 to 200 characters).' })
  name: string;

  @Field(() => String, { nullable: true, description: "Role at the organisation (e.g. 'biståndshandläggare'), or a relative's relation to the person (at most 200 characters)." })
  role?: string | null;

  @Field(() => String, { nullable: true, description: 'Telephone or e-mail (at most 200 characters).' })
  details?: string | null;
}

@InputType({ description: 'An organisation to take part in a SIP.' })
export class SipOrganisationInput {
  @Field(() => ID, { description: 'The organisation. Anyone but the person’s own region and home municipality needs the person’s SIP consent from your organisation to it.' })
  organisationId: string;

  @Field(() => ID, { nullable: true, description: 'One of its care units, when that unit takes part.' })
  careUnitId?: string | null;

  @Field(() => SipContactInput, { nullable: true, description: 'Its contact person (required before activation).' })
  contact?: SipContactInput | null;
}

@InputType({ description: 'A new SIP, called by your organisation (a region or municipality).' })
export class SipCreateInput {
  @Field(() => ID, { description: 'The person (a patient you may see). The person takes part from the start.' })
  patientId: string;

  @Field(() => ID, { nullable: true, description: "A hand-off with a SIP call-out: the plan starts CALLED, with the call-out's meeting and its recipients as participants." })
  handoffId?: string | null;

  @Field(() => [SipOrganisationInput], {
    nullable: true,
    description: 'Other organisations. A SIP is made by region and municipality together: the other principal must be among them (or among the call-out’s recipients), with the person’s SIP consent from your organisation to it.',
  })
  participants?: SipOrganisationInput[] | null;

  @Field(() => SipContactInput, { nullable: true, description: "Your organisation's contact person." })
  contact?: SipContactInput | null;
}

@InputType({ description: 'Calls the SIP meeting (DRAFT → CALLED).' })
export class SipCallInput {
  @Field(() => ID, { description: 'The plan.' })
  sipId: string;

  @Field(() => Int, { description: 'The version you read.' })
  version: number;

  @Field(() => DateTimeISOResolver, { description: 'When the meeting is held (not in the past).' })
  meetingAt: Date;

  @Field({ description: 'Where it is held, or "video" (1 to 200 characters).' })
  meetingPlace: string;
}

@InputType({ description: 'A new participant: an organisation, or a relative.' })
export class SipParticipantAddInput {
  @Field(() => ID, { description: 'The plan.' })
  sipId: string;

  @Field(() => Int, { description: 'The version you read.' })
  version: number;

  @Field(() => SipParticipantKind, { description: 'ORGANISATION or RELATIVE (the person always takes part).' })
  kind: SipParticipantKind;

  @Field(() => SipOrganisationInput, { nullable: true, description: 'For ORGANISATION: which, and its contact person.' })
  organisation?: SipOrganisationInput | null;

  @Field(() => SipContactInput, { nullable: true, description: 'For RELATIVE: name, relation and contact details. Refused while the person objects to relatives.' })
  relative?: SipContactInput | null;
}

@InputType({ description: "Changes a participant's contact person or details." })
export class SipParticipantUpdateInput {
  @Field(() => ID, { description: 'The plan.' })
  sipId: string;

  @Field(() => Int, { description: 'The version you read.' })
  version: number;

  @Field(() => ID, { description: 'The participant (an organisation or a relative).' })
  participantId: string;

  @Field(() => SipContactInput, { description: 'The contact as it is now.' })
  contact: SipContactInput;
}

@InputType({ description: 'An intervention: what is done, by whom, by when.' })
export class SipInterventionInput {
  @Field({ description: 'What is done (1 to 2,000 characters).' })
  description: string;

  @Field(() => ID, { description: 'The organisation that does it (one taking part, before activation).' })
  responsibleOrganisationId: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'By when.' })
  dueDate?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "Since 2026-12: the intervention is this return-to-work plan of a coordination case of the same patient, one you may see (else NOT_FOUND naming the field).",
  })
  returnToWorkPlanId?: string | null;
}

@InputType({ description: 'Changes the content of a plan; a field left out stays as it is, null clears it.' })
export class SipContentUpdateInput {
  @Field(() => ID, { description: 'The plan.' })
  sipId: string;

  @Field(() => Int, { description: 'The version you read.' })
  version: number;

  @Field(() => String, { nullable: true, description: "The person's own goals, in their own words (at most 4,000 characters)." })
  personGoals?: string | null;

  @Field(() => String, { nullable: true, description: 'What the person does themselves (at most 4,000 characters).' })
  personOwnActions?: string | null;

  @Field(() => ID, { nullable: true, description: 'The participating region or municipality with overall responsibility.' })
  overallResponsibleOrganisationId?: string | null;

  @Field(() => [SipInterventionInput], { nullable: true, description: 'Every intervention, in order (replaces those there were; at most 50).' })
  interventions?: SipInterventionInput[] | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'The next follow-up date (not in the past); moves the open follow-up.' })
  nextFollowUpDate?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'The person objects to relatives taking part: relatives taking part leave the plan.' })
  personObjectsToRelatives?: boolean | null;
}

@InputType({ description: 'A SIP meeting that was held.' })
export class SipMeetingRecordInput {
  @Field(() => ID, { description: 'The plan.' })
  sipId: string;

  @Field(() => Int, { description: 'The version you read.' })
  version: number;

  @Field(() => DateTimeISOResolver, {
    description:
      "When it was held: not in the future, not before the plan's previous meeting or follow-up, not further back than the look-back (rule parameter events.lookBackDays on the plan's start date).",
  })
  heldAt: Date;

  @Field(() => String, { nullable: true, description: 'Where (at most 200 characters); required unless held by video.' })
  place?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Held by video; default false.' })
  video?: boolean | null;

  @Field(() => [ID], { description: 'The participants present (at least one).' })
  presentParticipantIds: string[];

  @Field(() => String, { nullable: true, description: 'A note (at most 4,000 characters).' })
  note?: string | null;
}

@InputType({ description: 'Activates a plan agreed at a meeting (CALLED → ACTIVE).' })
export class SipActivateInput {
  @Field(() => ID, { description: 'The plan.' })
  sipId: string;

  @Field(() => Int, { description: 'The version you read.' })
  version: number;

  @Field(() => ID, { description: 'The meeting at which the plan was agreed: it is recorded with the KVÅ code for establishing a SIP.' })
  meetingId: string;
}

@InputType({ description: 'A follow-up that was done.' })
export class SipFollowUpRecordInput {
  @Field(() => ID, { description: 'The plan (ACTIVE or FOLLOW_UP).' })
  sipId: string;

  @Field(() => Int, { description: 'The version you read.' })
  version: number;

  @Field(() => SipFollowUpOutcome, { description: 'What it decided.' })
  outcome: SipFollowUpOutcome;

  @Field(() => LocalDateResolver, { nullable: true, description: 'The next follow-up date; required to CONTINUE, not in the past.' })
  nextFollowUpDate?: string | null;

  @Field(() => ID, { nullable: true, description: 'The meeting at which it was done, if any.' })
  meetingId?: string | null;

  @Field(() => String, { nullable: true, description: 'What it found (at most 4,000 characters).' })
  note?: string | null;

  @Field(() => DateTimeISOResolver, {
    nullable: true,
    description:
      "When the follow-up was done; default now. Not in the future, not before the plan's previous meeting or follow-up, not further back than the look-back (rule parameter events.lookBackDays on the plan's start date). The KVÅ code is the one in force that day.",
  })
  occurredAt?: Date | null;
}

@InputType({ description: 'A change of status that carries nothing else: start a follow-up, close, or cancel.' })
export class SipStatusInput {
  @Field(() => ID, { description: 'The plan.' })
  sipId: string;

  @Field(() => Int, { description: 'The version you read.' })
  version: number;

  @Field(() => String, { nullable: true, description: 'Why (at most 1,000 characters); required to cancel.' })
  reason?: string | null;
}

@InputType({ description: 'Which plans to list.' })
export class SipFilter {
  @Field(() => ID, { nullable: true, description: "Only this person's plans." })
  patientId?: string | null;

  @Field(() => SipStatus, { nullable: true, description: 'Only plans in this status.' })
  status?: SipStatus | null;
}
