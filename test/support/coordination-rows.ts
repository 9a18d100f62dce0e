import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';

export interface CaseRow {
  patientId: string;
  ownerOrganisationId: string;
  careUnitId: string;
  coordinator?: string;
  status?: string;
  occupation?: string;
  sickLeaveTo?: string;
  openedAt?: string;
  lastActivityAt?: string;
  firstContactAt?: string | null;
  outcome?: string | null;
}

/**
 * Coordination cases and their activities written as rows by the tables' owner, the way the
 * example seed writes them: lists and statistics need cases of many dates and states at once.
 */
export class CoordinationRows {
  constructor(
    private readonly db: DataSource,
    private readonly regionId: string,
  ) {}

  /** A care unit of its own, so that a suite's lists hold only its own cases. */
  async careUnit(organisationId: string, name: string): Promise<string> {
    const id = randomUUID();
    await this.db.query(`INSERT INTO care_unit (id, region_id, organisation_id, name, care_level) VALUES ($1, $2, $3, $4, 'PRIMARY_CARE')`, [id, this.regionId, organisationId, name]);
    return id;
  }

  async case(c: CaseRow): Promise<string> {
    const id = randomUUID();
    const openedAt = c.openedAt ?? '2026-11-01T09:00:00Z';
    const status = c.status ?? 'ACTIVE';
    const closed = status === 'CLOSED';
    await this.db.query(
      `INSERT INTO coordination_case (id, region_id, patient_id, owner_organisation_id, care_unit_id, coordinator_user_id, status, occupation,
         sick_leave_from, sick_leave_to, sick_leave_degree, opened_at, first_contact_at, last_activity_at, closed_at, outcome, created_by, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, ($9::timestamptz)::date, $10, 100, $9, $11, $12, $13, $14, 'test', $9)`,
      [
        id, this.regionId, c.patientId, c.ownerOrganisationId, c.careUnitId, c.coordinator ?? 'coordinator-a', status, c.occupation ?? 'EMPLOYED',
        openedAt, c.sickLeaveTo ?? '2027-01-31', c.firstContactAt ?? null, c.lastActivityAt ?? openedAt, closed ? c.lastActivityAt ?? openedAt : null,
        closed ? c.outcome ?? 'RETURNED_TO_WORK' : null,
      ],
    );
    return id;
  }

  /** A status change of a case, e.g. to DECLINED. */
  async statusChange(caseId: string, from: string | null, to: string, at: string): Promise<void> {
    await this.db.query(`INSERT INTO coordination_status_change (id, region_id, case_id, from_status, to_status, changed_at, changed_by) VALUES ($1, $2, $3, $4, $5, $6, 'test')`, [
      randomUUID(), this.regionId, caseId, from, to, at,
    ]);
  }

  /** An activity: a contact with the employer (answered or not) when `employer` is given, else a meeting with the patient held; with the KVÅ codes it earned. Answers its id. */
  async activity(caseId: string, at: string, a: { employer?: { answered: boolean }; codes?: string[] } = {}): Promise<string> {
    const id = randomUUID();
    let employerId: string | null = null;
    if (a.employer) {
      employerId = randomUUID();
      await this.db.query(
        `INSERT INTO coordination_employer (id, region_id, case_id, name, organisation_number, added_by, added_at) VALUES ($1, $2, $3, 'Arbetsgivaren AB', $4, 'test', $5)`,
        [employerId, this.regionId, caseId, `55${String(Math.floor(Math.random() * 1e4)).padStart(4, '0')}-${String(Math.floor(Math.random() * 1e4)).padStart(4, '0')}`, at],
      );
    }
    await this.db.query(
      `INSERT INTO coordination_activity (id, region_id, case_id, area, kind, actor_kind, employer_id, answered, held, mode, occurred_at, recorded_by, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'test', $11)`,
      a.employer
        ? [id, this.regionId, caseId, 'EXTERNAL_COLLABORATION', 'CONTACT', 'EMPLOYER', employerId, a.employer.answered, null, null, at]
        : [id, this.regionId, caseId, 'PERSONAL_SUPPORT', 'MEETING', null, null, null, true, 'IN_PERSON', at],
    );
    for (const code of a.codes ?? []) {
      await this.db.query(
        `INSERT INTO coordination_kva (id, region_id, case_id, activity_id, code, code_valid_from, occurred_at)
         VALUES ($1, $2, $3, $4, $5, (SELECT max(valid_from) FROM kva_code WHERE code = $5), $6)`,
        [randomUUID(), this.regionId, caseId, id, code, at],
      );
    }
    return id;
  }

  /** A return-to-work plan of a case, set by `activityId`. */
  async returnToWorkPlan(caseId: string, activityId: string): Promise<string> {
    const id = randomUUID();
    await this.db.query(
      `INSERT INTO coordination_return_to_work_plan (id, region_id, case_id, activity_id, goal, set_by, set_at) VALUES ($1, $2, $3, $4, 'Tillbaka på heltid', 'test', now())`,
      [id, this.regionId, caseId, activityId],
    );
    return id;
  }
}
