import { QueryFailedError } from 'typeorm';
import { Page, PageRequest } from '../../schema/common/page';
import { ConflictError, ConflictReason } from '../../schema/common/errors';
import type { Where } from './where';

/** Anything that runs SQL: the DataSource, or an EntityManager inside a transaction. */
export interface Queryable {
  query<T = any>(sql: string, parameters?: unknown[]): Promise<T>;
}

export type PageKeys = { column: string; cast?: string; descending?: boolean }[];

/**
 * Keyset pagination: runs `select` (SELECT … FROM …) with the conditions of `where` and "after the
 * cursor's key" (added to `where`), the order and the limit, and fetches one extra row to know
 * whether another page follows. `keys` are the ordering columns, ending in a unique one; the
 * cursor holds their values as text.
 */
export async function pageByKey<T>(db: Queryable, keys: PageKeys, select: string, where: Where, page: PageRequest): Promise<Page<T>> {
  return pageOf<T>(db, pageStatement(keys, select, where, page), page);
}

/** A page's statement (see pageByKey), for statements that read the page's rows too. */
export function pageStatement(keys: PageKeys, select: string, where: Where, page: PageRequest): { sql: string; parameters: unknown[] } {
  if (page.after) {
    // Row comparison needs one direction; mixed directions are not used by any list.
    const op = keys[0].descending ? '<' : '>';
    const placeholders = keys.map((k, i) => `${where.param(page.after![i])}${k.cast ? `::${k.cast}` : ''}`);
    where.and(`(${keys.map((k) => k.column).join(', ')}) ${op} (${placeholders.join(', ')})`);
  }
  const order = keys.map((k) => `${k.column}${k.descending ? ' DESC' : ''}`).join(', ');
  const limit = where.param(page.first + 1);
  return { sql: `${select} WHERE ${where.sql} ORDER BY ${order} LIMIT ${limit}`, parameters: where.params };
}

/** Runs a page's statement (see pageStatement). */
export async function pageOf<T>(db: Queryable, statement: { sql: string; parameters: unknown[] }, page: PageRequest): Promise<Page<T>> {
  const rows: T[] = await db.query(statement.sql, statement.parameters);
  return { nodes: rows.slice(0, page.first), hasNextPage: rows.length > page.first };
}

/** Lists in name order: (name, id). */
export const byName = (alias: string): PageKeys => [{ column: `${alias}.name` }, { column: `${alias}.id`, cast: 'uuid' }];

export const pageByName = <T>(db: Queryable, alias: string, select: string, where: Where, page: PageRequest) =>
  pageByKey<T>(db, byName(alias), select, where, page);

/** Escapes LIKE wildcards so that a search for "50%" means the text "50%". */
export const likeContains = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Turns a unique-constraint violation into a CONFLICT (reason DUPLICATE) naming the field, and rethrows anything
 * else. `constraints` maps constraint names to [field, message].
 */
export function conflictOnUnique(error: unknown, constraints: Record<string, [string, string]>): never {
  if (error instanceof QueryFailedError) {
    const { code, constraint } = error.driverError as { code?: string; constraint?: string };
    const known = constraint ? constraints[constraint] : undefined;
    if (code === '23505' && known) throw new ConflictError(ConflictReason.DUPLICATE, known[1], known[0]);
  }
  throw error;
}
