import { randomUUID } from 'node:crypto';
import type DataLoader from 'dataloader';
import { namedLoader } from './named-loader';
import { OrganisationKind } from '../../domain/enums';
import type { IdentityNumber } from '../../domain/personnummer';
import { PatientEntity } from '../../entities';
import { PATIENT_ROLES } from '../../domain/roles';
import { Page, PageRequest } from '../../schema/common/page';
import type { Viewer } from '../auth/viewer';
import type { IdentityNumberCipher } from '../crypto/identity-number-cipher';
import { ForbiddenError, NotFoundError } from '../../schema/common/errors';
import type { RequestScope } from './request-scope';
import type { ReferenceStore } from './reference.store';
import { AuditEntry } from './audit';
import { AuditOutcome, AuditRecordType } from '../../domain/audit';
import { isUuid } from '../../domain/uuid';
import { PATIENT_COLUMNS, PatientRecord, PatientView } from './rows.patient';
import { conflictOnUnique } from './sql';
import type { TenantDb } from './tenant-db';
import { writeUnit } from './versioned-write';
import { Where } from './where';

/** Principals keep patient records; other actors see patients only by taking part. */
const PRINCIPAL_KINDS = new Set([OrganisationKind.REGION, OrganisationKind.MUNICIPALITY]);

export interface NewPatient {
  identity: IdentityNumber;
  givenName: string | null;
  familyName: string | null;
  address: string | null;
  protectedIdentity: boolean;
  homeMunicipalityId: string | null;
  listedCareUnitId: string | null;
}

export type PatientPatch = Partial<Omit<NewPatient, 'identity'>>;

/**
 * Patients, behind the visibility rule: a viewer sees a patient only while the viewer's
 * organisation owns the record or takes part in the patient's case (an active participation).
 * The rule is part of every statement here, lists and loaders included; anything else is
 * NOT_FOUND, with the same message whether the patient exists or not. Every successful read and
 * write writes its access-log rows here; failures and denials are logged by the audit middleware.
 */
export class PatientStore {
  private readonly byId: DataLoader<string, PatientRecord | null>;

  constructor(
    private readonly scope: RequestScope,
    private readonly reference: ReferenceStore,
    private readonly cipher: IdentityNumberCipher,
  ) {
    // Bound to this request's viewer: the organisation in the filter is part of every key.
    this.byId = scope.once('patients.byId', () => namedLoader('patients.byId', async (ids) => {
      const viewer = scope.requireViewer();
      const rows: PatientRecord[] = await scope.db.query(
        `SELECT ${PATIENT_COLUMNS} FROM patient p WHERE p.id = ANY($1::uuid[]) AND ${visibleTo('p', '$2')}`,
        [ids, viewer.organisationId],
      );
      const map = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => map.get(id) ?? null);
    }));
  }

  private get db(): TenantDb {
    return this.scope.db;
  }

  private get audit() {
    return this.scope.audit;
  }

  requirePatientRole(): Viewer {
    return this.scope.requireRole(...PATIENT_ROLES);
  }

  /**
   * A patient the viewer may see, as a record, or NOT_FOUND. Does not log: callers do. `roles`:
   * who may ask (an INTEGRATION client reads the patients of its own hand-off inbox).
   */
  async requireVisible(id: string, field = 'id', roles = PATIENT_ROLES): Promise<PatientRecord> {
    this.scope.requireRole(...roles);
    const row = isUuid(id) ? await this.byId.load(id) : null;
    if (!row) throw new NotFoundError(`No patient with id ${id} that you may see`, field);
    return row;
  }

  /** One patient, logged as read. (Failures are logged by the audit middleware.) */
  async get(id: string): Promise<PatientView> {
    const entry = { recordType: AuditRecordType.PATIENT, patientId: id, recordId: id };
    const row = await this.requireVisible(id);
    await this.audit.write([{ ...entry, outcome: AuditOutcome.ALLOWED }]);
    return this.view(row);
  }

  /**
   * Patients the viewer may see, in id order; `identityHash` narrows to one identity number.
   * Each patient returned gets its log row (one statement for the page); an empty search gets one.
   *
   * The visibility rule (owner, or taking part now) as a union of its two halves, each read in id
   * order from its own index and cut at the page size: an OR of both would walk every patient's
   * primary key for an organisation with few patients among many.
   */
  async list(filter: { identityNumber?: string }, page: PageRequest): Promise<Page<PatientView>> {
    const entry = { recordType: AuditRecordType.PATIENT, patientId: null, recordId: null };
    const viewer = this.requirePatientRole();
    const where = new Where();
    const organisation = where.param(viewer.organisationId);
    if (filter.identityNumber) where.and(`p.identity_number_hash = ${where.param(this.cipher.lookupHash(filter.identityNumber))}`);
    if (page.after) where.and(`p.id > ${where.param(page.after[0])}::uuid`);
    const limit = where.param(page.first + 1);
    const found: PatientRecord[] = await this.db.query(
      `SELECT ${PATIENT_COLUMNS} FROM patient p WHERE p.id IN (
         (SELECT p.id FROM patient p WHERE p.owner_organisation_id = ${organisation} AND ${where.sql} ORDER BY p.id LIMIT ${limit})
         UNION
         (SELECT p.id FROM patient p
          WHERE p.id IN (SELECT pp.patient_id FROM patient_participation pp WHERE pp.organisation_id = ${organisation} AND pp.ended_at IS NULL)
            AND ${where.sql} ORDER BY p.id LIMIT ${limit}))
       ORDER BY p.id LIMIT ${limit}`,
      where.params,
    );
    const rows = { nodes: found.slice(0, page.first), hasNextPage: found.length > page.first };
    const entries: AuditEntry[] = rows.nodes.length
      ? rows.nodes.map((r) => ({ ...entry, patientId: r.id, recordId: r.id, outcome: AuditOutcome.ALLOWED }))
      : [{ ...entry, outcome: filter.identityNumber ? AuditOutcome.NOT_FOUND : AuditOutcome.ALLOWED }];
    await this.audit.write(entries);
    for (const r of rows.nodes) this.byId.prime(r.id, r);
    return { nodes: rows.nodes.map((r) => this.view(r)), hasNextPage: rows.hasNextPage };
  }

  /** Creates the viewer's organisation's record of a person. */
  async create(values: NewPatient): Promise<PatientView> {
    const entry = { recordType: AuditRecordType.PATIENT, patientId: null, recordId: null };
    const viewer = this.requirePatientRole();
    const owner = await this.reference.organisation(viewer.organisationId);
    if (!owner || !PRINCIPAL_KINDS.has(owner.kind)) throw new ForbiddenError('Only principals (regions and municipalities) keep patient records');
    const id = randomUUID();
    await writeUnit(this.db, this.audit, {
      write: async (tx) => {
        await tx
          .insert(PatientEntity, {
            id,
            regionId: owner.regionId,
            ownerOrganisationId: owner.id,
            identityNumberHash: this.cipher.lookupHash(values.identity.value),
            identityNumberEncrypted: this.cipher.encrypt(values.identity.value),
            identityKind: values.identity.kind,
            birthDate: values.identity.birthDate,
            legalSex: values.identity.legalSex,
            givenName: values.givenName,
            familyName: values.familyName,
            address: values.address,
            protectedIdentity: values.protectedIdentity,
            homeMunicipalityId: values.homeMunicipalityId,
            listedCareUnitId: values.listedCareUnitId,
            createdAt: this.scope.now(),
            updatedAt: this.scope.now(),
          })
          .catch((e) => conflictOnUnique(e, { patient_owner_identity_uq: ['personnummer', 'Your organisation already has a record of this person'] }));
      },
      log: [{ ...entry, patientId: id, recordId: id, outcome: AuditOutcome.ALLOWED }],
    });
    return this.view(await this.requireVisible(id));
  }

  /**
   * Changes a record of the viewer's own organisation. `expectedVersion` is the version the caller
   * read: a stale one is a CONFLICT and nothing is written (no lost updates between two editors).
   */
  async update(id: string, patch: PatientPatch, expectedVersion: number): Promise<PatientView> {
    const entry = { recordType: AuditRecordType.PATIENT, patientId: id, recordId: id };
    const viewer = this.requirePatientRole();
    const current = await this.requireVisible(id);
    if (current.ownerOrganisationId !== viewer.organisationId) {
      throw new ForbiddenError('Only the organisation that keeps this record may change it', 'id');
    }
    await writeUnit(this.db, this.audit, {
      root: { entity: PatientEntity, id, expectedVersion, patch, at: this.scope.now(), stale: `The patient record has changed since version ${expectedVersion}; read it again` },
      log: [{ ...entry, outcome: AuditOutcome.ALLOWED }],
    });
    this.byId.clear(id);
    return this.view(await this.requireVisible(id));
  }

  /**
   * Forgets the patients loaded so far: an organisation joined or left a case (participation.sql.ts),
   * which changes whom the viewer may see.
   */
  participationChanged(): void {
    this.byId.clearAll();
  }

  /** Decrypts the identity number and withholds a protected identity's details from non-owners. */
  view(row: PatientRecord): PatientView {
    const { identityNumberEncrypted, ...rest } = row;
    const value = this.cipher.decrypt(identityNumberEncrypted);
    const withheld = row.protectedIdentity && row.ownerOrganisationId !== this.scope.viewer?.organisationId;
    return {
      ...rest,
      personnummer: `${value.slice(0, 8)}-${value.slice(8)}`,
      givenName: withheld ? null : row.givenName,
      familyName: withheld ? null : row.familyName,
      address: withheld ? null : row.address,
      detailsWithheld: withheld,
    };
  }
}

/** The visibility rule as SQL: the organisation owns the record or takes part in the case now. */
export function visibleTo(alias: string, organisationParam: string): string {
  return `(${alias}.owner_organisation_id = ${organisationParam} OR EXISTS (
    SELECT 1 FROM patient_participation pp
    WHERE pp.patient_id = ${alias}.id AND pp.organisation_id = ${organisationParam} AND pp.ended_at IS NULL))`;
}
