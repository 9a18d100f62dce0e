import { Role } from '../../domain/enums';

/** Who is calling: one user acting for one organisation (and maybe one care unit) in one region. */
export interface Viewer {
  userId: string;
  organisationId: string;
  careUnitId: string | null;
  regionId: string;
  roles: ReadonlySet<Role>;
}

export const hasRole = (viewer: Viewer | null, ...roles: Role[]) => !!viewer && roles.some((r) => viewer.roles.has(r));
