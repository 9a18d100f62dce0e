import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: "A SIP or a hand-off of a coordination case's patient that your organisation may see (it takes part in the SIP, is a party of the hand-off): read it with sip(id) or handoff(id)." })
export class CoordinationLinkedRecord {
  @Field(() => ID, { description: 'The SIP or hand-off.' })
  id: string;

  @Field({ description: "Where it stands: the SIP's status or the hand-off's state." })
  status: string;
}
