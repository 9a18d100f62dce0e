import { Role } from '../../domain/enums';
import { ANY_VIEWER, CapabilityOperations } from '../../schema/operations';
import { AssociationMemberResolver } from './association-member.resolver';
import { CareUnitResolver } from './care-unit.resolver';
import { OrganisationResolver } from './organisation.resolver';
import { RegionResolver } from './region.resolver';

/** Reference data any viewer reads; a TENANT_ADMIN keeps the region's organisations and care units. */
const reads = { allow: ANY_VIEWER, patientData: null } as const;
const administers = { allow: [Role.TENANT_ADMIN], patientData: null };

export const organisationOperations: CapabilityOperations = {
  resolvers: [RegionResolver, OrganisationResolver, AssociationMemberResolver, CareUnitResolver],
  Query: {
    regions: reads,
    region: reads,
    organisations: reads,
    organisation: reads,
    municipality: reads,
    coordinationAssociations: reads,
    careUnits: reads,
    careUnit: reads,
  },
  Mutation: {
    organisationCreate: administers,
    organisationUpdate: administers,
    careUnitCreate: administers,
    careUnitUpdate: administers,
  },
};
