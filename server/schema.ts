import 'reflect-metadata';
import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { buildSchema } from 'type-graphql';
import { AssociationMemberResolver } from '../resolvers/organisation/association-member.resolver';
import { CareUnitResolver } from '../resolvers/organisation/care-unit.resolver';
import { OrganisationResolver } from '../resolvers/organisation/organisation.resolver';
import { RegionResolver } from '../resolvers/organisation/region.resolver';
import { HandoffReportResolver } from '../resolvers/handoff/handoff-report.resolver';
import { HandoffMessageRecipientResolver, HandoffMessageResolver, HandoffPartyResolver, HandoffResolver } from '../resolvers/handoff/handoff.resolver';
import { AccessLogEntryResolver, AccessLogVerificationResolver, PatientAccessResolver } from '../resolvers/patient/access-log.resolver';
import { ConsentResolver } from '../resolvers/patient/consent.resolver';
import { PatientResolver } from '../resolvers/patient/patient.resolver';
import { AgreementResolver } from '../resolvers/responsibility/agreement.resolver';
import { ResponsibilityResolver } from '../resolvers/responsibility/responsibility.resolver';
import { SipFollowUpResolver, SipInterventionResolver, SipMeetingResolver, SipParticipantResolver, SipResolver, SipStatisticsResolver } from '../resolvers/sip/sip.resolver';
import { permissions } from '../schema/permissions';
import { auditFailures } from './access/audit-middleware';

export const RESOLVERS = [
  RegionResolver,
  OrganisationResolver,
  AssociationMemberResolver,
  CareUnitResolver,
  PatientResolver,
  ConsentResolver,
  PatientAccessResolver,
  AccessLogEntryResolver,
  AccessLogVerificationResolver,
  ResponsibilityResolver,
  AgreementResolver,
  HandoffResolver,
  HandoffPartyResolver,
  HandoffMessageResolver,
  HandoffMessageRecipientResolver,
  HandoffReportResolver,
  SipResolver,
  SipParticipantResolver,
  SipInterventionResolver,
  SipMeetingResolver,
  SipFollowUpResolver,
  SipStatisticsResolver,
] as const;

/** The executable schema as type-graphql builds it, before the permission layer. */
export function buildBareSchema(): Promise<GraphQLSchema> {
  // Inputs are validated explicitly in services with the domain rules, so class-validator is off.
  return buildSchema({ resolvers: RESOLVERS, validate: false });
}

/**
 * The schema the server runs: every field behind the shield permission tree, and the patient-data
 * fields inside the audit middleware, which sits outside shield so that its denials are logged.
 */
export async function buildAppSchema(): Promise<GraphQLSchema> {
  return applyMiddleware(await buildBareSchema(), auditFailures, permissions);
}

/** The SDL committed as schema/schema.graphql, in a stable (sorted) order. */
export async function printAppSchema(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await buildBareSchema()))}\n`;
}
