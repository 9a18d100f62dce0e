import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';
import { Country } from '../../domain/enums';
import { regionCodeProblem } from '../../domain/region-codes';
import { BY_NAME, PageArgs, pageRequest, toConnection } from '../../schema/common/page';
import { Region, RegionConnection } from '../../schema/organisation/region.type';
import type { RegionRow } from '../../server/access/rows';
import type { Context } from '../../server/context';
import { BadUserInputError } from '../../schema/common/errors';

@Resolver(() => Region)
export class RegionResolver {
  @Query(() => RegionConnection, { description: 'All regions (tenants), by name.' })
  async regions(@Args() page: PageArgs, @Ctx() { access }: Context) {
    return toConnection(await access.reference.regions(pageRequest(page, BY_NAME)), (r: RegionRow) => [r.name, r.id]);
  }

  @Query(() => Region, { nullable: true, description: 'A region by its official 2-digit code; null when there is none.' })
  region(
    @Arg('code', { description: 'Official 2-digit code, e.g. "20" for Dalarna.' }) code: string,
    @Arg('country', () => Country, { defaultValue: Country.SE, description: 'Country of the code; default SE.' }) country: Country,
    @Ctx() { access }: Context,
  ) {
    const problem = regionCodeProblem(country, code);
    if (problem) throw new BadUserInputError(`code: ${problem}`, 'code');
    return access.reference.regionByCode(country, code);
  }
}
