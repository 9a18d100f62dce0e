import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';

/**
 * Rehabilitation plans, payment commitments, visits and reports written as rows by the tables'
 * owner, the way the example seed writes them: for statistics over dates the API would refuse
 * today (a commitment is never retroactive, so one of 2015 cannot be made through it now).
 */
export class RehabRows {
  constructor(
    private readonly db: DataSource,
    private readonly regionId: string,
  ) {}

  async plan(p: { patientId: string; owner: string; need?: string; forms?: string[]; createdAt?: string; fundingProgrammeId?: string | null }): Promise<string> {
    const id = randomUUID();
    const createdAt = p.createdAt ?? '2015-01-01T10:00:00Z';
    await this.db.query(
      `INSERT INTO rehab_plan (id, region_id, patient_id, owner_organisation_id, need, therapy_forms, evaluation_date, status, evaluation_period, version, created_by, created_at, updated_at, funding_programme_id)
       VALUES ($1, $2, $3, $4, $5, $6, ($7::timestamptz + interval '1 year')::date, 'ACTIVE', 1, 1, 'test', $7, $7, $8)`,
      [id, this.regionId, p.patientId, p.owner, p.need ?? 'LONG_TERM', p.forms ?? ['PSYCHOTHERAPY'], createdAt, p.fundingProgrammeId ?? null],
    );
    await this.join(p.patientId, p.owner, 'REHAB_PLAN', id, null);
    return id;
  }

  /** A commitment issued on its first day, with a visit on each of `visitDates`. */
  async commitment(c: {
    planId: string;
    patientId: string;
    payer: string;
    provider: string;
    validFrom: string;
    validTo: string;
    visits?: number;
    visitDates?: string[];
    interventionEndDate?: string | null;
    revokedFrom?: string | null;
    reportDueOn?: string;
    fundingProgrammeId?: string | null;
    fundingForm?: string | null;
  }): Promise<string> {
    const id = randomUUID();
    await this.db.query(
      `INSERT INTO payment_commitment (id, region_id, plan_id, patient_id, payer_organisation_id, provider_organisation_id, number, therapy_form, visits, visit_minutes,
         valid_from, valid_to, intervention_end_date, issued_on, report_due_on, revoked_from, revoked_by, version, created_by, created_at, updated_at, funding_programme_id, funding_form)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'PSYCHOTHERAPY', $8, 45, $9, $10, $11, $9, $12, $13, $14, 1, 'test', $9::date, $9::date, $15, $16)`,
      [
        id, this.regionId, c.planId, c.patientId, c.payer, c.provider, `T-${id.slice(0, 8)}`, c.visits ?? 20, c.validFrom, c.validTo, c.interventionEndDate ?? null,
        c.reportDueOn ?? c.validTo, c.revokedFrom ?? null, c.revokedFrom ? 'test' : null, c.fundingProgrammeId ?? null, c.fundingForm ?? null,
      ],
    );
    await this.join(c.patientId, c.provider, 'PAYMENT_COMMITMENT', id, c.revokedFrom ?? null);
    for (const date of c.visitDates ?? []) {
      await this.db.query(`INSERT INTO therapy_visit (id, region_id, commitment_id, visit_date, minutes, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, 45, 'test', $4::date)`, [
        randomUUID(), this.regionId, id, date,
      ]);
    }
    return id;
  }

  /** As the API does: a plan's owner and a commitment's provider take part in the patient's case (until a revocation). */
  async join(patientId: string, organisationId: string, source: 'REHAB_PLAN' | 'PAYMENT_COMMITMENT', sourceId: string, endedOn: string | null): Promise<void> {
    await this.db.query(
      `INSERT INTO patient_participation (region_id, patient_id, organisation_id, source_type, source_id, ended_at) VALUES ($1, $2, $3, $4, $5, $6::date)`,
      [this.regionId, patientId, organisationId, source, sourceId, endedOn],
    );
  }

  /** The provider's report on a commitment, in on `submittedOn`. */
  async report(commitmentId: string, submittedOn: string): Promise<void> {
    await this.db.query(
      `INSERT INTO therapy_report (id, region_id, commitment_id, therapist_name, therapist_contact, functional_ability, goals, assessments, continued_therapy_needed,
         patient_motivation, submitted_by, submitted_at, submitted_on)
       VALUES ($1, $2, $3, 'Terapeut', 'terapeut@example.org', 'Går utan stöd', '[]', '[]', false, 'God', 'test', $4::date, $4)`,
      [randomUUID(), this.regionId, commitmentId, submittedOn],
    );
  }
}

/** `n` dates a week apart from `first`. */
export function weekly(first: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => new Date(Date.parse(first) + i * 7 * 86400_000).toISOString().slice(0, 10));
}
