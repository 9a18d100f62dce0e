import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = ['payment_commitment', 'therapy_visit', 'therapy_report'];

/**
 * Payment commitments, therapy visits and therapy reports (issue 17 items 4–5, seed 000).
 *
 * - payment_commitment: a paying principal's commitment to a provider under a rehabilitation plan,
 *   in the plan's region (composite keys to the plan and the patient). "Never retroactive" is kept
 *   by the database too (valid_from ≥ issued_on); the number is unique per payer; no fee columns:
 *   ÅHS pays no admin fees. The report's due date is fixed at issue (the dated parameter then in
 *   force), so the lists of reports due read it from an index that starts from the payer or the
 *   provider.
 * - therapy_visit: a visit held and paid under a commitment (date, minutes).
 * - therapy_report: the provider's report, one per commitment, with its content as columns and
 *   its lists (goals, assessments) as jsonb.
 * All three are patient data: forced row-level security with the tenant policy of the SIP tables.
 * A refused attempt on a commitment (or its visits, its report, or one issued under a plan) is logged
 * against its patient: access_log_resolve learns PAYMENT_COMMITMENT (the commitment's id, or the
 * plan's for an issue) and THERAPY_REPORT.
 */
export class PaymentCommitments1733310000000 implements MigrationInterface {
  name = 'PaymentCommitments1733310000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE payment_commitment (
        id uuid PRIMARY KEY,
        region_id uuid NOT NULL REFERENCES region(id),
        plan_id uuid NOT NULL,
        patient_id uuid NOT NULL,
        payer_organisation_id uuid NOT NULL REFERENCES organisation(id),
        provider_organisation_id uuid NOT NULL REFERENCES organisation(id),
        number text NOT NULL,
        therapy_form text NOT NULL,
        visits integer NOT NULL CHECK (visits > 0),
        visit_minutes integer NOT NULL CHECK (visit_minutes > 0),
        valid_from date NOT NULL,
        valid_to date NOT NULL,
        intervention_end_date date,
        issued_on date NOT NULL,
        report_due_on date NOT NULL,
        revoked_from date,
        revoked_by text,
        version integer NOT NULL DEFAULT 1,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CONSTRAINT payment_commitment_number_uq UNIQUE (payer_organisation_id, number),
        CONSTRAINT payment_commitment_id_region_uq UNIQUE (id, region_id),
        CONSTRAINT payment_commitment_plan_region_fk FOREIGN KEY (plan_id, region_id) REFERENCES rehab_plan (id, region_id),
        CONSTRAINT payment_commitment_patient_region_fk FOREIGN KEY (patient_id, region_id) REFERENCES patient (id, region_id),
        CHECK (valid_from >= issued_on),
        CHECK (valid_to >= valid_from),
        CHECK (intervention_end_date IS NULL OR intervention_end_date >= valid_from),
        CHECK (payer_organisation_id <> provider_organisation_id),
        CHECK ((revoked_from IS NULL) = (revoked_by IS NULL))
      )`);
    await q.query(`CREATE INDEX payment_commitment_plan_region_idx ON payment_commitment (plan_id, region_id)`);
    await q.query(`CREATE INDEX payment_commitment_patient_region_idx ON payment_commitment (patient_id, region_id)`);
    // Reports due, for the payer and for the provider, oldest first.
    await q.query(`CREATE INDEX payment_commitment_payer_due_idx ON payment_commitment (payer_organisation_id, report_due_on, id) WHERE revoked_from IS NULL`);
    await q.query(`CREATE INDEX payment_commitment_provider_due_idx ON payment_commitment (provider_organisation_id, report_due_on, id) WHERE revoked_from IS NULL`);
    await q.query(`CREATE INDEX payment_commitment_region_idx ON payment_commitment (region_id, valid_from)`);

    await q.query(`
      CREATE TABLE therapy_visit (
        id uuid PRIMARY KEY,
        region_id uuid NOT NULL REFERENCES region(id),
        commitment_id uuid NOT NULL,
        visit_date date NOT NULL,
        minutes integer NOT NULL CHECK (minutes > 0),
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL,
        CONSTRAINT therapy_visit_commitment_id_region_fk FOREIGN KEY (commitment_id, region_id) REFERENCES payment_commitment (id, region_id)
      )`);
    await q.query(`CREATE INDEX therapy_visit_commitment_id_region_idx ON therapy_visit (commitment_id, region_id, visit_date)`);

    await q.query(`
      CREATE TABLE therapy_report (
        id uuid PRIMARY KEY,
        region_id uuid NOT NULL REFERENCES region(id),
        commitment_id uuid NOT NULL,
        therapist_name text NOT NULL,
        therapist_contact text NOT NULL,
        functional_ability text NOT NULL,
        goals jsonb NOT NULL CHECK (jsonb_typeof(goals) = 'array'),
        assessments jsonb NOT NULL CHECK (jsonb_typeof(assessments) = 'array'),
        continued_therapy_needed boolean NOT NULL,
        continued_therapy_grounds text,
        patient_motivation text NOT NULL,
        end_summary text,
        submitted_by text NOT NULL,
        submitted_at timestamptz NOT NULL,
        submitted_on date NOT NULL,
        CONSTRAINT therapy_report_commitment_uq UNIQUE (commitment_id),
        CONSTRAINT therapy_report_commitment_id_region_fk FOREIGN KEY (commitment_id, region_id) REFERENCES payment_commitment (id, region_id)
      )`);
    await q.query(`CREATE INDEX therapy_report_commitment_id_region_idx ON therapy_report (commitment_id, region_id)`);

    for (const table of TABLES) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY ${table}_owner ON ${table} TO CURRENT_USER USING (true) WITH CHECK (true)`);
      await q.query(`CREATE POLICY ${table}_tenant ON ${table} USING (region_id = (SELECT app_region_id()) OR region_id = ANY ((SELECT app_case_regions())::uuid[]))`);
    }
    await q.query(resolveFunction(RESOLVE_CASES + THERAPY_CASES));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(resolveFunction(RESOLVE_CASES));
    for (const table of [...TABLES].reverse()) await q.query(`DROP TABLE ${table}`);
  }
}

/** The record types access_log_resolve knew before this migration (as 1733300000000-rehab-plans left it). */
const RESOLVE_CASES = `
            WHEN 'HANDOFF' THEN (SELECT h.patient_id FROM public.handoff h WHERE h.id = NEW.record_id)
            WHEN 'HANDOFF_MESSAGE' THEN (SELECT h.patient_id FROM public.handoff_message m JOIN public.handoff h ON h.id = m.handoff_id WHERE m.id = NEW.record_id)
            WHEN 'SIP' THEN (SELECT s.patient_id FROM public.sip s WHERE s.id = NEW.record_id)
            WHEN 'CONSENT' THEN (SELECT k.patient_id FROM public.consent k WHERE k.id = NEW.record_id)
            WHEN 'REHAB_PLAN' THEN (SELECT r.patient_id FROM public.rehab_plan r WHERE r.id = NEW.record_id)`;

const THERAPY_CASES = `
            WHEN 'PAYMENT_COMMITMENT' THEN COALESCE((SELECT c.patient_id FROM public.payment_commitment c WHERE c.id = NEW.record_id),
                                                    (SELECT r.patient_id FROM public.rehab_plan r WHERE r.id = NEW.record_id))
            WHEN 'THERAPY_REPORT' THEN (SELECT c.patient_id FROM public.therapy_report t JOIN public.payment_commitment c ON c.id = t.commitment_id WHERE t.id = NEW.record_id)`;

/** access_log_resolve() with the given cases; its contract is that of the tenancy migration. */
const resolveFunction = (cases: string) => `
      CREATE OR REPLACE FUNCTION access_log_resolve() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
      SET search_path = pg_catalog, public
      AS $$
      BEGIN
        IF NEW.patient_id IS NULL AND NEW.record_id IS NOT NULL THEN
          NEW.patient_id := CASE NEW.record_type${cases}
          END;
        END IF;
        NEW.patient_region_id := (SELECT p.region_id FROM public.patient p WHERE p.id = NEW.patient_id);
        RETURN NEW;
      END $$`;
