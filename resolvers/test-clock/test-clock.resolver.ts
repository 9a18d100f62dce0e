import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { DateTimeISOResolver } from 'graphql-scalars';
import { TestClock, TestClockAdvancePayload } from '../../schema/test-clock/test-clock.type';
import type { Context } from '../../server/context';

@Resolver(() => TestClock)
export class TestClockResolver {
  @Query(() => TestClock, { description: "The server's clock: now, and whether it is a controlled clock (CLOCK=controlled)." })
  testClock(@Ctx() { access }: Context) {
    return access.testClock.read();
  }

  @Mutation(() => TestClockAdvancePayload, {
    description:
      'Moves a controlled clock forward to `to` (TENANT_ADMIN; only on a deployment started with CLOCK=controlled, else FORBIDDEN). It runs on from there with the real time; deadlines, validity and timestamps all read it. Earlier than now is BAD_USER_INPUT on `to`.',
  })
  async testClockAdvance(@Arg('to', () => DateTimeISOResolver, { description: 'The instant the clock moves to: now or later.' }) to: Date, @Ctx() { access }: Context) {
    return { clock: await access.testClock.advance(to) };
  }
}
