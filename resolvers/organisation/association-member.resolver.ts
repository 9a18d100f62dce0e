import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { AssociationMember, Organisation } from '../../schema/organisation/organisation.type';
import type { MembershipRow } from '../../server/access/rows';
import type { Context } from '../../server/context';

@Resolver(() => AssociationMember)
export class AssociationMemberResolver {
  @FieldResolver(() => Organisation, { nullable: true, description: 'The coordination association; null only if it cannot be read.' })
  association(@Root() membership: MembershipRow, @Ctx() { access }: Context) {
    return access.reference.organisation(membership.associationId);
  }

  @FieldResolver(() => Organisation, { nullable: true, description: 'The member organisation; null only if it cannot be read.' })
  member(@Root() membership: MembershipRow, @Ctx() { access }: Context) {
    return access.reference.organisation(membership.memberId);
  }
}
