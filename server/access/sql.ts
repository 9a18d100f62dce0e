import { QueryFailedError } from 'typeorm';
import { Page, PageRequest } from '../../schema/common/page';
import { ConflictError } from '../errors';

/** Anything that runs SQL: the DataSource, or an EntityManager inside a transaction. */
export interface Queryable {
  query<T = any>(sql: string, parameters?: unknown[]): Promise<T>;
}

/**
 * Keyset pagination on (name, id): appends the "after" condition and the limit to `sql`, whose
 * parameters are `params`. Returns the page with `hasNextPage` from one extra row.
 */
export async function pageByName<T>(
  db: Queryable,
  alias: string,
  sql: string,
  params: unknown[],
  page: PageRequest,
): Promise<Page<T>> {
  const conditions = page.after ? ` AND (${alias}.name, ${alias}.id) > ($${params.length + 1}, $${params.length + 2}::uuid)` : '';
  const all = page.after ? [...params, page.after[0], page.after[1]] : [...params];
  const rows: T[] = await db.query(
    `${sql}${conditions} ORDER BY ${alias}.name, ${alias}.id LIMIT $${all.length + 1}`,
    [...all, page.first + 1],
  );
  return { nodes: rows.slice(0, page.first), hasNextPage: rows.length > page.first };
}

/** Escapes LIKE wildcards so that a search for "50%" means the text "50%". */
export const likeContains = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Turns a unique-constraint violation into a CONFLICT naming the field, and rethrows anything
 * else. `constraints` maps constraint names to [field, message].
 */
export function conflictOnUnique(error: unknown, constraints: Record<string, [string, string]>): never {
  if (error instanceof QueryFailedError) {
    const { code, constraint } = error.driverError as { code?: string; constraint?: string };
    const known = constraint ? constraints[constraint] : undefined;
    if (code === '23505' && known) throw new ConflictError(known[1], known[0]);
  }
  throw error;
}
