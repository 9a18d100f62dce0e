import type { GraphQLResolveInfo } from 'graphql';
import type { IMiddlewareTypeMap } from 'graphql-middleware';
import type { PatientDataFields } from '../../schema/operations';
import type { Context } from '../context';
import { outcomeOf } from './audit';
import { AuditRecordType } from '../../domain/audit';

export type Args = Record<string, unknown> & { input?: Record<string, unknown>; filter?: Record<string, unknown> };

/** The patient an operation concerns, as far as its arguments tell. */
export function patientOf(args: Args, recordType: AuditRecordType): string | null {
  const candidates = [args.patientId, args.input?.patientId, args.filter?.patientId, recordType === AuditRecordType.PATIENT ? (args.id ?? args.input?.id) : null];
  return (candidates.find((c) => typeof c === 'string') as string | undefined) ?? null;
}

/** The record an operation concerns: its id, or the plan, hand-off, message, payment commitment or coordination case it acts on. */
export function recordOf(args: Args): string | null {
  const candidates = [args.id, args.input?.id, args.input?.sipId, args.input?.handoffId, args.input?.messageId, args.input?.commitmentId, args.input?.planId, args.input?.caseId];
  return (candidates.find((c) => typeof c === 'string') as string | undefined) ?? null;
}

function logFailures(recordType: AuditRecordType) {
  return async (resolve: (...a: unknown[]) => Promise<unknown>, root: unknown, args: Args, ctx: Context, info: GraphQLResolveInfo) => {
    // The field's own Access: every access-log row written while it resolves names the field.
    const access = ctx.access.forOperation(info.fieldName);
    const log = (error: unknown) =>
      access.audit.write([
        {
          recordType,
          patientId: patientOf(args, recordType),
          recordId: recordOf(args),
          outcome: outcomeOf(error),
        },
      ]);
    let result: unknown;
    try {
      result = await resolve(root, args, { ...ctx, access }, info);
    } catch (error) {
      await log(error);
      throw error;
    }
    // graphql-shield hands its denials back as values rather than throwing them.
    if (result instanceof Error) await log(result);
    return result;
  };
}

/**
 * Gives every root field that touches patient data an Access of its own, whose access log names the
 * field (the stores log successful reads and writes through it), and logs every failure
 * (unauthenticated, forbidden, not found, rejected input) outside the permission layer, so that
 * denials reach the access log as surely as successful reads and writes.
 */
export function auditFailures(fields: PatientDataFields): IMiddlewareTypeMap<unknown, Context> {
  return Object.fromEntries(
    Object.entries(fields).map(([type, byField]) => [
      type,
      Object.fromEntries(Object.entries(byField).map(([field, recordType]) => [field, logFailures(recordType)])),
    ]),
  );
}
