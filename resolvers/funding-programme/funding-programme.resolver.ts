import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import type { Context } from '../../server/context';
import { FundingProgramme } from '../../schema/funding-programme/funding-programme.type';

@Resolver()
export class FundingProgrammeResolver {
  @Query(() => [FundingProgramme], {
    description: 'The national funding programmes (reference data, any signed-in viewer), by code then start of validity.',
  })
  fundingProgrammes(
    @Arg('onDate', () => LocalDateResolver, {
      nullable: true,
      description: 'Only the versions valid on this day, with their forms valid on it; omitted: every version, closed programmes included.',
    })
    onDate: string | null,
    @Ctx() { access }: Context,
  ) {
    return onDate ? access.fundingProgrammes.on(onDate) : access.fundingProgrammes.all();
  }
}
