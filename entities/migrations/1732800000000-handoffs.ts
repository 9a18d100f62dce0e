import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hand-offs between care levels (coordinated discharge, lag 2017:612): the hand-off with its state
 * and version, its parties, and the message log with an acknowledgement per recipient.
 */
export class Handoffs1732800000000 implements MigrationInterface {
  name = 'Handoffs1732800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE handoff (
        id uuid PRIMARY KEY,
        region_id uuid NOT NULL REFERENCES region(id),
        patient_id uuid NOT NULL REFERENCES patient(id),
        kind text NOT NULL CHECK (kind IN ('DISCHARGE_FROM_INPATIENT', 'REFERRAL', 'TRANSFER_BETWEEN_LEVELS')),
        state text NOT NULL CHECK (state IN ('ADMITTED', 'DISCHARGE_READY', 'PLANNING', 'DISCHARGED', 'SENT', 'ACCEPTED', 'COMPLETED', 'CANCELLED')),
        version integer NOT NULL DEFAULT 1,
        sending_organisation_id uuid NOT NULL REFERENCES organisation(id),
        sending_care_unit_id uuid NOT NULL REFERENCES care_unit(id),
        home_municipality_id uuid REFERENCES organisation(id),
        psychiatric boolean NOT NULL DEFAULT false,
        admitted_at timestamptz,
        next_due_at timestamptz,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CHECK ((kind = 'DISCHARGE_FROM_INPATIENT') = (admitted_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX handoff_patient_idx ON handoff (patient_id)`);
    // The planners' report reads a region's discharges by admission date.
    await q.query(`CREATE INDEX handoff_region_admitted_idx ON handoff (region_id, admitted_at)`);

    await q.query(`
      CREATE TABLE handoff_party (
        id uuid PRIMARY KEY,
        handoff_id uuid NOT NULL REFERENCES handoff(id),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        care_unit_id uuid REFERENCES care_unit(id),
        side text NOT NULL CHECK (side IN ('SENDER', 'RECIPIENT')),
        basis text,
        added_at timestamptz NOT NULL,
        CONSTRAINT handoff_party_uq UNIQUE NULLS NOT DISTINCT (handoff_id, organisation_id, care_unit_id, side)
      )`);
    // The inbox: hand-offs where an organisation is a party.
    await q.query(`CREATE INDEX handoff_party_organisation_idx ON handoff_party (organisation_id, side, handoff_id)`);

    await q.query(`
      CREATE TABLE handoff_message (
        id uuid PRIMARY KEY,
        handoff_id uuid NOT NULL REFERENCES handoff(id),
        kind text NOT NULL,
        sender_organisation_id uuid NOT NULL REFERENCES organisation(id),
        sender_care_unit_id uuid REFERENCES care_unit(id),
        sender_user_id text NOT NULL,
        sent_at timestamptz NOT NULL,
        text text,
        needs text[] NOT NULL DEFAULT '{}',
        planned_discharge_date date,
        meeting_at timestamptz,
        meeting_place text
      )`);
    await q.query(`CREATE INDEX handoff_message_handoff_idx ON handoff_message (handoff_id, sent_at)`);

    await q.query(`
      CREATE TABLE handoff_message_recipient (
        id uuid PRIMARY KEY,
        message_id uuid NOT NULL REFERENCES handoff_message(id),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        care_unit_id uuid REFERENCES care_unit(id),
        acknowledged_at timestamptz,
        acknowledged_by text,
        CONSTRAINT handoff_message_recipient_uq UNIQUE NULLS NOT DISTINCT (message_id, organisation_id, care_unit_id)
      )`);
    await q.query(`CREATE INDEX handoff_message_recipient_unacknowledged_idx ON handoff_message_recipient (organisation_id) WHERE acknowledged_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE handoff_message_recipient`);
    await q.query(`DROP TABLE handoff_message`);
    await q.query(`DROP TABLE handoff_party`);
    await q.query(`DROP TABLE handoff`);
  }
}
