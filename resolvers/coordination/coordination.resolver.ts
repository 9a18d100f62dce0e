import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { allowedCoordinationStatuses, CoordinationStatus } from '../../domain/coordination';
import { CareUnit } from '../../schema/organisation/care-unit.type';
import {
  CoordinationActivityRecordInput,
  CoordinationCaseOpenInput,
  CoordinationCaseStatusChangeInput,
  CoordinationCaseTakeOverInput,
  CoordinationConsentGiveInput,
  CoordinationConsentWithdrawInput,
  CoordinationEmployerAddInput,
  CoordinationFkNoticeSendInput,
  CoordinationReturnToWorkPlanSetInput,
} from '../../schema/coordination/coordination.input';
import {
  CoordinationActivity,
  CoordinationActivityPayload,
  CoordinationActor,
  CoordinationCase,
  CoordinationCasePayload,
  CoordinationConsent,
  CoordinationConsentPayload,
  CoordinationEmployer,
  CoordinationEmployerPayload,
  CoordinationKvaCode,
  CoordinationStatusChange,
  ReturnToWorkPlan,
  ReturnToWorkStep,
} from '../../schema/coordination/coordination.type';
import { Patient } from '../../schema/patient/patient.type';
import type { CoordinationActivityRow, CoordinationCaseRow, CoordinationConsentRow, CoordinationWritten, ReturnToWorkPlanRow } from '../../server/access/coordination.store';
import type { Context } from '../../server/context';
import { actorOf, addEmployer, changeStatus, giveConsent, openCase, recordActivity, sendFkNotice, setReturnToWorkPlan, takeOverCase, withdrawConsent } from './coordination.service';

const INPUT = { description: 'The change, with the version you read.' };

/** The payload of a change that made a child row, found among the case's children. */
async function withCreated<T extends { id: string }>(written: CoordinationWritten, children: (c: CoordinationCaseRow) => Promise<T[]>): Promise<{ coordinationCase: CoordinationCaseRow; created: T }> {
  const created = (await children(written.coordinationCase)).find((row) => row.id === written.createdId)!;
  return { coordinationCase: written.coordinationCase, created };
}

@Resolver(() => CoordinationCase)
export class CoordinationCaseResolver {
  @Query(() => CoordinationCase, { nullable: true, description: 'A rehabilitation coordination case of a patient you may see; NOT_FOUND otherwise. Logged.' })
  coordinationCase(@Arg('id', () => ID, { description: 'The case.' }) id: string, @Ctx() { access }: Context) {
    return access.coordination.get(id);
  }

  @FieldResolver(() => Patient, { nullable: true, description: 'The sick-listed person; null when you may not (or no longer) see the patient, with a NOT_FOUND error at this path.' })
  async patient(@Root() c: CoordinationCaseRow, @Ctx() { access }: Context) {
    return access.patients.view(await access.patients.requireVisible(c.patientId, 'patientId'));
  }

  @FieldResolver(() => CareUnit, { nullable: true, description: 'The care unit the case belongs to; null only if it cannot be read.' })
  careUnit(@Root() c: CoordinationCaseRow, @Ctx() { access }: Context) {
    return access.reference.careUnit(c.careUnitId);
  }

  @FieldResolver(() => [CoordinationStatus], { description: 'The statuses the case may move to next (coordinationCaseStatusChange).' })
  allowedStatuses(@Root() c: CoordinationCaseRow) {
    return allowedCoordinationStatuses(c.status);
  }

  @FieldResolver(() => [CoordinationStatusChange], { description: 'Every status the case has had, oldest first, with time and author; the opening first.' })
  statusHistory(@Root() c: CoordinationCaseRow, @Ctx() { access }: Context) {
    return access.coordination.statusHistory(c);
  }

  @FieldResolver(() => [CoordinationEmployer], { description: 'The employers named in the case, in the order added.' })
  employers(@Root() c: CoordinationCaseRow, @Ctx() { access }: Context) {
    return access.coordination.employers(c);
  }

  @FieldResolver(() => [CoordinationConsent], { description: 'The patient’s consents in the case, withdrawn ones included, in the order recorded.' })
  consents(@Root() c: CoordinationCaseRow, @Ctx() { access }: Context) {
    return access.coordination.consents(c);
  }

  @FieldResolver(() => [CoordinationActivity], { description: 'The activities, in the order they happened.' })
  activities(@Root() c: CoordinationCaseRow, @Ctx() { access }: Context) {
    return access.coordination.activities(c);
  }

  @FieldResolver(() => ReturnToWorkPlan, { nullable: true, description: 'The return-to-work plan; null while none is set.' })
  returnToWorkPlan(@Root() c: CoordinationCaseRow, @Ctx() { access }: Context) {
    return access.coordination.returnToWorkPlan(c);
  }

  @Mutation(() => CoordinationCasePayload, {
    description: 'Opens a coordination case for a sick-listed patient you may see, at the care unit you act for as REHAB_COORDINATOR (primary or specialist care), assigned to you. ACTIVE needs the patient’s consent to coordination itself.',
  })
  async coordinationCaseOpen(@Arg('input', () => CoordinationCaseOpenInput, { description: 'The new case.' }) input: CoordinationCaseOpenInput, @Ctx() { access }: Context) {
    return { coordinationCase: await openCase(access, input) };
  }

  @Mutation(() => CoordinationCasePayload, { description: 'Moves a case to another status (allowedStatuses), recorded with its time and author. CLOSED needs the outcome.' })
  async coordinationCaseStatusChange(@Arg('input', () => CoordinationCaseStatusChangeInput, INPUT) input: CoordinationCaseStatusChangeInput, @Ctx() { access }: Context) {
    return { coordinationCase: await changeStatus(access, input) };
  }

  @Mutation(() => CoordinationCasePayload, { description: 'Assigns an open case (not DECLINED or CLOSED) to you, a REHAB_COORDINATOR acting for its care unit.' })
  async coordinationCaseTakeOver(@Arg('input', () => CoordinationCaseTakeOverInput, INPUT) input: CoordinationCaseTakeOverInput, @Ctx() { access }: Context) {
    return { coordinationCase: await takeOverCase(access, input) };
  }

  @Mutation(() => CoordinationEmployerPayload, { description: 'Names the patient’s employer in the case (name and a valid organisation number), so that consents and contacts can name it.' })
  async coordinationEmployerAdd(@Arg('input', () => CoordinationEmployerAddInput, INPUT) input: CoordinationEmployerAddInput, @Ctx() { access }: Context) {
    const { coordinationCase, created } = await withCreated(await addEmployer(access, input), (c) => access.coordination.employers(c));
    return { coordinationCase, employer: created };
  }

  @Mutation(() => CoordinationConsentPayload, { description: 'Records a consent the patient gave: to coordination itself, or to give information to (or receive it from) one actor, for named categories, a purpose and a period.' })
  async coordinationConsentGive(@Arg('input', () => CoordinationConsentGiveInput, INPUT) input: CoordinationConsentGiveInput, @Ctx() { access }: Context) {
    const { coordinationCase, created } = await withCreated(await giveConsent(access, input), (c) => access.coordination.consents(c));
    return { coordinationCase, consent: created };
  }

  @Mutation(() => CoordinationCasePayload, { description: 'Withdraws a consent from now on.' })
  async coordinationConsentWithdraw(@Arg('input', () => CoordinationConsentWithdrawInput, INPUT) input: CoordinationConsentWithdrawInput, @Ctx() { access }: Context) {
    return { coordinationCase: await withdrawConsent(access, input) };
  }

  @Mutation(() => CoordinationActivityPayload, { description: 'Records a contact, meeting or follow-up with the KVÅ codes it earned. Refused on a DECLINED or CLOSED case.' })
  async coordinationActivityRecord(@Arg('input', () => CoordinationActivityRecordInput, INPUT) input: CoordinationActivityRecordInput, @Ctx() { access }: Context) {
    const { coordinationCase, created } = await withCreated(await recordActivity(access, input), (c) => access.coordination.activities(c));
    return { coordinationCase, activity: created };
  }

  @Mutation(() => CoordinationActivityPayload, { description: 'Sets the return-to-work plan (a part-time ramp of steps that do not overlap, each at most 100 %), recorded as an activity.' })
  async coordinationReturnToWorkPlanSet(@Arg('input', () => CoordinationReturnToWorkPlanSetInput, INPUT) input: CoordinationReturnToWorkPlanSetInput, @Ctx() { access }: Context) {
    const { coordinationCase, created } = await withCreated(await setReturnToWorkPlan(access, input), (c) => access.coordination.activities(c));
    return { coordinationCase, activity: created };
  }

  @Mutation(() => CoordinationActivityPayload, {
    description: 'Informs Försäkringskassan of a need for work-oriented rehabilitation (4 §), recorded as an activity. Refused (CONFLICT, extensions.missing) without the patient’s consent of its own naming FK.',
  })
  async coordinationFkNoticeSend(@Arg('input', () => CoordinationFkNoticeSendInput, INPUT) input: CoordinationFkNoticeSendInput, @Ctx() { access }: Context) {
    const { coordinationCase, created } = await withCreated(await sendFkNotice(access, input), (c) => access.coordination.activities(c));
    return { coordinationCase, activity: created };
  }
}

@Resolver(() => CoordinationConsent)
export class CoordinationConsentResolver {
  @FieldResolver(() => CoordinationActor, { description: 'The actor it names; kind null: the consent to coordination itself.' })
  actor(@Root() k: CoordinationConsentRow) {
    return actorOf(k);
  }
}

@Resolver(() => CoordinationActivity)
export class CoordinationActivityResolver {
  @FieldResolver(() => CoordinationActor, { description: 'With whom; kind null: the patient.' })
  actor(@Root() a: CoordinationActivityRow) {
    return actorOf(a);
  }

  @FieldResolver(() => [CoordinationKvaCode], { description: 'The KVÅ codes it earned.' })
  async kvaCodes(@Root() a: CoordinationActivityRow, @Ctx() { access }: Context) {
    return (await access.coordination.kvaCodes({ id: a.caseId, regionId: a.regionId })).filter((k) => k.activityId === a.id);
  }
}

@Resolver(() => ReturnToWorkPlan)
export class ReturnToWorkPlanResolver {
  @FieldResolver(() => [ReturnToWorkStep], { description: 'The steps of the ramp, in order.' })
  steps(@Root() p: ReturnToWorkPlanRow, @Ctx() { access }: Context) {
    return access.coordination.steps(p);
  }
}
