import { EntityManager } from 'typeorm';
import { ConflictError, ConflictReason } from '../../schema/common/errors';
import type { AuditEntry, OperationAudit } from './audit';
import { EntityClass, setList, tableOf } from './entity-columns';
import type { TenantDb } from './tenant-db';

/**
 * The version check of an aggregate's root: its row is changed only while it is still at the
 * version the client read, and every change raises the version.
 */
export interface VersionedRoot<E> {
  entity: EntityClass<E>;
  id: string;
  expectedVersion: number;
  /** The root's own columns the change sets (may be empty: the change is in its children). */
  patch: Partial<E>;
  /** The instant the root records as updated_at. */
  at: Date;
  /** The CONFLICT (STALE_VERSION) message when another change came first. */
  stale: string;
}

/** One unit of work of an aggregate, written whole or not at all. */
export interface UnitOfWork<E, T> {
  /** Checked and raised first: when stale, nothing is written. */
  root?: VersionedRoot<E>;
  /** The child rows (and the root's insert, for a new aggregate), in the same transaction. */
  write?: (tx: EntityManager) => Promise<T>;
  /** The access-log rows of the change, committed with it. */
  log: AuditEntry[] | ((result: T) => AuditEntry[]);
}

/**
 * The one write skeleton of every store: one transaction of the viewer's tenant that checks and
 * raises the root's version (CONFLICT STALE_VERSION, field `version`, when another change came
 * first), writes the children, then the access-log rows, so the change and its log commit together.
 */
export async function writeUnit<E, T = void>(db: TenantDb, audit: OperationAudit, unit: UnitOfWork<E, T>): Promise<T> {
  return db.transaction(async (tx) => {
    if (unit.root) await raiseVersion(tx, unit.root);
    const result = (unit.write ? await unit.write(tx) : undefined) as T;
    await audit.write(typeof unit.log === 'function' ? unit.log(result) : unit.log, tx);
    return result;
  });
}

async function raiseVersion<E>(tx: EntityManager, root: VersionedRoot<E>): Promise<void> {
  const sets = setList(root.entity, root.patch, 4);
  const [, updated] = await tx.query(
    `UPDATE ${tableOf(root.entity)} SET ${[...sets.sql, 'version = version + 1', 'updated_at = $3'].join(', ')} WHERE id = $1 AND version = $2 RETURNING id`,
    [root.id, root.expectedVersion, root.at, ...sets.values],
  );
  if (updated === 0) throw new ConflictError(ConflictReason.STALE_VERSION, root.stale, 'version');
}
