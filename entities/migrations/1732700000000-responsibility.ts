import { MigrationInterface, QueryRunner } from 'typeorm';

/** The intervention catalogue, agreements between principals, their responsibility rules and the edit history. */
export class Responsibility1732700000000 implements MigrationInterface {
  name = 'Responsibility1732700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE intervention_group (
        code text PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_]*$'),
        name text NOT NULL,
        description text NOT NULL,
        position integer NOT NULL
      )`);
    await q.query(`
      CREATE TABLE intervention (
        code text PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_]*$'),
        group_code text NOT NULL REFERENCES intervention_group(code),
        name text NOT NULL,
        description text NOT NULL,
        position integer NOT NULL
      )`);
    await q.query(`
      CREATE TABLE agreement (
        id uuid PRIMARY KEY,
        region_id uuid NOT NULL REFERENCES region(id),
        series_id uuid NOT NULL,
        version integer NOT NULL CHECK (version >= 1),
        supersedes_id uuid REFERENCES agreement(id),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
        scenario text NOT NULL CHECK (scenario IN ('CURRENT', 'TARGET', 'DRAFT')),
        status text NOT NULL CHECK (status IN ('ACTIVE', 'SUPERSEDED', 'WITHDRAWN')),
        valid_from date NOT NULL,
        valid_to date,
        source_document text,
        source_date date,
        example boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (series_id, version),
        CHECK (valid_to IS NULL OR valid_to >= valid_from)
      )`);
    await q.query(`CREATE INDEX agreement_region_idx ON agreement (region_id, scenario, valid_from)`);
    await q.query(`
      CREATE TABLE agreement_party (
        agreement_id uuid NOT NULL REFERENCES agreement(id),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        PRIMARY KEY (agreement_id, organisation_id)
      )`);
    await q.query(`
      CREATE TABLE responsibility_rule (
        id uuid PRIMARY KEY,
        region_id uuid NOT NULL REFERENCES region(id),
        agreement_id uuid NOT NULL REFERENCES agreement(id),
        intervention_code text REFERENCES intervention(code),
        intervention_group text REFERENCES intervention_group(code),
        care_levels text[],
        housing_forms text[],
        enrolled_in_home_health_care boolean,
        age_min integer CHECK (age_min BETWEEN 0 AND 130),
        age_max integer CHECK (age_max BETWEEN 0 AND 130),
        professions text[],
        municipality_codes text[],
        responsible_role text NOT NULL,
        responsible_organisation_id uuid REFERENCES organisation(id),
        performer_role text,
        performer_organisation_id uuid REFERENCES organisation(id),
        performer_care_level text,
        cost_bearer_role text NOT NULL,
        cost_bearer_organisation_id uuid REFERENCES organisation(id),
        note text,
        source_reference text,
        valid_from date NOT NULL,
        valid_to date,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((intervention_code IS NULL) <> (intervention_group IS NULL)),
        CHECK (age_min IS NULL OR age_max IS NULL OR age_min <= age_max),
        CHECK (valid_to IS NULL OR valid_to >= valid_from)
      )`);
    await q.query(`CREATE INDEX responsibility_rule_agreement_idx ON responsibility_rule (agreement_id)`);
    // Who changed which agreement or rule, when, and how: append-only like the access log.
    await q.query(`
      CREATE TABLE responsibility_change (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        region_id uuid NOT NULL REFERENCES region(id),
        agreement_id uuid NOT NULL REFERENCES agreement(id),
        rule_id uuid,
        user_id text NOT NULL,
        organisation_id uuid NOT NULL,
        action text NOT NULL,
        before jsonb,
        after jsonb
      )`);
    await q.query(`CREATE INDEX responsibility_change_agreement_idx ON responsibility_change (agreement_id, id)`);
    await q.query(`CREATE TRIGGER responsibility_change_no_change BEFORE UPDATE OR DELETE ON responsibility_change FOR EACH ROW EXECUTE FUNCTION access_log_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE responsibility_change`);
    await q.query(`DROP TABLE responsibility_rule`);
    await q.query(`DROP TABLE agreement_party`);
    await q.query(`DROP TABLE agreement`);
    await q.query(`DROP TABLE intervention`);
    await q.query(`DROP TABLE intervention_group`);
  }
}
