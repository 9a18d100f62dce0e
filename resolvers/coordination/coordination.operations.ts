import { AuditRecordType } from '../../domain/audit';
import { Role } from '../../domain/enums';
import { PATIENT_ROLES } from '../../domain/roles';
import { CapabilityOperations } from '../../schema/operations';
import { CoordinationActivityResolver, CoordinationCaseResolver, CoordinationConsentResolver, ReturnToWorkPlanResolver } from './coordination.resolver';

/** A case is patient data: read by care roles, changed by coordinators; every attempt is logged against its patient. */
const reads = { allow: PATIENT_ROLES, patientData: AuditRecordType.COORDINATION_CASE };
const writes = { allow: [Role.REHAB_COORDINATOR], patientData: AuditRecordType.COORDINATION_CASE };

/** Rehabilitation coordination (lag 2019:1297): cases, consents per actor, employers, activities with KVÅ codes, the return-to-work plan and the FK notice. */
export const coordinationOperations: CapabilityOperations = {
  resolvers: [CoordinationCaseResolver, CoordinationConsentResolver, CoordinationActivityResolver, ReturnToWorkPlanResolver],
  Query: {
    coordinationCase: reads,
  },
  Mutation: {
    coordinationCaseOpen: writes,
    coordinationCaseStatusChange: writes,
    coordinationCaseTakeOver: writes,
    coordinationEmployerAdd: writes,
    coordinationConsentGive: writes,
    coordinationConsentWithdraw: writes,
    coordinationActivityRecord: writes,
    coordinationReturnToWorkPlanSet: writes,
    coordinationFkNoticeSend: writes,
  },
};
