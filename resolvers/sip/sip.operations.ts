import { AuditRecordType } from '../../domain/audit';
import { Role } from '../../domain/enums';
import { PATIENT_ROLES } from '../../domain/roles';
import { ANY_VIEWER, CapabilityOperations } from '../../schema/operations';
import { SipFollowUpResolver, SipInterventionResolver, SipMeetingResolver, SipParticipantResolver, SipResolver, SipStatisticsResolver } from './sip.resolver';

/** A plan is patient data: care roles only, and every attempt is logged against its patient. */
const plans = { allow: PATIENT_ROLES, patientData: AuditRecordType.SIP };

export const sipOperations: CapabilityOperations = {
  resolvers: [SipResolver, SipParticipantResolver, SipInterventionResolver, SipMeetingResolver, SipFollowUpResolver, SipStatisticsResolver],
  Query: {
    sip: plans,
    sips: plans,
    sipFollowUpsDue: plans,
    // Aggregates for planners: no patient rows.
    sipStatistics: { allow: [Role.PLANNER, Role.TENANT_ADMIN], patientData: null },
    kvaCodes: { allow: ANY_VIEWER, patientData: null },
  },
  Mutation: {
    sipCreate: plans,
    sipCall: plans,
    sipParticipantAdd: plans,
    sipParticipantUpdate: plans,
    sipContentUpdate: plans,
    sipMeetingRecord: plans,
    sipActivate: plans,
    sipFollowUpStart: plans,
    sipFollowUpRecord: plans,
    sipClose: plans,
    sipCancel: plans,
  },
};
