import { Role } from '../../domain/enums';
import { ANY_VIEWER, CapabilityOperations } from '../../schema/operations';
import { AgreementResolver } from './agreement.resolver';
import { ResponsibilityResolver } from './responsibility.resolver';

/** The responsibility map is readable by every viewer of the region (the store filters by region). */
const reads = { allow: ANY_VIEWER, patientData: null } as const;
const edits = { allow: [Role.RESPONSIBILITY_EDITOR], patientData: null };

export const responsibilityOperations: CapabilityOperations = {
  resolvers: [ResponsibilityResolver, AgreementResolver],
  Query: {
    interventions: reads,
    responsibility: reads,
    responsibilities: reads,
    responsibilityMatrix: reads,
    responsibilityComparison: reads,
    agreements: reads,
    agreement: reads,
  },
  Mutation: {
    agreementCreate: edits,
    agreementNewVersion: edits,
    agreementUpdate: edits,
    responsibilityRuleCreate: edits,
    responsibilityRuleUpdate: edits,
    responsibilityRuleDelete: edits,
  },
};
