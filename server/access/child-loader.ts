import type DataLoader from 'dataloader';
import { LoaderName, namedLoader } from './named-loader';
import { groupByKey } from './reference.loaders';
import type { Queryable } from './sql';

/** A parent record as its children's loaders key it: its id, with its region. */
export interface ParentKey {
  id: string;
  regionId: string;
}

/**
 * Loads the children of many parents in one statement. The key carries the parent's region and
 * the statement matches (parent id, region) pairs, so a child answers only for its parent in its
 * parent's region (the composite foreign key keeps the two equal; the policies filter by it).
 * `from` is the child table with its alias, whose `parentColumn` names the parent.
 */
export function childLoader<T>(
  db: Queryable,
  { name, columns, from, parentColumn, order, parentOf }: { name: LoaderName; columns: string; from: string; parentColumn: string; order: string; parentOf: (row: T) => string },
): DataLoader<ParentKey, T[], string> {
  const alias = from.split(' ').at(-1);
  return namedLoader<ParentKey, T[], string>(
    name,
    async (parents) => {
      const rows: T[] = await db.query(
        `SELECT ${columns} FROM ${from}
         WHERE (${alias}.${parentColumn}, ${alias}.region_id) IN (SELECT * FROM unnest($1::uuid[], $2::uuid[]))
         ORDER BY ${order}`,
        [parents.map((p) => p.id), parents.map((p) => p.regionId)],
      );
      return groupByKey(
        parents.map((p) => p.id),
        rows,
        parentOf,
      );
    },
    // An id names one parent; its region only narrows the statement.
    { cacheKeyFn: (parent) => parent.id },
  );
}
