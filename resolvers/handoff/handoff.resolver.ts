import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { DateTimeISOResolver } from 'graphql-scalars';
import { HandoffSide } from '../../domain/handoff-messages';
import { PageArgs, pageRequest, toConnection } from '../../schema/common/page';
import { HandoffCreateInput, HandoffInboxFilter, HandoffMessageAcknowledgeInput, HandoffMessageSendInput } from '../../schema/handoff/handoff.input';
import {
  Handoff,
  HandoffConnection,
  HandoffCreatePayload,
  HandoffDeadlines,
  HandoffMessage,
  HandoffMessagePayload,
  HandoffMessageRecipient,
  HandoffParty,
} from '../../schema/handoff/handoff.type';
import { CareUnit } from '../../schema/organisation/care-unit.type';
import { Organisation } from '../../schema/organisation/organisation.type';
import { Patient } from '../../schema/patient/patient.type';
import { HANDOFF_READ_ROLES } from '../../domain/roles';
import type { HandoffMessageRow, HandoffPartyRow, HandoffRow, MessageRecipientRow } from '../../server/access/rows.handoff';
import type { Context } from '../../server/context';
import { idArg } from '../common/args';
import { createHandoff, handoffDeadlines, sendHandoffMessage } from './handoff.service';

/** The payload of a message mutation: the hand-off and the message, read back. */
async function messagePayload(ctx: Context, result: { handoff: HandoffRow; messageId: string }) {
  const messages = await ctx.access.handoffs.messages(result.handoff);
  return { handoff: result.handoff, message: messages.find((m) => m.id === result.messageId)! };
}

@Resolver(() => Handoff)
export class HandoffResolver {
  @Query(() => Handoff, { nullable: true, description: 'A hand-off your organisation takes part in; NOT_FOUND otherwise. Logged.' })
  handoff(@Arg('id', () => ID, { description: 'The hand-off.' }) id: string, @Ctx() { access }: Context) {
    return access.handoffs.get(id);
  }

  @Query(() => HandoffConnection, {
    description:
      "Your organisation's hand-offs, most urgent first (the earliest deadline not yet acted on; none last), for care staff and for an INTEGRATION client polling with updatedSince. Logged per hand-off.",
  })
  async handoffInbox(
    @Args() page: PageArgs,
    @Arg('filter', () => HandoffInboxFilter, { nullable: true, description: 'Which hand-offs to list; default: received ones.' }) filter: HandoffInboxFilter | null,
    @Arg('updatedSince', () => DateTimeISOResolver, { nullable: true, description: 'Only hand-offs changed after this instant (a message or an acknowledgement).' })
    updatedSince: Date | null,
    @Ctx() { access }: Context,
  ) {
    const query = {
      side: filter?.side ?? HandoffSide.RECIPIENT,
      careUnitId: filter?.careUnitId ? idArg(filter.careUnitId, 'filter.careUnitId') : null,
      state: filter?.state ?? null,
      unacknowledged: filter?.unacknowledged ?? false,
      dueBefore: filter?.dueBefore ?? null,
      updatedSince,
    };
    const rows = await access.handoffs.inbox(query, pageRequest(page, ['timestamp', 'uuid']));
    return toConnection(rows, (h: HandoffRow) => [h.dueKey, h.id]);
  }

  @FieldResolver(() => Patient, { nullable: true, description: 'The patient handed over; null when you may not (or no longer) see the patient, with a NOT_FOUND error at this path.' })
  async patient(@Root() h: HandoffRow, @Ctx() { access }: Context) {
    return access.patients.view(await access.patients.requireVisible(h.patientId, 'patientId', HANDOFF_READ_ROLES));
  }

  @FieldResolver(() => Organisation, { nullable: true, description: 'The sending organisation; null only if it cannot be read.' })
  sendingOrganisation(@Root() h: HandoffRow, @Ctx() { access }: Context) {
    return access.reference.organisation(h.sendingOrganisationId);
  }

  @FieldResolver(() => CareUnit, { nullable: true, description: 'The sending care unit (the ward, for a discharge); null only if it cannot be read.' })
  sendingCareUnit(@Root() h: HandoffRow, @Ctx() { access }: Context) {
    return access.reference.careUnit(h.sendingCareUnitId);
  }

  @FieldResolver(() => Organisation, { nullable: true, description: "The patient's home municipality when the hand-off began." })
  homeMunicipality(@Root() h: HandoffRow, @Ctx() { access }: Context) {
    return h.homeMunicipalityId ? access.reference.organisation(h.homeMunicipalityId) : null;
  }

  @FieldResolver(() => [HandoffParty], { description: 'The sender and every recipient, in the order they joined.' })
  parties(@Root() h: HandoffRow, @Ctx() { access }: Context) {
    return access.handoffs.parties(h);
  }

  @FieldResolver(() => [HandoffMessage], { description: 'The message log, oldest first.' })
  messages(@Root() h: HandoffRow, @Ctx() { access }: Context) {
    return access.handoffs.messages(h);
  }

  @FieldResolver(() => HandoffDeadlines, { nullable: true, description: 'Deadlines and payment liability of a discharge; null for referrals and transfers.' })
  deadlines(@Root() h: HandoffRow, @Ctx() { access }: Context) {
    return handoffDeadlines(access, h);
  }

  @Mutation(() => HandoffCreatePayload, {
    description:
      "Starts a hand-off from a care unit of your organisation. A discharge sends its admission notice at once (unless sendAdmissionNotice is false), routed to the patient's home municipality and listed vårdcentral (or the region's primary care).",
  })
  async handoffCreate(@Arg('input', () => HandoffCreateInput, { description: 'The new hand-off.' }) input: HandoffCreateInput, @Ctx() { access }: Context) {
    return { handoff: await createHandoff(access, input) };
  }

  @Mutation(() => HandoffMessagePayload, {
    description:
      'Sends a message on a hand-off and makes the change its kind makes (see HandoffMessageKind). Recipients become participants in the patient’s case. Needs the version you read.',
  })
  async handoffMessageSend(@Arg('input', () => HandoffMessageSendInput, { description: 'The message.' }) input: HandoffMessageSendInput, @Ctx() ctx: Context) {
    return messagePayload(ctx, await sendHandoffMessage(ctx.access, input));
  }

  @Mutation(() => HandoffMessagePayload, { description: 'Acknowledges a message sent to your organisation (or your care unit). Acknowledging again keeps the first time.' })
  async handoffMessageAcknowledge(
    @Arg('input', () => HandoffMessageAcknowledgeInput, { description: 'The message.' }) input: HandoffMessageAcknowledgeInput,
    @Ctx() ctx: Context,
  ) {
    return messagePayload(ctx, await ctx.access.handoffs.acknowledge(input.messageId));
  }
}

@Resolver(() => HandoffParty)
export class HandoffPartyResolver {
  @FieldResolver(() => Organisation, { nullable: true, description: 'The organisation; null only if it cannot be read.' })
  organisation(@Root() p: HandoffPartyRow, @Ctx() { access }: Context) {
    return access.reference.organisation(p.organisationId);
  }

  @FieldResolver(() => CareUnit, { nullable: true, description: 'Its care unit, when the party is one unit.' })
  careUnit(@Root() p: HandoffPartyRow, @Ctx() { access }: Context) {
    return p.careUnitId ? access.reference.careUnit(p.careUnitId) : null;
  }
}

@Resolver(() => HandoffMessage)
export class HandoffMessageResolver {
  @FieldResolver(() => DateTimeISOResolver, { description: 'When the server recorded the message (its sentAt).' })
  recordedAt(@Root() m: HandoffMessageRow): Date {
    return m.sentAt;
  }

  @FieldResolver(() => Organisation, { nullable: true, description: 'The sending organisation; null only if it cannot be read.' })
  sender(@Root() m: HandoffMessageRow, @Ctx() { access }: Context) {
    return access.reference.organisation(m.senderOrganisationId);
  }

  @FieldResolver(() => CareUnit, { nullable: true, description: 'The sending care unit, when known.' })
  senderCareUnit(@Root() m: HandoffMessageRow, @Ctx() { access }: Context) {
    return m.senderCareUnitId ? access.reference.careUnit(m.senderCareUnitId) : null;
  }

  @FieldResolver(() => [HandoffMessageRecipient], { description: 'Every recipient with its acknowledgement.' })
  recipients(@Root() m: HandoffMessageRow, @Ctx() { access }: Context) {
    return access.handoffs.recipients(m);
  }
}

@Resolver(() => HandoffMessageRecipient)
export class HandoffMessageRecipientResolver {
  @FieldResolver(() => Organisation, { nullable: true, description: 'The recipient organisation; null only if it cannot be read.' })
  organisation(@Root() r: MessageRecipientRow, @Ctx() { access }: Context) {
    return access.reference.organisation(r.organisationId);
  }

  @FieldResolver(() => CareUnit, { nullable: true, description: 'The recipient care unit, when the message is for one unit.' })
  careUnit(@Root() r: MessageRecipientRow, @Ctx() { access }: Context) {
    return r.careUnitId ? access.reference.careUnit(r.careUnitId) : null;
  }
}
