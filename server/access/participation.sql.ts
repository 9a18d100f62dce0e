import type { ParticipationSource } from '../../domain/participation';
import { NotFoundError } from '../../schema/common/errors';
import { visibleTo } from './patient.store';
import type { Queryable } from './sql';

/**
 * Statements on a patient's case (patient_participation) that features run inside their own
 * transaction: an organisation joins the case through a record of the feature (a plan, a hand-off)
 * and leaves it when that record no longer lets it take part. Plain functions, not a store: each
 * feature's store owns its transaction and calls them with it.
 */

/** Organisations that join the patient's case through one record of a feature. */
export interface Joining {
  patientId: string;
  organisations: { organisationId: string; careUnitId: string | null }[];
  source: ParticipationSource;
  sourceId: string;
}

/**
 * Makes each organisation (with its care unit, the last named per organisation) take part in the
 * case of a patient the viewer's organisation may see, in one statement; a patient it may not see
 * is NOT_FOUND. Taking part again (re-invited to a plan after leaving it) revives the ended row.
 */
export async function joinCase(tx: Queryable, viewerOrganisationId: string, joining: Joining): Promise<void> {
  // ON CONFLICT may touch a row once per statement: one row per organisation.
  const rows = [...new Map(joining.organisations.map((o) => [o.organisationId, o])).values()];
  if (rows.length === 0) return;
  const joined: unknown[] = await tx.query(
    `INSERT INTO patient_participation (id, region_id, patient_id, organisation_id, care_unit_id, source_type, source_id)
     SELECT gen_random_uuid(), p.region_id, p.id, j.organisation_id, j.care_unit_id, $3, $4
     FROM patient p CROSS JOIN unnest($5::uuid[], $6::uuid[]) AS j(organisation_id, care_unit_id)
     WHERE p.id = $1 AND ${visibleTo('p', '$2')}
     ON CONFLICT (patient_id, organisation_id, source_type, source_id) DO UPDATE SET ended_at = NULL
     RETURNING 1`,
    [joining.patientId, viewerOrganisationId, joining.source, joining.sourceId, rows.map((o) => o.organisationId), rows.map((o) => o.careUnitId)],
  );
  if (joined.length === 0) throw new NotFoundError(`No patient with id ${joining.patientId} that you may see`, 'patientId');
}

/**
 * Ends an organisation's part in a patient's case through some records of a feature (the plans it
 * left). Other grounds it has to take part are untouched.
 */
export async function leaveCase(tx: Queryable, left: { patientId: string; organisationId: string; source: ParticipationSource; sourceIds: string[] }, at: Date): Promise<void> {
  await tx.query(
    `UPDATE patient_participation SET ended_at = $5
     WHERE patient_id = $1 AND organisation_id = $2 AND source_type = $3 AND source_id = ANY($4::uuid[]) AND ended_at IS NULL`,
    [left.patientId, left.organisationId, left.source, left.sourceIds, at],
  );
}
