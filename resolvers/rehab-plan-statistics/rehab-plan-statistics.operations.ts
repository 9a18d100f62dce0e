import { Role } from '../../domain/enums';
import { CapabilityOperations } from '../../schema/operations';
import { RehabPlanStatisticsResolver } from './rehab-plan-statistics.resolver';

export const rehabPlanStatisticsOperations: CapabilityOperations = {
  resolvers: [RehabPlanStatisticsResolver],
  Query: {
    // Aggregates for planners: no patient rows.
    rehabPlanStatistics: { allow: [Role.PLANNER, Role.TENANT_ADMIN], patientData: null },
  },
};
