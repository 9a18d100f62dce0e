import { AuditRecordType } from '../../domain/audit';
import { Role } from '../../domain/enums';
import { HANDOFF_READ_ROLES, PATIENT_ROLES } from '../../domain/roles';
import { CapabilityOperations } from '../../schema/operations';
import { HandoffReportResolver } from './handoff-report.resolver';
import { HandoffMessageRecipientResolver, HandoffMessageResolver, HandoffPartyResolver, HandoffResolver } from './handoff.resolver';

/** Reads and acknowledgements: care staff, and a municipal system polling its organisation's inbox. */
const reads = { allow: HANDOFF_READ_ROLES, patientData: AuditRecordType.HANDOFF };
const sends = { allow: PATIENT_ROLES, patientData: AuditRecordType.HANDOFF };

export const handoffOperations: CapabilityOperations = {
  resolvers: [HandoffResolver, HandoffPartyResolver, HandoffMessageResolver, HandoffMessageRecipientResolver, HandoffReportResolver],
  Query: {
    handoff: reads,
    handoffInbox: reads,
    // Aggregates for planners: no patient rows.
    handoffDeadlineReport: { allow: [Role.PLANNER, Role.TENANT_ADMIN], patientData: null },
  },
  Mutation: {
    handoffCreate: sends,
    handoffMessageSend: sends,
    handoffMessageAcknowledge: { allow: HANDOFF_READ_ROLES, patientData: AuditRecordType.HANDOFF_MESSAGE },
  },
};
