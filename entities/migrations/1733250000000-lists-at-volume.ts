import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Lists that stay fast at 100,000 hand-offs and patients (issue 14), each read from an index that
 * starts from the viewer's organisation instead of walking or sorting every row of the table.
 *
 * - The inbox is ordered by its hand-offs' next deadline: `handoff_party.inbox_due_at` carries it
 *   (`coalesce(next_due_at, 'infinity')`) next to the party's organisation and side, kept equal to
 *   the hand-off's by triggers in the writing transaction itself, whoever writes. SECURITY DEFINER
 *   with a fixed search_path, as access_log_resolve: the copy must be made even where the writer's
 *   row-level security would hide a party row (another organisation's), and it reads and writes
 *   nothing but that one column.
 * - The SIP list is ordered newest first: `sip_participant.sip_created_at` carries the plan's
 *   creation time (which never changes) beside the participating organisation, copied by a
 *   trigger on insert, likewise SECURITY DEFINER.
 * - The patient list reads the owned patients by (owner, id) beside the participations' own
 *   (organisation, patient) index.
 * - The access-log review of refusals reads only the rows that are refusals.
 * - app_case_regions(), which the policies of every case table call once per statement, skips
 *   through the (organisation, region) index one region at a time instead of reading every
 *   participation of the organisation: a region principal takes part in tens of thousands of
 *   cases, in a handful of regions.
 */
export class ListsAtVolume1733250000000 implements MigrationInterface {
  name = 'ListsAtVolume1733250000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(caseRegions(`
        WITH RECURSIVE region AS (
          (SELECT pp.region_id FROM public.patient_participation pp
            WHERE pp.organisation_id = public.app_organisation_id() ORDER BY pp.region_id LIMIT 1)
          UNION ALL
          SELECT (SELECT pp.region_id FROM public.patient_participation pp
                   WHERE pp.organisation_id = public.app_organisation_id() AND pp.region_id > region.region_id
                   ORDER BY pp.region_id LIMIT 1)
          FROM region WHERE region.region_id IS NOT NULL
        )
        SELECT COALESCE(array_agg(region_id), '{}') FROM region WHERE region_id IS NOT NULL`));
    await q.query(`ALTER TABLE handoff_party ADD COLUMN inbox_due_at timestamptz NOT NULL DEFAULT 'infinity'`);
    await q.query(`UPDATE handoff_party hp SET inbox_due_at = coalesce(h.next_due_at, 'infinity') FROM handoff h WHERE h.id = hp.handoff_id`);
    await q.query(`
      CREATE FUNCTION handoff_party_due() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
      SET search_path = pg_catalog, public
      AS $$
      BEGIN
        NEW.inbox_due_at := coalesce((SELECT h.next_due_at FROM public.handoff h WHERE h.id = NEW.handoff_id), 'infinity');
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER handoff_party_due BEFORE INSERT ON handoff_party FOR EACH ROW EXECUTE FUNCTION handoff_party_due()`);
    await q.query(`
      CREATE FUNCTION handoff_due_to_parties() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
      SET search_path = pg_catalog, public
      AS $$
      BEGIN
        UPDATE public.handoff_party SET inbox_due_at = coalesce(NEW.next_due_at, 'infinity') WHERE handoff_id = NEW.id;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER handoff_due_to_parties AFTER UPDATE OF next_due_at ON handoff FOR EACH ROW
      WHEN (OLD.next_due_at IS DISTINCT FROM NEW.next_due_at) EXECUTE FUNCTION handoff_due_to_parties()`);
    // care_unit_id rides along so that a care unit's inbox filters inside the index.
    await q.query(`CREATE INDEX handoff_party_inbox_idx ON handoff_party (organisation_id, side, inbox_due_at, handoff_id) INCLUDE (care_unit_id)`);
    await q.query(`ALTER TABLE sip_participant ADD COLUMN sip_created_at timestamptz`);
    await q.query(`UPDATE sip_participant sp SET sip_created_at = s.created_at FROM sip s WHERE s.id = sp.sip_id`);
    await q.query(`ALTER TABLE sip_participant ALTER COLUMN sip_created_at SET NOT NULL`);
    await q.query(`
      CREATE FUNCTION sip_participant_created() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
      SET search_path = pg_catalog, public
      AS $$
      BEGIN
        NEW.sip_created_at := (SELECT s.created_at FROM public.sip s WHERE s.id = NEW.sip_id);
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER sip_participant_created BEFORE INSERT ON sip_participant FOR EACH ROW EXECUTE FUNCTION sip_participant_created()`);
    await q.query(`CREATE INDEX sip_participant_list_idx ON sip_participant (organisation_id, sip_created_at, sip_id)
      WHERE kind = 'ORGANISATION' AND removed_at IS NULL`);
    await q.query(`CREATE INDEX patient_owner_idx ON patient (owner_organisation_id, id)`);
    await q.query(`CREATE INDEX access_log_region_refused_idx ON access_log (region_id, id) WHERE outcome <> 'ALLOWED'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX access_log_region_refused_idx`);
    await q.query(`DROP INDEX patient_owner_idx`);
    await q.query(`DROP INDEX sip_participant_list_idx`);
    await q.query(`DROP TRIGGER sip_participant_created ON sip_participant`);
    await q.query(`DROP FUNCTION sip_participant_created()`);
    await q.query(`ALTER TABLE sip_participant DROP COLUMN sip_created_at`);
    await q.query(`DROP INDEX handoff_party_inbox_idx`);
    await q.query(`DROP TRIGGER handoff_due_to_parties ON handoff`);
    await q.query(`DROP FUNCTION handoff_due_to_parties()`);
    await q.query(`DROP TRIGGER handoff_party_due ON handoff_party`);
    await q.query(`DROP FUNCTION handoff_party_due()`);
    await q.query(`ALTER TABLE handoff_party DROP COLUMN inbox_due_at`);
    await q.query(caseRegions(`
        SELECT COALESCE(array_agg(DISTINCT pp.region_id), '{}')
        FROM public.patient_participation pp
        WHERE pp.organisation_id = public.app_organisation_id()`));
  }
}

/** app_case_regions() with the given body; its contract is that of the tenancy migration. */
const caseRegions = (body: string) => `
      CREATE OR REPLACE FUNCTION app_case_regions() RETURNS uuid[] LANGUAGE sql STABLE SECURITY DEFINER
      SET search_path = pg_catalog, public
      AS $$${body}
      $$`;
