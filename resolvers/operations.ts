// The capabilities' resolver classes are decorated: whoever imports them first needs the metadata polyfill.
import 'reflect-metadata';
import { mergeOperations } from '../schema/operations';
import { coordinationOperations } from './coordination/coordination.operations';
import { coordinationListOperations } from './coordination/coordination-lists.operations';
import { fundingProgrammeOperations } from './funding-programme/funding-programme.operations';
import { handoffOperations } from './handoff/handoff.operations';
import { organisationOperations } from './organisation/organisation.operations';
import { patientOperations } from './patient/patient.operations';
import { rehabPlanOperations } from './rehab-plan/rehab-plan.operations';
import { rehabPlanStatisticsOperations } from './rehab-plan-statistics/rehab-plan-statistics.operations';
import { responsibilityOperations } from './responsibility/responsibility.operations';
import { ruleParameterOperations } from './rule-parameter/rule-parameter.operations';
import { sipOperations } from './sip/sip.operations';
import { testClockOperations } from './test-clock/test-clock.operations';
import { therapyOperations } from './therapy/therapy.operations';

/**
 * Every capability's operations: the schema's resolvers, the permission tree and the access log's
 * patient-data fields are derived from this. A new capability adds its import here, once.
 */
export const OPERATIONS = mergeOperations([
  organisationOperations,
  patientOperations,
  responsibilityOperations,
  handoffOperations,
  sipOperations,
  rehabPlanOperations,
  therapyOperations,
  fundingProgrammeOperations,
  rehabPlanStatisticsOperations,
  coordinationListOperations,
  ruleParameterOperations,
  testClockOperations,
  coordinationOperations,
]);
