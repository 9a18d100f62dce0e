import { randomUUID } from 'node:crypto';
import DataLoader from 'dataloader';
import { EntityManager } from 'typeorm';
import { AgreementScenario, AgreementStatus, Country, PrincipalRole, Role } from '../../domain/enums';
import type { AgreementFacts, CatalogueEntry, RuleFacts } from '../../domain/responsibility';
import { AgreementEntity, AgreementPartyEntity, ResponsibilityRuleEntity } from '../../entities';
import { Page, PageRequest } from '../../schema/common/page';
import { ForbiddenError, NotFoundError } from '../../schema/common/errors';
import type { RequestScope } from './request-scope';
import { isUuid } from '../../domain/uuid';
import { RowOf, selectList } from './entity-columns';
import { pageByKey, Queryable } from './sql';
import type { TenantDb } from './tenant-db';
import { Where } from './where';

export interface InterventionRow extends CatalogueEntry {
  name: string;
  description: string;
  groupName: string;
  groupDescription: string;
}

const AGREEMENT = selectList(AgreementEntity, 'a', ['createdAt', 'updatedAt']);

export type AgreementRow = RowOf<typeof AGREEMENT> & {
  /** Codes of the municipalities party to the agreement. */
  municipalityCodes: string[];
};

const RULE = selectList(ResponsibilityRuleEntity, 'r', ['createdAt', 'updatedAt']);

export type RuleRow = RowOf<typeof RULE>;

export type RuleValues = Omit<RuleRow, 'id' | 'regionId'>;
export type AgreementValues = Pick<AgreementRow, 'title' | 'scenario' | 'validFrom' | 'validTo' | 'sourceDocument' | 'sourceDate' | 'example'>;

export interface ChangeRow {
  id: string;
  at: Date;
  agreementId: string;
  ruleId: string | null;
  userId: string;
  organisationId: string;
  action: string;
  before: unknown;
  after: unknown;
}

const AGREEMENT_COLUMNS = `${AGREEMENT.sql},
  coalesce((SELECT array_agg(o.municipality_code ORDER BY o.municipality_code) FROM agreement_party ap
            JOIN organisation o ON o.id = ap.organisation_id
            WHERE ap.agreement_id = a.id AND o.municipality_code IS NOT NULL), '{}') AS "municipalityCodes"`;

const RULE_COLUMNS = RULE.sql;

/** The rule as the pure resolution rules see it. */
export function ruleFacts(r: RuleRow): RuleFacts {
  const party = (role: PrincipalRole, organisationId: string | null) => ({ role, organisationId });
  return {
    id: r.id,
    agreementId: r.agreementId,
    validFrom: r.validFrom,
    validTo: r.validTo,
    conditions: {
      interventionCode: r.interventionCode,
      interventionGroup: r.interventionGroup,
      careLevels: r.careLevels,
      housingForms: r.housingForms,
      enrolledInHomeHealthCare: r.enrolledInHomeHealthCare,
      ageMin: r.ageMin,
      ageMax: r.ageMax,
      professions: r.professions,
      municipalityCodes: r.municipalityCodes,
    },
    outcome: {
      responsible: party(r.responsibleRole, r.responsibleOrganisationId),
      performer: r.performerRole ? party(r.performerRole, r.performerOrganisationId) : null,
      performerCareLevel: r.performerCareLevel,
      costBearer: party(r.costBearerRole, r.costBearerOrganisationId),
    },
  };
}

export const agreementFacts = (a: AgreementRow): AgreementFacts => ({
  id: a.id,
  scenario: a.scenario,
  validFrom: a.validFrom,
  validTo: a.validTo,
  municipalityCodes: a.municipalityCodes,
});

/**
 * Agreements and responsibility rules. Any authenticated viewer reads those of their own region
 * (another region's are FORBIDDEN); a RESPONSIBILITY_EDITOR changes them, and every change is
 * recorded in responsibility_change (who, when, before and after) in the same transaction.
 */
export class ResponsibilityStore {
  private readonly agreementById: DataLoader<string, AgreementRow | null>;
  private readonly rulesByAgreement: DataLoader<string, RuleRow[]>;
  private readonly partiesByAgreement: DataLoader<string, string[]>;
  private readonly changePages: Map<string, DataLoader<string, Page<ChangeRow>>>;

  constructor(private readonly request: RequestScope) {
    const db = request.db;
    this.changePages = request.once('responsibility.changePages', () => new Map<string, DataLoader<string, Page<ChangeRow>>>());
    // Keys are agreement ids; the viewer's region is part of every statement.
    this.agreementById = request.once('responsibility.agreementById', () => new DataLoader(async (ids) => {
      const rows: AgreementRow[] = await db.query(`SELECT ${AGREEMENT_COLUMNS} FROM agreement a WHERE a.id = ANY($1::uuid[]) AND a.region_id = $2`, [
        ids,
        request.requireViewer().regionId,
      ]);
      return ids.map((id) => rows.find((r) => r.id === id) ?? null);
    }));
    this.rulesByAgreement = request.once('responsibility.rulesByAgreement', () => new DataLoader(async (ids) => {
      const rows: RuleRow[] = await db.query(
        `SELECT ${RULE_COLUMNS} FROM responsibility_rule r WHERE r.agreement_id = ANY($1::uuid[]) AND r.region_id = $2 ORDER BY r.valid_from, r.id`,
        [ids, request.requireViewer().regionId],
      );
      return ids.map((id) => rows.filter((r) => r.agreementId === id));
    }));
    this.partiesByAgreement = request.once('responsibility.partiesByAgreement', () => new DataLoader(async (ids) => {
      const rows: { agreementId: string; organisationId: string }[] = await db.query(
        `SELECT ap.agreement_id AS "agreementId", ap.organisation_id AS "organisationId" FROM agreement_party ap
         WHERE ap.agreement_id = ANY($1::uuid[]) AND ap.region_id = $2`,
        [ids, request.requireViewer().regionId],
      );
      return ids.map((id) => rows.filter((r) => r.agreementId === id).map((r) => r.organisationId));
    }));
  }

  private get db(): TenantDb {
    return this.request.db;
  }

  /** The viewer's region, or FORBIDDEN for another region's agreements. */
  requireOwnRegion(regionId: string, field: string): void {
    if (regionId !== this.request.requireViewer().regionId) throw new ForbiddenError("Agreements of another region than yours are not yours to read or change", field);
  }

  /** The intervention catalogue with each intervention's group (one statement per request). */
  catalogue(): Promise<InterventionRow[]> {
    this.request.requireViewer();
    return this.request.once('responsibility.catalogue', (): Promise<InterventionRow[]> =>
      this.db.query(
        `SELECT i.code, i.group_code AS "group", i.name, i.description, g.name AS "groupName", g.description AS "groupDescription"
         FROM intervention i JOIN intervention_group g ON g.code = i.group_code ORDER BY g.position, i.position`,
      ),
    );
  }

  /** Municipalities by official code (with their region), for validating questions. */
  async municipalities(codes: string[]): Promise<{ id: string; code: string; regionId: string }[]> {
    this.request.requireViewer();
    return this.db.query(
      `SELECT o.id, o.municipality_code AS code, o.region_id AS "regionId" FROM organisation o JOIN region r ON r.id = o.region_id
       WHERE o.municipality_code = ANY($1::text[]) AND r.country = CASE WHEN length(o.municipality_code) = 4 THEN $2 ELSE $3 END`,
      [codes, Country.SE, Country.FI],
    );
  }

  /** The regional principal of the viewer's region. */
  async regionPrincipalId(): Promise<string> {
    const [row] = await this.db.query(`SELECT id FROM organisation WHERE region_id = $1 AND kind = 'REGION'`, [this.request.requireViewer().regionId]);
    if (!row) throw new NotFoundError("Your region has no regional principal recorded");
    return row.id;
  }

  /** Every agreement of the viewer's region in these scenarios (withdrawn ones excepted) and their rules: two statements. */
  async scope(scenarios: AgreementScenario[]): Promise<{ agreements: AgreementRow[]; rules: RuleRow[] }> {
    const regionId = this.request.requireViewer().regionId;
    const agreements: AgreementRow[] = await this.db.query(
      `SELECT ${AGREEMENT_COLUMNS} FROM agreement a WHERE a.region_id = $1 AND a.scenario = ANY($2::text[]) AND a.status <> 'WITHDRAWN'`,
      [regionId, scenarios],
    );
    const rules: RuleRow[] = await this.db.query(`SELECT ${RULE_COLUMNS} FROM responsibility_rule r WHERE r.agreement_id = ANY($1::uuid[]) ORDER BY r.id`, [
      agreements.map((a) => a.id),
    ]);
    return { agreements, rules };
  }

  agreement(id: string): Promise<AgreementRow | null> {
    this.request.requireViewer();
    return isUuid(id) ? this.agreementById.load(id) : Promise.resolve(null);
  }

  /** Agreements of the viewer's region, by title; optionally of one scenario and valid on a date. */
  agreements(filter: { scenario?: AgreementScenario; onDate?: string }, page: PageRequest): Promise<Page<AgreementRow>> {
    const where = new Where();
    where.and(`a.region_id = ${where.param(this.request.requireViewer().regionId)}`);
    if (filter.scenario) where.and(`a.scenario = ${where.param(filter.scenario)}`);
    if (filter.onDate) {
      const onDate = where.param(filter.onDate);
      where.and(`a.valid_from <= ${onDate} AND (a.valid_to IS NULL OR a.valid_to >= ${onDate})`);
    }
    return pageByKey(this.db, [{ column: 'a.title' }, { column: 'a.id', cast: 'uuid' }], `SELECT ${AGREEMENT_COLUMNS} FROM agreement a`, where, page);
  }

  /** Rules of an agreement (all of them: an agreement holds tens, not thousands). */
  rules(agreementId: string): Promise<RuleRow[]> {
    this.request.requireViewer();
    return this.rulesByAgreement.load(agreementId);
  }

  /** Parties of an agreement of the viewer's region (batched across a list). */
  partyIds(agreementId: string): Promise<string[]> {
    this.request.requireViewer();
    return this.partiesByAgreement.load(agreementId);
  }

  /** Parties inside an edit's transaction. */
  async partyIdsIn(tx: Queryable, agreementId: string): Promise<string[]> {
    const rows = await tx.query(`SELECT organisation_id AS id FROM agreement_party WHERE agreement_id = $1`, [agreementId]);
    return rows.map((r: { id: string }) => r.id);
  }

  /** A page of an agreement's change log, newest first: one statement for all agreements of a list. */
  changes(agreementId: string, page: PageRequest): Promise<Page<ChangeRow>> {
    const regionId = this.request.requireViewer().regionId;
    const signature = JSON.stringify(page);
    let loader = this.changePages.get(signature);
    if (!loader) {
      loader = new DataLoader(async (ids) => {
        const after = page.after ? 'AND c.id < $4::bigint' : '';
        const rows: (ChangeRow & { position: string })[] = await this.db.query(
          `SELECT * FROM (
             SELECT c.id::text AS id, c.at, c.agreement_id AS "agreementId", c.rule_id AS "ruleId", c.user_id AS "userId",
                    c.organisation_id AS "organisationId", c.action, c.before, c.after,
                    row_number() OVER (PARTITION BY c.agreement_id ORDER BY c.id DESC) AS position
             FROM responsibility_change c WHERE c.agreement_id = ANY($1::uuid[]) AND c.region_id = $2 ${after}
           ) ranked WHERE position <= $3 ORDER BY id::bigint DESC`,
          page.after ? [ids, regionId, page.first + 1, page.after[0]] : [ids, regionId, page.first + 1],
        );
        return ids.map((id) => {
          const group = rows.filter((r) => r.agreementId === id).map(({ position: _p, ...change }) => change);
          return { nodes: group.slice(0, page.first), hasNextPage: group.length > page.first };
        });
      });
      this.changePages.set(signature, loader);
    }
    return loader.load(agreementId);
  }

  // Writes (RESPONSIBILITY_EDITOR, own region) ---------------------------------------------------

  /** Runs `work` in a transaction as an editor of the viewer's region. */
  editing<T>(work: (tx: EntityManager, log: (change: Omit<ChangeRow, 'id' | 'at' | 'userId' | 'organisationId'>) => Promise<void>) => Promise<T>): Promise<T> {
    const viewer = this.request.requireRole(Role.RESPONSIBILITY_EDITOR);
    return this.db.transaction(async (tx) => {
      const log = async (c: Omit<ChangeRow, 'id' | 'at' | 'userId' | 'organisationId'>) => {
        await tx.query(
          `INSERT INTO responsibility_change (region_id, agreement_id, rule_id, user_id, organisation_id, action, before, after)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [viewer.regionId, c.agreementId, c.ruleId, viewer.userId, viewer.organisationId, c.action, JSON.stringify(c.before), JSON.stringify(c.after)],
        );
      };
      const result = await work(tx, log);
      this.agreementById.clearAll();
      this.rulesByAgreement.clearAll();
      this.partiesByAgreement.clearAll();
      this.changePages.clear();
      return result;
    });
  }

  /** The agreement with its rules inside a transaction, locked against concurrent edits. */
  async lockAgreement(tx: Queryable, id: string, field: string): Promise<{ agreement: AgreementRow; rules: RuleRow[] }> {
    // Another region's agreement answers as an unknown id does: its existence is not the viewer's to learn.
    const [agreement]: AgreementRow[] = isUuid(id)
      ? await tx.query(`SELECT ${AGREEMENT_COLUMNS} FROM agreement a WHERE a.id = $1 AND a.region_id = $2 FOR UPDATE`, [id, this.request.requireViewer().regionId])
      : [];
    if (!agreement) throw new NotFoundError(`No agreement with id ${id} in your region`, field);
    const rules: RuleRow[] = await tx.query(`SELECT ${RULE_COLUMNS} FROM responsibility_rule r WHERE r.agreement_id = $1 ORDER BY r.id`, [id]);
    return { agreement, rules };
  }

  async insertAgreement(tx: EntityManager, values: AgreementValues & { seriesId?: string; version?: number; supersedesId?: string | null }, partyIds: string[]): Promise<string> {
    const id = randomUUID();
    const regionId = this.request.requireViewer().regionId;
    await tx.insert(AgreementEntity, {
      id,
      regionId,
      seriesId: values.seriesId ?? randomUUID(),
      version: values.version ?? 1,
      supersedesId: values.supersedesId ?? null,
      status: AgreementStatus.ACTIVE,
      title: values.title,
      scenario: values.scenario,
      validFrom: values.validFrom,
      validTo: values.validTo,
      sourceDocument: values.sourceDocument,
      sourceDate: values.sourceDate,
      example: values.example,
    });
    await tx.insert(AgreementPartyEntity, partyIds.map((organisationId) => ({ agreementId: id, regionId, organisationId })));
    return id;
  }

  /** A rule with its agreement, locked, in the viewer's region (NOT_FOUND / FORBIDDEN otherwise). */
  async lockRule(tx: EntityManager, id: string) {
    const [row]: { agreementId: string }[] = isUuid(id)
      ? await tx.query(`SELECT agreement_id AS "agreementId" FROM responsibility_rule WHERE id = $1 AND region_id = $2`, [id, this.request.requireViewer().regionId])
      : [];
    if (!row) throw new NotFoundError(`No rule with id ${id} in your region`, 'id');
    const locked = await this.lockAgreement(tx, row.agreementId, 'id');
    return { ...locked, current: locked.rules.find((r) => r.id === id)! };
  }

  async updateRule(tx: EntityManager, id: string, values: Omit<RuleValues, 'agreementId'>): Promise<void> {
    await tx.update(ResponsibilityRuleEntity, { id }, values);
  }

  async deleteRule(tx: EntityManager, id: string): Promise<void> {
    await tx.delete(ResponsibilityRuleEntity, { id });
  }

  async updateAgreement(tx: EntityManager, id: string, patch: Partial<Pick<AgreementEntity, 'title' | 'status' | 'validTo' | 'sourceDocument' | 'sourceDate'>>): Promise<void> {
    if (Object.keys(patch).length) await tx.update(AgreementEntity, { id }, patch);
  }

  /** Ends a version the day before its successor starts: it and its open rules stop at `lastDay`. */
  async endVersion(tx: EntityManager, id: string, lastDay: string): Promise<void> {
    await tx.update(AgreementEntity, { id }, { status: AgreementStatus.SUPERSEDED, validTo: lastDay });
    await tx.query(`UPDATE responsibility_rule SET valid_to = $2, updated_at = now() WHERE agreement_id = $1 AND (valid_to IS NULL OR valid_to > $2) AND valid_from <= $2`, [id, lastDay]);
  }

  async insertRule(tx: EntityManager, values: RuleValues): Promise<string> {
    const id = randomUUID();
    await tx.insert(ResponsibilityRuleEntity, { id, regionId: this.request.requireViewer().regionId, ...values });
    return id;
  }
}
