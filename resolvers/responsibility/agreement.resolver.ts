import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { AgreementScenario } from '../../domain/enums';
import { BY_NAME, PageArgs, pageRequest, toConnection } from '../../schema/common/page';
import { Organisation } from '../../schema/organisation/organisation.type';
import { Region } from '../../schema/organisation/region.type';
import {
  AgreementCreateInput,
  AgreementNewVersionInput,
  AgreementPayload,
  AgreementUpdateInput,
  ResponsibilityRuleCreateInput,
  ResponsibilityRuleDeleteInput,
  ResponsibilityRuleDeletePayload,
  ResponsibilityRulePayload,
  ResponsibilityRuleUpdateInput,
} from '../../schema/responsibility/responsibility.input';
import { Agreement, AgreementConnection, ResponsibilityChangeConnection, ResponsibilityRuleConnection } from '../../schema/responsibility/responsibility.type';
import type { Access } from '../../server/access/access';
import type { AgreementRow, ChangeRow } from '../../server/access/responsibility.store';
import type { Context } from '../../server/context';
import { BadUserInputError, NotFoundError } from '../../schema/common/errors';
import { createAgreement, createRule, deleteRule, newAgreementVersion, updateAgreement, updateRule } from './agreement.service';
import { ruleView } from './rule-view';

async function agreementById(access: Access, id: string): Promise<AgreementRow> {
  const agreement = await access.responsibility.agreement(id);
  if (!agreement) throw new NotFoundError(`No agreement with id ${id} in your region`, 'id');
  return agreement;
}

async function ruleById(access: Access, agreementId: string, id: string) {
  return ruleView((await access.responsibility.rules(agreementId)).find((r) => r.id === id)!);
}

@Resolver(() => Agreement)
export class AgreementResolver {
  @Query(() => AgreementConnection, { description: 'Agreements of your region, by title; optionally of one scenario and in force on a date ("what applied on 2024-03-01?").' })
  async agreements(
    @Arg('scenario', () => AgreementScenario, { nullable: true, description: 'Only this scenario.' }) scenario: AgreementScenario | null,
    @Arg('onDate', () => LocalDateResolver, { nullable: true, description: 'Only agreements in force on this date.' }) onDate: string | null,
    @Args() page: PageArgs,
    @Ctx() { access }: Context,
  ) {
    const rows = await access.responsibility.agreements({ scenario: scenario ?? undefined, onDate: onDate ?? undefined }, pageRequest(page, BY_NAME));
    return toConnection(rows, (a: AgreementRow) => [a.title, a.id]);
  }

  @Query(() => Agreement, { nullable: true, description: 'An agreement of your region by id; null when there is none.' })
  agreement(@Arg('id', () => ID, { description: 'The agreement.' }) id: string, @Ctx() { access }: Context) {
    return access.responsibility.agreement(id);
  }

  @FieldResolver(() => Region, { nullable: true, description: 'The region whose agreement it is; null only if it cannot be read.' })
  region(@Root() agreement: AgreementRow, @Ctx() { access }: Context) {
    return access.reference.region(agreement.regionId);
  }

  @FieldResolver(() => Agreement, { nullable: true, description: 'The version this one superseded.' })
  supersedes(@Root() agreement: AgreementRow, @Ctx() { access }: Context) {
    return agreement.supersedesId ? access.responsibility.agreement(agreement.supersedesId) : null;
  }

  @FieldResolver(() => [Organisation], { nullable: 'items', description: 'The parties to the agreement; an entry is null only if it cannot be read.' })
  async parties(@Root() agreement: AgreementRow, @Ctx() { access }: Context) {
    return Promise.all((await access.responsibility.partyIds(agreement.id)).map((id) => access.reference.organisation(id)));
  }

  @FieldResolver(() => ResponsibilityRuleConnection, { description: 'Its rules, in a stable order (by start date, then id).' })
  async rules(@Root() agreement: AgreementRow, @Args() page: PageArgs, @Ctx() { access }: Context) {
    const request = pageRequest(page, ['uuid']);
    const all = await access.responsibility.rules(agreement.id);
    const start = request.after ? all.findIndex((r) => r.id === request.after![0]) + 1 : 0;
    if (request.after && start === 0) throw new BadUserInputError('after is not a cursor of this list', 'after');
    const nodes = all.slice(start, start + request.first);
    return toConnection({ nodes: nodes.map(ruleView), hasNextPage: start + request.first < all.length }, (r) => [r.id]);
  }

  @FieldResolver(() => ResponsibilityChangeConnection, { description: 'Who changed it and its rules, when, newest first.' })
  async changes(@Root() agreement: AgreementRow, @Args() page: PageArgs, @Ctx() { access }: Context) {
    return toConnection(await access.responsibility.changes(agreement.id, pageRequest(page, ['bigint'])), (c: ChangeRow) => [c.id]);
  }

  @Mutation(() => AgreementPayload, { description: "Creates an agreement of your region (RESPONSIBILITY_EDITOR)." })
  async agreementCreate(@Arg('input', () => AgreementCreateInput, { description: 'The agreement.' }) input: AgreementCreateInput, @Ctx() { access }: Context) {
    return { agreement: await agreementById(access, await createAgreement(access, input)) };
  }

  @Mutation(() => AgreementPayload, { description: 'Supersedes an agreement with a new version from a date; the old version stays readable for its period (RESPONSIBILITY_EDITOR).' })
  async agreementNewVersion(@Arg('input', () => AgreementNewVersionInput, { description: 'The new version.' }) input: AgreementNewVersionInput, @Ctx() { access }: Context) {
    return { agreement: await agreementById(access, await newAgreementVersion(access, input)) };
  }

  @Mutation(() => AgreementPayload, { description: 'Changes an agreement of your region (RESPONSIBILITY_EDITOR).' })
  async agreementUpdate(@Arg('input', () => AgreementUpdateInput, { description: 'What to change.' }) input: AgreementUpdateInput, @Ctx() { access }: Context) {
    return { agreement: await agreementById(access, await updateAgreement(access, input)) };
  }

  @Mutation(() => ResponsibilityRulePayload, { description: 'Adds a rule to an agreement; a rule that would answer some case twice is a CONFLICT naming the other rule (RESPONSIBILITY_EDITOR).' })
  async responsibilityRuleCreate(@Arg('input', () => ResponsibilityRuleCreateInput, { description: 'The rule.' }) input: ResponsibilityRuleCreateInput, @Ctx() { access }: Context) {
    const id = await createRule(access, input.agreementId, input.rule);
    return { rule: await ruleById(access, input.agreementId, id) };
  }

  @Mutation(() => ResponsibilityRulePayload, { description: 'Rewrites a rule, under the same conflict check (RESPONSIBILITY_EDITOR).' })
  async responsibilityRuleUpdate(@Arg('input', () => ResponsibilityRuleUpdateInput, { description: 'The rule as it should read.' }) input: ResponsibilityRuleUpdateInput, @Ctx() { access }: Context) {
    const agreementId = await updateRule(access, input.id, input.rule);
    return { rule: await ruleById(access, agreementId, input.id) };
  }

  @Mutation(() => ResponsibilityRuleDeletePayload, { description: 'Removes a rule (RESPONSIBILITY_EDITOR).' })
  async responsibilityRuleDelete(@Arg('input', () => ResponsibilityRuleDeleteInput, { description: 'The rule.' }) input: ResponsibilityRuleDeleteInput, @Ctx() { access }: Context) {
    const agreementId = await deleteRule(access, input.id);
    return { deletedRuleId: input.id, agreement: await agreementById(access, agreementId) };
  }
}
