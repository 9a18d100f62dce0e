import { MigrationInterface, QueryRunner } from 'typeorm';

/** A child table, the parent its rows belong to, and the column that names the parent. */
interface ChildOf {
  child: string;
  parent: string;
  column: string;
}

/**
 * The child tables that had no region of their own. Each gets its parent's region, kept equal to
 * it by a composite foreign key (child (parent, region_id) → parent (id, region_id)), so a row can
 * never sit in another region than the record it belongs to.
 */
const CHILDREN: ChildOf[] = [
  { child: 'agreement_party', parent: 'agreement', column: 'agreement_id' },
  { child: 'handoff_party', parent: 'handoff', column: 'handoff_id' },
  { child: 'handoff_message', parent: 'handoff', column: 'handoff_id' },
  { child: 'handoff_message_recipient', parent: 'handoff_message', column: 'message_id' },
  { child: 'sip_participant', parent: 'sip', column: 'sip_id' },
  { child: 'sip_intervention', parent: 'sip', column: 'sip_id' },
  { child: 'sip_meeting', parent: 'sip', column: 'sip_id' },
  { child: 'sip_follow_up', parent: 'sip', column: 'sip_id' },
  { child: 'sip_meeting_attendee', parent: 'sip_meeting', column: 'meeting_id' },
];

/**
 * Tables that carried a region already and whose region must be their parent's: a patient's
 * records live in the patient's region, a rule or change in its agreement's, a care unit in its
 * organisation's. (A hand-off lives in its sender's region, which may differ from the patient's
 * record's, so it has no such key to the patient.)
 */
const ALREADY_REGIONED: ChildOf[] = [
  { child: 'patient_participation', parent: 'patient', column: 'patient_id' },
  { child: 'consent', parent: 'patient', column: 'patient_id' },
  { child: 'sip', parent: 'patient', column: 'patient_id' },
  { child: 'responsibility_rule', parent: 'agreement', column: 'agreement_id' },
  { child: 'responsibility_change', parent: 'agreement', column: 'agreement_id' },
  { child: 'care_unit', parent: 'organisation', column: 'organisation_id' },
  { child: 'sip_meeting_attendee', parent: 'sip_participant', column: 'participant_id' },
  { child: 'sip_follow_up', parent: 'sip_meeting', column: 'meeting_id' },
];

/** Tables whose rows are seen only by the row's region, or by a region in whose cases the viewer's organisation takes part. */
const CASE_TABLES = [
  'patient',
  'consent',
  'handoff',
  'handoff_party',
  'handoff_message',
  'handoff_message_recipient',
  'sip',
  'sip_participant',
  'sip_intervention',
  'sip_meeting',
  'sip_follow_up',
  'sip_meeting_attendee',
];

/**
 * Tenancy in the database (issue 12): region_id on every tenant-owned table, row-level security
 * on the patient-data tables, and the access log's patient region, resolved by a trigger.
 *
 * The viewer's region and organisation arrive per transaction as `app.region_id` and
 * `app.organisation_id` (set_config(…, true), server/access/tenant-db.ts); without them a policy
 * admits nothing. FORCE ROW LEVEL SECURITY keeps the owner under the policies too, except through
 * the `<table>_owner` policy: the owner runs migrations and the SECURITY DEFINER triggers that
 * read across regions (access_log_resolve below; the access log's seal), and the application never
 * acts as the owner (it sets its role to the app role in every transaction).
 */
export class TenancyInTheDatabase1733000000000 implements MigrationInterface {
  name = 'TenancyInTheDatabase1733000000000';

  async up(q: QueryRunner): Promise<void> {
    for (const { child, parent, column } of CHILDREN) {
      await q.query(`ALTER TABLE ${child} ADD COLUMN region_id uuid REFERENCES region(id)`);
      await q.query(`UPDATE ${child} c SET region_id = p.region_id FROM ${parent} p WHERE p.id = c.${column}`);
      await q.query(`ALTER TABLE ${child} ALTER COLUMN region_id SET NOT NULL`);
    }
    for (const parent of parentsOf([...CHILDREN, ...ALREADY_REGIONED])) {
      await q.query(`ALTER TABLE ${parent} ADD CONSTRAINT ${parent}_id_region_uq UNIQUE (id, region_id)`);
    }
    for (const { child, parent, column } of [...CHILDREN, ...ALREADY_REGIONED]) {
      await q.query(
        `ALTER TABLE ${child} ADD CONSTRAINT ${child}_${column}_region_fk FOREIGN KEY (${column}, region_id) REFERENCES ${parent} (id, region_id)`,
      );
      // The key's own look-ups, and the policies' region filter next to the parent key.
      await q.query(`CREATE INDEX ${child}_${column}_region_idx ON ${child} (${column}, region_id)`);
    }
    for (const table of ['consent', 'handoff', 'sip', 'patient_participation']) {
      await q.query(`CREATE INDEX ${table}_region_idx ON ${table} (region_id)`);
    }
    // The policies ask "in which regions does this organisation take part in a case?".
    await q.query(`CREATE INDEX patient_participation_organisation_region_idx ON patient_participation (organisation_id, region_id)`);

    await q.query(`
      CREATE FUNCTION app_region_id() RETURNS uuid LANGUAGE sql STABLE
      AS $$ SELECT NULLIF(current_setting('app.region_id', true), '')::uuid $$`);
    await q.query(`
      CREATE FUNCTION app_organisation_id() RETURNS uuid LANGUAGE sql STABLE
      AS $$ SELECT NULLIF(current_setting('app.organisation_id', true), '')::uuid $$`);
    // SECURITY DEFINER with a fixed search_path: it answers the same whoever calls it, and reads
    // only the viewer's own organisation's participation. Policies call it as (SELECT …), once per
    // statement.
    await q.query(`
      CREATE FUNCTION app_case_regions() RETURNS uuid[] LANGUAGE sql STABLE SECURITY DEFINER
      SET search_path = pg_catalog, public
      AS $$
        SELECT COALESCE(array_agg(DISTINCT pp.region_id), '{}')
        FROM public.patient_participation pp
        WHERE pp.organisation_id = public.app_organisation_id()
      $$`);

    const ownRegion = `region_id = (SELECT app_region_id())`;
    for (const table of CASE_TABLES) {
      await enableRls(q, table);
      await q.query(`CREATE POLICY ${table}_tenant ON ${table} USING (${ownRegion} OR region_id = ANY ((SELECT app_case_regions())::uuid[]))`);
    }
    // Participation is what app_case_regions() reads, so its own policy does not call it.
    await enableRls(q, 'patient_participation');
    await q.query(`CREATE POLICY patient_participation_tenant ON patient_participation
      USING (${ownRegion} OR organisation_id = (SELECT app_organisation_id()))`);

    // The access log: the region of the patient concerned, so the patient's own organisation sees
    // other regions' attempts on its patient (patientdatalagen 8 kap 5 §).
    await q.query(`ALTER TABLE access_log ADD COLUMN patient_region_id uuid`);
    await q.query(`UPDATE access_log l SET patient_region_id = p.region_id FROM patient p WHERE p.id = l.patient_id`);
    await q.query(`CREATE INDEX access_log_patient_region_idx ON access_log (patient_region_id, at)`);
    await enableRls(q, 'access_log');
    // A request without a viewer logs with no region (unauthenticated attempts are logged too).
    await q.query(`CREATE POLICY access_log_append ON access_log FOR INSERT WITH CHECK (region_id IS NOT DISTINCT FROM (SELECT app_region_id()))`);
    await q.query(`CREATE POLICY access_log_read ON access_log FOR SELECT USING (${ownRegion} OR patient_region_id = (SELECT app_region_id()))`);

    // A refused attempt on a hand-off, message, plan or consent names only the record: the patient
    // it concerns is found here, under the owner's rights (the caller may not see the record), and
    // never returned to the caller.
    await q.query(`
      CREATE FUNCTION access_log_resolve() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
      SET search_path = pg_catalog, public
      AS $$
      BEGIN
        IF NEW.patient_id IS NULL AND NEW.record_id IS NOT NULL THEN
          NEW.patient_id := CASE NEW.record_type
            WHEN 'HANDOFF' THEN (SELECT h.patient_id FROM public.handoff h WHERE h.id = NEW.record_id)
            WHEN 'HANDOFF_MESSAGE' THEN (SELECT h.patient_id FROM public.handoff_message m JOIN public.handoff h ON h.id = m.handoff_id WHERE m.id = NEW.record_id)
            WHEN 'SIP' THEN (SELECT s.patient_id FROM public.sip s WHERE s.id = NEW.record_id)
            WHEN 'CONSENT' THEN (SELECT k.patient_id FROM public.consent k WHERE k.id = NEW.record_id)
          END;
        END IF;
        NEW.patient_region_id := (SELECT p.region_id FROM public.patient p WHERE p.id = NEW.patient_id);
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER access_log_resolve BEFORE INSERT ON access_log FOR EACH ROW EXECUTE FUNCTION access_log_resolve()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER access_log_resolve ON access_log`);
    await q.query(`DROP FUNCTION access_log_resolve()`);
    for (const table of [...CASE_TABLES, 'patient_participation', 'access_log']) {
      await q.query(`DROP POLICY IF EXISTS ${table}_tenant ON ${table}`);
      await q.query(`DROP POLICY IF EXISTS ${table}_owner ON ${table}`);
      await q.query(`ALTER TABLE ${table} NO FORCE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`);
    }
    await q.query(`DROP POLICY access_log_append ON access_log`);
    await q.query(`DROP POLICY access_log_read ON access_log`);
    await q.query(`ALTER TABLE access_log DROP COLUMN patient_region_id`);
    await q.query(`DROP FUNCTION app_case_regions()`);
    await q.query(`DROP FUNCTION app_organisation_id()`);
    await q.query(`DROP FUNCTION app_region_id()`);
    await q.query(`DROP INDEX patient_participation_organisation_region_idx`);
    for (const table of ['consent', 'handoff', 'sip', 'patient_participation']) await q.query(`DROP INDEX ${table}_region_idx`);
    for (const { child, column } of [...ALREADY_REGIONED].reverse()) {
      await q.query(`ALTER TABLE ${child} DROP CONSTRAINT ${child}_${column}_region_fk`);
      await q.query(`DROP INDEX ${child}_${column}_region_idx`);
    }
    for (const { child } of [...CHILDREN].reverse()) await q.query(`ALTER TABLE ${child} DROP COLUMN region_id`);
    for (const parent of parentsOf([...CHILDREN, ...ALREADY_REGIONED])) {
      await q.query(`ALTER TABLE ${parent} DROP CONSTRAINT ${parent}_id_region_uq`);
    }
  }
}

const parentsOf = (children: ChildOf[]) => [...new Set(children.map((c) => c.parent))];

/**
 * Row-level security that binds the owner too, with the owner's one way past it named as a policy
 * (see the class comment). The role is the migration's own: whoever owns the tables.
 */
async function enableRls(q: QueryRunner, table: string): Promise<void> {
  await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
  await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
  await q.query(`CREATE POLICY ${table}_owner ON ${table} TO CURRENT_USER USING (true) WITH CHECK (true)`);
}
