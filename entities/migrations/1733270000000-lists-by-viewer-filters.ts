import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The filtered lists at 100,000 hand-offs (issue 14), each read from an index that starts from the
 * viewer's side and in the list's order, so that a page stops after its own rows instead of walking
 * the organisation's or the region's rows for the few that pass a filter.
 *
 * - The inbox filtered by state: `handoff_party.handoff_state` carries the hand-off's state beside
 *   its deadline (`inbox_due_at`), kept equal by the triggers that already copy the deadline (now
 *   copying both); a rare state no longer walks every party row of the organisation.
 * - The inbox of unacknowledged hand-offs: `handoff_party.unacknowledged` says whether a message of
 *   the hand-off to the party's organisation waits for its acknowledgement, kept by triggers on the
 *   recipients; a partial index holds those party rows in deadline order, so the page is read in
 *   order instead of gathering and sorting all the organisation's unacknowledged messages.
 * - Follow-ups due: `sip_participant.follow_up_id` and `follow_up_due` carry the plan's one open
 *   follow-up (sip_follow_up_open_uq) and `sip_status` the plan's status, on each participant row,
 *   kept equal by triggers on sip_follow_up, sip and sip_participant; the index holds only the rows
 *   of running plans (ACTIVE, FOLLOW_UP) with an open follow-up, by due date. Its predicate names
 *   the due date (not the id), which the list's `follow_up_due < date` implies: a redundant
 *   condition on the id made the planner expect a tenth of the rows and sort them all instead.
 * - The access-log review, newest first by (at, id): one index (region_id, at, id), walked backwards
 *   from the end of a date window (or from the newest row without one) replaces (region_id, at),
 *   and likewise for refusals only.
 *
 * The triggers are SECURITY DEFINER with a fixed search_path, as those of ListsAtVolume: a copy
 * must be made even where the writer's row-level security would hide a row, and they read and
 * write nothing but the copied columns.
 */
export class ListsByViewerFilters1733270000000 implements MigrationInterface {
  name = 'ListsByViewerFilters1733270000000';

  async up(q: QueryRunner): Promise<void> {
    // Whether a message of the hand-off to the organisation waits for its acknowledgement: the
    // inbox's `unacknowledged` filter, for the party rows' copy.
    await q.query(`
      CREATE FUNCTION handoff_unacknowledged_by(handoff uuid, organisation uuid) RETURNS boolean LANGUAGE sql STABLE
      SET search_path = pg_catalog, public
      AS $$
        SELECT EXISTS (SELECT 1 FROM public.handoff_message m JOIN public.handoff_message_recipient r ON r.message_id = m.id
                        WHERE m.handoff_id = handoff AND r.organisation_id = organisation AND r.acknowledged_at IS NULL)
      $$`);
    await q.query(`ALTER TABLE handoff_party ADD COLUMN handoff_state text, ADD COLUMN unacknowledged boolean NOT NULL DEFAULT false`);
    await q.query(`UPDATE handoff_party hp SET unacknowledged = true WHERE handoff_unacknowledged_by(hp.handoff_id, hp.organisation_id)`);
    await q.query(`UPDATE handoff_party hp SET handoff_state = h.state FROM handoff h WHERE h.id = hp.handoff_id`);
    await q.query(`ALTER TABLE handoff_party ALTER COLUMN handoff_state SET NOT NULL`);
    await q.query(`
      CREATE OR REPLACE FUNCTION handoff_party_due() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
      SET search_path = pg_catalog, public
      AS $$
      BEGIN
        SELECT coalesce(h.next_due_at, 'infinity'), h.state INTO NEW.inbox_due_at, NEW.handoff_state FROM public.handoff h WHERE h.id = NEW.handoff_id;
        NEW.unacknowledged := public.handoff_unacknowledged_by(NEW.handoff_id, NEW.organisation_id);
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION handoff_due_to_parties() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
      SET search_path = pg_catalog, public
      AS $$
      BEGIN
        UPDATE public.handoff_party SET inbox_due_at = coalesce(NEW.next_due_at, 'infinity'), handoff_state = NEW.state WHERE handoff_id = NEW.id;
        RETURN NULL;
      END $$`);
    await q.query(`DROP TRIGGER handoff_due_to_parties ON handoff`);
    await q.query(`CREATE TRIGGER handoff_due_to_parties AFTER UPDATE OF next_due_at, state ON handoff FOR EACH ROW
      WHEN (OLD.next_due_at IS DISTINCT FROM NEW.next_due_at OR OLD.state IS DISTINCT FROM NEW.state) EXECUTE FUNCTION handoff_due_to_parties()`);
    await q.query(`CREATE INDEX handoff_party_inbox_state_idx ON handoff_party (organisation_id, side, handoff_state, inbox_due_at, handoff_id) INCLUDE (care_unit_id)`);
    // Statement level: an acknowledgement updates several recipient rows of one hand-off at once;
    // each (hand-off, organisation) it touched is recomputed once, after all its rows changed.
    await q.query(`
      CREATE FUNCTION handoff_recipients_to_parties() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
      SET search_path = pg_catalog, public
      AS $$
      BEGIN
        UPDATE public.handoff_party hp SET unacknowledged = k.unacknowledged
          FROM (SELECT t.handoff_id, t.organisation_id, public.handoff_unacknowledged_by(t.handoff_id, t.organisation_id) AS unacknowledged
                  FROM (SELECT DISTINCT m.handoff_id, c.organisation_id FROM changed c JOIN public.handoff_message m ON m.id = c.message_id) t) k
         WHERE hp.handoff_id = k.handoff_id AND hp.organisation_id = k.organisation_id AND hp.unacknowledged <> k.unacknowledged;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER handoff_recipients_inserted AFTER INSERT ON handoff_message_recipient REFERENCING NEW TABLE AS changed
      FOR EACH STATEMENT EXECUTE FUNCTION handoff_recipients_to_parties()`);
    await q.query(`CREATE TRIGGER handoff_recipients_updated AFTER UPDATE ON handoff_message_recipient REFERENCING NEW TABLE AS changed
      FOR EACH STATEMENT EXECUTE FUNCTION handoff_recipients_to_parties()`);
    await q.query(`CREATE TRIGGER handoff_recipients_deleted AFTER DELETE ON handoff_message_recipient REFERENCING OLD TABLE AS changed
      FOR EACH STATEMENT EXECUTE FUNCTION handoff_recipients_to_parties()`);
    await q.query(`CREATE INDEX handoff_party_unacknowledged_idx ON handoff_party (organisation_id, side, inbox_due_at, handoff_id) INCLUDE (care_unit_id)
      WHERE unacknowledged`);

    await q.query(`ALTER TABLE sip_participant ADD COLUMN sip_status text, ADD COLUMN follow_up_id uuid, ADD COLUMN follow_up_due date`);
    await q.query(`UPDATE sip_participant sp SET sip_status = s.status FROM sip s WHERE s.id = sp.sip_id`);
    await q.query(`UPDATE sip_participant sp SET follow_up_id = f.id, follow_up_due = f.due_date FROM sip_follow_up f WHERE f.sip_id = sp.sip_id AND f.done_at IS NULL`);
    await q.query(`ALTER TABLE sip_participant ALTER COLUMN sip_status SET NOT NULL`);
    await q.query(`
      CREATE FUNCTION sip_participant_copies() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
      SET search_path = pg_catalog, public
      AS $$
      BEGIN
        NEW.sip_status := (SELECT s.status FROM public.sip s WHERE s.id = NEW.sip_id);
        SELECT f.id, f.due_date INTO NEW.follow_up_id, NEW.follow_up_due FROM public.sip_follow_up f WHERE f.sip_id = NEW.sip_id AND f.done_at IS NULL;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER sip_participant_copies BEFORE INSERT ON sip_participant FOR EACH ROW EXECUTE FUNCTION sip_participant_copies()`);
    await q.query(`
      CREATE FUNCTION sip_status_to_participants() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
      SET search_path = pg_catalog, public
      AS $$
      BEGIN
        UPDATE public.sip_participant SET sip_status = NEW.status WHERE sip_id = NEW.id;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER sip_status_to_participants AFTER UPDATE OF status ON sip FOR EACH ROW
      WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION sip_status_to_participants()`);
    // Statement level: a statement that completes one follow-up and adds the next, in either order,
    // leaves the open one; each plan it touched is copied once, after all its rows changed.
    await q.query(`
      CREATE FUNCTION sip_follow_up_to_participants() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
      SET search_path = pg_catalog, public
      AS $$
      BEGIN
        UPDATE public.sip_participant sp SET follow_up_id = f.id, follow_up_due = f.due_date
          FROM (SELECT DISTINCT sip_id FROM changed) c
          LEFT JOIN public.sip_follow_up f ON f.sip_id = c.sip_id AND f.done_at IS NULL
         WHERE sp.sip_id = c.sip_id AND (sp.follow_up_id, sp.follow_up_due) IS DISTINCT FROM (f.id, f.due_date);
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER sip_follow_up_inserted AFTER INSERT ON sip_follow_up REFERENCING NEW TABLE AS changed
      FOR EACH STATEMENT EXECUTE FUNCTION sip_follow_up_to_participants()`);
    await q.query(`CREATE TRIGGER sip_follow_up_updated AFTER UPDATE ON sip_follow_up REFERENCING NEW TABLE AS changed
      FOR EACH STATEMENT EXECUTE FUNCTION sip_follow_up_to_participants()`);
    await q.query(`CREATE TRIGGER sip_follow_up_deleted AFTER DELETE ON sip_follow_up REFERENCING OLD TABLE AS changed
      FOR EACH STATEMENT EXECUTE FUNCTION sip_follow_up_to_participants()`);
    await q.query(`CREATE INDEX sip_participant_follow_up_idx ON sip_participant (organisation_id, follow_up_due, follow_up_id)
      WHERE kind = 'ORGANISATION' AND removed_at IS NULL AND follow_up_due IS NOT NULL AND sip_status IN ('ACTIVE', 'FOLLOW_UP')`);

    await q.query(`CREATE INDEX access_log_region_at_idx ON access_log (region_id, at, id)`);
    await q.query(`DROP INDEX access_log_region_idx`);
    await q.query(`CREATE INDEX access_log_region_refused_at_idx ON access_log (region_id, at, id) WHERE outcome <> 'ALLOWED'`);
    await q.query(`DROP INDEX access_log_region_refused_idx`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX access_log_region_refused_idx ON access_log (region_id, id) WHERE outcome <> 'ALLOWED'`);
    await q.query(`DROP INDEX access_log_region_refused_at_idx`);
    await q.query(`CREATE INDEX access_log_region_idx ON access_log (region_id, at)`);
    await q.query(`DROP INDEX access_log_region_at_idx`);

    await q.query(`DROP INDEX sip_participant_follow_up_idx`);
    for (const trigger of ['sip_follow_up_inserted', 'sip_follow_up_updated', 'sip_follow_up_deleted']) await q.query(`DROP TRIGGER ${trigger} ON sip_follow_up`);
    await q.query(`DROP FUNCTION sip_follow_up_to_participants()`);
    await q.query(`DROP TRIGGER sip_status_to_participants ON sip`);
    await q.query(`DROP FUNCTION sip_status_to_participants()`);
    await q.query(`DROP TRIGGER sip_participant_copies ON sip_participant`);
    await q.query(`DROP FUNCTION sip_participant_copies()`);
    await q.query(`ALTER TABLE sip_participant DROP COLUMN sip_status, DROP COLUMN follow_up_id, DROP COLUMN follow_up_due`);

    await q.query(`DROP INDEX handoff_party_unacknowledged_idx`);
    for (const trigger of ['handoff_recipients_inserted', 'handoff_recipients_updated', 'handoff_recipients_deleted']) await q.query(`DROP TRIGGER ${trigger} ON handoff_message_recipient`);
    await q.query(`DROP FUNCTION handoff_recipients_to_parties()`);
    await q.query(`DROP INDEX handoff_party_inbox_state_idx`);
    await q.query(`DROP TRIGGER handoff_due_to_parties ON handoff`);
    await q.query(`CREATE TRIGGER handoff_due_to_parties AFTER UPDATE OF next_due_at ON handoff FOR EACH ROW
      WHEN (OLD.next_due_at IS DISTINCT FROM NEW.next_due_at) EXECUTE FUNCTION handoff_due_to_parties()`);
    await q.query(`
      CREATE OR REPLACE FUNCTION handoff_due_to_parties() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
      SET search_path = pg_catalog, public
      AS $$
      BEGIN
        UPDATE public.handoff_party SET inbox_due_at = coalesce(NEW.next_due_at, 'infinity') WHERE handoff_id = NEW.id;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION handoff_party_due() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
      SET search_path = pg_catalog, public
      AS $$
      BEGIN
        NEW.inbox_due_at := coalesce((SELECT h.next_due_at FROM public.handoff h WHERE h.id = NEW.handoff_id), 'infinity');
        RETURN NEW;
      END $$`);
    await q.query(`ALTER TABLE handoff_party DROP COLUMN handoff_state, DROP COLUMN unacknowledged`);
    await q.query(`DROP FUNCTION handoff_unacknowledged_by(uuid, uuid)`);
  }
}
