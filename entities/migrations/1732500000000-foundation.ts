import { MigrationInterface, QueryRunner } from 'typeorm';

/** Regions, organisations, coordination-association memberships and care units. */
export class Foundation1732500000000 implements MigrationInterface {
  name = 'Foundation1732500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE region (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        country text NOT NULL CHECK (country IN ('SE', 'FI')),
        code text NOT NULL CHECK (code ~ '^[0-9]{2}$'),
        name text NOT NULL,
        time_zone text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (country, code)
      )`);
    await q.query(`
      CREATE TABLE organisation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        region_id uuid NOT NULL REFERENCES region(id),
        kind text NOT NULL CHECK (kind IN ('REGION', 'MUNICIPALITY', 'COORDINATION_ASSOCIATION', 'STATE_AGENCY',
          'PRIVATE_PROVIDER', 'OCCUPATIONAL_HEALTH', 'EMPLOYER')),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        municipality_code text CHECK (municipality_code ~ '^[0-9]{3,4}$'),
        organisation_number text,
        established_on date,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((kind = 'MUNICIPALITY') = (municipality_code IS NOT NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX organisation_municipality_code_uq ON organisation (region_id, municipality_code)
      WHERE municipality_code IS NOT NULL`);
    // One regional principal per region.
    await q.query(`CREATE UNIQUE INDEX organisation_region_principal_uq ON organisation (region_id) WHERE kind = 'REGION'`);
    // Keyset pagination order of lists: (name, id), filtered by region and kind.
    await q.query(`CREATE INDEX organisation_region_name_idx ON organisation (region_id, name, id)`);
    await q.query(`CREATE INDEX organisation_name_idx ON organisation (name, id)`);
    await q.query(`
      CREATE TABLE association_membership (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        region_id uuid NOT NULL REFERENCES region(id),
        association_id uuid NOT NULL REFERENCES organisation(id),
        member_id uuid NOT NULL REFERENCES organisation(id),
        financing_share numeric(5, 2) CHECK (financing_share > 0 AND financing_share <= 100),
        note text,
        UNIQUE (association_id, member_id),
        CHECK (association_id <> member_id)
      )`);
    await q.query(`CREATE INDEX association_membership_member_idx ON association_membership (member_id)`);
    await q.query(`
      CREATE TABLE care_unit (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        region_id uuid NOT NULL REFERENCES region(id),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        care_level text NOT NULL CHECK (care_level IN ('MUNICIPAL_HOME_REHAB', 'PRIMARY_CARE', 'SPECIALIST_CARE',
          'INPATIENT_CARE')),
        hsa_id text UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX care_unit_organisation_idx ON care_unit (organisation_id, name, id)`);
    await q.query(`CREATE INDEX care_unit_region_idx ON care_unit (region_id, name, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE care_unit`);
    await q.query(`DROP TABLE association_membership`);
    await q.query(`DROP TABLE organisation`);
    await q.query(`DROP TABLE region`);
  }
}
