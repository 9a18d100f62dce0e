import { AuditRecordType } from '../../domain/audit';
import { Role } from '../../domain/enums';
import { PATIENT_ROLES } from '../../domain/roles';
import { CapabilityOperations } from '../../schema/operations';
import { AccessLogEntryResolver, AccessLogVerificationResolver, PatientAccessResolver } from './access-log.resolver';
import { ConsentResolver } from './consent.resolver';
import { PatientResolver } from './patient.resolver';

const patients = { allow: PATIENT_ROLES, patientData: AuditRecordType.PATIENT };
const consents = { allow: PATIENT_ROLES, patientData: AuditRecordType.CONSENT };
/** The log of who read a patient's data is patient data itself: every look at it is logged. */
const patientAccessLog = { allow: PATIENT_ROLES, patientData: AuditRecordType.ACCESS_LOG };
/** The region's follow-up of its log is a TENANT_ADMIN's, not patient care. */
const reviewsLog = { allow: [Role.TENANT_ADMIN], patientData: AuditRecordType.ACCESS_LOG };

/** Patients, their consents and the access log. */
export const patientOperations: CapabilityOperations = {
  resolvers: [PatientResolver, ConsentResolver, PatientAccessResolver, AccessLogEntryResolver, AccessLogVerificationResolver],
  Query: {
    patient: patients,
    patients,
    consents,
    patientAccessLog,
    accessLogReview: reviewsLog,
    accessLogVerify: reviewsLog,
  },
  Mutation: {
    patientCreate: patients,
    patientUpdate: patients,
    consentRecord: consents,
    consentRevoke: consents,
  },
};
