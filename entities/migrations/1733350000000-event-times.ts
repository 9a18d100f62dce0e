import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Event times (issue 15): a record keeps when the thing it reports happened beside when the
 * server recorded it, since the law counts some deadlines and the payment liability from the event.
 *
 * - `handoff_message.occurred_at`: when the patient became discharge-ready, stopped being so or
 *   left (the client's `occurredAt`); for every other message its recording time. `sent_at` stays
 *   the server's recording time. Existing messages happened when they were recorded.
 * - `sip_follow_up.occurred_at`: when a follow-up was done (`done_at` is when it was recorded); set
 *   exactly when the follow-up is done.
 * - `consent.given_at`: when the patient gave the consent (`recorded_at` is when it was recorded).
 *
 * A discharge's summary for the planners' report reads the messages' times, so a change of
 * `occurred_at` marks it stale as a change of `sent_at` does: the trigger of migration
 * 1733260000000 is made again with the new column, after the backfill (which changes no figure).
 */
export class EventTimes1733350000000 implements MigrationInterface {
  name = 'EventTimes1733350000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER handoff_message_changed_marks_summary ON handoff_message`);
    await q.query(`ALTER TABLE handoff_message ADD COLUMN occurred_at timestamptz`);
    await q.query(`UPDATE handoff_message SET occurred_at = sent_at`);
    await q.query(`ALTER TABLE handoff_message ALTER COLUMN occurred_at SET NOT NULL`);
    await q.query(`CREATE TRIGGER handoff_message_changed_marks_summary AFTER UPDATE OF kind, sent_at, occurred_at, handoff_id ON handoff_message FOR EACH ROW
      EXECUTE FUNCTION handoff_message_changed_marks_summary()`);

    await q.query(`ALTER TABLE sip_follow_up ADD COLUMN occurred_at timestamptz`);
    await q.query(`UPDATE sip_follow_up SET occurred_at = done_at WHERE done_at IS NOT NULL`);
    await q.query(`ALTER TABLE sip_follow_up ADD CONSTRAINT sip_follow_up_occurred_when_done CHECK ((occurred_at IS NULL) = (done_at IS NULL))`);

    await q.query(`ALTER TABLE consent ADD COLUMN given_at timestamptz`);
    await q.query(`UPDATE consent SET given_at = recorded_at`);
    await q.query(`ALTER TABLE consent ALTER COLUMN given_at SET NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE consent DROP COLUMN given_at`);
    await q.query(`ALTER TABLE sip_follow_up DROP CONSTRAINT sip_follow_up_occurred_when_done`);
    await q.query(`ALTER TABLE sip_follow_up DROP COLUMN occurred_at`);
    await q.query(`DROP TRIGGER handoff_message_changed_marks_summary ON handoff_message`);
    await q.query(`ALTER TABLE handoff_message DROP COLUMN occurred_at`);
    await q.query(`CREATE TRIGGER handoff_message_changed_marks_summary AFTER UPDATE OF kind, sent_at, handoff_id ON handoff_message FOR EACH ROW
      EXECUTE FUNCTION handoff_message_changed_marks_summary()`);
  }
}
