import { DischargeParameters, dischargeParametersIfSet, swedishWorkingCalendar } from '../../domain/discharge-deadlines';
import { dischargeParametersKey, DischargeSummary, dischargeSummary } from '../../domain/discharge-summary';
import { HandoffKind } from '../../domain/handoff';
import type { TimelineMessage } from '../../domain/handoff-timeline';
import { localDateOf } from '../../domain/local-date';
import type { DatedParameter } from '../../domain/rule-parameters';
import { HandoffDischargeSummaryEntity } from '../../entities';
import { columnName, insertRows } from './entity-columns';
import type { Queryable } from './sql';

/**
 * The per-discharge summaries of the planners' report (entities/handoff-discharge-summary.entity.ts),
 * computed by the domain (domain/discharge-summary.ts) and written in the caller's transaction: by
 * a hand-off's write beside its message, and by the report for discharges whose summary the
 * triggers of migration 1733260000000 marked stale or whose parameters changed. Plain functions
 * taking the transaction, as participation.sql.ts: they belong to other aggregates' units of work.
 */

/** One process-wide calendar: it caches the public holidays per year. */
const calendar = swedishWorkingCalendar();

/** A discharge as its summary is computed from it (besides its messages). */
export interface SummarisedDischarge {
  handoffId: string;
  regionId: string;
  handoffVersion: number;
  admittedAt: Date;
  homeMunicipalityId: string | null;
  sendingCareUnitId: string;
  legalSex: HandoffDischargeSummaryEntity['legalSex'];
  psychiatric: boolean;
}

/** Figures of a discharge admitted on a date without parameters: none (the report refuses such a period). */
const WITHOUT_PARAMETERS: DischargeSummary = {
  admissionNoticeSent: false,
  admissionNoticeOnTime: false,
  admissionNoticeDueAfter: null,
  sipCallOutsMade: 0,
  sipCallOutsOnTime: 0,
  sipCallOutsDueAfter: [],
  closedLiabilityDays: 0,
  openLiableFrom: [],
  dailyAmount: null,
};

/** A summary row of a discharge with its messages, under the parameters of its admission date. */
export function summaryRow(
  d: SummarisedDischarge,
  messages: readonly TimelineMessage[],
  timeZone: string,
  parameters: DischargeParameters | null,
): HandoffDischargeSummaryEntity {
  const summary =
    parameters === null ? WITHOUT_PARAMETERS : dischargeSummary({ admittedAt: d.admittedAt, homeMunicipalityId: d.homeMunicipalityId, messages, timeZone, parameters, calendar });
  return { ...d, stale: false, parametersKey: parameters && dischargeParametersKey(parameters), ...summary };
}

/** A summary the hand-off's write computed (with the decision), for the store to write beside the message. */
export interface KeptSummary {
  legalSex: HandoffDischargeSummaryEntity['legalSex'];
  parameters: DischargeParameters;
  summary: DischargeSummary;
}

/** The row of a summary a write computed, for the hand-off at the version the write leaves. */
export function keptRow(
  h: { id: string; regionId: string; admittedAt: Date; psychiatric: boolean; homeMunicipalityId: string | null; sendingCareUnitId: string },
  handoffVersion: number,
  kept: KeptSummary,
): HandoffDischargeSummaryEntity {
  return {
    handoffId: h.id,
    regionId: h.regionId,
    handoffVersion,
    stale: false,
    admittedAt: h.admittedAt,
    psychiatric: h.psychiatric,
    homeMunicipalityId: h.homeMunicipalityId,
    sendingCareUnitId: h.sendingCareUnitId,
    legalSex: kept.legalSex,
    parametersKey: dischargeParametersKey(kept.parameters),
    ...kept.summary,
  };
}

const UPDATED = [
  'handoffVersion',
  'stale',
  'admittedAt',
  'psychiatric',
  'homeMunicipalityId',
  'sendingCareUnitId',
  'legalSex',
  'parametersKey',
  'admissionNoticeSent',
  'admissionNoticeOnTime',
  'admissionNoticeDueAfter',
  'sipCallOutsMade',
  'sipCallOutsOnTime',
  'sipCallOutsDueAfter',
  'closedLiabilityDays',
  'openLiableFrom',
  'dailyAmount',
] as const satisfies readonly (keyof HandoffDischargeSummaryEntity)[];

/**
 * Writes fresh summary rows, replacing a discharge's stale or older one. A row computed from an older version
 * of the hand-off than the stored one is not written: a report that recomputed a summary while a
 * message was being sent does not overwrite the summary that message's transaction wrote.
 */
export async function upsertSummaries(tx: Queryable, rows: readonly HandoffDischargeSummaryEntity[]): Promise<void> {
  if (rows.length === 0) return;
  const insert = insertRows(HandoffDischargeSummaryEntity, rows);
  const table = 'handoff_discharge_summary';
  const sets = UPDATED.map((p) => `${columnName(HandoffDischargeSummaryEntity, p)} = EXCLUDED.${columnName(HandoffDischargeSummaryEntity, p)}`);
  await tx.query(
    `${insert.sql} ON CONFLICT (handoff_id) DO UPDATE SET ${sets.join(', ')} WHERE ${table}.handoff_version <= EXCLUDED.handoff_version`,
    insert.values,
  );
}

/** How many discharges one round of refreshSummaries loads into the process at most. */
export const REFRESH_CHUNK = 1000;

/**
 * Recomputes the summaries of the given discharges of one region (at most REFRESH_CHUNK) from
 * their hand-offs, messages and the region's dated parameters, in three statements.
 */
export async function refreshSummaries(tx: Queryable, region: { id: string; timeZone: string }, parameters: readonly DatedParameter[], handoffIds: readonly string[]): Promise<void> {
  if (handoffIds.length === 0) return;
  if (handoffIds.length > REFRESH_CHUNK) throw new Error(`At most ${REFRESH_CHUNK} summaries at once`);
  const [discharges, messages]: [SummarisedDischarge[], (TimelineMessage & { handoffId: string })[]] = await Promise.all([
    tx.query(
      `SELECT h.id AS "handoffId", h.region_id AS "regionId", h.version AS "handoffVersion", h.admitted_at AS "admittedAt",
              h.home_municipality_id AS "homeMunicipalityId", h.sending_care_unit_id AS "sendingCareUnitId", p.legal_sex AS "legalSex", h.psychiatric
       FROM handoff h JOIN patient p ON p.id = h.patient_id
       WHERE h.id = ANY($1::uuid[]) AND h.region_id = $2 AND h.kind = $3`,
      [handoffIds, region.id, HandoffKind.DISCHARGE_FROM_INPATIENT],
    ),
    // The log's order, as the hand-off's own reads give it: by recording time, then by id.
    tx.query(
      `SELECT m.handoff_id AS "handoffId", m.kind, m.sent_at AS "sentAt", m.occurred_at AS "occurredAt",
              ARRAY(SELECT r.organisation_id FROM handoff_message_recipient r WHERE r.message_id = m.id AND r.region_id = m.region_id) AS "recipientOrganisationIds"
       FROM handoff_message m WHERE m.handoff_id = ANY($1::uuid[]) AND m.region_id = $2 ORDER BY m.handoff_id, m.sent_at, m.id`,
      [handoffIds, region.id],
    ),
  ]);
  const logs = new Map<string, TimelineMessage[]>();
  for (const m of messages) {
    const log = logs.get(m.handoffId) ?? [];
    log.push(m);
    logs.set(m.handoffId, log);
  }
  const rows = discharges.map((d) =>
    summaryRow(d, logs.get(d.handoffId) ?? [], region.timeZone, dischargeParametersIfSet(parameters, region.id, localDateOf(d.admittedAt, region.timeZone), d.psychiatric)),
  );
  await upsertSummaries(tx, rows);
}

/**
 * Recomputes the summaries of a region's discharges admitted on or after a local date, with the
 * region's dated parameters as they are now: the step to run, in the same transaction, after a
 * change to the discharge parameters valid from that date. Without it the summaries are still
 * right, later: the report finds them stale by their parameters key and recomputes them on its
 * first request, which then takes as long as this. Returns how many were recomputed.
 */
export async function recomputeSummariesFrom(tx: Queryable, region: { id: string; timeZone: string }, parameters: readonly DatedParameter[], fromDate: string): Promise<number> {
  const ids: { id: string }[] = await tx.query(
    `SELECT h.id FROM handoff h WHERE h.region_id = $1 AND h.kind = $2 AND h.admitted_at >= ($3::date::timestamp AT TIME ZONE $4) ORDER BY h.admitted_at, h.id`,
    [region.id, HandoffKind.DISCHARGE_FROM_INPATIENT, fromDate, region.timeZone],
  );
  for (let i = 0; i < ids.length; i += REFRESH_CHUNK) {
    await refreshSummaries(
      tx,
      region,
      parameters,
      ids.slice(i, i + REFRESH_CHUNK).map((r) => r.id),
    );
  }
  return ids.length;
}
