import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Country, OrganisationKind } from '../../domain/enums';
import { municipalityCodeProblem } from '../../domain/region-codes';
import { BY_NAME, PageArgs, pageRequest, toConnection } from '../../schema/common/page';
import { CareUnitConnection } from '../../schema/organisation/care-unit.type';
import {
  OrganisationCreateInput,
  OrganisationCreatePayload,
  OrganisationFilter,
  OrganisationUpdateInput,
  OrganisationUpdatePayload,
} from '../../schema/organisation/organisation.input';
import { AssociationMember, Organisation, OrganisationConnection } from '../../schema/organisation/organisation.type';
import { Region } from '../../schema/organisation/region.type';
import type { CareUnitRow, OrganisationRow } from '../../server/access/rows';
import type { Context } from '../../server/context';
import { BadUserInputError } from '../../schema/common/errors';
import { organisationPrefetch } from './organisation.lookahead';
import { createOrganisation, regionByCodeArg, updateOrganisation } from './organisation.service';

const byName = (o: { name: string; id: string }) => [o.name, o.id];

@Resolver(() => Organisation)
export class OrganisationResolver {
  @Query(() => OrganisationConnection, { description: 'Organisations, by name, optionally filtered by region, kind and name.' })
  async organisations(
    @Args() page: PageArgs,
    @Arg('filter', () => OrganisationFilter, { nullable: true, description: 'Which organisations to list.' }) filter: OrganisationFilter | null,
    @Ctx() { access }: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    const request = pageRequest(page, BY_NAME);
    const search = filter?.search?.trim();
    if (search && search.length > 100) throw new BadUserInputError('filter.search has at most 100 characters', 'filter.search');
    const region = filter?.regionCode
      ? await regionByCodeArg(access, filter.regionCode, filter.country ?? Country.SE, 'filter.regionCode')
      : null;
    const rows = await access.reference.organisations(
      { regionId: region?.id, kind: filter?.kind ?? undefined, search: search || undefined },
      request,
      organisationPrefetch(info),
    );
    return toConnection(rows, byName);
  }

  @Query(() => Organisation, { nullable: true, description: 'An organisation by id; null when there is none.' })
  organisation(@Arg('id', () => ID, { description: 'The organisation id.' }) id: string, @Ctx() { access }: Context) {
    return access.reference.organisation(id);
  }

  @Query(() => Organisation, { nullable: true, description: 'A municipality by its official code; null when there is none.' })
  municipality(
    @Arg('code', { description: 'Official municipality code: 4 digits in Sweden (2062 = Mora), 3 in Finland (478 = Mariehamn).' }) code: string,
    @Arg('country', () => Country, { defaultValue: Country.SE, description: 'Country of the code; default SE.' }) country: Country,
    @Ctx() { access }: Context,
  ) {
    const problem = municipalityCodeProblem(country, code.slice(0, 2), code);
    if (problem) throw new BadUserInputError(`code: ${problem}`, 'code');
    return access.reference.municipality(country, code);
  }

  @Query(() => OrganisationConnection, { description: 'Coordination associations (samordningsförbund) of a region; see `members` for members and financing shares.' })
  async coordinationAssociations(
    @Arg('regionCode', { description: 'Official 2-digit code of the region.' }) regionCode: string,
    @Arg('country', () => Country, { defaultValue: Country.SE, description: 'Country of the code; default SE.' }) country: Country,
    @Args() page: PageArgs,
    @Ctx() { access }: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    const request = pageRequest(page, BY_NAME);
    const region = await regionByCodeArg(access, regionCode, country, 'regionCode');
    const rows = await access.reference.organisations({ regionId: region.id, kind: OrganisationKind.COORDINATION_ASSOCIATION }, request, organisationPrefetch(info));
    return toConnection(rows, byName);
  }

  @FieldResolver(() => Region, { nullable: true, description: 'The region the organisation belongs to; null only if it cannot be read.' })
  async region(@Root() organisation: OrganisationRow, @Ctx() { access }: Context) {
    return access.reference.region(organisation.regionId);
  }

  @FieldResolver(() => [AssociationMember], {
    description: 'For a coordination association: its members with their financing shares, by name. Empty for other kinds.',
  })
  members(@Root() organisation: OrganisationRow, @Ctx() { access }: Context) {
    // Through the loader for every kind (others simply have none), so a list costs one statement.
    return access.reference.membersOf(organisation.id);
  }

  @FieldResolver(() => [AssociationMember], { description: 'The coordination associations this organisation is a member of, by name.' })
  memberships(@Root() organisation: OrganisationRow, @Ctx() { access }: Context) {
    return access.reference.membershipsOf(organisation.id);
  }

  @FieldResolver(() => CareUnitConnection, { description: 'Care units of the organisation, by name.' })
  async careUnits(@Root() organisation: OrganisationRow, @Args() page: PageArgs, @Ctx() { access }: Context) {
    const rows = await access.reference.careUnits({ organisationId: organisation.id }, pageRequest(page, BY_NAME));
    return toConnection(rows, (c: CareUnitRow) => [c.name, c.id]);
  }

  @Mutation(() => OrganisationCreatePayload, { description: 'Creates an organisation in the viewer\'s region (TENANT_ADMIN).' })
  async organisationCreate(@Arg('input', () => OrganisationCreateInput, { description: 'The new organisation.' }) input: OrganisationCreateInput, @Ctx() { access }: Context) {
    return { organisation: await createOrganisation(access, input) };
  }

  @Mutation(() => OrganisationUpdatePayload, { description: 'Changes an organisation of the viewer\'s region (TENANT_ADMIN).' })
  async organisationUpdate(@Arg('input', () => OrganisationUpdateInput, { description: 'What to change.' }) input: OrganisationUpdateInput, @Ctx() { access }: Context) {
    return { organisation: await updateOrganisation(access, input) };
  }
}
