import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { BY_NAME, PageArgs, pageRequest, toConnection } from '../../schema/common/page';
import {
  CareUnitCreateInput,
  CareUnitCreatePayload,
  CareUnitFilter,
  CareUnitUpdateInput,
  CareUnitUpdatePayload,
} from '../../schema/organisation/care-unit.input';
import { CareUnit, CareUnitConnection } from '../../schema/organisation/care-unit.type';
import { Organisation } from '../../schema/organisation/organisation.type';
import type { CareUnitRow } from '../../server/access/rows';
import type { Context } from '../../server/context';
import { createCareUnit, updateCareUnit } from './care-unit.service';
import { idArg } from '../common/args';

@Resolver(() => CareUnit)
export class CareUnitResolver {
  @Query(() => CareUnitConnection, { description: 'Care units, by name, optionally of one organisation and at one care level.' })
  async careUnits(
    @Args() page: PageArgs,
    @Arg('filter', () => CareUnitFilter, { nullable: true, description: 'Which care units to list.' }) filter: CareUnitFilter | null,
    @Ctx() { access }: Context,
  ) {
    const request = pageRequest(page, BY_NAME);
    const organisationId = filter?.organisationId ? idArg(filter.organisationId, 'filter.organisationId') : undefined;
    const rows = await access.reference.careUnits({ organisationId, careLevel: filter?.careLevel ?? undefined }, request);
    return toConnection(rows, (c: CareUnitRow) => [c.name, c.id]);
  }

  @Query(() => CareUnit, { nullable: true, description: 'A care unit by id; null when there is none.' })
  careUnit(@Arg('id', () => ID, { description: 'The care unit id.' }) id: string, @Ctx() { access }: Context) {
    return access.reference.careUnit(id);
  }

  @FieldResolver(() => Organisation, { nullable: true, description: 'The organisation the unit belongs to; null only if it cannot be read.' })
  organisation(@Root() unit: CareUnitRow, @Ctx() { access }: Context) {
    return access.reference.organisation(unit.organisationId);
  }

  @Mutation(() => CareUnitCreatePayload, { description: 'Creates a care unit of an organisation in the viewer\'s region (TENANT_ADMIN).' })
  async careUnitCreate(@Arg('input', () => CareUnitCreateInput, { description: 'The new care unit.' }) input: CareUnitCreateInput, @Ctx() { access }: Context) {
    return { careUnit: await createCareUnit(access, input) };
  }

  @Mutation(() => CareUnitUpdatePayload, { description: 'Changes a care unit of the viewer\'s region (TENANT_ADMIN).' })
  async careUnitUpdate(@Arg('input', () => CareUnitUpdateInput, { description: 'What to change.' }) input: CareUnitUpdateInput, @Ctx() { access }: Context) {
    return { careUnit: await updateCareUnit(access, input) };
  }
}
