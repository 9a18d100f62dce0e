import { GraphQLError } from 'graphql';
import { allow, deny, rule, shield } from 'graphql-shield';
import { Role } from '../domain/enums';
import { HANDOFF_READ_ROLES, PATIENT_ROLES } from '../domain/roles';
import { hasRole } from '../server/auth/viewer';
import type { Context } from '../server/context';
import { ForbiddenError } from './common/errors';

/*
 * The coarse gate (graphql-shield): who may call which root field. Row-level rules (tenant,
 * participation) live in the access layer. Rules here depend on the viewer only, so the
 * `contextual` cache is safe. Anything not listed is denied (fallbackRule: deny).
 */
const isAuthenticated = rule({ cache: 'contextual' })((_parent, _args, ctx: Context) =>
  ctx.access.viewer ? true : ctx.access.unauthenticated(),
);

const hasAnyRole = (...roles: Role[]) =>
  rule(`has-role-${roles.join('-')}`, { cache: 'contextual' })((_parent, _args, ctx: Context) => {
    if (!ctx.access.viewer) return ctx.access.unauthenticated();
    return hasRole(ctx.access.viewer, ...roles) ? true : new ForbiddenError(`This needs one of the roles ${roles.join(', ')}`);
  });

const isTenantAdmin = hasAnyRole(Role.TENANT_ADMIN);
const isResponsibilityEditor = hasAnyRole(Role.RESPONSIBILITY_EDITOR);
/** Patient data: care roles only. PLANNER, TENANT_ADMIN and INTEGRATION never get patient rows. */
const worksWithPatients = hasAnyRole(...PATIENT_ROLES);
/** Hand-off reads and acknowledgements: care roles, and a municipal system polling its inbox. */
const readsHandoffs = hasAnyRole(...HANDOFF_READ_ROLES);
const isPlanner = hasAnyRole(Role.PLANNER);

/** Object types whose every field is public once the root field that led to them was allowed. */
const OPEN_TYPES = [
  'Region', 'RegionConnection', 'RegionEdge',
  'Organisation', 'OrganisationConnection', 'OrganisationEdge', 'AssociationMember',
  'CareUnit', 'CareUnitConnection', 'CareUnitEdge',
  'PageInfo',
  'OrganisationCreatePayload', 'OrganisationUpdatePayload', 'CareUnitCreatePayload', 'CareUnitUpdatePayload',
  // Reached only through the gated root fields below, whose stores filter every row.
  'Patient', 'PatientConnection', 'PatientEdge', 'PatientCreatePayload', 'PatientUpdatePayload',
  'Consent', 'ConsentConnection', 'ConsentEdge', 'ConsentRecordPayload', 'ConsentRevokePayload',
  'PatientAccess', 'PatientAccessConnection', 'PatientAccessEdge',
  'AccessLogEntry', 'AccessLogEntryConnection', 'AccessLogEntryEdge', 'AccessLogVerification',
  // Responsibility map: readable by everybody authenticated in the region (filtered in the store).
  'Intervention', 'Agreement', 'AgreementConnection', 'AgreementEdge', 'PartyRef',
  'ResponsibilityRule', 'ResponsibilityRuleConnection', 'ResponsibilityRuleEdge', 'ResponsibilityAnswer',
  'ResponsibilityMatrix', 'ResponsibilityMatrixCell', 'MunicipalityResponsibility',
  'ResponsibilityComparison', 'ResponsibilityComparisonCase',
  'ResponsibilityChange', 'ResponsibilityChangeConnection', 'ResponsibilityChangeEdge',
  'AgreementPayload', 'ResponsibilityRulePayload', 'ResponsibilityRuleDeletePayload',
  // Hand-offs: reached only through the gated root fields; the store filters by party.
  'Handoff', 'HandoffConnection', 'HandoffEdge', 'HandoffParty', 'HandoffMessage', 'HandoffMessageRecipient',
  'Deadline', 'DischargeReadyPeriod', 'HandoffDeadlines', 'HandoffCreatePayload', 'HandoffMessagePayload',
  // Planner aggregates: no patient rows.
  'HandoffDeadlineReport', 'HandoffDeadlineCell', 'MunicipalityDeadlineRow', 'HospitalDeadlineRow', 'SuppressedCount',
  // SIPs: reached only through the gated root fields; the store filters by participation.
  'Sip', 'SipConnection', 'SipEdge', 'SipParticipant', 'SipIntervention', 'SipMeeting', 'SipFollowUp', 'SipFollowUpConnection', 'SipFollowUpEdge',
  'SipContentProblem', 'SipPayload', 'SipMeetingRecordPayload', 'KvaCode',
  'SipStatistics', 'SipMunicipalityFigures', 'SipFiguresBySex', 'CountBySex',
] as const;

export const permissions = shield(
  {
    Query: {
      regions: isAuthenticated,
      region: isAuthenticated,
      organisations: isAuthenticated,
      organisation: isAuthenticated,
      municipality: isAuthenticated,
      coordinationAssociations: isAuthenticated,
      careUnits: isAuthenticated,
      careUnit: isAuthenticated,
      patient: worksWithPatients,
      patients: worksWithPatients,
      consents: worksWithPatients,
      patientAccessLog: worksWithPatients,
      accessLogReview: isTenantAdmin,
      accessLogVerify: isTenantAdmin,
      interventions: isAuthenticated,
      responsibility: isAuthenticated,
      responsibilities: isAuthenticated,
      responsibilityMatrix: isAuthenticated,
      responsibilityComparison: isAuthenticated,
      agreements: isAuthenticated,
      agreement: isAuthenticated,
      handoff: readsHandoffs,
      handoffInbox: readsHandoffs,
      handoffDeadlineReport: isPlanner,
      sip: worksWithPatients,
      sips: worksWithPatients,
      sipFollowUpsDue: worksWithPatients,
      sipStatistics: isPlanner,
      kvaCodes: isAuthenticated,
    },
    Mutation: {
      organisationCreate: isTenantAdmin,
      organisationUpdate: isTenantAdmin,
      careUnitCreate: isTenantAdmin,
      careUnitUpdate: isTenantAdmin,
      patientCreate: worksWithPatients,
      patientUpdate: worksWithPatients,
      consentRecord: worksWithPatients,
      consentRevoke: worksWithPatients,
      agreementCreate: isResponsibilityEditor,
      agreementNewVersion: isResponsibilityEditor,
      agreementUpdate: isResponsibilityEditor,
      responsibilityRuleCreate: isResponsibilityEditor,
      responsibilityRuleUpdate: isResponsibilityEditor,
      responsibilityRuleDelete: isResponsibilityEditor,
      handoffCreate: worksWithPatients,
      handoffMessageSend: worksWithPatients,
      handoffMessageAcknowledge: readsHandoffs,
      sipCreate: worksWithPatients,
      sipCall: worksWithPatients,
      sipParticipantAdd: worksWithPatients,
      sipParticipantUpdate: worksWithPatients,
      sipContentUpdate: worksWithPatients,
      sipMeetingRecord: worksWithPatients,
      sipActivate: worksWithPatients,
      sipFollowUpStart: worksWithPatients,
      sipFollowUpRecord: worksWithPatients,
      sipClose: worksWithPatients,
      sipCancel: worksWithPatients,
    },
    ...Object.fromEntries(OPEN_TYPES.map((t) => [t, allow])),
  },
  {
    fallbackRule: deny,
    allowExternalErrors: false,
    // A denial (err === null) is FORBIDDEN; an error thrown by a rule or resolver passes on
    // unchanged, and the server's error formatter masks it unless it is a coded error.
    fallbackError: (err: unknown) => (err ? (err as GraphQLError) : new ForbiddenError('You may not read or change this')),
  },
);
