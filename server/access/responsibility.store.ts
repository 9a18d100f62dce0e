import type DataLoader from 'dataloader';
import { namedLoader } from './named-loader';
import { EntityManager } from 'typeorm';
import type { AgreementChange, AgreementState, Decision, Editor, Refusal, RuleState } from '../../domain/agreement-edits';
import { AgreementScenario, Country } from '../../domain/enums';
import type { CatalogueEntry } from '../../domain/responsibility';
import { AgreementEntity, AgreementPartyEntity, ResponsibilityRuleEntity } from '../../entities';
import { Page, PageRequest } from '../../schema/common/page';
import { AppError, BadUserInputError, ConflictError, ConflictReason, ForbiddenError, NotFoundError } from '../../schema/common/errors';
import type { RequestScope } from './request-scope';
import { isUuid } from '../../domain/uuid';
import { insertRows, RowOf, selectList, setList } from './entity-columns';
import { pageByKey } from './sql';
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

/** An agreement's rules, for a statement that selects from `agreement a`. */
const RULES_OF_AGREEMENT = `SELECT ${RULE_COLUMNS} FROM responsibility_rule r WHERE r.agreement_id = a.id`;

/** The agreement (and rule) an edit changed, for the mutation's answer. */
export type EditSubject = AgreementChange['subject'];

/** The change a decision returns, or its refusal raised as the coded error it names. */
function accepted(decision: Decision): AgreementChange {
  if ('change' in decision) return decision.change;
  throw refusalError(decision.refusal);
}

function refusalError(refusal: Refusal): AppError {
  switch (refusal.code) {
    case 'FORBIDDEN':
      return new ForbiddenError(refusal.message);
    case 'BAD_USER_INPUT':
      return new BadUserInputError(refusal.message, refusal.field);
    case 'CONFLICT':
      return new ConflictError(ConflictReason[refusal.reason], refusal.message, refusal.field, refusal.details);
  }
}

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
    this.agreementById = request.once('responsibility.agreementById', () => namedLoader('responsibility.agreementById', async (ids) => {
      const rows: AgreementRow[] = await db.query(`SELECT ${AGREEMENT_COLUMNS} FROM agreement a WHERE a.id = ANY($1::uuid[]) AND a.region_id = $2`, [
        ids,
        request.requireViewer().regionId,
      ]);
      return ids.map((id) => rows.find((r) => r.id === id) ?? null);
    }));
    this.rulesByAgreement = request.once('responsibility.rulesByAgreement', () => namedLoader('responsibility.rulesByAgreement', async (ids) => {
      const rows: RuleRow[] = await db.query(
        `SELECT ${RULE_COLUMNS} FROM responsibility_rule r WHERE r.agreement_id = ANY($1::uuid[]) AND r.region_id = $2 ORDER BY r.valid_from, r.id`,
        [ids, request.requireViewer().regionId],
      );
      return ids.map((id) => rows.filter((r) => r.agreementId === id));
    }));
    this.partiesByAgreement = request.once('responsibility.partiesByAgreement', () => namedLoader('responsibility.partiesByAgreement', async (ids) => {
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

  /** A page of an agreement's change log, newest first: one statement for all agreements of a list. */
  changes(agreementId: string, page: PageRequest): Promise<Page<ChangeRow>> {
    const regionId = this.request.requireViewer().regionId;
    const signature = JSON.stringify(page);
    let loader = this.changePages.get(signature);
    if (!loader) {
      loader = namedLoader('responsibility.changePages', async (ids) => {
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
  // Each edit is one transaction: lock and load what the decision needs, let the pure decision
  // (domain/agreement-edits.ts) return the change or a refusal, write the change and its
  // responsibility_change rows. Raw SQL throughout, columns from the entities.

  /** A new agreement: there is nothing to load, so the decision runs before the transaction opens. */
  async createAgreement(decide: (editor: Editor) => Decision): Promise<EditSubject> {
    const viewer = this.request.requireViewer();
    const change = accepted(decide(viewer));
    await this.db.transaction((tx) => this.write(tx, viewer.regionId, change));
    this.clearLoaders();
    return change.subject;
  }

  /** An edit of the agreement `id` of the viewer's region (NOT_FOUND naming `field` otherwise). */
  editAgreement(id: string, field: string, decide: (editor: Editor, state: AgreementState) => Decision): Promise<EditSubject> {
    return this.edit(async (tx, regionId) => {
      const [locked]: { id: string }[] = isUuid(id) ? await tx.query(`SELECT a.id FROM agreement a WHERE a.id = $1 AND a.region_id = $2 FOR UPDATE`, [id, regionId]) : [];
      // Another region's agreement answers as an unknown id does: its existence is not the viewer's to learn.
      if (!locked) throw new NotFoundError(`No agreement with id ${id} in your region`, field);
      return this.loadLocked(tx, id);
    }, decide);
  }

  /** An edit of the rule `id` of an agreement of the viewer's region (NOT_FOUND otherwise). */
  editRule(id: string, decide: (editor: Editor, state: RuleState) => Decision): Promise<EditSubject> {
    const notFound = () => new NotFoundError(`No rule with id ${id} in your region`, 'id');
    return this.edit(async (tx, regionId) => {
      const [locked]: { id: string }[] = isUuid(id)
        ? await tx.query(
            `SELECT a.id FROM agreement a JOIN responsibility_rule r ON r.agreement_id = a.id
             WHERE r.id = $1 AND r.region_id = $2 AND a.region_id = $2 FOR UPDATE OF a`,
            [id, regionId],
          )
        : [];
      if (!locked) throw notFound();
      const state = await this.loadLocked(tx, locked.id);
      // Deleted while this edit waited for the lock.
      const rule = state.rules.find((r) => r.id === id);
      if (!rule) throw notFound();
      return { ...state, rule };
    }, decide);
  }

  private async edit<S>(load: (tx: EntityManager, regionId: string) => Promise<S>, decide: (editor: Editor, state: S) => Decision): Promise<EditSubject> {
    const viewer = this.request.requireViewer();
    const subject = await this.db.transaction(async (tx) => {
      const change = accepted(decide(viewer, await load(tx, viewer.regionId)));
      await this.write(tx, viewer.regionId, change);
      return change.subject;
    });
    this.clearLoaders();
    return subject;
  }

  /**
   * A locked agreement with its rules and parties, in one statement. It runs after the lock, not
   * with it: a statement that waits for a lock still reads the snapshot it began with, and would
   * miss a rule that the edit it waited for added.
   */
  private async loadLocked(tx: EntityManager, id: string): Promise<AgreementState> {
    const [row]: (AgreementRow & { rules: RuleRow[]; partyIds: string[] })[] = await tx.query(
      `SELECT ${AGREEMENT_COLUMNS},
         (SELECT coalesce(json_agg(each_rule ORDER BY each_rule.id), '[]') FROM (${RULES_OF_AGREEMENT}) each_rule) AS rules,
         (SELECT coalesce(array_agg(ap.organisation_id::text ORDER BY ap.organisation_id), '{}') FROM agreement_party ap WHERE ap.agreement_id = a.id) AS "partyIds"
       FROM agreement a WHERE a.id = $1`,
      [id],
    );
    const { rules, partyIds, ...agreement } = row;
    return { agreement, rules, partyIds };
  }

  /** Writes a decided change, in the order its parts depend on each other. */
  private async write(tx: EntityManager, regionId: string, change: AgreementChange): Promise<void> {
    const run = ({ sql, values }: { sql: string; values: unknown[] }) => tx.query(sql, values);
    if (change.insertAgreement) {
      const { partyIds, ...agreement } = change.insertAgreement;
      await run(insertRows(AgreementEntity, [{ ...agreement, regionId, createdAt: this.request.now(), updatedAt: this.request.now() }]));
      await run(insertRows(AgreementPartyEntity, partyIds.map((organisationId) => ({ agreementId: agreement.id, organisationId, regionId }))));
    }
    if (change.updateAgreement) {
      const set = setList(AgreementEntity, change.updateAgreement.patch, 3);
      await tx.query(`UPDATE agreement SET ${set.sql.join(', ')}, updated_at = $2 WHERE id = $1`, [change.updateAgreement.id, this.request.now(), ...set.values]);
    }
    if (change.endRules?.ids.length) {
      const set = setList(ResponsibilityRuleEntity, { validTo: change.endRules.lastDay }, 3);
      await tx.query(`UPDATE responsibility_rule SET ${set.sql.join(', ')}, updated_at = $2 WHERE id = ANY($1::uuid[])`, [change.endRules.ids, this.request.now(), ...set.values]);
    }
    if (change.updateRule) {
      const set = setList(ResponsibilityRuleEntity, change.updateRule.values, 3);
      await tx.query(`UPDATE responsibility_rule SET ${set.sql.join(', ')}, updated_at = $2 WHERE id = $1`, [change.updateRule.id, this.request.now(), ...set.values]);
    }
    if (change.deleteRuleId) await tx.query(`DELETE FROM responsibility_rule WHERE id = $1`, [change.deleteRuleId]);
    if (change.insertRules.length) await run(insertRows(ResponsibilityRuleEntity, change.insertRules.map((rule) => ({ ...rule, regionId, createdAt: this.request.now(), updatedAt: this.request.now() }))));
    if (change.log.length) {
      const viewer = this.request.requireViewer();
      const values: unknown[] = [];
      const rows = change.log.map((c) => {
        const row = [regionId, c.agreementId, c.ruleId, viewer.userId, viewer.organisationId, c.action, JSON.stringify(c.before), JSON.stringify(c.after)];
        return `(${row.map((value) => `$${values.push(value)}`).join(', ')})`;
      });
      await tx.query(`INSERT INTO responsibility_change (region_id, agreement_id, rule_id, user_id, organisation_id, action, before, after) VALUES ${rows.join(', ')}`, values);
    }
  }

  /** After an edit, the request's cached agreements, rules, parties and change pages are stale. */
  private clearLoaders(): void {
    this.agreementById.clearAll();
    this.rulesByAgreement.clearAll();
    this.partiesByAgreement.clearAll();
    this.changePages.clear();
  }
}
