import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Funding programmes as dated reference data (issue 17 item 6; seed 004). National, so not
 * tenant-owned: every region reads the same programme. A programme and each form are versioned by
 * their start day; a form's version lies inside its programme's validity (checked by the seed's
 * tests, not here: a constraint across two tables would need a trigger for reference data the app
 * never writes).
 */
export class FundingProgrammes1733320000000 implements MigrationInterface {
  name = 'FundingProgrammes1733320000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE funding_programme (
        id uuid PRIMARY KEY,
        code text NOT NULL,
        name text NOT NULL,
        valid_from date NOT NULL,
        valid_to date,
        age_min integer NOT NULL CHECK (age_min >= 0),
        age_max integer NOT NULL,
        conditions text NOT NULL,
        reporting_cadence text NOT NULL CHECK (reporting_cadence IN ('QUARTERLY', 'YEARLY')),
        source text,
        CONSTRAINT funding_programme_version_uq UNIQUE (code, valid_from),
        CHECK (valid_to IS NULL OR valid_to >= valid_from),
        CHECK (age_max >= age_min)
      )`);
    await q.query(`
      CREATE TABLE funding_programme_form (
        id uuid PRIMARY KEY,
        programme_id uuid NOT NULL REFERENCES funding_programme(id),
        code text NOT NULL,
        name text NOT NULL,
        unit text NOT NULL CHECK (unit IN ('TREATMENT', 'SERIES')),
        care_level text CHECK (care_level IN ('MUNICIPAL_HOME_REHAB', 'PRIMARY_CARE', 'SPECIALIST_CARE', 'INPATIENT_CARE')),
        sessions_min integer CHECK (sessions_min > 0),
        sessions_max integer,
        weeks_min integer CHECK (weeks_min > 0),
        weeks_max integer,
        indications text[] NOT NULL,
        amount_sek integer NOT NULL CHECK (amount_sek >= 0),
        valid_from date NOT NULL,
        valid_to date,
        source text,
        CONSTRAINT funding_programme_form_version_uq UNIQUE (programme_id, code, valid_from),
        CHECK (valid_to IS NULL OR valid_to >= valid_from),
        CHECK (sessions_max IS NULL OR sessions_min IS NULL OR sessions_max >= sessions_min),
        CHECK (weeks_max IS NULL OR weeks_min IS NULL OR weeks_max >= weeks_min)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE funding_programme_form`);
    await q.query(`DROP TABLE funding_programme`);
  }
}
