/**
 * Dated configuration: values the law or an agreement sets (deadlines, amounts, limits) are kept
 * as parameters valid over a period, for one region or as a default for all. DOMAIN.md marks such
 * values "(configurable)"; code asks for the value that applies on a date, never a constant.
 */
export interface DatedParameter<T = unknown> {
  key: string;
  /** null: the default for regions without a value of their own. */
  regionId: string | null;
  value: T;
  validFrom: string;
  /** Last day it applies (inclusive); null while open-ended. */
  validTo: string | null;
}

const appliesOn = (p: DatedParameter, onDate: string) => p.validFrom <= onDate && (p.validTo === null || onDate <= p.validTo);

/**
 * The value of `key` on `onDate` for `regionId`: the region's own value beats the default, and
 * among values valid that day the one that started last wins. Undefined when none applies.
 */
export function parameterOn<T>(parameters: readonly DatedParameter[], key: string, regionId: string | null, onDate: string): T | undefined {
  return winnerOn(parameters, key, regionId, onDate)?.value as T | undefined;
}

/** Keys of the parameters the platform reads. */
export const PARAMETER = {
  /** Longest period, in days from today, a consent may be recorded for. */
  CONSENT_MAX_VALIDITY_DAYS: 'consent.maxValidityDays',
  /** Coordinated discharge (lag 2017:612), see DischargeParameters. */
  DISCHARGE_ADMISSION_NOTICE_HOURS: 'discharge.admissionNoticeHours',
  DISCHARGE_SIP_CALL_OUT_DAYS: 'discharge.sipCallOutDays',
  DISCHARGE_LIABILITY_AFTER_DAYS: 'discharge.liabilityAfterDays',
  DISCHARGE_LIABILITY_AFTER_DAYS_PSYCHIATRY: 'discharge.liabilityAfterDays.psychiatry',
  DISCHARGE_LIABILITY_DAY_KIND: 'discharge.liabilityDayKind',
  DISCHARGE_DAILY_AMOUNT: 'discharge.dailyAmount',
  DISCHARGE_LATE_SEND_CUTOFF: 'discharge.lateSendCutoff',
  /**
   * How many days back a reported event time (a discharge's occurredAt, an admission, a SIP
   * meeting or follow-up, a consent's givenAt) may lie: older is refused (domain/event-time.ts).
   */
  EVENTS_LOOK_BACK_DAYS: 'events.lookBackDays',
  /** Planner statistics show counts from 1 up to this value less one as "<value". */
  STATISTICS_SMALL_CELL_THRESHOLD: 'statistics.smallCellThreshold',
  /** The longest period, in calendar months, a planner report (hand-offs, SIPs, rehabilitation plans) covers in one request. */
  REPORTS_MAX_PERIOD_MONTHS: 'reports.maxPeriodMonths',
  /** The KVÅ code a SIP step is recorded with: `sip.kvaCode.ESTABLISH`, `sip.kvaCode.FOLLOW_UP` (see SipKvaUse). */
  SIP_KVA_CODE_PREFIX: 'sip.kvaCode.',
  /** GAS: the assumed correlation ρ between a plan's goals in the Kiresuk–Sherman T-score. */
  GAS_RHO: 'gas.rho',
  /** Months from a rehabilitation plan's start (or last evaluation) to its next evaluation date. */
  REHAB_PLAN_EVALUATION_MONTHS: 'rehabPlan.evaluationIntervalMonths',
  /** FPA's demanding medical rehabilitation (Åland): the need it requires and the age it must be under (see FpaRule). */
  FPA_REHABILITATION_RULE: 'fpa.demandingMedicalRehabilitation',
  /**
   * How many calendar months the access log keeps in the database before the archive step exports
   * and removes a month (domain/access-log-retention.ts). National: the log is one table for every
   * region, so only the default (region null) is read, and it is not among the keys a region sets.
   */
  ACCESS_LOG_RETENTION_MONTHS: 'accessLog.retentionMonths',
  /** How many calendar months before a therapy period ends its report must reach the principal. */
  THERAPY_REPORT_LEAD_MONTHS: 'therapy.reportLeadMonths',
  /** Which KVÅ code a coordination activity earns: a list of rules (activity kinds, actor kinds, condition) → code (domain/coordination-activity.ts KvaRule). */
  COORDINATION_KVA_RULES: 'coordination.kvaRules',
  /** The "young adult" age band of the coordinator's lists and statistics (seed 002), in whole years, both ends included. */
  COORDINATION_YOUNG_ADULT_FROM_AGE: 'coordination.youngAdultFromAge',
  COORDINATION_YOUNG_ADULT_TO_AGE: 'coordination.youngAdultToAge',
} as const;

/**
 * Every key's value on `onDate` for `regionId`, by the rule of parameterOn (the region's own beats
 * the default, the later start wins), as the parameters themselves so their period shows.
 */
export function parametersInForce<P extends DatedParameter>(parameters: readonly P[], regionId: string, onDate: string): P[] {
  const keys = [...new Set(parameters.map((p) => p.key))].sort();
  return keys.flatMap((key) => winnerOn(parameters, key, regionId, onDate) ?? []);
}

function winnerOn<P extends DatedParameter>(parameters: readonly P[], key: string, regionId: string | null, onDate: string): P | undefined {
  const candidates = parameters.filter((p) => p.key === key && appliesOn(p, onDate) && (p.regionId === regionId || p.regionId === null));
  candidates.sort((a, b) => Number(b.regionId !== null) - Number(a.regionId !== null) || b.validFrom.localeCompare(a.validFrom));
  return candidates[0];
}
