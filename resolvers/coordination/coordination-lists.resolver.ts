import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Context } from '../../server/context';
import { PageArgs } from '../../schema/common/page';
import { CoordinationCaseConnection, CoordinationCaseFilter, CoordinationWorkload } from '../../schema/coordination/coordination-list.type';
import { coordinationCases, coordinationWorkload } from './coordination-lists.service';

@Resolver()
export class CoordinationListResolver {
  @Query(() => CoordinationCaseConnection, {
    description:
      "The coordinator's list: the cases of the care unit you act for as REHAB_COORDINATOR (open ones unless filter.statuses says otherwise), of patients you may see, in the order of what needs attention: the sick leave ending soonest first, then the case longest without activity, then by id. Logged per case.",
  })
  coordinationCases(
    @Arg('careUnitId', () => ID, { description: 'The care unit you act for; another is FORBIDDEN.' }) careUnitId: string,
    @Arg('filter', () => CoordinationCaseFilter, { nullable: true, description: 'Which cases.' }) filter: CoordinationCaseFilter | null,
    @Args() page: PageArgs,
    @Ctx() { access }: Context,
  ) {
    return coordinationCases(access, careUnitId, filter, page);
  }

  @Query(() => CoordinationWorkload, {
    description: "The open coordination cases of a care unit per coordinator, with their age (REHAB_COORDINATOR acting for the unit, or TENANT_ADMIN of its region). Counts only.",
  })
  coordinationWorkload(@Arg('careUnitId', () => ID, { description: 'The care unit.' }) careUnitId: string, @Ctx() { access }: Context) {
    return coordinationWorkload(access, careUnitId);
  }
}
