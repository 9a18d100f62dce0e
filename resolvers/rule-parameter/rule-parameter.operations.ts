import { Role } from '../../domain/enums';
import { ANY_VIEWER, CapabilityOperations } from '../../schema/operations';
import { RuleParameterResolver } from './rule-parameter.resolver';

/** Configuration, no patient data: any viewer of the region reads it, its TENANT_ADMIN sets it. */
export const ruleParameterOperations: CapabilityOperations = {
  resolvers: [RuleParameterResolver],
  Query: {
    ruleParameters: { allow: ANY_VIEWER, patientData: null },
    ruleParameterHistory: { allow: ANY_VIEWER, patientData: null },
  },
  Mutation: {
    ruleParameterSet: { allow: [Role.TENANT_ADMIN], patientData: null },
  },
};
