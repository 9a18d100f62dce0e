import { Field, ID, InputType, Int } from 'type-graphql';
import { DateTimeISOResolver, LocalDateResolver } from 'graphql-scalars';
import { HandoffKind, HandoffState } from '../../domain/handoff';
import { HandoffMessageKind, HandoffSide } from '../../domain/handoff-messages';
import './handoff.enums';

@InputType({ description: 'An organisation (optionally one of its care units) to send a hand-off to.' })
export class HandoffRecipientInput {
  @Field(() => ID, { description: 'The organisation.' })
  organisationId: string;

  @Field(() => ID, { nullable: true, description: 'One of its care units, when the message is for that unit.' })
  careUnitId?: string | null;
}

@InputType({ description: 'What a message says.' })
export class HandoffMessageContentInput {
  @Field(() => String, { nullable: true, description: 'Free text (at most 4,000 characters); required for FREE_TEXT, CANCELLATION and READINESS_INTERRUPTED.' })
  text?: string | null;

  @Field(() => [String], { nullable: true, description: 'Expected needs after discharge, each at most 200 characters (at most 20).' })
  needs?: string[] | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Planned discharge date.' })
  plannedDischargeDate?: string | null;

  @Field(() => DateTimeISOResolver, { nullable: true, description: 'Time of the SIP meeting; required for SIP_CALL_OUT, not in the past.' })
  meetingAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'Place of the SIP meeting, or "video" (at most 200 characters).' })
  meetingPlace?: string | null;
}

@InputType({ description: 'A new hand-off from a care unit of your organisation.' })
export class HandoffCreateInput {
  @Field(() => ID, { description: 'The patient (one you may see).' })
  patientId: string;

  @Field(() => HandoffKind, { description: 'What kind of hand-off.' })
  kind: HandoffKind;

  @Field(() => ID, { description: 'The sending care unit, one of your organisation’s (an inpatient unit for a discharge).' })
  sendingCareUnitId: string;

  @Field(() => DateTimeISOResolver, {
    nullable: true,
    description:
      'Admission to inpatient care (the admission notice is due the configured hours after it): required for a discharge; not in the future and not further back than the look-back (rule parameter events.lookBackDays).',
  })
  admittedAt?: Date | null;

  @Field({ nullable: true, defaultValue: false, description: 'Psychiatric inpatient care; default false.' })
  psychiatric?: boolean;

  @Field({
    nullable: true,
    defaultValue: true,
    description:
      "Discharges: send the admission notice now, routed to the patient's home municipality and listed primary care unit (or the region's primary care). Default true; false when the patient is not expected to need them yet.",
  })
  sendAdmissionNotice?: boolean;

  @Field(() => [HandoffRecipientInput], { nullable: true, description: 'Recipients besides the routed ones (a referral or transfer needs at least one). Each needs a legal basis.' })
  recipients?: HandoffRecipientInput[] | null;

  @Field(() => HandoffMessageContentInput, { nullable: true, description: 'Content of the opening message.' })
  content?: HandoffMessageContentInput | null;
}

@InputType({ description: 'A message on a hand-off.' })
export class HandoffMessageSendInput {
  @Field(() => ID, { description: 'The hand-off.' })
  handoffId: string;

  @Field(() => Int, { description: 'The version of the hand-off you read; a stale version is a CONFLICT and nothing is written.' })
  version: number;

  @Field(() => HandoffMessageKind, { description: 'What kind of message.' })
  kind: HandoffMessageKind;

  @Field(() => ID, {
    nullable: true,
    description: "Your care unit sending it; default the one in your token. Needed when your organisation is both sender and recipient (a region's ward and its vårdcentral).",
  })
  senderCareUnitId?: string | null;

  @Field(() => HandoffMessageContentInput, { nullable: true, description: 'What it says.' })
  content?: HandoffMessageContentInput | null;

  @Field(() => [HandoffRecipientInput], { nullable: true, description: 'Recipients to add to the hand-off with this message; each needs a legal basis.' })
  additionalRecipients?: HandoffRecipientInput[] | null;

  @Field(() => DateTimeISOResolver, {
    nullable: true,
    description:
      "When what the message reports happened, for DISCHARGE_READY_NOTICE (the patient became discharge-ready), READINESS_INTERRUPTED and DISCHARGE_NOTICE (the patient left); default now. Not in the future, not before the hand-off's previous event (the admission, the last such message's occurredAt), not further back than the look-back (rule parameter events.lookBackDays on the admission date). Any other kind refuses it (BAD_USER_INPUT): it happens when it is sent.",
  })
  occurredAt?: Date | null;
}

@InputType({ description: 'Acknowledges a message for your organisation (kvittens).' })
export class HandoffMessageAcknowledgeInput {
  @Field(() => ID, { description: 'The message.' })
  messageId: string;
}

@InputType({ description: 'Which hand-offs an inbox lists.' })
export class HandoffInboxFilter {
  @Field(() => HandoffSide, { nullable: true, defaultValue: HandoffSide.RECIPIENT, description: 'RECIPIENT (received, default) or SENDER (sent).' })
  side?: HandoffSide;

  @Field(() => ID, { nullable: true, description: 'Only those for this care unit of your organisation.' })
  careUnitId?: string | null;

  @Field(() => HandoffState, { nullable: true, description: 'Only hand-offs in this state.' })
  state?: HandoffState | null;

  @Field(() => Boolean, { nullable: true, description: 'Only hand-offs with a message to you that you have not acknowledged.' })
  unacknowledged?: boolean | null;

  @Field(() => DateTimeISOResolver, { nullable: true, description: 'Only hand-offs with a deadline due at or before this instant.' })
  dueBefore?: Date | null;
}
