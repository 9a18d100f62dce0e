import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { Country, OrganisationKind, Role } from '../../domain/enums';
import { DischargeParameters, dischargeParametersOn } from '../../domain/discharge-deadlines';
import { DatedParameter, parameterOn } from '../../domain/rule-parameters';
import { KvaCode, kvaCodeOn } from '../../domain/sip';
import { AssociationMembershipEntity, CareUnitEntity, OrganisationEntity } from '../../entities';
import { Page, PageRequest } from '../../schema/common/page';
import { BadUserInputError, ConflictError, ConflictReason, NotFoundError } from '../../schema/common/errors';
import type { RequestScope } from './request-scope';
import { isUuid } from '../../domain/uuid';
import {
  CARE_UNIT_COLUMNS,
  CareUnitRow,
  KVA_CODE_COLUMNS,
  ORGANISATION_COLUMNS,
  OrganisationRow,
  REGION_COLUMNS,
  RegionRow,
} from './rows';
import { OrganisationPrefetch, prefetchOrganisationPage } from './reference.loaders';
import { byName, conflictOnUnique, likeContains, pageByName, pageOf, pageStatement, Queryable } from './sql';
import type { TenantDb } from './tenant-db';
import { Where } from './where';

export interface OrganisationQuery {
  regionId?: string;
  kind?: OrganisationKind;
  search?: string;
}

export interface CareUnitQuery {
  regionId?: string;
  organisationId?: string;
  careLevel?: CareUnitRow['careLevel'];
}

export interface MemberValues {
  organisationId: string;
  financingShare: number | null;
  note: string | null;
}

/** What a TENANT_ADMIN sets; example data is only ever seeded. */
export type OrganisationValues = Omit<OrganisationRow, 'id' | 'regionId' | 'example'>;
export type CareUnitValues = Omit<CareUnitRow, 'id' | 'regionId'>;

const ORGANISATION_CONSTRAINTS: Record<string, [string, string]> = {
  organisation_municipality_code_uq: ['municipalityCode', 'Another municipality of this region has that code'],
  organisation_region_principal_uq: ['kind', 'This region already has its regional principal'],
};
const CARE_UNIT_CONSTRAINTS: Record<string, [string, string]> = {
  care_unit_hsa_id_key: ['hsaId', 'Another care unit has that HSA-id'],
};

/**
 * Regions, organisations, association memberships and care units. Any authenticated viewer reads
 * them; a TENANT_ADMIN writes them in their own region only.
 */
export class ReferenceStore {
  private readonly loaders;

  constructor(private readonly scope: RequestScope) {
    this.loaders = scope.referenceLoaders();
  }

  private get db(): TenantDb {
    return this.scope.db;
  }

  /**
   * Reads of reference data: small tables read by key or by name, whose plans do not depend on
   * the values, so each connection keeps them (TenantDb.reusingPlans).
   */
  private get reads(): Queryable {
    return this.scope.db.reusingPlans;
  }

  // Reads -----------------------------------------------------------------------------------

  region(id: string): Promise<RegionRow | null> {
    this.scope.requireViewer();
    return this.loaders.region.load(id);
  }

  async regionByCode(country: Country, code: string): Promise<RegionRow | null> {
    this.scope.requireViewer();
    const [row] = await this.reads.query(`SELECT ${REGION_COLUMNS} FROM region r WHERE r.country = $1 AND r.code = $2`, [country, code]);
    return row ?? null;
  }

  async regions(page: PageRequest): Promise<Page<RegionRow>> {
    this.scope.requireViewer();
    return pageByName(this.reads, 'r', `SELECT ${REGION_COLUMNS} FROM region r`, new Where(), page);
  }

  organisation(id: string): Promise<OrganisationRow | null> {
    this.scope.requireViewer();
    return isUuid(id) ? this.loaders.organisation.load(id) : Promise.resolve(null);
  }

  async municipality(country: Country, code: string): Promise<OrganisationRow | null> {
    this.scope.requireViewer();
    const [row] = await this.reads.query(
      `SELECT ${ORGANISATION_COLUMNS} FROM organisation o JOIN region r ON r.id = o.region_id
       WHERE r.country = $1 AND o.municipality_code = $2`,
      [country, code],
    );
    return row ?? null;
  }

  /**
   * A page of organisations. `prefetch` names what the query will read of each (region,
   * memberships, care units): it is read in the same round trip as the page, and the loaders
   * answer the field resolvers from it.
   */
  async organisations(query: OrganisationQuery, page: PageRequest, prefetch: OrganisationPrefetch = {}): Promise<Page<OrganisationRow>> {
    this.scope.requireViewer();
    const where = new Where();
    if (query.regionId) where.and(`o.region_id = ${where.param(query.regionId)}`);
    if (query.kind) where.and(`o.kind = ${where.param(query.kind)}`);
    if (query.search) where.and(`o.name ILIKE ${where.param(likeContains(query.search))}`);
    const statement = pageStatement(byName('o'), `SELECT ${ORGANISATION_COLUMNS} FROM organisation o`, where, page);
    const rows = pageOf<OrganisationRow>(this.reads, statement, page);
    await prefetchOrganisationPage(this.reads, this.loaders, statement, rows, prefetch);
    return rows;
  }

  membersOf(associationId: string) {
    this.scope.requireViewer();
    return this.loaders.membersOfAssociation.load(associationId);
  }

  membershipsOf(memberId: string) {
    this.scope.requireViewer();
    return this.loaders.membershipsOfMember.load(memberId);
  }

  careUnit(id: string): Promise<CareUnitRow | null> {
    this.scope.requireViewer();
    return isUuid(id) ? this.loaders.careUnit.load(id) : Promise.resolve(null);
  }

  careUnits(query: CareUnitQuery, page: PageRequest): Promise<Page<CareUnitRow>> {
    this.scope.requireViewer();
    if (query.organisationId && !query.careLevel && !query.regionId) return this.loaders.careUnitsOfOrganisation(page).load(query.organisationId);
    const where = new Where();
    if (query.regionId) where.and(`c.region_id = ${where.param(query.regionId)}`);
    if (query.organisationId) where.and(`c.organisation_id = ${where.param(query.organisationId)}`);
    if (query.careLevel) where.and(`c.care_level = ${where.param(query.careLevel)}`);
    return pageByName(this.reads, 'c', `SELECT ${CARE_UNIT_COLUMNS} FROM care_unit c`, where, page);
  }

  /**
   * The value of a dated rule parameter for a region (the viewer's by default) on a date. A
   * parameter the platform reads is always seeded, so a missing one is a configuration fault.
   */
  async parameter<T>(key: string, onDate: string, regionId = this.scope.requireViewer().regionId): Promise<T> {
    const value = await this.resolvedOnce(`${regionId}|${key}|${onDate}`, async () => parameterOn<T>(await this.parameters(regionId), key, regionId, onDate));
    if (value === undefined) throw new Error(`Rule parameter ${key} has no value on ${onDate}`);
    return value;
  }

  /** The discharge parameters of a region on an admission date (see dischargeParametersOn). */
  dischargeParameters(regionId: string, onDate: string, psychiatric: boolean): Promise<DischargeParameters> {
    return this.resolvedOnce(`${regionId}|discharge|${onDate}|${psychiatric}`, async () => dischargeParametersOn(await this.parameters(regionId), regionId, onDate, psychiatric));
  }

  /**
   * A value resolved from the dated parameters, once per request: a list of hand-offs asks for
   * the same region and dates over and over. (Only ruleParameterSet writes them, and it reads no
   * values through this cache.)
   */
  private resolvedOnce<T>(key: string, resolve: () => Promise<T>): Promise<T> {
    const resolved = this.scope.once('reference.resolvedParameters', () => new Map<string, Promise<unknown>>());
    if (!resolved.has(key)) resolved.set(key, resolve());
    return resolved.get(key) as Promise<T>;
  }

  /** All dated rule parameters that apply to a region (for domain functions that read several). */
  parameters(regionId: string): Promise<DatedParameter[]> {
    this.scope.requireViewer();
    return this.loaders.parametersOfRegion.load(regionId);
  }

  /** The version of a KVÅ code valid on a date; null when none is. */
  async kvaCode(code: string, onDate: string): Promise<KvaCode | null> {
    return kvaCodeOn(await this.loaders.kvaCodeVersions.load(code), code, onDate) ?? null;
  }

  /** Every version of the KVÅ codes, by code then start (the dated table). */
  async kvaCodes(): Promise<KvaCode[]> {
    return this.reads.query(`SELECT ${KVA_CODE_COLUMNS} FROM kva_code kc ORDER BY kc.code, kc.valid_from`);
  }

  /** The regional principal of a region (Region Dalarna, ÅHS). */
  regionPrincipal(regionId: string): Promise<OrganisationRow | null> {
    this.scope.requireViewer();
    return this.loaders.regionPrincipal.load(regionId);
  }

  // Writes (TENANT_ADMIN, own region) ---------------------------------------------------------

  async createOrganisation(values: OrganisationValues, members: MemberValues[] | null): Promise<OrganisationRow> {
    const viewer = this.scope.requireRole(Role.TENANT_ADMIN);
    const id = randomUUID();
    await this.db.transaction(async (tx) => {
      await tx.insert(OrganisationEntity, { id, regionId: viewer.regionId, ...values, createdAt: this.scope.now(), updatedAt: this.scope.now() }).catch((e) => conflictOnUnique(e, ORGANISATION_CONSTRAINTS));
      if (members) await this.replaceMembers(tx, id, viewer.regionId, members);
    });
    this.scope.logger.info({ userId: viewer.userId, organisationId: id }, 'organisation created');
    return this.reload(this.loaders.organisation, id);
  }

  async updateOrganisation(id: string, patch: Partial<OrganisationValues>, members: MemberValues[] | null): Promise<OrganisationRow> {
    const viewer = this.scope.requireRole(Role.TENANT_ADMIN);
    await this.db.transaction(async (tx) => {
      const current = await this.lockOwn(tx, 'organisation', id, 'id');
      if (Object.keys(patch).length > 0) {
        await tx.update(OrganisationEntity, { id }, { ...patch, updatedAt: this.scope.now() }).catch((e) => conflictOnUnique(e, ORGANISATION_CONSTRAINTS));
      }
      if (members) await this.replaceMembers(tx, id, current.regionId, members);
    });
    this.loaders.membersOfAssociation.clear(id);
    this.scope.logger.info({ userId: viewer.userId, organisationId: id }, 'organisation updated');
    return this.reload(this.loaders.organisation, id);
  }

  async createCareUnit(values: CareUnitValues): Promise<CareUnitRow> {
    const viewer = this.scope.requireRole(Role.TENANT_ADMIN);
    const id = randomUUID();
    await this.db.transaction(async (tx) => {
      const owner = await this.lockOwn(tx, 'organisation', values.organisationId, 'organisationId');
      await tx.insert(CareUnitEntity, { id, regionId: owner.regionId, ...values, createdAt: this.scope.now(), updatedAt: this.scope.now() }).catch((e) => conflictOnUnique(e, CARE_UNIT_CONSTRAINTS));
    });
    this.scope.logger.info({ userId: viewer.userId, careUnitId: id }, 'care unit created');
    return this.reload(this.loaders.careUnit, id);
  }

  async updateCareUnit(id: string, patch: Partial<Omit<CareUnitValues, 'organisationId'>>): Promise<CareUnitRow> {
    const viewer = this.scope.requireRole(Role.TENANT_ADMIN);
    await this.db.transaction(async (tx) => {
      await this.lockOwn(tx, 'care_unit', id, 'id');
      if (Object.keys(patch).length > 0) {
        await tx.update(CareUnitEntity, { id }, { ...patch, updatedAt: this.scope.now() }).catch((e) => conflictOnUnique(e, CARE_UNIT_CONSTRAINTS));
      }
    });
    this.scope.logger.info({ userId: viewer.userId, careUnitId: id }, 'care unit updated');
    return this.reload(this.loaders.careUnit, id);
  }

  /**
   * Locks a row of the viewer's region for the rest of the transaction: NOT_FOUND when there is
   * none, whether the id is unknown or another region's (a TENANT_ADMIN changes their own region only).
   */
  private async lockOwn(tx: EntityManager, table: 'organisation' | 'care_unit', id: string, field: string) {
    const viewer = this.scope.requireViewer();
    const [row] = isUuid(id) ? await tx.query(`SELECT id, region_id AS "regionId" FROM ${table} WHERE id = $1 AND region_id = $2 FOR UPDATE`, [id, viewer.regionId]) : [];
    const what = table === 'organisation' ? 'organisation' : 'care unit';
    if (!row) throw new NotFoundError(`No ${what} with id ${id} in your region`, field);
    return row as { id: string; regionId: string };
  }

  private async replaceMembers(tx: EntityManager, associationId: string, regionId: string, members: MemberValues[]) {
    const [association] = await tx.query(`SELECT kind FROM organisation WHERE id = $1`, [associationId]);
    if (association?.kind !== OrganisationKind.COORDINATION_ASSOCIATION) {
      throw new BadUserInputError('Only coordination associations have members', 'members');
    }
    const ids = members.map((m) => m.organisationId);
    // Members are organisations of the association's own region; another region's is refused as an unknown id.
    const found: { id: string }[] = await tx.query(`SELECT id FROM organisation WHERE id = ANY($1::uuid[]) AND region_id = $2`, [ids, regionId]);
    const missing = members.findIndex((m) => !found.some((f) => f.id === m.organisationId));
    if (missing >= 0) throw new NotFoundError(`No organisation with id ${ids[missing]} in your region`, `members[${missing}].organisationId`);
    await tx.delete(AssociationMembershipEntity, { associationId });
    if (members.length === 0) return;
    await tx.insert(
      AssociationMembershipEntity,
      members.map((m) => ({
        id: randomUUID(),
        regionId,
        associationId,
        memberId: m.organisationId,
        financingShare: m.financingShare,
        note: m.note,
      })),
    );
  }

  /** Reads a row again after a write, past the request's loader cache. */
  private async reload<T>(loader: { clear(id: string): unknown; load(id: string): Promise<T | null> }, id: string): Promise<T> {
    loader.clear(id);
    const row = await loader.load(id);
    if (!row) throw new ConflictError(ConflictReason.STALE_VERSION, 'The record changed while it was being saved; read it again');
    return row;
  }
}
