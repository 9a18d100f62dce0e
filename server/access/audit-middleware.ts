import type { GraphQLResolveInfo } from 'graphql';
import type { IMiddlewareTypeMap } from 'graphql-middleware';
import type { Context } from '../context';
import { outcomeOf } from './audit';
import { AuditRecordType } from '../../domain/audit';

/**
 * The root fields that touch patient data, and what they touch. Every one of them logs a failure
 * (unauthenticated, forbidden, not found, rejected input) here, outside the permission layer, so
 * that denials reach the access log as surely as successful reads, which the stores log. A new
 * patient-data operation is added here and to the access test matrix.
 */
export const PATIENT_DATA_FIELDS = {
  Query: {
    patient: AuditRecordType.PATIENT,
    patients: AuditRecordType.PATIENT,
    consents: AuditRecordType.CONSENT,
    patientAccessLog: AuditRecordType.ACCESS_LOG,
    accessLogReview: AuditRecordType.ACCESS_LOG,
    accessLogVerify: AuditRecordType.ACCESS_LOG,
    handoff: AuditRecordType.HANDOFF,
    handoffInbox: AuditRecordType.HANDOFF,
    sip: AuditRecordType.SIP,
    sips: AuditRecordType.SIP,
    sipFollowUpsDue: AuditRecordType.SIP,
  },
  Mutation: {
    patientCreate: AuditRecordType.PATIENT,
    patientUpdate: AuditRecordType.PATIENT,
    consentRecord: AuditRecordType.CONSENT,
    consentRevoke: AuditRecordType.CONSENT,
    handoffCreate: AuditRecordType.HANDOFF,
    handoffMessageSend: AuditRecordType.HANDOFF,
    handoffMessageAcknowledge: AuditRecordType.HANDOFF_MESSAGE,
    sipCreate: AuditRecordType.SIP,
    sipCall: AuditRecordType.SIP,
    sipParticipantAdd: AuditRecordType.SIP,
    sipParticipantUpdate: AuditRecordType.SIP,
    sipContentUpdate: AuditRecordType.SIP,
    sipMeetingRecord: AuditRecordType.SIP,
    sipActivate: AuditRecordType.SIP,
    sipFollowUpStart: AuditRecordType.SIP,
    sipFollowUpRecord: AuditRecordType.SIP,
    sipClose: AuditRecordType.SIP,
    sipCancel: AuditRecordType.SIP,
  },
} as const;

export type Args = Record<string, unknown> & { input?: Record<string, unknown>; filter?: Record<string, unknown> };

/** The patient an operation concerns, as far as its arguments tell. */
export function patientOf(args: Args, recordType: AuditRecordType): string | null {
  const candidates = [args.patientId, args.input?.patientId, args.filter?.patientId, recordType === AuditRecordType.PATIENT ? (args.id ?? args.input?.id) : null];
  return (candidates.find((c) => typeof c === 'string') as string | undefined) ?? null;
}

/** The record an operation concerns: its id, or the plan, hand-off or message it acts on. */
export function recordOf(args: Args): string | null {
  const candidates = [args.id, args.input?.id, args.input?.sipId, args.input?.handoffId, args.input?.messageId];
  return (candidates.find((c) => typeof c === 'string') as string | undefined) ?? null;
}

function logFailures(recordType: AuditRecordType) {
  return async (resolve: (...a: unknown[]) => Promise<unknown>, root: unknown, args: Args, ctx: Context, info: GraphQLResolveInfo) => {
    const log = (error: unknown) =>
      ctx.access.audit.write([
        {
          action: info.fieldName,
          recordType,
          patientId: patientOf(args, recordType),
          recordId: recordOf(args),
          outcome: outcomeOf(error),
        },
      ]);
    let result: unknown;
    try {
      result = await resolve(root, args, ctx, info);
    } catch (error) {
      await log(error);
      throw error;
    }
    // graphql-shield hands its denials back as values rather than throwing them.
    if (result instanceof Error) await log(result);
    return result;
  };
}

export const auditFailures: IMiddlewareTypeMap<unknown, Context> = Object.fromEntries(
  Object.entries(PATIENT_DATA_FIELDS).map(([type, fields]) => [
    type,
    Object.fromEntries(Object.entries(fields).map(([field, recordType]) => [field, logFailures(recordType)])),
  ]),
);
