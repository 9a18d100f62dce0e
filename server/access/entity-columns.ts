import { getMetadataArgsStorage } from 'typeorm';

/** An entity class: its @Column declarations are the one description of its table. */
export type EntityClass<E> = { new (): E; name: string };

/** One declared column: the entity's property, the table's column and its SQL type. */
export interface DeclaredColumn {
  property: string;
  column: string;
  type: string;
  nullable: boolean;
}

const declared = new Map<Function, DeclaredColumn[]>();

/** Every column the entity declares, in declaration order (read once from TypeORM's decorator metadata). */
export function columnsOf(entity: Function): DeclaredColumn[] {
  let columns = declared.get(entity);
  if (!columns) {
    columns = getMetadataArgsStorage()
      .filterColumns(entity)
      .map(({ propertyName, mode, options }) => ({
        property: propertyName,
        column: options.name ?? propertyName,
        // @VersionColumn() declares no type: TypeORM makes it an integer.
        type: String(options.type ?? (mode === 'version' ? 'integer' : '')),
        nullable: options.nullable === true,
      }));
    if (!columns.length) throw new Error(`${entity.name} declares no columns`);
    declared.set(entity, columns);
  }
  return columns;
}

/**
 * How a column of this type is read so that the row carries what the API returns: dates as
 * YYYY-MM-DD text (not a Date at local midnight), numerics as numbers (pg hands them over as text).
 */
const READ_AS: Record<string, string> = { date: '::text', numeric: '::float8' };

/** A SELECT list and, for the type checker only, the row it produces. */
export interface Selection<R> {
  readonly sql: string;
  /** Never set: carries the row type (see RowOf). */
  readonly row?: R;
}

export type RowOf<S extends Selection<unknown>> = NonNullable<S['row']>;

/**
 * `alias.column AS "property"` for every column of the entity but `omit` (columns the rows do not
 * carry), with the casts of READ_AS. The row type is the entity without `omit`.
 */
export function selectList<E, K extends keyof E & string = never>(entity: EntityClass<E>, alias: string, omit: readonly K[] = []): Selection<Omit<E, K>> {
  const skipped = new Set<string>(omit);
  const sql = columnsOf(entity)
    .filter((c) => !skipped.has(c.property))
    .map((c) => `${alias}.${c.column}${READ_AS[c.type] ?? ''} AS "${c.property}"`)
    .join(', ');
  return { sql };
}

/** The table column of an entity property. */
export function columnName<E>(entity: EntityClass<E>, property: keyof E & string): string {
  const found = columnsOf(entity).find((c) => c.property === property);
  if (!found) throw new Error(`${entity.name} declares no column ${property}`);
  return found.column;
}

/**
 * `column = $n, …` for the properties a patch sets, numbered from `firstParameter`, with their
 * values in the same order: a partial UPDATE without a hand-written property → column map.
 */
export function setList<E>(entity: EntityClass<E>, patch: Partial<E>, firstParameter: number): { sql: string[]; values: unknown[] } {
  const entries = Object.entries(patch);
  return {
    sql: entries.map(([property], i) => `${columnName(entity, property as keyof E & string)} = $${firstParameter + i}`),
    values: entries.map(([, value]) => value),
  };
}

/** Table names by entity, read from TypeORM's metadata once. */
const tableNames = new Map<Function, string>();

/** The table an entity is declared on. */
export function tableOf(entity: Function): string {
  let name = tableNames.get(entity);
  if (!name) {
    const table = getMetadataArgsStorage().tables.find((t) => t.target === entity);
    if (!table?.name) throw new Error(`${entity.name} declares no table name`);
    name = table.name;
    tableNames.set(entity, name);
  }
  return name;
}

/**
 * One INSERT of `rows` (each setting the same properties; columns the rows leave out take their
 * defaults), numbered from $1: several rows cost one statement, not one each.
 */
export function insertRows<E>(entity: EntityClass<E>, rows: readonly Partial<E>[]): { sql: string; values: unknown[] } {
  if (!rows.length) throw new Error(`No ${entity.name} rows to insert`);
  const properties = Object.keys(rows[0]) as (keyof E & string)[];
  const values: unknown[] = [];
  const tuples = rows.map((row) => {
    if (Object.keys(row).length !== properties.length || !properties.every((p) => p in row)) throw new Error(`Every ${entity.name} row of one insert sets the same properties`);
    return `(${properties.map((property) => `$${values.push(row[property])}`).join(', ')})`;
  });
  return {
    sql: `INSERT INTO ${tableOf(entity)} (${properties.map((p) => columnName(entity, p)).join(', ')}) VALUES ${tuples.join(', ')}`,
    values,
  };
}
