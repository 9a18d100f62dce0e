import { randomUUID } from 'node:crypto';
import type { TestApp } from './test-app';

/**
 * A rehabilitation plan for a patient, written as a row by the tables' owner: the payment
 * commitment tests need a plan to issue under, and the plans' own API (issue 17 items 1–3) is
 * built in parallel with them. ACTIVE unless said otherwise, recommending `therapyForms`.
 */
export async function insertRehabPlan(
  app: TestApp,
  plan: { patientId: string; ownerOrganisationId: string; therapyForms?: string[]; status?: 'DRAFT' | 'ACTIVE' },
): Promise<string> {
  const id = randomUUID();
  const status = plan.status ?? 'ACTIVE';
  await app.dataSource.query(
    `INSERT INTO rehab_plan (id, region_id, patient_id, owner_organisation_id, need, therapy_forms, evaluation_date, status, created_by, created_at, updated_at, activated_at)
     SELECT $1, p.region_id, p.id, $3, 'LONG_TERM', $4::text[], (now() + interval '1 year')::date, $5, 'test', now(), now(), CASE WHEN $5 = 'ACTIVE' THEN now() END
     FROM patient p WHERE p.id = $2`,
    [id, plan.patientId, plan.ownerOrganisationId, plan.therapyForms ?? ['PHYSIOTHERAPY'], status],
  );
  return id;
}
