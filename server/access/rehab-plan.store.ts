import { randomUUID } from 'node:crypto';
import type DataLoader from 'dataloader';
import { namedLoader } from './named-loader';
import { AuditOutcome, AuditRecordType } from '../../domain/audit';
import { ParticipationSource } from '../../domain/participation';
import { RehabPlanFacts, RehabPlanStatus, TherapyForm } from '../../domain/rehab-plan';
import { PATIENT_ROLES } from '../../domain/roles';
import { isUuid } from '../../domain/uuid';
import { GasGoalEntity, GasScoreEntity, RehabPlanEntity, RehabPlanEvaluationEntity, TherapyFormEntity } from '../../entities';
import { NotFoundError } from '../../schema/common/errors';
import { Page, PageRequest } from '../../schema/common/page';
import type { Viewer } from '../auth/viewer';
import { childLoader, ParentKey } from './child-loader';
import { insertRows, RowOf, selectList } from './entity-columns';
import { joinCase } from './participation.sql';
import type { PatientStore } from './patient.store';
import { visibleTo } from './patient.store';
import type { RequestScope } from './request-scope';
import { pageByKey } from './sql';
import { writeUnit } from './versioned-write';
import { Where } from './where';

const PLAN = selectList(RehabPlanEntity, 'rp', ['createdBy']);
export type RehabPlanRow = RowOf<typeof PLAN>;

const GOAL = selectList(GasGoalEntity, 'g', ['createdBy']);
export type GasGoalRow = RowOf<typeof GOAL>;

const SCORE = selectList(GasScoreEntity, 's', ['seq']);
export type GasScoreRow = RowOf<typeof SCORE>;

const EVALUATION = selectList(RehabPlanEvaluationEntity, 'e', ['evaluatedBy']);
export type RehabPlanEvaluationRow = RowOf<typeof EVALUATION>;

const THERAPY_FORM = selectList(TherapyFormEntity, 't', ['id', 'source']);

/** A plan is visible while its patient is: the organisation owns the record or takes part in the case. */
const planVisibleTo = (alias: string, organisationParam: string) =>
  `EXISTS (SELECT 1 FROM patient p WHERE p.id = ${alias}.patient_id AND p.region_id = ${alias}.region_id AND ${visibleTo('p', organisationParam)})`;

export type NewRehabPlan = Pick<RehabPlanEntity, 'patientId' | 'regionId' | 'need' | 'ownGoals' | 'functionalAbility' | 'therapyForms' | 'evaluationDate' | 'fundingProgrammeId'>;

/** The plan's own columns a change may set. */
export type RehabPlanPatch = Partial<
  Pick<RehabPlanEntity, 'need' | 'ownGoals' | 'functionalAbility' | 'therapyForms' | 'evaluationDate' | 'status' | 'evaluationPeriod' | 'activatedAt' | 'closedAt' | 'closeReason'>
>;

export type NewGasGoal = Pick<GasGoalEntity, 'title' | 'levels' | 'weight' | 'baseline'>;

/** One change of a plan, written whole in one transaction or not at all (decided by domain/rehab-plan.ts first). */
export interface RehabPlanEdit {
  patch?: RehabPlanPatch;
  /** Replaces the goals of the current evaluation period, in this order. */
  goals?: NewGasGoal[];
  score?: { goalId: string; attainment: number; scoredOn: string; note: string | null };
  /** Closes the current evaluation period with its T-score. */
  evaluation?: { evaluatedOn: string; rho: number; tScore: number; note: string | null };
}

/** A plan as a change of it is decided (see RehabPlanStore.forChange). */
export interface RehabPlanForChange {
  plan: RehabPlanRow;
  facts: RehabPlanFacts;
  /** The viewer's organisation takes part in the patient's case through this plan. */
  takesPartThroughPlan: boolean;
  /** The plan's region's time zone: its local dates. */
  timeZone: string;
}

export interface RehabPlanQuery {
  patientId: string | null;
  ownerOrganisationId: string | null;
  status: RehabPlanStatus | null;
}

/**
 * Rehabilitation plans with their GAS goals, scores and evaluations. A viewer sees a plan while it
 * may see the plan's patient (its organisation owns the record or takes part in the case); anything
 * else is NOT_FOUND. The owner joins the patient's case through the plan when it makes it. Every
 * change checks and raises the plan's version; reads and writes are logged here (record type
 * REHAB_PLAN). Goals, scores and evaluations load through DataLoaders keyed with the region, so a
 * list of plans with their goals and scores costs a constant number of statements.
 */
export class RehabPlanStore {
  private readonly byId: DataLoader<string, RehabPlanRow | null>;
  private readonly goalsOf: DataLoader<ParentKey, GasGoalRow[], string>;
  private readonly scoresOf: DataLoader<ParentKey, GasScoreRow[], string>;
  private readonly evaluationsOf: DataLoader<ParentKey, RehabPlanEvaluationRow[], string>;

  constructor(
    private readonly scope: RequestScope,
    private readonly patients: PatientStore,
  ) {
    const db = scope.db;
    this.byId = scope.once('rehabPlans.byId', () => namedLoader('rehabPlans.byId', async (ids) => {
      const viewer = scope.requireViewer();
      const rows: RehabPlanRow[] = await db.query(`SELECT ${PLAN.sql} FROM rehab_plan rp WHERE rp.id = ANY($1::uuid[]) AND ${planVisibleTo('rp', '$2')}`, [ids, viewer.organisationId]);
      const map = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => map.get(id) ?? null);
    }));
    // Children of plans (and goals) the viewer has already been allowed to see.
    this.goalsOf = scope.once('rehabPlans.goalsOf', () =>
      childLoader<GasGoalRow>(db, { name: 'rehabPlans.goalsOf', columns: GOAL.sql, from: 'gas_goal g', parentColumn: 'plan_id', order: 'g.evaluation_period, g.position', parentOf: (r) => r.planId }),
    );
    this.scoresOf = scope.once('rehabPlans.scoresOf', () =>
      childLoader<GasScoreRow>(db, { name: 'rehabPlans.scoresOf', columns: SCORE.sql, from: 'gas_score s', parentColumn: 'goal_id', order: 's.scored_on, s.seq', parentOf: (r) => r.goalId }),
    );
    this.evaluationsOf = scope.once('rehabPlans.evaluationsOf', () =>
      childLoader<RehabPlanEvaluationRow>(db, { name: 'rehabPlans.evaluationsOf', columns: EVALUATION.sql, from: 'rehab_plan_evaluation e', parentColumn: 'plan_id', order: 'e.evaluation_period', parentOf: (r) => r.planId }),
    );
  }

  private get db() {
    return this.scope.db;
  }

  private get audit() {
    return this.scope.audit;
  }

  requireRole(): Viewer {
    return this.scope.requireRole(...PATIENT_ROLES);
  }

  /** A plan the viewer may see, or NOT_FOUND. Does not log: callers do. */
  async requireVisible(id: string, field = 'id'): Promise<RehabPlanRow> {
    this.requireRole();
    const row = isUuid(id) ? await this.byId.load(id) : null;
    if (!row) throw new NotFoundError(`No rehabilitation plan with id ${id} that you may see`, field);
    return row;
  }

  /** One plan, logged as a read of its patient's data. */
  async get(id: string): Promise<RehabPlanRow> {
    const row = await this.requireVisible(id);
    await this.logRead([row], row.patientId);
    return row;
  }

  /**
   * Plans newest first: of one patient (a patient the viewer may not see is NOT_FOUND), or of one
   * owner (the viewer's organisation by default), each only if the viewer may see its patient.
   * One log row per plan.
   */
  async list(query: RehabPlanQuery, page: PageRequest): Promise<Page<RehabPlanRow>> {
    const viewer = this.requireRole();
    if (query.patientId) await this.patients.requireVisible(query.patientId, 'filter.patientId');
    const where = new Where();
    where.and(planVisibleTo('rp', where.param(viewer.organisationId)));
    if (query.patientId) where.and(`rp.patient_id = ${where.param(query.patientId)}`);
    const owner = query.ownerOrganisationId ?? (query.patientId ? null : viewer.organisationId);
    if (owner) where.and(`rp.owner_organisation_id = ${where.param(owner)}`);
    if (query.status) where.and(`rp.status = ${where.param(query.status)}`);
    const rows = await pageByKey<RehabPlanRow>(
      this.db,
      [{ column: 'rp.created_at', cast: 'timestamptz', descending: true }, { column: 'rp.id', cast: 'uuid', descending: true }],
      `SELECT ${PLAN.sql} FROM rehab_plan rp`,
      where,
      page,
    );
    await this.logRead(rows.nodes, query.patientId);
    for (const plan of rows.nodes) this.byId.prime(plan.id, plan);
    return rows;
  }

  /**
   * ACTIVE plans owned by the viewer's organisation whose evaluation date is before `before`: the
   * yearly GAS evaluation not yet made. Oldest evaluation date first; one log row per plan.
   */
  async evaluationsDue(before: string, page: PageRequest): Promise<Page<RehabPlanRow>> {
    const viewer = this.requireRole();
    const where = new Where();
    where.and(`rp.owner_organisation_id = ${where.param(viewer.organisationId)} AND rp.status = '${RehabPlanStatus.ACTIVE}'`);
    where.and(`rp.evaluation_date < ${where.param(before)}::date`);
    where.and(planVisibleTo('rp', where.param(viewer.organisationId)));
    const rows = await pageByKey<RehabPlanRow>(
      this.db,
      [{ column: 'rp.evaluation_date', cast: 'date' }, { column: 'rp.id', cast: 'uuid' }],
      `SELECT ${PLAN.sql} FROM rehab_plan rp`,
      where,
      page,
    );
    await this.logRead(rows.nodes, null);
    for (const plan of rows.nodes) this.byId.prime(plan.id, plan);
    return rows;
  }

  /** Every goal of the plan, of every evaluation period, in period and set order. */
  goals(plan: ParentKey): Promise<GasGoalRow[]> {
    return this.goalsOf.load(plan);
  }

  /** A goal's scores, oldest first; its attainment is the last. */
  scores(goal: ParentKey): Promise<GasScoreRow[]> {
    return this.scoresOf.load(goal);
  }

  /** The plan's evaluations, by period. */
  evaluations(plan: ParentKey): Promise<RehabPlanEvaluationRow[]> {
    return this.evaluationsOf.load(plan);
  }

  /**
   * What a change of a plan the viewer may see is decided on (domain/rehab-plan.ts), in one unit of
   * work: the plan with its region's time zone, whether the viewer's organisation takes part through
   * it, and its goals with their latest attainments; NOT_FOUND like requireVisible. Does not log:
   * the change does.
   */
  async forChange(id: string, field: string): Promise<RehabPlanForChange> {
    const viewer = this.requireRole();
    const loaded = isUuid(id)
      ? await this.db.transaction(async (tx) => {
          const [found]: (RehabPlanRow & { timeZone: string; takesPartThroughPlan: boolean })[] = await tx.query(
            `SELECT ${PLAN.sql}, r.time_zone AS "timeZone",
                    EXISTS (SELECT 1 FROM patient_participation pp WHERE pp.patient_id = rp.patient_id AND pp.organisation_id = $2
                            AND pp.source_type = '${ParticipationSource.REHAB_PLAN}' AND pp.source_id = rp.id AND pp.ended_at IS NULL) AS "takesPartThroughPlan"
             FROM rehab_plan rp JOIN region r ON r.id = rp.region_id WHERE rp.id = $1 AND ${planVisibleTo('rp', '$2')}`,
            [id, viewer.organisationId],
          );
          if (!found) return null;
          const goals: { id: string; evaluationPeriod: number; weight: number; attainment: number | null }[] = await tx.query(
            `SELECT g.id, g.evaluation_period AS "evaluationPeriod", g.weight::float8 AS weight,
                    (SELECT s.attainment FROM gas_score s WHERE s.goal_id = g.id AND s.region_id = g.region_id ORDER BY s.scored_on DESC, s.seq DESC LIMIT 1) AS attainment
             FROM gas_goal g WHERE g.plan_id = $1 AND g.region_id = $2 ORDER BY g.evaluation_period, g.position`,
            [id, found.regionId],
          );
          const { timeZone, takesPartThroughPlan, ...plan } = found;
          const current = goals.filter((g) => g.evaluationPeriod === plan.evaluationPeriod);
          const facts: RehabPlanFacts = {
            status: plan.status,
            version: plan.version,
            ownerOrganisationId: plan.ownerOrganisationId,
            evaluationPeriod: plan.evaluationPeriod,
            goals: current.map(({ id: goalId, weight, attainment }) => ({ id: goalId, weight, attainment })),
            earlierGoalIds: goals.filter((g) => g.evaluationPeriod < plan.evaluationPeriod).map((g) => g.id),
          };
          return { plan, facts, takesPartThroughPlan, timeZone };
        })
      : null;
    if (!loaded) throw new NotFoundError(`No rehabilitation plan with id ${id} that you may see`, field);
    return loaded;
  }

  /** Makes a DRAFT plan owned by the viewer's organisation, which takes part in the patient's case through it. */
  async create(values: NewRehabPlan): Promise<RehabPlanRow> {
    const viewer = this.requireRole();
    const id = randomUUID();
    const now = this.scope.now();
    await writeUnit(this.db, this.audit, {
      write: async (tx) => {
        const insert = insertRows(RehabPlanEntity, [
          {
            id,
            ...values,
            ownerOrganisationId: viewer.organisationId,
            status: RehabPlanStatus.DRAFT,
            evaluationPeriod: 1,
            version: 1,
            createdBy: viewer.userId,
            createdAt: now,
            updatedAt: now,
            activatedAt: null,
            closedAt: null,
            closeReason: null,
          },
        ]);
        await tx.query(insert.sql, insert.values);
        await joinCase(tx, viewer.organisationId, {
          patientId: values.patientId,
          organisations: [{ organisationId: viewer.organisationId, careUnitId: viewer.careUnitId ?? null }],
          source: ParticipationSource.REHAB_PLAN,
          sourceId: id,
        });
      },
      log: [{ recordType: AuditRecordType.REHAB_PLAN, patientId: values.patientId, recordId: id, outcome: AuditOutcome.ALLOWED }],
    });
    this.patients.participationChanged();
    return this.reload({ id, regionId: values.regionId });
  }

  /** Makes one change of a plan if it is still at `expectedVersion`; a stale version is a CONFLICT and nothing is written. */
  async change(plan: RehabPlanRow, expectedVersion: number, edit: RehabPlanEdit): Promise<RehabPlanRow> {
    const viewer = this.requireRole();
    const now = this.scope.now();
    await writeUnit(this.db, this.audit, {
      root: {
        entity: RehabPlanEntity,
        id: plan.id,
        expectedVersion,
        patch: edit.patch ?? {},
        at: now,
        stale: `The plan has changed since version ${expectedVersion}; read it again and retry`,
      },
      write: async (tx) => {
        if (edit.goals) {
          // The decision saw no score on these goals (a score's foreign key would stop the delete anyway).
          await tx.query(`DELETE FROM gas_goal WHERE plan_id = $1 AND region_id = $2 AND evaluation_period = $3`, [plan.id, plan.regionId, plan.evaluationPeriod]);
          if (edit.goals.length) {
            const insert = insertRows(
              GasGoalEntity,
              edit.goals.map((goal, i) => ({
                id: randomUUID(),
                regionId: plan.regionId,
                planId: plan.id,
                evaluationPeriod: plan.evaluationPeriod,
                position: i + 1,
                ...goal,
                createdBy: viewer.userId,
                createdAt: now,
              })),
            );
            await tx.query(insert.sql, insert.values);
          }
        }
        if (edit.score) {
          const insert = insertRows(GasScoreEntity, [
            { id: randomUUID(), regionId: plan.regionId, ...edit.score, recordedBy: viewer.userId, recordedByOrganisationId: viewer.organisationId, recordedAt: now },
          ]);
          await tx.query(insert.sql, insert.values);
        }
        if (edit.evaluation) {
          const insert = insertRows(RehabPlanEvaluationEntity, [
            { id: randomUUID(), regionId: plan.regionId, planId: plan.id, evaluationPeriod: plan.evaluationPeriod, ...edit.evaluation, evaluatedBy: viewer.userId, evaluatedAt: now },
          ]);
          await tx.query(insert.sql, insert.values);
        }
      },
      log: [{ recordType: AuditRecordType.REHAB_PLAN, patientId: plan.patientId, recordId: plan.id, outcome: AuditOutcome.ALLOWED }],
    });
    return this.reload(plan);
  }

  /** Every version of the therapy forms, by code then start of validity (reference data: any viewer, not logged). */
  therapyForms(): Promise<TherapyForm[]> {
    this.scope.requireViewer();
    return this.scope.once('rehabPlans.therapyForms', () => this.db.query(`SELECT ${THERAPY_FORM.sql} FROM therapy_form t ORDER BY t.code, t.valid_from`));
  }

  /** Logs a read of plans (one row per plan; a search that found none, one row for the patient asked about). */
  async logRead(plans: { id: string; patientId: string }[], patientId: string | null): Promise<void> {
    await this.audit.write(
      plans.length
        ? plans.map((p) => ({ recordType: AuditRecordType.REHAB_PLAN, patientId: p.patientId, recordId: p.id, outcome: AuditOutcome.ALLOWED }))
        : [{ recordType: AuditRecordType.REHAB_PLAN, patientId, recordId: null, outcome: AuditOutcome.ALLOWED }],
    );
  }

  private async reload(plan: ParentKey): Promise<RehabPlanRow> {
    this.byId.clear(plan.id);
    this.evaluationsOf.clear(plan);
    // Goals and their scores: the goal ids of the plan are not known here, so the request forgets all scores.
    this.goalsOf.clear(plan);
    this.scoresOf.clearAll();
    return (await this.byId.load(plan.id))!;
  }
}
