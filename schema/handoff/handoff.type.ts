import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeISOResolver, LocalDateResolver } from 'graphql-scalars';
import { HandoffKind, HandoffState } from '../../domain/handoff';
import { HandoffMessageKind, HandoffSide, RecipientBasis } from '../../domain/handoff-messages';
import { DeadlineStatus } from '../../domain/handoff-timeline';
import { ConnectionType } from '../common/page';
import './handoff.enums';

@ObjectType({ description: 'A hand-off of a patient from a sending care unit to receiving organisations, with its message log and deadlines.' })
export class Handoff {
  @Field(() => ID, { description: 'Stable identifier.' })
  id: string;

  @Field(() => HandoffKind, { description: 'What kind of hand-off.' })
  kind: HandoffKind;

  @Field(() => HandoffState, { description: 'Where it stands.' })
  state: HandoffState;

  @Field(() => Int, { description: 'Raised by every message that changes it; send the version you read, a stale one is a CONFLICT.' })
  version: number;

  @Field({ description: 'Psychiatric inpatient care (which may have its own payment-liability period).' })
  psychiatric: boolean;

  @Field(() => DateTimeISOResolver, { nullable: true, description: 'Admission to inpatient care; discharges only.' })
  admittedAt: Date | null;

  @Field(() => DateTimeISOResolver, { nullable: true, description: 'The earliest deadline not yet acted on while the hand-off is open (past when overdue); the inbox sorts by it.' })
  nextDueAt: Date | null;

  @Field(() => DateTimeISOResolver, { description: 'When it was started.' })
  createdAt: Date;

  @Field(() => DateTimeISOResolver, { description: 'Its last change: a message or an acknowledgement (poll with updatedSince).' })
  updatedAt: Date;
}

@ObjectType({ description: 'An organisation, and optionally one of its care units, taking part in a hand-off.' })
export class HandoffParty {
  @Field(() => HandoffSide, { description: 'Sender or recipient.' })
  side: HandoffSide;

  @Field(() => RecipientBasis, { nullable: true, description: 'Why a recipient receives the messages; null for the sender.' })
  basis: RecipientBasis | null;

  @Field(() => DateTimeISOResolver, { description: 'When it joined the hand-off.' })
  addedAt: Date;
}

@ObjectType({ description: 'One message of a hand-off.' })
export class HandoffMessage {
  @Field(() => ID, { description: 'Stable identifier; acknowledge it with handoffMessageAcknowledge.' })
  id: string;

  @Field(() => HandoffMessageKind, { description: 'What kind of message.' })
  kind: HandoffMessageKind;

  @Field(() => DateTimeISOResolver, {
    description:
      "When the server recorded it (the same instant as recordedAt, kept for clients that read it): a notice or call-out counts as given then, so the SIP call-out's days and the 14:00 rule count from it.",
  })
  sentAt: Date;

  @Field(() => DateTimeISOResolver, {
    description:
      "When what it reports happened: for DISCHARGE_READY_NOTICE, READINESS_INTERRUPTED and DISCHARGE_NOTICE the occurredAt the sender gave (default: when it was recorded); for other messages, when it was recorded. A discharge-ready period and the payment liability run on these times.",
  })
  occurredAt: Date;

  @Field(() => String, { nullable: true, description: 'Free text: the reason of a cancellation or interruption, or any note.' })
  text: string | null;

  @Field(() => [String], { description: 'Needs the patient is expected to have after discharge (e.g. home care, home rehabilitation, assistive devices).' })
  needs: string[];

  @Field(() => LocalDateResolver, { nullable: true, description: 'Planned discharge date, when known.' })
  plannedDischargeDate: string | null;

  @Field(() => DateTimeISOResolver, { nullable: true, description: 'Time of the SIP meeting (SIP call-outs).' })
  meetingAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Place of the SIP meeting, or "video".' })
  meetingPlace: string | null;
}

@ObjectType({ description: 'A recipient of a message and its acknowledgement (kvittens).' })
export class HandoffMessageRecipient {
  @Field(() => DateTimeISOResolver, { nullable: true, description: 'When the recipient acknowledged it; null while not acknowledged.' })
  acknowledgedAt: Date | null;
}

@ObjectType({ description: 'A deadline of coordinated discharge and whether it was kept.' })
export class Deadline {
  @Field(() => DeadlineStatus, { description: 'PENDING, MET, MISSED or NOT_NEEDED.' })
  status: DeadlineStatus;

  @Field(() => DateTimeISOResolver, { nullable: true, description: 'The last instant at which the action is in time.' })
  due: Date | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'The local date a day-counted deadline falls on (a working day); null for deadlines in hours.' })
  dueDate: string | null;

  @Field(() => DateTimeISOResolver, { nullable: true, description: 'When the action happened, in time or late; null while not done.' })
  metAt: Date | null;
}

@ObjectType({ description: 'One discharge-ready period: from a discharge-ready notice to the discharge, interruption or cancellation that ends it.' })
export class DischargeReadyPeriod {
  @Field(() => DateTimeISOResolver, { description: "When the patient became discharge-ready: the discharge-ready notice's occurredAt." })
  startedAt: Date;

  @Field(() => DateTimeISOResolver, {
    nullable: true,
    description: "When the period ended: the occurredAt of the discharge or interruption that ended it (a cancellation's recording time); null while open.",
  })
  endedAt: Date | null;

  @Field(() => HandoffMessageKind, { nullable: true, description: 'The message that ended it.' })
  endedBy: HandoffMessageKind | null;

  @Field(() => Deadline, { description: 'The SIP call-out within the configured days of the discharge-ready notice being given (its recording time).' })
  sipCallOut: Deadline;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description:
      "First day of the municipality's payment liability: the configured days after the later of the readiness (occurredAt) and the municipality having both notices (their recording); null until it has had both notices.",
  })
  liableFromDate: string | null;

  @Field(() => Int, { description: 'Days of payment liability in this period (up to today while open).' })
  liabilityDays: number;

  @Field(() => Float, { nullable: true, description: 'Liability in SEK: days × the daily amount; null when the region has no agreed amount.' })
  liabilityAmount: number | null;
}

@ObjectType({ description: 'The deadlines and payment liability of a discharge, computed from its messages and the region’s dated parameters.' })
export class HandoffDeadlines {
  @Field(() => Deadline, { description: 'The admission notice within the configured hours of admission.' })
  admissionNotice: Deadline;

  @Field(() => [DischargeReadyPeriod], { description: 'Every discharge-ready period, oldest first.' })
  dischargeReadyPeriods: DischargeReadyPeriod[];

  @Field(() => Int, { description: 'Days of payment liability over all periods.' })
  liabilityDays: number;

  @Field(() => Float, { nullable: true, description: 'Liability in SEK over all periods; null when the region has no agreed amount.' })
  liabilityAmount: number | null;

  @Field(() => Int, { description: 'The N of "liable after N days" that applies (psychiatry may differ).' })
  liabilityAfterDays: number;

  @Field({ description: 'CALENDAR or WORKING: how the N days are counted.' })
  liabilityDayKind: string;

  @Field(() => Float, { nullable: true, description: 'The daily amount in SEK that applies; null when none is agreed.' })
  dailyAmount: number | null;
}

export const HandoffConnection = ConnectionType(Handoff, 'Handoff', 'hand-off');

@ObjectType({ description: 'Result of handoffCreate.' })
export class HandoffCreatePayload {
  @Field(() => Handoff, { description: 'The new hand-off.' })
  handoff: Handoff;
}

@ObjectType({ description: 'Result of handoffMessageSend and handoffMessageAcknowledge.' })
export class HandoffMessagePayload {
  @Field(() => Handoff, { description: 'The hand-off after the change.' })
  handoff: Handoff;

  @Field(() => HandoffMessage, { description: 'The message sent or acknowledged.' })
  message: HandoffMessage;
}
