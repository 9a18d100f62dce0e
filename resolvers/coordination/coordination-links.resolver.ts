import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../server/context';
import type { CoordinationCaseRow } from '../../server/access/coordination.store';
import { CoordinationLinkedRecord } from '../../schema/coordination/coordination-links.type';
import { CoordinationCase } from '../../schema/coordination/coordination.type';

/** What a coordinator may see of the patient's other plans: that a SIP or a hand-off exists (issue 18 item 6). */
@Resolver(() => CoordinationCase)
export class CoordinationCaseLinksResolver {
  @FieldResolver(() => [CoordinationLinkedRecord], { description: "The patient's SIPs your organisation takes part in, oldest first: that one exists, and its status." })
  sipsOfPatient(@Root() c: CoordinationCaseRow, @Ctx() { access }: Context) {
    return access.coordinationLinks.sips({ id: c.patientId, regionId: c.regionId });
  }

  @FieldResolver(() => [CoordinationLinkedRecord], { description: "The patient's hand-offs your organisation is a party of, oldest first: that one exists, and its state." })
  handoffsOfPatient(@Root() c: CoordinationCaseRow, @Ctx() { access }: Context) {
    return access.coordinationLinks.handoffs({ id: c.patientId, regionId: c.regionId });
  }
}
