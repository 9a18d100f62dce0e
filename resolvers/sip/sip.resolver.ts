import { DateTimeISOResolver } from 'graphql-scalars';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { Country } from '../../domain/enums';
import { localDateOf } from '../../domain/local-date';
import '../../schema/common/enums';
import { MUNICIPALITY_FILTER, PeriodInput } from '../../schema/common/period.input';
import { SipStatistics } from '../../schema/sip/sip-statistics.type';
import { sipStatistics } from './sip-statistics.service';
import { SipEvent } from '../../domain/sip';
import { PageArgs, pageRequest, toConnection } from '../../schema/common/page';
import { Handoff } from '../../schema/handoff/handoff.type';
import { CareUnit } from '../../schema/organisation/care-unit.type';
import { Organisation } from '../../schema/organisation/organisation.type';
import { Patient } from '../../schema/patient/patient.type';
import {
  SipActivateInput,
  SipCallInput,
  SipContentUpdateInput,
  SipCreateInput,
  SipFilter,
  SipFollowUpRecordInput,
  SipMeetingRecordInput,
  SipParticipantAddInput,
  SipParticipantUpdateInput,
  SipStatusInput,
} from '../../schema/sip/sip.input';
import {
  KvaCode,
  Sip,
  SipConnection,
  SipContentProblem,
  SipFollowUp,
  SipFollowUpConnection,
  SipIntervention,
  SipMeeting,
  SipMeetingRecordPayload,
  SipParticipant,
  SipPayload,
} from '../../schema/sip/sip.type';
import type { Access } from '../../server/access/access';
import type { SipFollowUpRow, SipInterventionRow, SipMeetingRow, SipParticipantRow, SipRow } from '../../server/access/rows.sip';
import type { Context } from '../../server/context';
import { NotFoundError } from '../../schema/common/errors';
import { idArg } from '../common/args';
import {
  activateSip,
  activationProblems,
  addSipParticipant,
  callSip,
  changeSipStatus,
  createSip,
  recordSipFollowUp,
  recordSipMeeting,
  sipFollowUpsDue,
  updateSipContent,
  updateSipParticipant,
} from './sip.service';

const INPUT = { description: 'The change, with the version you read.' };

/** The KVÅ code version recorded on the local date of `at` in the plan's region. */
async function kvaOn(access: Access, code: string | null, sipId: string, at: Date | null) {
  if (code === null || at === null) return null;
  const sip = await access.sips.requireVisible(sipId);
  const region = (await access.reference.region(sip.regionId))!;
  return access.reference.kvaCode(code, localDateOf(at, region.timeZone));
}

@Resolver(() => Sip)
export class SipResolver {
  @Query(() => Sip, { nullable: true, description: 'A SIP your organisation takes part in; NOT_FOUND otherwise. Logged.' })
  sip(@Arg('id', () => ID, { description: 'The plan.' }) id: string, @Ctx() { access }: Context) {
    return access.sips.get(id);
  }

  @Query(() => SipConnection, { description: 'The SIPs your organisation takes part in, newest first. Logged per plan.' })
  async sips(
    @Args() page: PageArgs,
    @Arg('filter', () => SipFilter, { nullable: true, description: 'Which plans.' }) filter: SipFilter | null,
    @Ctx() { access }: Context,
  ) {
    const query = { patientId: filter?.patientId ? idArg(filter.patientId, 'filter.patientId') : null, status: filter?.status ?? null };
    const rows = await access.sips.list(query, pageRequest(page, ['timestamp', 'uuid']));
    return toConnection(rows, (s: SipRow) => [s.createdAt.toISOString(), s.id]);
  }

  @Query(() => SipFollowUpConnection, {
    description:
      'Follow-ups not done by their due date, of running plans (ACTIVE, FOLLOW_UP) your organisation takes part in, oldest due first: the step audits find skipped. Logged per plan.',
  })
  async sipFollowUpsDue(
    @Arg('organisationId', () => ID, { description: 'Your organisation.' }) organisationId: string,
    @Arg('before', () => LocalDateResolver, { nullable: true, description: 'Due before this date; default today (overdue ones).' }) before: string | null,
    @Args() page: PageArgs,
    @Ctx() { access }: Context,
  ) {
    const rows = await sipFollowUpsDue(access, organisationId, before, pageRequest(page, ['date', 'uuid']));
    return toConnection(rows, (f: SipFollowUpRow) => [f.dueDate, f.id]);
  }

  @FieldResolver(() => Patient, { nullable: true, description: 'The person the plan is for; null when you may not (or no longer) see the patient, with a NOT_FOUND error at this path.' })
  async patient(@Root() s: SipRow, @Ctx() { access }: Context) {
    return access.patients.view(await access.patients.requireVisible(s.patientId, 'patientId'));
  }

  @FieldResolver(() => Organisation, { nullable: true, description: 'The principal that called the plan; null only if it cannot be read.' })
  initiatingOrganisation(@Root() s: SipRow, @Ctx() { access }: Context) {
    return access.reference.organisation(s.initiatingOrganisationId);
  }

  @FieldResolver(() => Organisation, { nullable: true, description: 'The principal with overall responsibility.' })
  overallResponsibleOrganisation(@Root() s: SipRow, @Ctx() { access }: Context) {
    return s.overallResponsibleOrganisationId ? access.reference.organisation(s.overallResponsibleOrganisationId) : null;
  }

  @FieldResolver(() => Handoff, { nullable: true, description: 'The hand-off whose SIP call-out started the plan; null when none, or when your organisation takes no part in it.' })
  async handoff(@Root() s: SipRow, @Ctx() { access }: Context) {
    if (!s.handoffId) return null;
    return access.handoffs.requireVisible(s.handoffId).catch((error) => {
      if (error instanceof NotFoundError) return null;
      throw error;
    });
  }

  @FieldResolver(() => [SipParticipant], { description: 'Everyone taking part, in the order they joined: organisations, the person, relatives.' })
  participants(@Root() s: SipRow, @Ctx() { access }: Context) {
    return access.sips.participants(s);
  }

  @FieldResolver(() => [SipIntervention], { description: 'The interventions, in order.' })
  interventions(@Root() s: SipRow, @Ctx() { access }: Context) {
    return access.sips.interventions(s);
  }

  @FieldResolver(() => [SipMeeting], { description: 'Meetings held, oldest first.' })
  meetings(@Root() s: SipRow, @Ctx() { access }: Context) {
    return access.sips.meetings(s);
  }

  @FieldResolver(() => [SipFollowUp], { description: 'Follow-ups, done and open, by due date.' })
  followUps(@Root() s: SipRow, @Ctx() { access }: Context) {
    return access.sips.followUps(s);
  }

  @FieldResolver(() => [SipContentProblem], { description: 'What keeps the plan from being activated today, each required item once; empty when it may be.' })
  activationProblems(@Root() s: SipRow, @Ctx() { access }: Context) {
    return activationProblems(access, s);
  }

  @Mutation(() => SipPayload, {
    description:
      "Starts a SIP called by your organisation (a region or municipality), DRAFT; or CALLED when started from a hand-off's SIP call-out. Needs the person's SIP consent to the other principal; other organisations need their own.",
  })
  async sipCreate(@Arg('input', () => SipCreateInput, { description: 'The new plan.' }) input: SipCreateInput, @Ctx() { access }: Context) {
    return { sip: await createSip(access, input) };
  }

  @Mutation(() => SipPayload, { description: 'Calls the SIP meeting (DRAFT → CALLED).' })
  async sipCall(@Arg('input', () => SipCallInput, INPUT) input: SipCallInput, @Ctx() { access }: Context) {
    return { sip: await callSip(access, input) };
  }

  @Mutation(() => SipPayload, { description: 'Adds an organisation (a principal, or anyone else under the person’s SIP consent to it) or a relative (unless the person objects).' })
  async sipParticipantAdd(@Arg('input', () => SipParticipantAddInput, INPUT) input: SipParticipantAddInput, @Ctx() { access }: Context) {
    return { sip: await addSipParticipant(access, input) };
  }

  @Mutation(() => SipPayload, { description: "Changes a participant's contact. Principals change anyone's; other organisations their own." })
  async sipParticipantUpdate(@Arg('input', () => SipParticipantUpdateInput, INPUT) input: SipParticipantUpdateInput, @Ctx() { access }: Context) {
    return { sip: await updateSipParticipant(access, input) };
  }

  @Mutation(() => SipPayload, { description: 'Changes the content of the plan. A running plan (ACTIVE, FOLLOW_UP) must keep every required item.' })
  async sipContentUpdate(@Arg('input', () => SipContentUpdateInput, INPUT) input: SipContentUpdateInput, @Ctx() { access }: Context) {
    return { sip: await updateSipContent(access, input) };
  }

  @Mutation(() => SipMeetingRecordPayload, { description: 'Records a SIP meeting that was held: when, where or by video, and who was present.' })
  async sipMeetingRecord(@Arg('input', () => SipMeetingRecordInput, INPUT) input: SipMeetingRecordInput, @Ctx() { access }: Context) {
    const { sip, meetingId } = await recordSipMeeting(access, input);
    return { sip, meeting: (await access.sips.meetings(sip)).find((m) => m.id === meetingId)! };
  }

  @Mutation(() => SipPayload, {
    description: 'Activates a plan agreed at a meeting (CALLED → ACTIVE), recording the KVÅ code for establishing a SIP on that meeting. Refused, naming each missing item, unless the plan states everything required.',
  })
  async sipActivate(@Arg('input', () => SipActivateInput, INPUT) input: SipActivateInput, @Ctx() { access }: Context) {
    return { sip: await activateSip(access, input) };
  }

  @Mutation(() => SipPayload, { description: 'Starts following the plan up (ACTIVE → FOLLOW_UP).' })
  async sipFollowUpStart(@Arg('input', () => SipStatusInput, INPUT) input: SipStatusInput, @Ctx() { access }: Context) {
    return { sip: await changeSipStatus(access, input, SipEvent.START_FOLLOW_UP) };
  }

  @Mutation(() => SipPayload, {
    description: 'Records the open follow-up as done, with the KVÅ code for following up a SIP: the plan goes on (ACTIVE, with its next follow-up date) or closes.',
  })
  async sipFollowUpRecord(@Arg('input', () => SipFollowUpRecordInput, INPUT) input: SipFollowUpRecordInput, @Ctx() { access }: Context) {
    return { sip: await recordSipFollowUp(access, input) };
  }

  @Mutation(() => SipPayload, { description: 'Closes a running plan whose goals are met, without a follow-up (ACTIVE or FOLLOW_UP → CLOSED).' })
  async sipClose(@Arg('input', () => SipStatusInput, INPUT) input: SipStatusInput, @Ctx() { access }: Context) {
    return { sip: await changeSipStatus(access, input, SipEvent.CLOSE) };
  }

  @Mutation(() => SipPayload, { description: 'Cancels an open plan, with the reason (→ CANCELLED).' })
  async sipCancel(@Arg('input', () => SipStatusInput, INPUT) input: SipStatusInput, @Ctx() { access }: Context) {
    return { sip: await changeSipStatus(access, input, SipEvent.CANCEL) };
  }
}

@Resolver(() => SipParticipant)
export class SipParticipantResolver {
  @FieldResolver(() => Organisation, { nullable: true, description: 'The organisation; null for the person and relatives.' })
  organisation(@Root() p: SipParticipantRow, @Ctx() { access }: Context) {
    return p.organisationId ? access.reference.organisation(p.organisationId) : null;
  }

  @FieldResolver(() => CareUnit, { nullable: true, description: 'Its care unit, when one unit takes part.' })
  careUnit(@Root() p: SipParticipantRow, @Ctx() { access }: Context) {
    return p.careUnitId ? access.reference.careUnit(p.careUnitId) : null;
  }
}

@Resolver(() => SipIntervention)
export class SipInterventionResolver {
  @FieldResolver(() => Organisation, { nullable: true, description: 'The organisation that does it; null only if it cannot be read.' })
  responsibleOrganisation(@Root() i: SipInterventionRow, @Ctx() { access }: Context) {
    return access.reference.organisation(i.responsibleOrganisationId);
  }
}

@Resolver(() => SipMeeting)
export class SipMeetingResolver {
  @FieldResolver(() => [SipParticipant], { description: 'The participants present.' })
  present(@Root() m: SipMeetingRow, @Ctx() { access }: Context) {
    return access.sips.attendees(m);
  }

  @FieldResolver(() => KvaCode, { nullable: true, description: 'The KVÅ code the meeting earned (AU124 where the plan was established), as valid on the meeting day.' })
  kvaCode(@Root() m: SipMeetingRow, @Ctx() { access }: Context) {
    return kvaOn(access, m.kvaCode, m.sipId, m.heldAt);
  }
}

@Resolver(() => SipFollowUp)
export class SipFollowUpResolver {
  @FieldResolver(() => DateTimeISOResolver, { nullable: true, description: 'When it was recorded as done (its doneAt); null while open.' })
  recordedAt(@Root() f: SipFollowUpRow): Date | null {
    return f.doneAt;
  }

  @FieldResolver(() => Sip, { nullable: true, description: 'The plan followed up; null when you may no longer see it, with a NOT_FOUND error at this path.' })
  sip(@Root() f: SipFollowUpRow, @Ctx() { access }: Context) {
    return access.sips.requireVisible(f.sipId);
  }

  @FieldResolver(() => Boolean, { description: 'Not done and due before today.' })
  async overdue(@Root() f: SipFollowUpRow, @Ctx() { access }: Context): Promise<boolean> {
    return f.doneAt === null && f.dueDate < (await access.today());
  }

  @FieldResolver(() => SipMeeting, { nullable: true, description: 'The meeting at which it was done, if any.' })
  async meeting(@Root() f: SipFollowUpRow, @Ctx() { access }: Context) {
    return f.meetingId ? ((await access.sips.meetings({ id: f.sipId, regionId: f.regionId })).find((m) => m.id === f.meetingId) ?? null) : null;
  }

  @FieldResolver(() => KvaCode, { nullable: true, description: 'The KVÅ code it earned (UX301), as valid on the day it was done.' })
  kvaCode(@Root() f: SipFollowUpRow, @Ctx() { access }: Context) {
    return kvaOn(access, f.kvaCode, f.sipId, f.doneAt);
  }
}

@Resolver()
export class SipStatisticsResolver {
  @Query(() => SipStatistics, {
    description:
      "SIPs of your region for a period: started, running, follow-ups due and done on time, closed; per home municipality (every one, zeros included), by sex and by month (PLANNER or TENANT_ADMIN). Aggregates only; small counts suppressed.",
  })
  sipStatistics(
    @Arg('regionCode', { description: 'The region, e.g. 20 (Dalarna): your own.' }) regionCode: string,
    @Arg('period', () => PeriodInput, { description: 'The days to count.' }) period: PeriodInput,
    @Arg('country', () => Country, { nullable: true, defaultValue: Country.SE, description: 'Country of the region code; default SE.' }) country: Country,
    @Arg('municipalityCode', () => String, MUNICIPALITY_FILTER) municipalityCode: string | null,
    @Ctx() { access }: Context,
  ) {
    return sipStatistics(access, regionCode, country, period, municipalityCode);
  }

  @Query(() => [KvaCode], { description: 'Every version of the KVÅ codes the platform records, by code then start of validity.' })
  kvaCodes(@Ctx() { access }: Context) {
    access.requireViewer();
    return access.reference.kvaCodes();
  }
}
