import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The programme that funds a plan or a commitment (issue 17 item 6): a plan may name a programme
 * version; a commitment names the version and the form it pays for (both or neither), so that the
 * programme's report can count its treatments by form.
 *
 * Example data as a flag on the records it invents (issue 17 item 8): an example patient (and
 * everything recorded about them) and an example organisation are never real, and statistics leave
 * them out; the agreements' `example` column is the precedent.
 */
export class ExampleDataAndFundingLinks1733330000000 implements MigrationInterface {
  name = 'ExampleDataAndFundingLinks1733330000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE patient ADD COLUMN example boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE organisation ADD COLUMN example boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE rehab_plan ADD COLUMN funding_programme_id uuid REFERENCES funding_programme(id)`);
    await q.query(`ALTER TABLE payment_commitment ADD COLUMN funding_programme_id uuid REFERENCES funding_programme(id)`);
    await q.query(`ALTER TABLE payment_commitment ADD COLUMN funding_form text`);
    await q.query(`ALTER TABLE payment_commitment ADD CONSTRAINT payment_commitment_funding_form_ck CHECK ((funding_programme_id IS NULL) = (funding_form IS NULL))`);
    // The programme's report: its commitments of a region.
    await q.query(`CREATE INDEX payment_commitment_funding_idx ON payment_commitment (funding_programme_id, region_id) WHERE funding_programme_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX payment_commitment_funding_idx`);
    await q.query(`ALTER TABLE payment_commitment DROP CONSTRAINT payment_commitment_funding_form_ck`);
    await q.query(`ALTER TABLE payment_commitment DROP COLUMN funding_form`);
    await q.query(`ALTER TABLE payment_commitment DROP COLUMN funding_programme_id`);
    await q.query(`ALTER TABLE rehab_plan DROP COLUMN funding_programme_id`);
    await q.query(`ALTER TABLE organisation DROP COLUMN example`);
    await q.query(`ALTER TABLE patient DROP COLUMN example`);
  }
}
