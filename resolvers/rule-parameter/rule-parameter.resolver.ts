import { Arg, Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { Country } from '../../domain/enums';
import { PageArgs, pageRequest, toConnection } from '../../schema/common/page';
import { RuleParameterSetInput } from '../../schema/rule-parameter/rule-parameter.input';
import { RuleParameter, RuleParameterConnection, RuleParameterSetPayload } from '../../schema/rule-parameter/rule-parameter.type';
import type { Context } from '../../server/context';
import { regionIdOf, setRuleParameter, toRuleParameter } from './rule-parameter.service';

@Resolver(() => RuleParameter)
export class RuleParameterResolver {
  @Query(() => [RuleParameter], {
    description: "The rule parameters in force in your region on a day, one per key, by key: the region's own value where it has one, else the default.",
  })
  async ruleParameters(
    @Arg('regionCode', { description: 'Your region, e.g. "20" (Dalarna); another region is NOT_FOUND.' }) regionCode: string,
    @Arg('onDate', () => LocalDateResolver, { description: 'The day, e.g. a case\'s start date.' }) onDate: string,
    @Arg('country', () => Country, { nullable: true, defaultValue: Country.SE, description: 'Country of `regionCode`; default SE.' }) country: Country,
    @Ctx() { access }: Context,
  ) {
    const regionId = await regionIdOf(access, country, regionCode);
    return (await access.ruleParameters.inForce(regionId, regionCode, onDate)).map(toRuleParameter);
  }

  @Query(() => RuleParameterConnection, {
    description: 'Every value a rule parameter has had in your region, its own and the defaults, latest start first, with who set it and when.',
  })
  async ruleParameterHistory(
    @Arg('regionCode', { description: 'Your region, e.g. "20" (Dalarna); another region is NOT_FOUND.' }) regionCode: string,
    @Arg('key', { description: 'The parameter, e.g. "discharge.dailyAmount".' }) key: string,
    @Args() page: PageArgs,
    @Arg('country', () => Country, { nullable: true, defaultValue: Country.SE, description: 'Country of `regionCode`; default SE.' }) country: Country,
    @Ctx() { access }: Context,
  ) {
    const request = pageRequest(page, ['date', 'uuid']);
    const regionId = await regionIdOf(access, country, regionCode);
    const rows = await access.ruleParameters.history(regionId, regionCode, key, request);
    return toConnection({ nodes: rows.nodes.map(toRuleParameter), hasNextPage: rows.hasNextPage }, (p) => [p.validFrom, p.id]);
  }

  @Mutation(() => RuleParameterSetPayload, {
    description:
      "Sets a rule parameter of your region from a date on (TENANT_ADMIN): checked against the key's type and range; the region's current value ends the day before. Never retroactive: cases started before keep their values.",
  })
  async ruleParameterSet(@Arg('input', () => RuleParameterSetInput, { description: 'The key, value and first day.' }) input: RuleParameterSetInput, @Ctx() { access }: Context) {
    return { ruleParameter: await setRuleParameter(access, input) };
  }
}
