import { getMetadataArgsStorage } from 'typeorm';
import { ENTITIES } from '../../entities';
import { columnsOf } from '../../server/access/entity-columns';
import { startTestApp, TestApp } from '../support/test-app';

/** Tables without an entity, each with the reason: raw SQL alone writes and reads them. */
const NO_ENTITY: Record<string, string> = {
  patient_participation: 'written by an upsert and read only inside the visibility rule (visibleTo in patient.store.ts); no row of it leaves the store',
  access_log: 'written by the audit writer and sealed by triggers; its rows are the log, not an aggregate (its monthly partitions are the same table)',
  access_log_chain_head: "the seal's own bookkeeping (each chain's last position and hash), read and written only inside the seal trigger",
  access_log_archived: "the archive step's seals of archived months, written by the owner's archive command and read only by accessLogVerify's SQL",
  responsibility_change: "the responsibility editors' change history, written beside each change",
  sip_meeting_attendee: 'a bare link (meeting, participant), read only as a meeting\'s attendee ids',
  schema_migration: "the migrations' own bookkeeping",
  recent_writer: "when each viewer last wrote, upserted and read by key in raw SQL (server/access/recent-writers.ts); no row of it leaves the server",
  working_calendar: 'filled once by its migration from the domain calendar; the planner report no longer reads it (it adds up per-discharge summaries)',
};

/** What an entity's column type may be in the table (information_schema's data_type, or udt_name for arrays). */
const DATABASE_TYPE: Record<string, string> = {
  uuid: 'uuid',
  text: 'text',
  integer: 'integer',
  bigint: 'bigint',
  boolean: 'boolean',
  date: 'date',
  timestamptz: 'timestamp with time zone',
  numeric: 'numeric',
  jsonb: 'jsonb',
};

interface TableColumn {
  table: string;
  column: string;
  type: string;
  element: string;
  nullable: boolean;
}

/**
 * The entity classes are the one description of their tables (select lists, row types and patch
 * maps derive from them): checked against the migrated database, so neither can drift alone.
 */
describe('entity columns against the migrated tables', () => {
  let app: TestApp;
  let columns: TableColumn[];
  beforeAll(async () => {
    app = await startTestApp();
    columns = await app.dataSource.query(
      `SELECT c.table_name AS table, c.column_name AS column, c.data_type AS type, c.udt_name AS element, c.is_nullable = 'YES' AS nullable
       FROM information_schema.columns c JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
       WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
         AND c.table_name NOT IN (SELECT inhrelid::regclass::text FROM pg_inherits WHERE inhparent = 'access_log'::regclass)`,
    );
  });
  afterAll(() => app?.stop());

  const tableOf = (entity: Function) => {
    const table = getMetadataArgsStorage().tables.find((t) => t.target === entity);
    return table?.name ?? entity.name;
  };

  it('finds every entity column in its table, with a compatible type and nullability', () => {
    const problems = ENTITIES.flatMap((entity) => {
      const table = tableOf(entity);
      return columnsOf(entity).flatMap((declared) => {
        const actual = columns.find((c) => c.table === table && c.column === declared.column);
        if (!actual) return [`${table}.${declared.column}: declared by ${entity.name}, not in the table`];
        const array = getMetadataArgsStorage().filterColumns(entity).find((c) => c.propertyName === declared.property)?.options.array === true;
        const type = array ? `${DATABASE_TYPE[declared.type]}[]` : DATABASE_TYPE[declared.type];
        const found = actual.type === 'ARRAY' ? `${DATABASE_TYPE[actual.element.replace(/^_/, '')] ?? actual.element}[]` : actual.type;
        const wrong: string[] = [];
        if (type !== found) wrong.push(`${table}.${declared.column}: ${entity.name} says ${type ?? declared.type}, the table has ${found}`);
        if (declared.nullable !== actual.nullable) wrong.push(`${table}.${declared.column}: ${entity.name} says ${declared.nullable ? '' : 'not '}nullable, the table disagrees`);
        return wrong;
      });
    });
    expect(problems).toEqual([]);
  });

  it('finds every table column declared by its entity, and every table with an entity unless a reason says otherwise', () => {
    const entities = new Map(ENTITIES.map((e) => [tableOf(e), new Set(columnsOf(e).map((c) => c.column))]));
    const problems = [...new Set(columns.map((c) => c.table))].sort().flatMap((table) => {
      const declared = entities.get(table);
      if (!declared) return table in NO_ENTITY ? [] : [`${table}: no entity`];
      return columns.filter((c) => c.table === table && !declared.has(c.column)).map((c) => `${table}.${c.column}: not declared by its entity`);
    });
    expect(problems).toEqual([]);
    expect(Object.keys(NO_ENTITY).filter((t) => entities.has(t))).toEqual([]);
  });
});
