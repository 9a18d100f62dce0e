import { AuditRecordType } from '../../domain/audit';
import { Role } from '../../domain/enums';
import { PATIENT_ROLES } from '../../domain/roles';
import type { CapabilityOperations } from '../../schema/operations';
import { RehabPlanTherapyResolver } from './rehab-plan-therapy.resolver';
import { PaymentCommitmentResolver, TherapyReportResolver } from './therapy.resolver';

/**
 * Commitments with their visits and reports are patient data: care roles only, every attempt logged
 * against the patient. A write names the commitment it acts on (or, issuing one, the plan), so its
 * refusals are logged as PAYMENT_COMMITMENT; a submitted report is logged as THERAPY_REPORT.
 */
const commitments = { allow: PATIENT_ROLES, patientData: AuditRecordType.PAYMENT_COMMITMENT };
const reports = { allow: PATIENT_ROLES, patientData: AuditRecordType.THERAPY_REPORT };

export const therapyOperations: CapabilityOperations = {
  resolvers: [PaymentCommitmentResolver, TherapyReportResolver, RehabPlanTherapyResolver],
  Query: {
    paymentCommitment: commitments,
    therapyReportsDue: commitments,
    therapyReport: reports,
    // A patient-facing system is a machine client (INTEGRATION) acting under the patient's consent.
    therapyReportPatientCopy: { allow: [...PATIENT_ROLES, Role.INTEGRATION], patientData: AuditRecordType.THERAPY_REPORT },
  },
  Mutation: {
    paymentCommitmentIssue: commitments,
    paymentCommitmentRevoke: commitments,
    therapyVisitRecord: commitments,
    therapyReportSubmit: commitments,
  },
};
