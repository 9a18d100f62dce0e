import { AuditRecordType } from '../../domain/audit';
import { PATIENT_ROLES } from '../../domain/roles';
import { ANY_VIEWER, CapabilityOperations } from '../../schema/operations';
import { GasGoalResolver, GasScoreResolver, RehabPlanEvaluationResolver, RehabPlanQueryResolver, RehabPlanResolver } from './rehab-plan.resolver';

/** A plan is patient data: care roles only, and every attempt is logged against its patient. */
const plans = { allow: PATIENT_ROLES, patientData: AuditRecordType.REHAB_PLAN };

/** Rehabilitation plans with GAS goals, their evaluations, FPA eligibility and the therapy form code table. */
export const rehabPlanOperations: CapabilityOperations = {
  resolvers: [RehabPlanResolver, RehabPlanQueryResolver, GasGoalResolver, GasScoreResolver, RehabPlanEvaluationResolver],
  Query: {
    rehabPlan: plans,
    rehabPlans: plans,
    fpaEligibility: plans,
    rehabPlanEvaluationsDue: plans,
    therapyForms: { allow: ANY_VIEWER, patientData: null },
  },
  Mutation: {
    rehabPlanCreate: plans,
    rehabPlanUpdate: plans,
    rehabPlanGoalSet: plans,
    rehabPlanActivate: plans,
    gasScoreRecord: plans,
    rehabPlanEvaluate: plans,
    rehabPlanClose: plans,
  },
};
