import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Patients, participation in a patient's case, directional consent, the append-only access log
 * (patientdatalagen 4 kap 3 §) and dated rule parameters.
 */
export class PatientsConsentAccessLog1732600000000 implements MigrationInterface {
  name = 'PatientsConsentAccessLog1732600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rule_parameter (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        region_id uuid REFERENCES region(id),
        key text NOT NULL,
        value jsonb NOT NULL,
        valid_from date NOT NULL,
        valid_to date,
        source text,
        CHECK (valid_to IS NULL OR valid_to >= valid_from)
      )`);
    await q.query(`CREATE INDEX rule_parameter_key_idx ON rule_parameter (key, region_id)`);

    await q.query(`
      CREATE TABLE patient (
        id uuid PRIMARY KEY,
        region_id uuid NOT NULL REFERENCES region(id),
        owner_organisation_id uuid NOT NULL REFERENCES organisation(id),
        identity_number_hash text NOT NULL,
        identity_number_encrypted text NOT NULL,
        identity_kind text NOT NULL CHECK (identity_kind IN ('PERSONNUMMER', 'SAMORDNINGSNUMMER')),
        birth_date date NOT NULL,
        legal_sex text NOT NULL CHECK (legal_sex IN ('FEMALE', 'MALE')),
        given_name text,
        family_name text,
        address text,
        protected_identity boolean NOT NULL DEFAULT false,
        home_municipality_id uuid REFERENCES organisation(id),
        listed_care_unit_id uuid REFERENCES care_unit(id),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT patient_owner_identity_uq UNIQUE (owner_organisation_id, identity_number_hash)
      )`);
    await q.query(`CREATE INDEX patient_identity_hash_idx ON patient (identity_number_hash)`);
    await q.query(`CREATE INDEX patient_region_idx ON patient (region_id)`);

    await q.query(`
      CREATE TABLE patient_participation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        region_id uuid NOT NULL REFERENCES region(id),
        patient_id uuid NOT NULL REFERENCES patient(id),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        care_unit_id uuid REFERENCES care_unit(id),
        source_type text NOT NULL,
        source_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        ended_at timestamptz,
        UNIQUE (patient_id, organisation_id, source_type, source_id)
      )`);
    // The visibility rule asks "does this organisation take part in this patient's case now?".
    await q.query(`CREATE INDEX patient_participation_active_idx ON patient_participation (organisation_id, patient_id) WHERE ended_at IS NULL`);

    await q.query(`
      CREATE TABLE consent (
        id uuid PRIMARY KEY,
        region_id uuid NOT NULL REFERENCES region(id),
        patient_id uuid NOT NULL REFERENCES patient(id),
        source_organisation_id uuid NOT NULL REFERENCES organisation(id),
        recipient_organisation_id uuid NOT NULL REFERENCES organisation(id),
        categories text[] NOT NULL CHECK (cardinality(categories) > 0),
        purpose text NOT NULL,
        given_by text NOT NULL CHECK (given_by IN ('PATIENT', 'REPRESENTATIVE')),
        representative_name text,
        valid_from date NOT NULL,
        valid_to date NOT NULL,
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        revoked_by text,
        revoke_reason text,
        CHECK (valid_to >= valid_from),
        CHECK (source_organisation_id <> recipient_organisation_id),
        CHECK ((revoked_at IS NULL) = (revoke_reason IS NULL))
      )`);
    await q.query(`CREATE INDEX consent_patient_idx ON consent (patient_id, recorded_at, id)`);

    await q.query(`
      CREATE TABLE access_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        request_id uuid,
        region_id uuid,
        user_id text,
        organisation_id uuid,
        care_unit_id uuid,
        roles text[] NOT NULL DEFAULT '{}',
        patient_id uuid,
        action text NOT NULL,
        record_type text NOT NULL,
        record_id uuid,
        purpose text,
        outcome text NOT NULL
      )`);
    await q.query(`CREATE INDEX access_log_patient_idx ON access_log (patient_id, at)`);
    await q.query(`CREATE INDEX access_log_region_idx ON access_log (region_id, at)`);
    await q.query(`CREATE INDEX access_log_request_idx ON access_log (request_id)`);
    // Append-only for every role that uses the table, the application's included.
    await q.query(`
      CREATE FUNCTION access_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'access_log is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`CREATE TRIGGER access_log_no_change BEFORE UPDATE OR DELETE ON access_log FOR EACH ROW EXECUTE FUNCTION access_log_append_only()`);
    await q.query(`CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access_log FOR EACH STATEMENT EXECUTE FUNCTION access_log_append_only()`);
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON access_log FROM PUBLIC`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE access_log`);
    await q.query(`DROP FUNCTION access_log_append_only()`);
    await q.query(`DROP TABLE consent`);
    await q.query(`DROP TABLE patient_participation`);
    await q.query(`DROP TABLE patient`);
    await q.query(`DROP TABLE rule_parameter`);
  }
}
