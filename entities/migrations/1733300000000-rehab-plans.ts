import { MigrationInterface, QueryRunner } from 'typeorm';

/** The patient-data tables of this migration: forced row-level security with the case tables' policy. */
const PLAN_TABLES = ['rehab_plan', 'gas_goal', 'gas_score', 'rehab_plan_evaluation'];

/**
 * Rehabilitation plans (issue 17, ÅHS seed 000): a principal's plan for a patient with its need,
 * the person's own goals, functional ability, the therapy forms recommended (a dated code table,
 * reference data) and its evaluation date; GAS goals per evaluation period with their five
 * described levels, weight and baseline; scored attainments over time; and one row per evaluation,
 * holding the T-score and the ρ it was computed with.
 *
 * Tenancy as for the SIP tables: region_id on every row, children tied to their parent's region by
 * a composite foreign key, forced row-level security with the case tables' policy. The access
 * log's trigger learns the record type REHAB_PLAN, so a refused attempt on a plan is logged against
 * its patient.
 */
export class RehabPlans1733300000000 implements MigrationInterface {
  name = 'RehabPlans1733300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE therapy_form (
        id uuid PRIMARY KEY,
        code text NOT NULL,
        label_sv text NOT NULL,
        label_en text NOT NULL,
        valid_from date NOT NULL,
        valid_to date,
        source text,
        CONSTRAINT therapy_form_version_uq UNIQUE (code, valid_from),
        CHECK (valid_to IS NULL OR valid_to >= valid_from)
      )`);

    await q.query(`
      CREATE TABLE rehab_plan (
        id uuid PRIMARY KEY,
        region_id uuid NOT NULL REFERENCES region(id),
        patient_id uuid NOT NULL,
        owner_organisation_id uuid NOT NULL REFERENCES organisation(id),
        need text NOT NULL CHECK (need IN ('SHORT_TERM', 'LONG_TERM')),
        own_goals text,
        functional_ability text,
        therapy_forms text[] NOT NULL DEFAULT '{}',
        evaluation_date date NOT NULL,
        status text NOT NULL CHECK (status IN ('DRAFT', 'ACTIVE', 'EVALUATED', 'CLOSED')),
        evaluation_period integer NOT NULL DEFAULT 1 CHECK (evaluation_period >= 1),
        version integer NOT NULL DEFAULT 1,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        activated_at timestamptz,
        closed_at timestamptz,
        close_reason text,
        CONSTRAINT rehab_plan_id_region_uq UNIQUE (id, region_id),
        CONSTRAINT rehab_plan_patient_id_region_fk FOREIGN KEY (patient_id, region_id) REFERENCES patient (id, region_id),
        CHECK ((status = 'CLOSED') = (closed_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX rehab_plan_patient_id_region_idx ON rehab_plan (patient_id, region_id)`);
    // An organisation's own plans, newest first.
    await q.query(`CREATE INDEX rehab_plan_owner_list_idx ON rehab_plan (owner_organisation_id, created_at, id)`);
    await q.query(`CREATE INDEX rehab_plan_region_idx ON rehab_plan (region_id, created_at)`);

    await q.query(`
      CREATE TABLE gas_goal (
        id uuid PRIMARY KEY,
        region_id uuid NOT NULL REFERENCES region(id),
        plan_id uuid NOT NULL,
        evaluation_period integer NOT NULL,
        position integer NOT NULL,
        title text NOT NULL,
        -- The five described levels, from -2 (much less than expected) to +2 (much more); 0 is the expected outcome.
        levels text[] NOT NULL CHECK (cardinality(levels) = 5),
        weight numeric NOT NULL CHECK (weight > 0),
        baseline integer NOT NULL CHECK (baseline BETWEEN -2 AND 2),
        created_by text NOT NULL,
        created_at timestamptz NOT NULL,
        CONSTRAINT gas_goal_id_region_uq UNIQUE (id, region_id),
        CONSTRAINT gas_goal_plan_id_region_fk FOREIGN KEY (plan_id, region_id) REFERENCES rehab_plan (id, region_id),
        CONSTRAINT gas_goal_position_uq UNIQUE (plan_id, evaluation_period, position)
      )`);
    await q.query(`CREATE INDEX gas_goal_plan_id_region_idx ON gas_goal (plan_id, region_id)`);

    await q.query(`
      CREATE TABLE gas_score (
        id uuid PRIMARY KEY,
        region_id uuid NOT NULL REFERENCES region(id),
        goal_id uuid NOT NULL,
        attainment integer NOT NULL CHECK (attainment BETWEEN -2 AND 2),
        scored_on date NOT NULL,
        note text,
        recorded_by text NOT NULL,
        recorded_by_organisation_id uuid NOT NULL REFERENCES organisation(id),
        recorded_at timestamptz NOT NULL,
        -- Recording order: a goal's attainment is its latest score by (scored_on, seq).
        seq bigint GENERATED ALWAYS AS IDENTITY,
        CONSTRAINT gas_score_goal_id_region_fk FOREIGN KEY (goal_id, region_id) REFERENCES gas_goal (id, region_id)
      )`);
    await q.query(`CREATE INDEX gas_score_goal_id_region_idx ON gas_score (goal_id, region_id, scored_on, seq)`);

    await q.query(`
      CREATE TABLE rehab_plan_evaluation (
        id uuid PRIMARY KEY,
        region_id uuid NOT NULL REFERENCES region(id),
        plan_id uuid NOT NULL,
        evaluation_period integer NOT NULL,
        evaluated_on date NOT NULL,
        rho numeric NOT NULL,
        t_score numeric NOT NULL,
        note text,
        evaluated_by text NOT NULL,
        evaluated_at timestamptz NOT NULL,
        CONSTRAINT rehab_plan_evaluation_plan_id_region_fk FOREIGN KEY (plan_id, region_id) REFERENCES rehab_plan (id, region_id),
        CONSTRAINT rehab_plan_evaluation_period_uq UNIQUE (plan_id, evaluation_period)
      )`);
    await q.query(`CREATE INDEX rehab_plan_evaluation_plan_id_region_idx ON rehab_plan_evaluation (plan_id, region_id)`);

    const ownRegion = `region_id = (SELECT app_region_id())`;
    for (const table of PLAN_TABLES) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY ${table}_owner ON ${table} TO CURRENT_USER USING (true) WITH CHECK (true)`);
      await q.query(`CREATE POLICY ${table}_tenant ON ${table} USING (${ownRegion} OR region_id = ANY ((SELECT app_case_regions())::uuid[]))`);
    }

    // access_log_resolve as in 1733000000000-tenancy-in-the-database, with the plan's case.
    await q.query(resolveFunction(`
            WHEN 'REHAB_PLAN' THEN (SELECT r.patient_id FROM public.rehab_plan r WHERE r.id = NEW.record_id)`));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(resolveFunction(''));
    for (const table of ['rehab_plan_evaluation', 'gas_score', 'gas_goal', 'rehab_plan', 'therapy_form']) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}

/** The access log's patient resolution for refused attempts (see 1733000000000-tenancy-in-the-database), with extra cases. */
const resolveFunction = (extraCases: string) => `
      CREATE OR REPLACE FUNCTION access_log_resolve() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
      SET search_path = pg_catalog, public
      AS $$
      BEGIN
        IF NEW.patient_id IS NULL AND NEW.record_id IS NOT NULL THEN
          NEW.patient_id := CASE NEW.record_type
            WHEN 'HANDOFF' THEN (SELECT h.patient_id FROM public.handoff h WHERE h.id = NEW.record_id)
            WHEN 'HANDOFF_MESSAGE' THEN (SELECT h.patient_id FROM public.handoff_message m JOIN public.handoff h ON h.id = m.handoff_id WHERE m.id = NEW.record_id)
            WHEN 'SIP' THEN (SELECT s.patient_id FROM public.sip s WHERE s.id = NEW.record_id)
            WHEN 'CONSENT' THEN (SELECT k.patient_id FROM public.consent k WHERE k.id = NEW.record_id)${extraCases}
          END;
        END IF;
        NEW.patient_region_id := (SELECT p.region_id FROM public.patient p WHERE p.id = NEW.patient_id);
        RETURN NEW;
      END $$`;
