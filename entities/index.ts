import { AssociationMembershipEntity } from './association-membership.entity';
import { CareUnitEntity } from './care-unit.entity';
import { OrganisationEntity } from './organisation.entity';
import { RegionEntity } from './region.entity';
import { Foundation1732500000000 } from './migrations/1732500000000-foundation';

export { AssociationMembershipEntity, CareUnitEntity, OrganisationEntity, RegionEntity };

export const ENTITIES = [RegionEntity, OrganisationEntity, AssociationMembershipEntity, CareUnitEntity];
/** Migrations in the order they run. */
export const MIGRATIONS = [Foundation1732500000000];
