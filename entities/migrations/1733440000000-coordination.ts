import { MigrationInterface, QueryRunner } from 'typeorm';

/** The patient-data tables of this migration: forced row-level security with the case tables' policy. */
const TABLES = [
  'coordination_case',
  'coordination_status_change',
  'coordination_employer',
  'coordination_consent',
  'coordination_activity',
  'coordination_kva',
  'coordination_return_to_work_plan',
  'coordination_return_to_work_step',
];

/**
 * Rehabilitation coordination (issue 18, lag 2019:1297): a case per sick leave of a patient at a
 * primary or specialist care unit, its status history, the employers named in it (recipients, not
 * tenants), the patient's consents per actor, the activities with the KVÅ codes they earned, and
 * the return-to-work plan with its part-time ramp.
 *
 * Tenancy as for the rehabilitation plans: region_id on every row, children tied to their case's
 * region by a composite foreign key, forced row-level security with the case tables' policy. The
 * access log's trigger learns the record type COORDINATION_CASE (the case's id), so a refused
 * attempt on a case is logged against its patient.
 *
 * Indexes for the coordinator's lists (open cases of a care unit, by coordinator and status, by
 * last activity, by sick-leave end), the patient's cases, and the region's statistics by opening.
 */
export class Coordination1733440000000 implements MigrationInterface {
  name = 'Coordination1733440000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE coordination_case (
        id uuid PRIMARY KEY,
        region_id uuid NOT NULL REFERENCES region(id),
        patient_id uuid NOT NULL,
        owner_organisation_id uuid NOT NULL REFERENCES organisation(id),
        care_unit_id uuid NOT NULL REFERENCES care_unit(id),
        coordinator_user_id text NOT NULL,
        status text NOT NULL CHECK (status IN ('NONE', 'CONTACTED', 'ACTIVE', 'FOLLOW_UP', 'CLOSED', 'DECLINED')),
        occupation text NOT NULL CHECK (occupation IN ('EMPLOYED', 'JOB_SEEKING', 'STUDENT', 'OTHER')),
        sick_leave_from date NOT NULL,
        sick_leave_to date NOT NULL,
        sick_leave_degree integer NOT NULL CHECK (sick_leave_degree IN (25, 50, 75, 100)),
        version integer NOT NULL DEFAULT 1,
        opened_at timestamptz NOT NULL,
        first_contact_at timestamptz,
        last_activity_at timestamptz NOT NULL,
        closed_at timestamptz,
        outcome text CHECK (outcome IN ('RETURNED_TO_WORK', 'PARTLY_RETURNED_TO_WORK', 'OTHER_SUPPORT', 'NO_INTERVENTION')),
        created_by text NOT NULL,
        updated_at timestamptz NOT NULL,
        CONSTRAINT coordination_case_id_region_uq UNIQUE (id, region_id),
        CONSTRAINT coordination_case_patient_region_fk FOREIGN KEY (patient_id, region_id) REFERENCES patient (id, region_id),
        CHECK (sick_leave_to >= sick_leave_from),
        CHECK ((status = 'CLOSED') = (closed_at IS NOT NULL)),
        CHECK ((status = 'CLOSED') = (outcome IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX coordination_case_patient_region_idx ON coordination_case (patient_id, region_id)`);
    // The coordinator's lists: a unit's cases by coordinator and status; open cases by last activity and by sick-leave end.
    await q.query(`CREATE INDEX coordination_case_unit_coordinator_idx ON coordination_case (care_unit_id, coordinator_user_id, status, id)`);
    await q.query(`CREATE INDEX coordination_case_unit_activity_idx ON coordination_case (care_unit_id, last_activity_at, id) WHERE closed_at IS NULL`);
    await q.query(`CREATE INDEX coordination_case_unit_sick_leave_end_idx ON coordination_case (care_unit_id, sick_leave_to, id) WHERE closed_at IS NULL`);
    await q.query(`CREATE INDEX coordination_case_region_opened_idx ON coordination_case (region_id, opened_at)`);

    await q.query(`
      CREATE TABLE coordination_status_change (
        id uuid PRIMARY KEY,
        region_id uuid NOT NULL REFERENCES region(id),
        case_id uuid NOT NULL,
        from_status text,
        to_status text NOT NULL,
        changed_at timestamptz NOT NULL,
        changed_by text NOT NULL,
        note text,
        seq bigint GENERATED ALWAYS AS IDENTITY,
        CONSTRAINT coordination_status_change_case_region_fk FOREIGN KEY (case_id, region_id) REFERENCES coordination_case (id, region_id)
      )`);
    await q.query(`CREATE INDEX coordination_status_change_case_idx ON coordination_status_change (case_id, region_id, seq)`);

    await q.query(`
      CREATE TABLE coordination_employer (
        id uuid PRIMARY KEY,
        region_id uuid NOT NULL REFERENCES region(id),
        case_id uuid NOT NULL,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        organisation_number text NOT NULL CHECK (organisation_number ~ '^[0-9]{6}-[0-9]{4}$'),
        contact_name text,
        contact_details text,
        added_by text NOT NULL,
        added_at timestamptz NOT NULL,
        CONSTRAINT coordination_employer_id_region_uq UNIQUE (id, region_id),
        CONSTRAINT coordination_employer_number_uq UNIQUE (case_id, organisation_number),
        CONSTRAINT coordination_employer_case_region_fk FOREIGN KEY (case_id, region_id) REFERENCES coordination_case (id, region_id)
      )`);
    await q.query(`CREATE INDEX coordination_employer_case_idx ON coordination_employer (case_id, region_id, added_at)`);

    const actorColumns = `
        actor_kind text CHECK (actor_kind IN ('EMPLOYER', 'FK', 'AF', 'OCCUPATIONAL_HEALTH', 'SOCIAL_SERVICES', 'CARE_UNIT')),
        actor_organisation_id uuid REFERENCES organisation(id),
        actor_care_unit_id uuid REFERENCES care_unit(id),
        employer_id uuid,`;
    const actorChecks = (table: string) => `
        CONSTRAINT ${table}_employer_region_fk FOREIGN KEY (employer_id, region_id) REFERENCES coordination_employer (id, region_id),
        CHECK ((actor_kind = 'EMPLOYER') = (employer_id IS NOT NULL)),
        CHECK ((actor_kind = 'CARE_UNIT') = (actor_care_unit_id IS NOT NULL)),`;

    await q.query(`
      CREATE TABLE coordination_consent (
        id uuid PRIMARY KEY,
        region_id uuid NOT NULL REFERENCES region(id),
        case_id uuid NOT NULL,
        patient_id uuid NOT NULL,${actorColumns}
        direction text NOT NULL CHECK (direction IN ('TO_ACTOR', 'FROM_ACTOR')),
        categories text[] NOT NULL,
        purpose text NOT NULL,
        given_by text NOT NULL CHECK (given_by IN ('PATIENT', 'REPRESENTATIVE')),
        valid_from date NOT NULL,
        valid_to date NOT NULL,
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL,
        withdrawn_at timestamptz,
        withdrawn_by text,
        CONSTRAINT coordination_consent_case_region_fk FOREIGN KEY (case_id, region_id) REFERENCES coordination_case (id, region_id),
        CONSTRAINT coordination_consent_patient_region_fk FOREIGN KEY (patient_id, region_id) REFERENCES patient (id, region_id),${actorChecks('coordination_consent')}
        -- A consent to an actor names its categories ("all information" is not specific); the consent to coordination itself names none.
        CHECK ((actor_kind IS NULL) = (cardinality(categories) = 0)),
        CHECK (valid_to >= valid_from),
        CHECK ((withdrawn_at IS NULL) = (withdrawn_by IS NULL))
      )`);
    await q.query(`CREATE INDEX coordination_consent_case_idx ON coordination_consent (case_id, region_id, recorded_at)`);

    await q.query(`
      CREATE TABLE coordination_activity (
        id uuid PRIMARY KEY,
        region_id uuid NOT NULL REFERENCES region(id),
        case_id uuid NOT NULL,
        area text NOT NULL CHECK (area IN ('PERSONAL_SUPPORT', 'INTERNAL_COORDINATION', 'EXTERNAL_COLLABORATION', 'FOLLOW_UP')),
        kind text NOT NULL CHECK (kind IN ('CONTACT', 'MEETING', 'RETURN_TO_WORK_PLAN', 'FOLLOW_UP', 'FK_NOTICE')),${actorColumns}
        answered boolean,
        held boolean,
        mode text CHECK (mode IN ('PHONE', 'VIDEO', 'IN_PERSON')),
        occurred_at timestamptz NOT NULL,
        note text,
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL,
        CONSTRAINT coordination_activity_id_region_uq UNIQUE (id, region_id),
        CONSTRAINT coordination_activity_case_region_fk FOREIGN KEY (case_id, region_id) REFERENCES coordination_case (id, region_id),${actorChecks('coordination_activity')}
        CHECK ((kind = 'CONTACT') = (answered IS NOT NULL)),
        CHECK ((kind = 'MEETING') = (held IS NOT NULL AND mode IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX coordination_activity_case_idx ON coordination_activity (case_id, region_id, occurred_at, id)`);
    await q.query(`CREATE INDEX coordination_activity_region_idx ON coordination_activity (region_id, occurred_at)`);

    await q.query(`
      CREATE TABLE coordination_kva (
        id uuid PRIMARY KEY,
        region_id uuid NOT NULL REFERENCES region(id),
        case_id uuid NOT NULL,
        activity_id uuid NOT NULL,
        code text NOT NULL,
        code_valid_from date NOT NULL,
        occurred_at timestamptz NOT NULL,
        CONSTRAINT coordination_kva_activity_code_uq UNIQUE (activity_id, code),
        CONSTRAINT coordination_kva_case_region_fk FOREIGN KEY (case_id, region_id) REFERENCES coordination_case (id, region_id),
        CONSTRAINT coordination_kva_activity_region_fk FOREIGN KEY (activity_id, region_id) REFERENCES coordination_activity (id, region_id),
        CONSTRAINT coordination_kva_code_fk FOREIGN KEY (code, code_valid_from) REFERENCES kva_code (code, valid_from)
      )`);
    await q.query(`CREATE INDEX coordination_kva_case_idx ON coordination_kva (case_id, region_id, code)`);
    await q.query(`CREATE INDEX coordination_kva_region_idx ON coordination_kva (region_id, occurred_at, code)`);

    await q.query(`
      CREATE TABLE coordination_return_to_work_plan (
        id uuid PRIMARY KEY,
        region_id uuid NOT NULL REFERENCES region(id),
        case_id uuid NOT NULL,
        activity_id uuid NOT NULL,
        goal text,
        set_by text NOT NULL,
        set_at timestamptz NOT NULL,
        CONSTRAINT coordination_return_to_work_plan_case_uq UNIQUE (case_id),
        CONSTRAINT coordination_return_to_work_plan_id_region_uq UNIQUE (id, region_id),
        CONSTRAINT coordination_return_to_work_plan_case_region_fk FOREIGN KEY (case_id, region_id) REFERENCES coordination_case (id, region_id),
        CONSTRAINT coordination_return_to_work_plan_activity_region_fk FOREIGN KEY (activity_id, region_id) REFERENCES coordination_activity (id, region_id)
      )`);

    await q.query(`
      CREATE TABLE coordination_return_to_work_step (
        id uuid PRIMARY KEY,
        region_id uuid NOT NULL REFERENCES region(id),
        plan_id uuid NOT NULL,
        position integer NOT NULL,
        from_date date NOT NULL,
        to_date date NOT NULL,
        work_percent integer NOT NULL CHECK (work_percent BETWEEN 1 AND 100),
        responsibilities text NOT NULL,
        CONSTRAINT coordination_return_to_work_step_position_uq UNIQUE (plan_id, position),
        CONSTRAINT coordination_return_to_work_step_plan_region_fk FOREIGN KEY (plan_id, region_id) REFERENCES coordination_return_to_work_plan (id, region_id),
        CHECK (to_date >= from_date)
      )`);
    await q.query(`CREATE INDEX coordination_return_to_work_step_plan_idx ON coordination_return_to_work_step (plan_id, region_id, position)`);

    for (const table of TABLES) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY ${table}_owner ON ${table} TO CURRENT_USER USING (true) WITH CHECK (true)`);
      await q.query(`CREATE POLICY ${table}_tenant ON ${table} USING (region_id = (SELECT app_region_id()) OR region_id = ANY ((SELECT app_case_regions())::uuid[]))`);
    }
    await q.query(resolveFunction(RESOLVE_CASES + COORDINATION_CASES));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(resolveFunction(RESOLVE_CASES));
    for (const table of [...TABLES].reverse()) await q.query(`DROP TABLE ${table}`);
  }
}

/** The record types access_log_resolve knew before this migration (as 1733310000000-payment-commitments left it). */
const RESOLVE_CASES = `
            WHEN 'HANDOFF' THEN (SELECT h.patient_id FROM public.handoff h WHERE h.id = NEW.record_id)
            WHEN 'HANDOFF_MESSAGE' THEN (SELECT h.patient_id FROM public.handoff_message m JOIN public.handoff h ON h.id = m.handoff_id WHERE m.id = NEW.record_id)
            WHEN 'SIP' THEN (SELECT s.patient_id FROM public.sip s WHERE s.id = NEW.record_id)
            WHEN 'CONSENT' THEN (SELECT k.patient_id FROM public.consent k WHERE k.id = NEW.record_id)
            WHEN 'REHAB_PLAN' THEN (SELECT r.patient_id FROM public.rehab_plan r WHERE r.id = NEW.record_id)
            WHEN 'PAYMENT_COMMITMENT' THEN COALESCE((SELECT c.patient_id FROM public.payment_commitment c WHERE c.id = NEW.record_id),
                                                    (SELECT r.patient_id FROM public.rehab_plan r WHERE r.id = NEW.record_id))
            WHEN 'THERAPY_REPORT' THEN (SELECT c.patient_id FROM public.therapy_report t JOIN public.payment_commitment c ON c.id = t.commitment_id WHERE t.id = NEW.record_id)`;

const COORDINATION_CASES = `
            WHEN 'COORDINATION_CASE' THEN (SELECT c.patient_id FROM public.coordination_case c WHERE c.id = NEW.record_id)`;

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
