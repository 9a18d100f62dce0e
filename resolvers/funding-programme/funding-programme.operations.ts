import { Role } from '../../domain/enums';
import { ANY_VIEWER, CapabilityOperations } from '../../schema/operations';
import { PaymentCommitmentFundingResolver, RehabPlanFundingResolver } from './funding-link.resolver';
import { FundingProgrammeResolver } from './funding-programme.resolver';
import { ProgrammeReportResolver } from './programme-report.resolver';

export const fundingProgrammeOperations: CapabilityOperations = {
  resolvers: [FundingProgrammeResolver, ProgrammeReportResolver, RehabPlanFundingResolver, PaymentCommitmentFundingResolver],
  Query: {
    // National reference data.
    fundingProgrammes: { allow: ANY_VIEWER, patientData: null },
    // A region's report to a programme: aggregates for planners, no patient rows.
    programmeReport: { allow: [Role.PLANNER], patientData: null },
  },
};
