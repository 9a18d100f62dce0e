import { Role } from '../../domain/enums';
import { ANY_VIEWER, CapabilityOperations } from '../../schema/operations';
import { TestClockResolver } from './test-clock.resolver';

/** The deployment's clock: any viewer reads it; a TENANT_ADMIN moves a controlled one forward. */
export const testClockOperations: CapabilityOperations = {
  resolvers: [TestClockResolver],
  Query: { testClock: { allow: ANY_VIEWER, patientData: null } },
  Mutation: { testClockAdvance: { allow: [Role.TENANT_ADMIN], patientData: null } },
};
