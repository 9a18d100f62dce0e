import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Coordinated individual plans (SIP): the plan with its status and version, its participants
 * (organisations with contact persons, the person, relatives), interventions, meetings with those
 * present, and follow-ups; and KVÅ codes as a dated table.
 */
export class Sip1732900000000 implements MigrationInterface {
  name = 'Sip1732900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE kva_code (
        id uuid PRIMARY KEY,
        code text NOT NULL,
        title text NOT NULL,
        valid_from date NOT NULL,
        valid_to date,
        source text,
        CONSTRAINT kva_code_version_uq UNIQUE (code, valid_from),
        CHECK (valid_to IS NULL OR valid_to >= valid_from)
      )`);

    await q.query(`
      CREATE TABLE sip (
        id uuid PRIMARY KEY,
        region_id uuid NOT NULL REFERENCES region(id),
        patient_id uuid NOT NULL REFERENCES patient(id),
        status text NOT NULL CHECK (status IN ('DRAFT', 'CALLED', 'ACTIVE', 'FOLLOW_UP', 'CLOSED', 'CANCELLED')),
        version integer NOT NULL DEFAULT 1,
        initiating_organisation_id uuid NOT NULL REFERENCES organisation(id),
        handoff_id uuid REFERENCES handoff(id),
        overall_responsible_organisation_id uuid REFERENCES organisation(id),
        person_goals text,
        person_own_actions text,
        person_objects_to_relatives boolean NOT NULL DEFAULT false,
        meeting_planned_at timestamptz,
        meeting_planned_place text,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        called_at timestamptz,
        activated_at timestamptz,
        ended_at timestamptz,
        end_reason text,
        CHECK ((status IN ('CLOSED', 'CANCELLED')) = (ended_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX sip_patient_idx ON sip (patient_id)`);
    // One running plan per hand-off's call-out.
    await q.query(`CREATE UNIQUE INDEX sip_handoff_open_uq ON sip (handoff_id) WHERE status NOT IN ('CLOSED', 'CANCELLED')`);
    // Planner statistics read a region's plans by the instants they started and ended.
    await q.query(`CREATE INDEX sip_region_created_idx ON sip (region_id, created_at)`);

    await q.query(`
      CREATE TABLE sip_participant (
        id uuid PRIMARY KEY,
        -- Joining order: several join in one instant.
        seq bigint GENERATED ALWAYS AS IDENTITY,
        sip_id uuid NOT NULL REFERENCES sip(id),
        kind text NOT NULL CHECK (kind IN ('ORGANISATION', 'PERSON', 'RELATIVE')),
        organisation_id uuid REFERENCES organisation(id),
        care_unit_id uuid REFERENCES care_unit(id),
        basis text CHECK (basis IN ('INITIATOR', 'PRINCIPAL', 'SIP_CONSENT')),
        contact_name text,
        contact_role text,
        contact_details text,
        added_at timestamptz NOT NULL,
        added_by text NOT NULL,
        removed_at timestamptz,
        CHECK ((kind = 'ORGANISATION') = (organisation_id IS NOT NULL AND basis IS NOT NULL))
      )`);
    // An organisation takes part once; the person once.
    await q.query(`CREATE UNIQUE INDEX sip_participant_organisation_uq ON sip_participant (sip_id, organisation_id) WHERE kind = 'ORGANISATION' AND removed_at IS NULL`);
    await q.query(`CREATE UNIQUE INDEX sip_participant_person_uq ON sip_participant (sip_id) WHERE kind = 'PERSON'`);
    // Visibility: the plans an organisation takes part in.
    await q.query(`CREATE INDEX sip_participant_organisation_idx ON sip_participant (organisation_id, sip_id) WHERE removed_at IS NULL`);

    await q.query(`
      CREATE TABLE sip_intervention (
        id uuid PRIMARY KEY,
        sip_id uuid NOT NULL REFERENCES sip(id),
        position integer NOT NULL,
        description text NOT NULL,
        responsible_organisation_id uuid NOT NULL REFERENCES organisation(id),
        due_date date,
        CONSTRAINT sip_intervention_position_uq UNIQUE (sip_id, position)
      )`);

    await q.query(`
      CREATE TABLE sip_meeting (
        id uuid PRIMARY KEY,
        sip_id uuid NOT NULL REFERENCES sip(id),
        held_at timestamptz NOT NULL,
        place text,
        video boolean NOT NULL,
        note text,
        kva_code text,
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL,
        CHECK (place IS NOT NULL OR video)
      )`);
    await q.query(`CREATE INDEX sip_meeting_sip_idx ON sip_meeting (sip_id, held_at)`);

    await q.query(`
      CREATE TABLE sip_meeting_attendee (
        meeting_id uuid NOT NULL REFERENCES sip_meeting(id),
        participant_id uuid NOT NULL REFERENCES sip_participant(id),
        PRIMARY KEY (meeting_id, participant_id)
      )`);

    await q.query(`
      CREATE TABLE sip_follow_up (
        id uuid PRIMARY KEY,
        sip_id uuid NOT NULL REFERENCES sip(id),
        due_date date NOT NULL,
        done_at timestamptz,
        done_by text,
        meeting_id uuid REFERENCES sip_meeting(id),
        note text,
        kva_code text,
        created_at timestamptz NOT NULL,
        CHECK ((done_at IS NULL) = (done_by IS NULL))
      )`);
    // The plan's next follow-up is its one follow-up not yet done.
    await q.query(`CREATE UNIQUE INDEX sip_follow_up_open_uq ON sip_follow_up (sip_id) WHERE done_at IS NULL`);
    await q.query(`CREATE INDEX sip_follow_up_due_idx ON sip_follow_up (due_date) WHERE done_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['sip_follow_up', 'sip_meeting_attendee', 'sip_meeting', 'sip_intervention', 'sip_participant', 'sip', 'kva_code']) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
