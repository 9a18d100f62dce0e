import { AuditRecordType } from '../../domain/audit';
import { Role } from '../../domain/enums';
import { CapabilityOperations } from '../../schema/operations';
import { CoordinationCaseLinksResolver } from './coordination-links.resolver';
import { CoordinationListResolver } from './coordination-lists.resolver';
import { CoordinationStatisticsResolver } from './coordination-statistics.resolver';

/** The coordinator's lists and workload, the case's links to SIPs and hand-offs, and the planners' coordination statistics (issue 18 items 4–6). */
export const coordinationListOperations: CapabilityOperations = {
  resolvers: [CoordinationListResolver, CoordinationStatisticsResolver, CoordinationCaseLinksResolver],
  Query: {
    // Patient rows: every attempt is logged against the cases listed.
    coordinationCases: { allow: [Role.REHAB_COORDINATOR], patientData: AuditRecordType.COORDINATION_CASE },
    // Counts only.
    coordinationWorkload: { allow: [Role.REHAB_COORDINATOR, Role.TENANT_ADMIN], patientData: null },
    coordinationStatistics: { allow: [Role.PLANNER, Role.TENANT_ADMIN], patientData: null },
  },
};
