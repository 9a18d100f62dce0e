import { AuditOutcome, AuditRecordType } from '../../domain/audit';
import { isUuid } from '../../domain/uuid';
import { AppError, ErrorCode } from '../../schema/common/errors';
import type { Viewer } from '../auth/viewer';
import type { Queryable } from './sql';

/** One row of the access log as a store describes it; the operation it belongs to comes from the log it is written to. */
export interface AuditEntry {
  recordType: AuditRecordType;
  patientId: string | null;
  recordId: string | null;
  outcome: AuditOutcome;
  purpose?: string | null;
}

/** A row of the access log with the operation it belongs to. */
export interface AuditRow extends AuditEntry {
  /** The operation, e.g. `patient`, `patientCreate`, `consentRevoke`. */
  action: string;
}

const OUTCOME_OF_CODE: Record<string, AuditOutcome> = {
  [ErrorCode.NOT_FOUND]: AuditOutcome.NOT_FOUND,
  [ErrorCode.FORBIDDEN]: AuditOutcome.DENIED,
  [ErrorCode.UNAUTHENTICATED]: AuditOutcome.UNAUTHENTICATED,
  [ErrorCode.BAD_USER_INPUT]: AuditOutcome.REJECTED,
  [ErrorCode.CONFLICT]: AuditOutcome.REJECTED,
};

export const outcomeOf = (error: unknown): AuditOutcome =>
  error instanceof AppError ? (OUTCOME_OF_CODE[String(error.extensions.code)] ?? AuditOutcome.FAILED) : AuditOutcome.FAILED;

const uuidOrNull = (value: string | null) => (value && isUuid(value) ? value : null);

/**
 * The access log (patientdatalagen 4 kap 3 §): one append-only row per read or write of patient
 * data, denials included, written before data leaves the server. It is a table of its own, apart
 * from the application log, and carries ids only.
 */
export class AuditLog {
  constructor(
    private readonly db: Queryable,
    private readonly viewer: Viewer | null,
    private readonly requestId: string,
  ) {}

  /** The log of one operation: what is written through it names that operation. */
  forOperation(action: string): OperationAudit {
    return new OperationAudit(this, action);
  }

  /**
   * Writes the rows in one statement; `db` may be a transaction, so a write and its row commit
   * together. Rows name their operations: a refused request names several at once.
   */
  async write(entries: AuditRow[], db: Queryable = this.db): Promise<void> {
    if (entries.length === 0) return;
    const v = this.viewer;
    await db.query(
      `INSERT INTO access_log (request_id, region_id, user_id, organisation_id, care_unit_id, roles,
                               patient_id, action, record_type, record_id, purpose, outcome)
       SELECT $1, $2, $3, $4, $5, $6::text[], e.patient_id, e.action, e.record_type, e.record_id, e.purpose, e.outcome
       FROM unnest($7::uuid[], $8::text[], $9::text[], $10::uuid[], $11::text[], $12::text[])
         AS e(patient_id, action, record_type, record_id, purpose, outcome)`,
      [
        this.requestId,
        v?.regionId ?? null,
        v?.userId ?? null,
        v?.organisationId ?? null,
        v?.careUnitId ?? null,
        v ? [...v.roles] : [],
        entries.map((e) => uuidOrNull(e.patientId)),
        entries.map((e) => e.action),
        entries.map((e) => e.recordType),
        entries.map((e) => uuidOrNull(e.recordId)),
        entries.map((e) => e.purpose ?? null),
        entries.map((e) => e.outcome),
      ],
    );
  }
}

/**
 * The access log as one patient-data root field sees it (the audit middleware makes one per field):
 * every row written through it names that field as its action, so no caller passes the name on.
 */
export class OperationAudit {
  constructor(
    private readonly log: AuditLog,
    readonly action: string,
  ) {}

  /** Writes the entries as this operation's, in one statement; `db` may be a transaction. */
  write(entries: AuditEntry[], db?: Queryable): Promise<void> {
    return this.log.write(
      entries.map((entry) => ({ ...entry, action: this.action })),
      db,
    );
  }
}
