/** The access log's vocabulary: what an attempt on patient data came to, on which kind of record, and how a chain breaks. */

/** What came of an attempt to read or change patient data. */
export enum AuditOutcome {
  ALLOWED = 'ALLOWED',
  /** The viewer lacked the role or the right for that record. */
  DENIED = 'DENIED',
  /** No such record, or one the viewer may not know of (the two are logged alike to the caller). */
  NOT_FOUND = 'NOT_FOUND',
  /** Bad input or a conflict: nothing was written. */
  REJECTED = 'REJECTED',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  /** An unexpected failure. */
  FAILED = 'FAILED',
}

export enum AuditRecordType {
  PATIENT = 'PATIENT',
  CONSENT = 'CONSENT',
  ACCESS_LOG = 'ACCESS_LOG',
  HANDOFF = 'HANDOFF',
  HANDOFF_MESSAGE = 'HANDOFF_MESSAGE',
  SIP = 'SIP',
  /** A rehabilitation plan, with its GAS goals, scores and evaluations. */
  REHAB_PLAN = 'REHAB_PLAN',
  /** A payment commitment, or a visit recorded under it. */
  PAYMENT_COMMITMENT = 'PAYMENT_COMMITMENT',
  THERAPY_REPORT = 'THERAPY_REPORT',
  /** A rehabilitation coordination case, with its consents, employers, activities and return-to-work plan (record id: the case). */
  COORDINATION_CASE = 'COORDINATION_CASE',
}

/** How a row of the access log fails its chain (migration 1733100000000-access-log-chain). */
export enum AccessLogBreak {
  /** The row's content no longer matches its hash. */
  ALTERED = 'ALTERED',
  /** A row before it is gone: a gap in the positions, or a predecessor that is no longer there. */
  MISSING = 'MISSING',
  /** It links to another row of the chain than the one before it. */
  REORDERED = 'REORDERED',
  /** It has no chain position: written with the sealing trigger disabled. */
  UNSEALED = 'UNSEALED',
}
