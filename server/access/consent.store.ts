import { randomUUID } from 'node:crypto';
import { consentAllowsFlow, consentCoversPurpose } from '../../domain/consent';
import { ConsentPurpose, DataCategory } from '../../domain/enums';
import { ConsentEntity } from '../../entities';
import { Page, PageRequest } from '../../schema/common/page';
import { ConflictError, ConflictReason, ForbiddenError, NotFoundError } from '../../schema/common/errors';
import type { RequestScope } from './request-scope';
import type { PatientStore } from './patient.store';
import type { SipStore } from './sip.store';
import { AuditOutcome, AuditRecordType } from '../../domain/audit';
import { isUuid } from '../../domain/uuid';
import { CONSENT_COLUMNS, ConsentRow } from './rows.patient';
import { pageByKey } from './sql';
import { withdrawSipConsent } from './sip-consent-withdrawal';
import { writeUnit } from './versioned-write';
import { Where } from './where';
import type { TenantDb } from './tenant-db';

export type NewConsent = Pick<
  ConsentRow,
  'patientId' | 'recipientOrganisationId' | 'categories' | 'purpose' | 'givenBy' | 'representativeName' | 'validFrom' | 'validTo'
> & {
  /** When it was given (checked by domain/event-time.ts); null: when it is recorded. */
  givenAt: Date | null;
};

/**
 * Consents of patients the viewer may see. A consent is recorded by the organisation that will
 * send the data (its source) for one recipient: it is one-way, as the law reads it.
 */
export class ConsentStore {
  constructor(
    private readonly scope: RequestScope,
    private readonly patients: PatientStore,
    /** The plan store, built when a revocation needs it. */
    private readonly sips: () => SipStore,
  ) {}

  private get db(): TenantDb {
    return this.scope.db;
  }

  private get audit() {
    return this.scope.audit;
  }

  async record(values: NewConsent): Promise<ConsentRow> {
    const entry = { recordType: AuditRecordType.CONSENT, patientId: values.patientId, recordId: null };
    const viewer = this.patients.requirePatientRole();
    const patient = await this.patients.requireVisible(values.patientId, 'patientId');
    const id = randomUUID();
    const now = this.scope.now();
    await writeUnit(this.db, this.audit, {
      write: async (tx) => {
        await tx.insert(ConsentEntity, {
          id,
          regionId: patient.regionId,
          sourceOrganisationId: viewer.organisationId,
          recordedBy: viewer.userId,
          recordedAt: now,
          revokedAt: null,
          revokedBy: null,
          revokeReason: null,
          ...values,
          givenAt: values.givenAt ?? now,
        });
      },
      log: [{ ...entry, recordId: id, outcome: AuditOutcome.ALLOWED }],
    });
    return this.load(id);
  }

  /** Revokes a consent; the patient's owner or the consent's source organisation may. */
  async revoke(id: string, reason: string): Promise<ConsentRow> {
    const entry = { recordType: AuditRecordType.CONSENT, patientId: null as string | null, recordId: id };
    const viewer = this.patients.requirePatientRole();
    const [found]: { patientId: string }[] = isUuid(id) ? await this.db.query(`SELECT patient_id AS "patientId" FROM consent WHERE id = $1`, [id]) : [];
    // A consent of a patient the viewer may not see is as unknown as a missing one.
    const patient = found ? await this.patients.requireVisible(found.patientId).catch(() => null) : null;
    if (!found || !patient) throw new NotFoundError(`No consent with id ${id} that you may see`, 'id');
    entry.patientId = found.patientId;
    const consent = await this.load(id);
    if (viewer.organisationId !== consent.sourceOrganisationId && viewer.organisationId !== patient.ownerOrganisationId) {
      throw new ForbiddenError("Only the consent's source organisation or the patient's own organisation may revoke it", 'id');
    }
    const moment = { at: this.scope.now(), onDate: await this.scope.today() };
    const withdrawal = await writeUnit(this.db, this.audit, {
      write: async (tx) => {
        const [, changed] = await tx.query(
          `UPDATE consent SET revoked_at = $4, revoked_by = $2, revoke_reason = $3 WHERE id = $1 AND revoked_at IS NULL RETURNING id`,
          [id, viewer.userId, reason, moment.at],
        );
        if (changed === 0) throw new ConflictError(ConflictReason.ILLEGAL_STATE, 'The consent is already revoked', 'id');
        // What the person's consent alone let an organisation take part in ends with it.
        return withdrawSipConsent(tx, consent, moment);
      },
      log: (plans) => [{ ...entry, outcome: AuditOutcome.ALLOWED }, ...plans.log],
    });
    if (withdrawal.changed.length) {
      this.sips().forget(withdrawal.changed);
      this.patients.participationChanged();
    }
    return this.load(id);
  }

  /** Consents of a patient the viewer may see, newest first; one log row per request. */
  async ofPatient(patientId: string, page: PageRequest): Promise<Page<ConsentRow>> {
    const entry = { recordType: AuditRecordType.CONSENT, patientId, recordId: null };
    this.patients.requirePatientRole();
    await this.patients.requireVisible(patientId, 'patientId');
    const where = new Where();
    where.and(`k.patient_id = ${where.param(patientId)}`);
    const rows = await pageByKey<ConsentRow>(
      this.db,
      [{ column: 'k.recorded_at', cast: 'timestamptz', descending: true }, { column: 'k.id', cast: 'uuid', descending: true }],
      `SELECT ${CONSENT_COLUMNS} FROM consent k`,
      where,
      page,
    );
    await this.audit.write([{ ...entry, outcome: AuditOutcome.ALLOWED }]);
    return rows;
  }

  /**
   * May data of `category` flow from one organisation to another for this patient now? For
   * features that send data across organisations; revoked or expired consents answer no.
   */
  async mayFlow(patientId: string, category: DataCategory, fromOrganisationId: string, toOrganisationId: string): Promise<boolean> {
    const consents = await this.between(patientId, fromOrganisationId, [toOrganisationId]);
    return consentAllowsFlow(consents, { category, fromOrganisationId, toOrganisationId, at: this.scope.now(), onDate: await this.scope.today() });
  }

  /** Of `toOrganisationIds`, those that no consent for `purpose` covering `category` from `fromOrganisationId` covers now (one statement). */
  async notCoveredFor(patientId: string, purpose: ConsentPurpose, category: DataCategory, fromOrganisationId: string, toOrganisationIds: string[]): Promise<string[]> {
    const consents = await this.between(patientId, fromOrganisationId, toOrganisationIds);
    const flow = { purpose, category, fromOrganisationId, at: this.scope.now(), onDate: await this.scope.today() };
    return toOrganisationIds.filter((toOrganisationId) => !consentCoversPurpose(consents, { ...flow, toOrganisationId }));
  }

  /** The consents of a patient from one organisation to any of others, for domain rules that weigh them (one statement). */
  between(patientId: string, fromOrganisationId: string, toOrganisationIds: string[]): Promise<ConsentRow[]> {
    return this.db.query(
      `SELECT ${CONSENT_COLUMNS} FROM consent k WHERE k.patient_id = $1 AND k.source_organisation_id = $2 AND k.recipient_organisation_id = ANY($3::uuid[])`,
      [patientId, fromOrganisationId, toOrganisationIds],
    );
  }

  private async load(id: string): Promise<ConsentRow> {
    const [row] = await this.db.query(`SELECT ${CONSENT_COLUMNS} FROM consent k WHERE k.id = $1`, [id]);
    return row;
  }
}
