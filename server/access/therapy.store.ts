import { randomUUID } from 'node:crypto';
import type DataLoader from 'dataloader';
import { namedLoader } from './named-loader';
import { AuditOutcome, AuditRecordType } from '../../domain/audit';
import { ConsentPurpose, DataCategory, Role } from '../../domain/enums';
import { ParticipationSource } from '../../domain/participation';
import { RehabPlanStatus } from '../../domain/rehab-plan';
import { CommitmentDraft, CommitmentPlanFacts, decideRevocation, decideVisit, PaymentCommitmentTerms, VisitInput } from '../../domain/payment-commitment';
import { PATIENT_ROLES } from '../../domain/roles';
import { TherapyReportProblem, therapyReportProblems, TherapyReportText } from '../../domain/therapy-report';
import { isUuid } from '../../domain/uuid';
import { PaymentCommitmentEntity, TherapyReportEntity, TherapyVisitEntity } from '../../entities';
import { BadUserInputError, ConflictError, ConflictReason, ForbiddenError, NotFoundError } from '../../schema/common/errors';
import { Page, PageRequest } from '../../schema/common/page';
import type { Viewer } from '../auth/viewer';
import { childLoader, ParentKey } from './child-loader';
import { insertRows } from './entity-columns';
import { groupByKey } from './reference.loaders';
import { joinCase, leaveCase } from './participation.sql';
import type { ConsentStore } from './consent.store';
import { PatientStore, visibleTo } from './patient.store';
import { PATIENT_COLUMNS, PatientRecord } from './rows.patient';
import type { RequestScope } from './request-scope';
import { COMMITMENT_COLUMNS, CommitmentRow, REPORT_COLUMNS, ReportRow, VISIT_COLUMNS, VisitRow } from './rows.therapy';
import { conflictOnUnique, pageOf, Queryable } from './sql';
import type { TenantDb } from './tenant-db';
import { writeUnit } from './versioned-write';
import { Where } from './where';

/** The plan a commitment is issued under, as its store loaded it for the viewer. */
export interface CommitmentPlan extends ParentKey {
  patientId: string;
}

/** The patient's copy of a therapy report (see TherapyStore.patientCopy). */
export interface PatientCopy {
  reportId: string;
  patientName: string | null;
  personnummer: string;
  commitmentNumber: string;
  therapyForm: string;
  sessions: VisitRow[];
  report: ReportRow;
}

/** A commitment to issue, checked (domain/payment-commitment.ts) by the service. */
export interface NewCommitment extends CommitmentDraft {
  providerOrganisationId: string;
  /** The programme version and form that fund it (both or neither). */
  fundingProgrammeId: string | null;
  fundingForm: string | null;
  issuedOn: string;
  reportDueOn: string;
}

/**
 * Payment commitments with their visits and therapy reports. A viewer sees a commitment while the
 * viewer's organisation is its payer or its provider; anything else is NOT_FOUND. The provider
 * takes part in the patient's case through the commitment from its issue until it is revoked.
 * The payer issues and revokes; the provider records visits and submits the report. Each write
 * locks the commitment, decides on what it loaded (domain/payment-commitment.ts,
 * domain/therapy-report.ts) and writes with its access-log row in one transaction; a refusal writes
 * nothing.
 */
export class TherapyStore {
  private readonly byId: DataLoader<string, CommitmentRow | null>;
  private readonly ofPlans: DataLoader<ParentKey, CommitmentRow[], string>;
  private readonly visitsOf: DataLoader<ParentKey, VisitRow[], string>;
  private readonly reportsOf: DataLoader<ParentKey, ReportRow[], string>;
  private readonly reportById: DataLoader<string, ReportRow | null>;

  constructor(
    private readonly scope: RequestScope,
    private readonly patients: PatientStore,
    /** The consent store, built when a patient-facing system asks for a patient's copy. */
    private readonly consents: () => ConsentStore,
  ) {
    const db = scope.db;
    const organisation = () => scope.requireViewer().organisationId;
    this.byId = scope.once('therapy.byId', () => namedLoader('therapy.byId', async (ids) => {
      const rows: CommitmentRow[] = await db.query(`SELECT ${COMMITMENT_COLUMNS} FROM payment_commitment c WHERE c.id = ANY($1::uuid[]) AND ${payerOrProvider('c', '$2')}`, [ids, organisation()]);
      const map = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => map.get(id) ?? null);
    }));
    // A plan's commitments that the viewer's organisation pays or provides, by plan (id, region).
    this.ofPlans = scope.once('therapy.ofPlans', () => namedLoader<ParentKey, CommitmentRow[], string>('therapy.ofPlans', async (plans) => {
      const rows: CommitmentRow[] = await db.query(
        `SELECT ${COMMITMENT_COLUMNS} FROM payment_commitment c
         WHERE (c.plan_id, c.region_id) IN (SELECT * FROM unnest($1::uuid[], $2::uuid[])) AND ${payerOrProvider('c', '$3')}
         ORDER BY c.valid_from, c.id`,
        [plans.map((p) => p.id), plans.map((p) => p.regionId), organisation()],
      );
      return groupByKey(plans.map((p) => p.id), rows, (r) => r.planId);
    }, { cacheKeyFn: (plan) => plan.id }));
    // Children of commitments the viewer has already been allowed to see.
    this.visitsOf = scope.once('therapy.visitsOf', () =>
      childLoader<VisitRow>(db, { name: 'therapy.visitsOf', columns: VISIT_COLUMNS, from: 'therapy_visit v', parentColumn: 'commitment_id', order: 'v.visit_date, v.recorded_at, v.id', parentOf: (r) => r.commitmentId }),
    );
    this.reportsOf = scope.once('therapy.reportsOf', () =>
      childLoader<ReportRow>(db, { name: 'therapy.reportsOf', columns: REPORT_COLUMNS, from: 'therapy_report t', parentColumn: 'commitment_id', order: 't.id', parentOf: (r) => r.commitmentId }),
    );
    this.reportById = scope.once('therapy.reportById', () => namedLoader('therapy.reportById', async (ids) => {
      const rows: ReportRow[] = await db.query(
        `SELECT ${REPORT_COLUMNS} FROM therapy_report t JOIN payment_commitment c ON c.id = t.commitment_id AND c.region_id = t.region_id
         WHERE t.id = ANY($1::uuid[]) AND ${payerOrProvider('c', '$2')}`,
        [ids, organisation()],
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

  requireRole(): Viewer {
    return this.scope.requireRole(...PATIENT_ROLES);
  }

  /** A commitment the viewer's organisation pays or provides, or NOT_FOUND. Does not log: callers do. */
  async requireVisible(id: string, field = 'id'): Promise<CommitmentRow> {
    this.requireRole();
    const row = isUuid(id) ? await this.byId.load(id) : null;
    if (!row) throw new NotFoundError(`No payment commitment with id ${id} that you may see`, field);
    return row;
  }

  /** One commitment, logged as a read of its patient's data. */
  async get(id: string): Promise<CommitmentRow> {
    const row = await this.requireVisible(id);
    await this.audit.write([{ recordType: AuditRecordType.PAYMENT_COMMITMENT, patientId: row.patientId, recordId: id, outcome: AuditOutcome.ALLOWED }]);
    return row;
  }

  /** One report of a commitment the viewer's organisation pays or provides (else NOT_FOUND), logged. */
  async report(id: string): Promise<ReportRow> {
    this.requireRole();
    const row = isUuid(id) ? await this.reportById.load(id) : null;
    if (!row) throw new NotFoundError(`No therapy report with id ${id} that you may see`, 'id');
    const commitment = await this.requireVisible(row.commitmentId);
    await this.audit.write([{ recordType: AuditRecordType.THERAPY_REPORT, patientId: commitment.patientId, recordId: id, outcome: AuditOutcome.ALLOWED }]);
    return row;
  }

  /**
   * The plan a commitment is to be issued under, as the issue decision reads it, with the therapy
   * form codes valid on `onDate`; NOT_FOUND unless the viewer's organisation owns the plan or takes
   * part in its patient's case. Does not log: the issue does.
   */
  async planFor(planId: string, onDate: string): Promise<CommitmentPlan & CommitmentPlanFacts & { validTherapyForms: string[]; birthDate: string }> {
    const viewer = this.requireRole();
    const [plan] = await this.db.query(
      `SELECT r.id, r.region_id AS "regionId", r.patient_id AS "patientId", r.owner_organisation_id AS "ownerOrganisationId",
              r.status = '${RehabPlanStatus.ACTIVE}' AS active, r.therapy_forms AS "therapyForms", p.birth_date::text AS "birthDate",
              ARRAY(SELECT DISTINCT f.code FROM therapy_form f WHERE f.valid_from <= $3::date AND (f.valid_to IS NULL OR f.valid_to >= $3::date)) AS "validTherapyForms"
       FROM rehab_plan r JOIN patient p ON p.id = r.patient_id AND p.region_id = r.region_id
       WHERE r.id = $1 AND (r.owner_organisation_id = $2 OR ${visibleTo('p', '$2')})`,
      [planId, viewer.organisationId, onDate],
    );
    if (!plan) throw new NotFoundError(`No rehabilitation plan with id ${planId} that you may see`, 'planId');
    return plan;
  }

  /**
   * The patient's copy of a report: to its payer and provider, and to an organisation (a
   * patient-facing system, role INTEGRATION) that holds the patient's consent from the provider to
   * it for REHABILITATION_PLAN covering CARE_AND_REHAB_PLAN, in force now; anyone else NOT_FOUND.
   * Logged as a read of the report.
   */
  async patientCopy(id: string): Promise<PatientCopy> {
    const viewer = this.scope.requireRole(...PATIENT_ROLES, Role.INTEGRATION);
    const [row]: (ReportRow & { patientId: string; payerOrganisationId: string; providerOrganisationId: string; commitmentNumber: string; therapyForm: string })[] = isUuid(id)
      ? await this.db.query(
          `SELECT ${REPORT_COLUMNS}, c.patient_id AS "patientId", c.payer_organisation_id AS "payerOrganisationId", c.provider_organisation_id AS "providerOrganisationId",
                  c.number AS "commitmentNumber", c.therapy_form AS "therapyForm"
           FROM therapy_report t JOIN payment_commitment c ON c.id = t.commitment_id AND c.region_id = t.region_id WHERE t.id = $1`,
          [id],
        )
      : [];
    const party = row && (row.payerOrganisationId === viewer.organisationId || row.providerOrganisationId === viewer.organisationId);
    const consented =
      party ||
      (row &&
        (await this.consents().notCoveredFor(row.patientId, ConsentPurpose.REHABILITATION_PLAN, DataCategory.CARE_AND_REHAB_PLAN, row.providerOrganisationId, [viewer.organisationId])).length === 0);
    if (!row || !consented) throw new NotFoundError(`No therapy report with id ${id} that you may see`, 'id');
    const { patientId, payerOrganisationId, providerOrganisationId, commitmentNumber, therapyForm, ...report } = row;
    const [patient]: PatientRecord[] = await this.db.query(`SELECT ${PATIENT_COLUMNS} FROM patient p WHERE p.id = $1`, [patientId]);
    await this.audit.write([{ recordType: AuditRecordType.THERAPY_REPORT, patientId, recordId: id, outcome: AuditOutcome.ALLOWED }]);
    const view = this.patients.view(patient);
    return {
      reportId: id,
      patientName: [view.givenName, view.familyName].filter(Boolean).join(' ') || null,
      personnummer: view.personnummer,
      commitmentNumber,
      therapyForm,
      sessions: await this.visits({ id: report.commitmentId, regionId: report.regionId }),
      report,
    };
  }

  /** The plan's commitments the viewer's organisation pays or provides, oldest validity first. */
  commitmentsOf(plan: ParentKey): Promise<CommitmentRow[]> {
    return this.ofPlans.load(plan);
  }

  /** The commitment's visits, by date. */
  visits(commitment: ParentKey): Promise<VisitRow[]> {
    return this.visitsOf.load(commitment);
  }

  /** The commitment's report, null until submitted. */
  async reportOf(commitment: ParentKey): Promise<ReportRow | null> {
    return (await this.reportsOf.load(commitment))[0] ?? null;
  }

  /**
   * Commitments the viewer's organisation pays or provides whose report is not in and was due
   * before `before`, oldest due date first; revoked ones owe no report. One log row per commitment.
   *
   * Read as a union of the payer's and the provider's halves, each in due order from its own
   * partial index and cut at the page size: an OR of both sides sorts every matching commitment of
   * the organisation and anti-joins them with every report (20,000 commitments of one payer: 20–40 ms
   * against 1 ms, EXPLAIN ANALYZE on PostgreSQL 15).
   */
  async reportsDue(before: string, page: PageRequest): Promise<Page<CommitmentRow>> {
    const viewer = this.requireRole();
    const where = new Where();
    const organisation = where.param(viewer.organisationId);
    where.and(`c.revoked_from IS NULL AND c.report_due_on < ${where.param(before)}::date`);
    where.and(`NOT EXISTS (SELECT 1 FROM therapy_report t WHERE t.commitment_id = c.id AND t.region_id = c.region_id)`);
    if (page.after) where.and(`(c.report_due_on, c.id) > (${where.param(page.after[0])}::date, ${where.param(page.after[1])}::uuid)`);
    const limit = where.param(page.first + 1);
    const half = (side: string) => `(SELECT c.id FROM payment_commitment c WHERE c.${side} = ${organisation} AND ${where.sql} ORDER BY c.report_due_on, c.id LIMIT ${limit})`;
    const rows = await pageOf<CommitmentRow>(
      this.db,
      {
        sql: `SELECT ${COMMITMENT_COLUMNS} FROM payment_commitment c
              WHERE c.id IN (${half('payer_organisation_id')} UNION ${half('provider_organisation_id')})
              ORDER BY c.report_due_on, c.id LIMIT ${limit}`,
        parameters: where.params,
      },
      page,
    );
    await this.audit.write(
      rows.nodes.length
        ? rows.nodes.map((c) => ({ recordType: AuditRecordType.PAYMENT_COMMITMENT, patientId: c.patientId, recordId: c.id, outcome: AuditOutcome.ALLOWED }))
        : [{ recordType: AuditRecordType.PAYMENT_COMMITMENT, patientId: null, recordId: null, outcome: AuditOutcome.ALLOWED }],
    );
    for (const c of rows.nodes) this.byId.prime(c.id, c);
    return rows;
  }

  /**
   * Issues a commitment of the viewer's organisation under a plan it may see; the provider joins
   * the patient's case through it. A second commitment with the same number is a CONFLICT (DUPLICATE).
   */
  async issue(plan: CommitmentPlan, values: NewCommitment): Promise<CommitmentRow> {
    const viewer = this.requireRole();
    const id = randomUUID();
    const now = this.scope.now();
    await writeUnit(this.db, this.audit, {
      write: async (tx) => {
        const row: Partial<PaymentCommitmentEntity> = {
          id,
          regionId: plan.regionId,
          planId: plan.id,
          patientId: plan.patientId,
          payerOrganisationId: viewer.organisationId,
          providerOrganisationId: values.providerOrganisationId,
          number: values.number,
          therapyForm: values.therapyForm,
          visits: values.visits,
          visitMinutes: values.visitMinutes,
          validFrom: values.validFrom,
          validTo: values.validTo,
          interventionEndDate: values.interventionEndDate,
          issuedOn: values.issuedOn,
          reportDueOn: values.reportDueOn,
          fundingProgrammeId: values.fundingProgrammeId,
          fundingForm: values.fundingForm,
          version: 1,
          createdBy: viewer.userId,
          createdAt: now,
          updatedAt: now,
        };
        const insert = insertRows(PaymentCommitmentEntity, [row]);
        await tx
          .query(insert.sql, insert.values)
          .catch((error) => conflictOnUnique(error, { payment_commitment_number_uq: ['number', `Your organisation has issued a payment commitment numbered ${values.number} already`] }));
        await joinCase(tx, viewer.organisationId, {
          patientId: plan.patientId,
          organisations: [{ organisationId: values.providerOrganisationId, careUnitId: null }],
          source: ParticipationSource.PAYMENT_COMMITMENT,
          sourceId: id,
        });
      },
      log: [{ recordType: AuditRecordType.PAYMENT_COMMITMENT, patientId: plan.patientId, recordId: id, outcome: AuditOutcome.ALLOWED }],
    });
    this.patients.participationChanged();
    return (await this.byId.load(id))!;
  }

  /**
   * Revokes a commitment from a date, if it is still at `expectedVersion` (else CONFLICT
   * STALE_VERSION); only its payer may. The provider leaves the patient's case through it.
   */
  async revoke(id: string, expectedVersion: number, revokedFrom: string, today: string): Promise<CommitmentRow> {
    const viewer = this.requireRole();
    const commitment = await this.requireVisible(id, 'commitmentId');
    if (commitment.payerOrganisationId !== viewer.organisationId) throw new ForbiddenError('Only the paying principal revokes a payment commitment', 'commitmentId');
    const now = this.scope.now();
    await writeUnit(this.db, this.audit, {
      root: {
        entity: PaymentCommitmentEntity,
        id,
        expectedVersion,
        patch: { revokedFrom, revokedBy: viewer.userId },
        at: now,
        stale: `The payment commitment has changed since version ${expectedVersion}; read it again and retry`,
      },
      write: async (tx) => {
        // Decided after the version is raised, so on the visits no concurrent write can add to.
        const [last]: { lastVisit: string | null }[] = await tx.query(`SELECT max(visit_date)::text AS "lastVisit" FROM therapy_visit WHERE commitment_id = $1 AND region_id = $2`, [id, commitment.regionId]);
        const decision = decideRevocation(commitment, revokedFrom, today, last.lastVisit);
        if (!decision.ok) {
          throw decision.code === 'ILLEGAL_STATE' ? new ConflictError(ConflictReason.ILLEGAL_STATE, decision.message, 'commitmentId') : new BadUserInputError(`revokedFrom: ${decision.message}`, 'revokedFrom');
        }
        await leaveCase(tx, { patientId: commitment.patientId, organisationId: commitment.providerOrganisationId, source: ParticipationSource.PAYMENT_COMMITMENT, sourceIds: [id] }, now);
      },
      log: [{ recordType: AuditRecordType.PAYMENT_COMMITMENT, patientId: commitment.patientId, recordId: id, outcome: AuditOutcome.ALLOWED }],
    });
    this.patients.participationChanged();
    return this.reload(commitment);
  }

  /**
   * Records a visit the provider held, if the commitment pays it (domain decideVisit); a visit it
   * does not pay is a CONFLICT (reason NOT_PAID, `extensions.notPaidReason`), and nothing is written.
   * The commitment's row is locked first, so two visits recorded at once are counted one after the other.
   */
  async recordVisit(id: string, visit: VisitInput, today: string): Promise<{ visit: VisitRow; commitment: CommitmentRow }> {
    const viewer = this.requireRole();
    const commitment = await this.requireVisible(id, 'commitmentId');
    if (commitment.providerOrganisationId !== viewer.organisationId) throw new ForbiddenError('Only the provider records visits under a payment commitment', 'commitmentId');
    const visitId = randomUUID();
    await writeUnit(this.db, this.audit, {
      write: async (tx) => {
        const terms = await lockTerms(tx, commitment);
        const dates: { date: string }[] = await tx.query(`SELECT visit_date::text AS date FROM therapy_visit WHERE commitment_id = $1 AND region_id = $2`, [id, commitment.regionId]);
        const decision = decideVisit(terms, dates.map((d) => d.date), visit, today);
        if (!decision.ok) {
          if (decision.code === 'BAD_USER_INPUT') throw new BadUserInputError(`${decision.field}: ${decision.message}`, decision.field);
          throw new ConflictError(ConflictReason.NOT_PAID, decision.message, decision.field, { notPaidReason: decision.reason });
        }
        const row: Partial<TherapyVisitEntity> = { id: visitId, regionId: commitment.regionId, commitmentId: id, visitDate: visit.date, minutes: visit.minutes, recordedBy: viewer.userId, recordedAt: this.scope.now() };
        const insert = insertRows(TherapyVisitEntity, [row]);
        await tx.query(insert.sql, insert.values);
      },
      log: [{ recordType: AuditRecordType.PAYMENT_COMMITMENT, patientId: commitment.patientId, recordId: id, outcome: AuditOutcome.ALLOWED }],
    });
    const reloaded = await this.reload(commitment);
    return { visit: (await this.visits(reloaded)).find((v) => v.id === visitId)!, commitment: reloaded };
  }

  /**
   * Submits the provider's report for a commitment: refused with BAD_USER_INPUT naming every
   * missing item (`extensions.problems`) unless it holds what seed 000 requires, CONFLICT DUPLICATE
   * when one is in already. The patient's name comes from the patient's record, the sessions from
   * the visits recorded.
   */
  async submitReport(id: string, text: TherapyReportText, submittedOn: string): Promise<ReportRow> {
    const viewer = this.requireRole();
    const commitment = await this.requireVisible(id, 'commitmentId');
    if (commitment.providerOrganisationId !== viewer.organisationId) throw new ForbiddenError('Only the provider submits the therapy report of a payment commitment', 'commitmentId');
    const reportId = randomUUID();
    await writeUnit(this.db, this.audit, {
      write: async (tx) => {
        await lockTerms(tx, commitment);
        const [facts]: { patientName: string | null; reported: boolean; sessions: { date: string; minutes: number }[] }[] = await tx.query(
          `SELECT nullif(concat_ws(' ', p.given_name, p.family_name), '') AS "patientName",
                  EXISTS (SELECT 1 FROM therapy_report t WHERE t.commitment_id = $1 AND t.region_id = $2) AS reported,
                  COALESCE((SELECT json_agg(json_build_object('date', v.visit_date::text, 'minutes', v.minutes) ORDER BY v.visit_date)
                            FROM therapy_visit v WHERE v.commitment_id = $1 AND v.region_id = $2), '[]') AS sessions
           FROM patient p WHERE p.id = $3`,
          [id, commitment.regionId, commitment.patientId],
        );
        if (facts.reported) throw new ConflictError(ConflictReason.DUPLICATE, 'The therapy report of this commitment is in already', 'commitmentId');
        const problems = therapyReportProblems({ ...text, patientName: facts.patientName, sessions: facts.sessions });
        if (problems.length) throw incomplete(problems);
        const row: Partial<TherapyReportEntity> = {
          id: reportId,
          regionId: commitment.regionId,
          commitmentId: id,
          therapistName: text.therapistName!,
          therapistContact: text.therapistContact!,
          functionalAbility: text.functionalAbility!,
          goals: [...text.goals],
          assessments: [...text.assessments],
          continuedTherapyNeeded: text.continuedTherapyNeeded!,
          continuedTherapyGrounds: text.continuedTherapyGrounds,
          patientMotivation: text.patientMotivation!,
          endSummary: text.endSummary,
          submittedBy: viewer.userId,
          submittedAt: this.scope.now(),
          submittedOn,
        };
        // pg sends a JavaScript array as a PostgreSQL array: the jsonb lists travel as JSON text.
        const asJson = { goals: JSON.stringify(row.goals), assessments: JSON.stringify(row.assessments) } as unknown as Pick<TherapyReportEntity, 'goals' | 'assessments'>;
        const insert = insertRows(TherapyReportEntity, [{ ...row, ...asJson }]);
        await tx.query(insert.sql, insert.values).catch((error) => conflictOnUnique(error, { therapy_report_commitment_uq: ['commitmentId', 'The therapy report of this commitment is in already'] }));
      },
      log: [{ recordType: AuditRecordType.THERAPY_REPORT, patientId: commitment.patientId, recordId: reportId, outcome: AuditOutcome.ALLOWED }],
    });
    this.reportsOf.clear(commitment);
    return (await this.reportById.load(reportId))!;
  }

  private async reload(commitment: ParentKey): Promise<CommitmentRow> {
    this.byId.clear(commitment.id);
    this.visitsOf.clear(commitment);
    this.reportsOf.clear(commitment);
    return (await this.byId.load(commitment.id))!;
  }
}

/** The report's refusal: every missing item in the message and in `extensions.problems`. */
function incomplete(problems: TherapyReportProblem[]): BadUserInputError {
  return new BadUserInputError(`The therapy report lacks: ${problems.map((p) => `${p.item} (${p.message})`).join('; ')}`, problems[0].field, { problems });
}

/** Locks the commitment's row for the rest of the transaction and reads the terms its rules weigh. */
async function lockTerms(tx: Queryable, commitment: ParentKey): Promise<PaymentCommitmentTerms> {
  const [terms]: PaymentCommitmentTerms[] = await tx.query(
    `SELECT visits, visit_minutes AS "visitMinutes", valid_from::text AS "validFrom", valid_to::text AS "validTo", intervention_end_date::text AS "interventionEndDate",
            issued_on::text AS "issuedOn", revoked_from::text AS "revokedFrom"
     FROM payment_commitment WHERE id = $1 AND region_id = $2 FOR UPDATE`,
    [commitment.id, commitment.regionId],
  );
  return terms;
}

/** The visibility rule as SQL: the organisation pays for the commitment or gives the therapy. */
function payerOrProvider(alias: string, organisationParam: string): string {
  return `(${alias}.payer_organisation_id = ${organisationParam} OR ${alias}.provider_organisation_id = ${organisationParam})`;
}
