import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Example data as a flag on the records it invents (issue 17 item 8): an example patient (and
 * everything recorded about them) and an example organisation are never real, and statistics leave
 * them out; the agreements' `example` column is the precedent.
 */
export class ExampleDataAndFundingLinks1733330000000 implements MigrationInterface {
  name = 'ExampleDataAndFundingLinks1733330000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE patient ADD COLUMN example boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE organisation ADD COLUMN example boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE organisation DROP COLUMN example`);
    await q.query(`ALTER TABLE patient DROP COLUMN example`);
  }
}
