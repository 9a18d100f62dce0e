import { ANY_VIEWER, CapabilityOperations } from '../../schema/operations';
import { FundingProgrammeResolver } from './funding-programme.resolver';

export const fundingProgrammeOperations: CapabilityOperations = {
  resolvers: [FundingProgrammeResolver],
  Query: {
    // National reference data.
    fundingProgrammes: { allow: ANY_VIEWER, patientData: null },
  },
};
