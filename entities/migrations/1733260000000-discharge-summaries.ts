import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The planners' report at 100,000 hand-offs (issue 14): one summary row per discharge
 * (entities/handoff-discharge-summary.entity.ts), so the report reads small rows of one table
 * instead of replaying every message log. The figures are computed in TypeScript by the domain's
 * functions (domain/discharge-summary.ts), never in SQL: by the hand-off's writes in their own
 * transaction, and by the report for every summary it finds stale (server/access/discharge-summary.sql.ts).
 *
 * What makes a summary stale is kept by triggers, whoever writes: a new discharge gets a stale
 * row (its hand-off's own columns and the patient's sex, nothing computed), and a change to its
 * messages, their recipients or the hand-off's columns the figures read marks it stale again.
 * The hand-off's writes then replace it in the same transaction with a fresh one; anything else
 * (an import, a test or the bench writing SQL) leaves it stale for the report to recompute. The
 * triggers are SECURITY DEFINER with a fixed search_path, as handoff_party_due: the writer's
 * row-level security may hide the summary's row, and they write nothing but summary rows.
 * Existing discharges get their stale rows here, so the first report over them computes them.
 *
 * Patient data (a discharge of a person, with sex and municipality): forced row-level security
 * with the case tables' policy, and the owner's named way past it.
 */
export class DischargeSummaries1733260000000 implements MigrationInterface {
  name = 'DischargeSummaries1733260000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE handoff_discharge_summary (
        handoff_id uuid PRIMARY KEY,
        region_id uuid NOT NULL REFERENCES region(id),
        handoff_version integer NOT NULL,
        stale boolean NOT NULL,
        admitted_at timestamptz NOT NULL,
        psychiatric boolean NOT NULL,
        home_municipality_id uuid REFERENCES organisation(id),
        sending_care_unit_id uuid NOT NULL REFERENCES care_unit(id),
        legal_sex text NOT NULL,
        parameters_key text,
        admission_notice_sent boolean NOT NULL DEFAULT false,
        admission_notice_on_time boolean NOT NULL DEFAULT false,
        admission_notice_due_after timestamptz,
        sip_call_outs_made integer NOT NULL DEFAULT 0,
        sip_call_outs_on_time integer NOT NULL DEFAULT 0,
        sip_call_outs_due_after timestamptz[] NOT NULL DEFAULT '{}',
        closed_liability_days integer NOT NULL DEFAULT 0,
        open_liable_from date[] NOT NULL DEFAULT '{}',
        daily_amount numeric,
        -- A summary goes with its hand-off.
        FOREIGN KEY (handoff_id, region_id) REFERENCES handoff (id, region_id) ON DELETE CASCADE
      )`);
    // The report reads a region's discharges by admission date.
    await q.query(`CREATE INDEX handoff_discharge_summary_region_admitted_idx ON handoff_discharge_summary (region_id, admitted_at)`);
    await q.query(`ALTER TABLE handoff_discharge_summary ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE handoff_discharge_summary FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY handoff_discharge_summary_owner ON handoff_discharge_summary TO CURRENT_USER USING (true) WITH CHECK (true)`);
    await q.query(`CREATE POLICY handoff_discharge_summary_tenant ON handoff_discharge_summary
      USING (region_id = (SELECT app_region_id()) OR region_id = ANY ((SELECT app_case_regions())::uuid[]))`);

    // A stale row of a hand-off `h` with its patient `p`: what it copies, nothing computed.
    const staleRow = (h: string) => `
      INSERT INTO public.handoff_discharge_summary (handoff_id, region_id, handoff_version, stale, admitted_at, psychiatric, home_municipality_id, sending_care_unit_id, legal_sex)
      SELECT ${h}.id, ${h}.region_id, ${h}.version, true, ${h}.admitted_at, ${h}.psychiatric, ${h}.home_municipality_id, ${h}.sending_care_unit_id, p.legal_sex`;
    await q.query(`
      CREATE FUNCTION handoff_discharge_summary_new() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
      SET search_path = pg_catalog, public
      AS $$
      BEGIN
        ${staleRow('NEW')} FROM public.patient p WHERE p.id = NEW.patient_id ON CONFLICT (handoff_id) DO NOTHING;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER handoff_discharge_summary_new AFTER INSERT ON handoff FOR EACH ROW
      WHEN (NEW.kind = 'DISCHARGE_FROM_INPATIENT') EXECUTE FUNCTION handoff_discharge_summary_new()`);
    // The hand-off's columns a summary copies or its figures read.
    await q.query(`
      CREATE FUNCTION handoff_discharge_summary_handoff_changed() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
      SET search_path = pg_catalog, public
      AS $$
      BEGIN
        UPDATE public.handoff_discharge_summary
           SET stale = true, admitted_at = NEW.admitted_at, psychiatric = NEW.psychiatric, home_municipality_id = NEW.home_municipality_id,
               sending_care_unit_id = NEW.sending_care_unit_id, legal_sex = (SELECT p.legal_sex FROM public.patient p WHERE p.id = NEW.patient_id)
         WHERE handoff_id = NEW.id;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER handoff_discharge_summary_handoff_changed AFTER UPDATE OF admitted_at, psychiatric, home_municipality_id, sending_care_unit_id, patient_id ON handoff
      FOR EACH ROW WHEN ((OLD.admitted_at, OLD.psychiatric, OLD.home_municipality_id, OLD.sending_care_unit_id, OLD.patient_id)
                         IS DISTINCT FROM (NEW.admitted_at, NEW.psychiatric, NEW.home_municipality_id, NEW.sending_care_unit_id, NEW.patient_id))
      EXECUTE FUNCTION handoff_discharge_summary_handoff_changed()`);
    // Messages and recipients, once per statement (a bulk insert marks each summary once).
    for (const [table, rows, handoffOf] of [
      ['handoff_message', 'changed', 'SELECT c.handoff_id FROM changed c'],
      ['handoff_message_recipient', 'changed', 'SELECT m.handoff_id FROM changed c JOIN public.handoff_message m ON m.id = c.message_id'],
    ] as const) {
      await q.query(`
        CREATE FUNCTION ${table}_marks_summary() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
        SET search_path = pg_catalog, public
        AS $$
        BEGIN
          UPDATE public.handoff_discharge_summary SET stale = true WHERE NOT stale AND handoff_id IN (${handoffOf});
          RETURN NULL;
        END $$`);
      for (const event of ['INSERT', 'DELETE']) {
        const transition = event === 'INSERT' ? 'NEW' : 'OLD';
        await q.query(`CREATE TRIGGER ${table}_${event.toLowerCase()}_marks_summary AFTER ${event} ON ${table}
          REFERENCING ${transition} TABLE AS ${rows} FOR EACH STATEMENT EXECUTE FUNCTION ${table}_marks_summary()`);
      }
    }
    // The app never changes a sent message's kind or time; anything else that does, marks it.
    await q.query(`
      CREATE FUNCTION handoff_message_changed_marks_summary() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
      SET search_path = pg_catalog, public
      AS $$
      BEGIN
        UPDATE public.handoff_discharge_summary SET stale = true WHERE handoff_id IN (OLD.handoff_id, NEW.handoff_id);
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER handoff_message_changed_marks_summary AFTER UPDATE OF kind, sent_at, handoff_id ON handoff_message FOR EACH ROW
      EXECUTE FUNCTION handoff_message_changed_marks_summary()`);

    await q.query(`${staleRow('h')} FROM public.handoff h JOIN public.patient p ON p.id = h.patient_id WHERE h.kind = 'DISCHARGE_FROM_INPATIENT'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER handoff_message_changed_marks_summary ON handoff_message`);
    await q.query(`DROP FUNCTION handoff_message_changed_marks_summary()`);
    for (const table of ['handoff_message', 'handoff_message_recipient']) {
      for (const event of ['insert', 'delete']) await q.query(`DROP TRIGGER ${table}_${event}_marks_summary ON ${table}`);
      await q.query(`DROP FUNCTION ${table}_marks_summary()`);
    }
    await q.query(`DROP TRIGGER handoff_discharge_summary_handoff_changed ON handoff`);
    await q.query(`DROP FUNCTION handoff_discharge_summary_handoff_changed()`);
    await q.query(`DROP TRIGGER handoff_discharge_summary_new ON handoff`);
    await q.query(`DROP FUNCTION handoff_discharge_summary_new()`);
    await q.query(`DROP TABLE handoff_discharge_summary`);
  }
}
