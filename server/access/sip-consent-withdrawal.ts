import { AuditOutcome, AuditRecordType } from '../../domain/audit';
import { OrganisationKind } from '../../domain/enums';
import { ParticipationSource } from '../../domain/participation';
import { sipConsentStillHolds, sipConsentToPlanHolds, SipEvent, SipParticipantBasis, SipStatus, sipTransition } from '../../domain/sip';
import type { AuditEntry } from './audit';
import type { ParentKey } from './child-loader';
import { leaveCase } from './participation.sql';
import { groupByKey } from './reference.loaders';
import { CONSENT_COLUMNS, ConsentRow } from './rows.patient';
import type { SipParticipantRow } from './rows.sip';
import type { Queryable } from './sql';

/** The end reason of a plan cancelled because the person withdrew consent to it. */
const WITHDRAWN_REASON = 'The person withdrew their consent to the plan';

/** The plans a withdrawal changed, and their access-log rows (for the revocation to write with its own). */
export interface SipConsentWithdrawal {
  changed: ParentKey[];
  log: AuditEntry[];
}

/**
 * What the person's withdrawal of a consent does to the person's plans (domain/sip.ts decides
 * it), as statements in the revocation's transaction:
 * - an organisation that took part in the person's plans on the person's consent, with no other
 *   in force from a principal of the plan, leaves them and the patient's case through them;
 * - a running plan whose principals no longer hold the person's consent to it is CANCELLED
 *   ("no consent, no SIP"); the principals keep it, read-only, as their record.
 * Each plan changed gets a new version; the caller writes the access-log rows returned.
 */
export async function withdrawSipConsent(
  tx: Queryable,
  withdrawn: Pick<ConsentRow, 'patientId' | 'sourceOrganisationId' | 'recipientOrganisationId'>,
  moment: { at: Date; onDate: string },
): Promise<SipConsentWithdrawal> {
  const { patientId, recipientOrganisationId } = withdrawn;
  const rows: (Pick<SipParticipantRow, 'id' | 'sipId' | 'organisationId' | 'basis'> & { organisationKind: OrganisationKind; status: SipStatus; regionId: string })[] = await tx.query(
    `SELECT sp.id, sp.sip_id AS "sipId", sp.organisation_id AS "organisationId", sp.basis, o.kind AS "organisationKind", s.status, s.region_id AS "regionId"
     FROM sip s JOIN sip_participant sp ON sp.sip_id = s.id JOIN organisation o ON o.id = sp.organisation_id
     WHERE s.patient_id = $1 AND sp.removed_at IS NULL
       AND s.id IN (SELECT p.sip_id FROM sip_participant p WHERE p.organisation_id = $2 AND p.removed_at IS NULL)`,
    [patientId, recipientOrganisationId],
  );
  if (rows.length === 0) return { changed: [], log: [] };
  const consents: ConsentRow[] = await tx.query(`SELECT ${CONSENT_COLUMNS} FROM consent k WHERE k.patient_id = $1`, [patientId]);
  const weighed = { consents, ...moment };
  const leaving: { participantId: string; sipId: string }[] = [];
  const cancelled: string[] = [];
  const sipIds = [...new Set(rows.map((r) => r.sipId))];
  for (const [i, participants] of groupByKey(sipIds, rows, (r) => r.sipId).entries()) {
    const sipId = sipIds[i];
    const principals = participants.filter((p) => p.basis !== SipParticipantBasis.SIP_CONSENT) as { organisationId: string; organisationKind: OrganisationKind }[];
    const recipient = participants.find((p) => p.organisationId === recipientOrganisationId)!;
    if (recipient.basis === SipParticipantBasis.SIP_CONSENT) {
      if (!sipConsentStillHolds(recipientOrganisationId, principals.map((p) => p.organisationId), weighed)) leaving.push({ participantId: recipient.id, sipId });
      continue;
    }
    // The consent ran between two principals of the plan: the person's consent to the plan itself.
    const cancel = sipTransition(recipient.status, SipEvent.CANCEL);
    if (cancel.ok && principals.some((p) => p.organisationId === withdrawn.sourceOrganisationId) && !sipConsentToPlanHolds(principals, weighed)) cancelled.push(sipId);
  }
  const changed = [...leaving.map((l) => l.sipId), ...cancelled];
  if (changed.length === 0) return { changed: [], log: [] };
  if (leaving.length) {
    await tx.query(`UPDATE sip_participant SET removed_at = $2 WHERE id = ANY($1::uuid[])`, [leaving.map((l) => l.participantId), moment.at]);
    await leaveCase(tx, { patientId, organisationId: recipientOrganisationId, source: ParticipationSource.SIP, sourceIds: leaving.map((l) => l.sipId) }, moment.at);
  }
  if (cancelled.length) {
    await tx.query(`UPDATE sip SET status = $2, ended_at = $3, end_reason = $4 WHERE id = ANY($1::uuid[])`, [cancelled, SipStatus.CANCELLED, moment.at, WITHDRAWN_REASON]);
  }
  await tx.query(`UPDATE sip SET version = version + 1, updated_at = $2 WHERE id = ANY($1::uuid[])`, [changed, moment.at]);
  return {
    changed: changed.map((id) => ({ id, regionId: rows.find((r) => r.sipId === id)!.regionId })),
    log: changed.map((id) => ({ recordType: AuditRecordType.SIP, patientId, recordId: id, outcome: AuditOutcome.ALLOWED })),
  };
}
