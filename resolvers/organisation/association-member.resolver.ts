import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { AssociationMember, Organisation } from '../../schema/organisation/organisation.type';
import type { MembershipRow } from '../../server/access/rows';
import type { Context } from '../../server/context';

@Resolver(() => AssociationMember)
export class AssociationMemberResolver {
  @FieldResolver(() => Organisation, { description: 'The coordination association.' })
  association(@Root() membership: MembershipRow, @Ctx() { access }: Context) {
    return access.reference.organisation(membership.associationId);
  }

  @FieldResolver(() => Organisation, { description: 'The member organisation.' })
  member(@Root() membership: MembershipRow, @Ctx() { access }: Context) {
    return access.reference.organisation(membership.memberId);
  }
}
