import { Field, ObjectType } from 'type-graphql';
import { DateTimeISOResolver } from 'graphql-scalars';

@ObjectType({ description: "The server's clock: what every deadline, validity and timestamp reads as now." })
export class TestClock {
  @Field(() => DateTimeISOResolver, { description: 'The current instant.' })
  now: Date;

  @Field({ description: 'Whether the deployment runs on a controlled clock (CLOCK=controlled, never in production) that a TENANT_ADMIN moves forward with testClockAdvance.' })
  controlled: boolean;
}

@ObjectType({ description: 'The result of testClockAdvance.' })
export class TestClockAdvancePayload {
  @Field(() => TestClock, { description: 'The clock after the move.' })
  clock: TestClock;
}
