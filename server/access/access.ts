import { DataSource } from 'typeorm';
import { Role } from '../../domain/enums';
import { hasRole, Viewer } from '../auth/viewer';
import { ForbiddenError, UnauthenticatedError } from '../errors';
import { Logger } from '../logger';
import { ReferenceStore } from './reference.store';

/**
 * The only way resolvers reach data: built once per request from the viewer, it owns the
 * request's DataLoaders and applies tenant rules to every statement (the Medplum pattern: the
 * security filters live in this one layer, not in resolvers). Each area of data is a store.
 */
export class Access {
  readonly reference: ReferenceStore;

  constructor(
    readonly viewer: Viewer | null,
    db: DataSource,
    readonly logger: Logger,
  ) {
    this.reference = new ReferenceStore(this, db);
  }

  /** The viewer, or UNAUTHENTICATED. */
  requireViewer(): Viewer {
    if (!this.viewer) throw new UnauthenticatedError();
    return this.viewer;
  }

  /** The viewer when they hold one of `roles`, else FORBIDDEN. */
  requireRole(...roles: Role[]): Viewer {
    const viewer = this.requireViewer();
    if (!hasRole(viewer, ...roles)) throw new ForbiddenError(`This needs one of the roles ${roles.join(', ')}`);
    return viewer;
  }
}
