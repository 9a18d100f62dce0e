import { AssociationMembershipEntity } from './association-membership.entity';
import { CareUnitEntity } from './care-unit.entity';
import { ConsentEntity } from './consent.entity';
import { CoordinationActivityEntity, CoordinationKvaEntity, CoordinationReturnToWorkPlanEntity, CoordinationReturnToWorkStepEntity } from './coordination-activity.entity';
import { CoordinationCaseEntity, CoordinationStatusChangeEntity } from './coordination-case.entity';
import { CoordinationConsentEntity, CoordinationEmployerEntity } from './coordination-consent.entity';
import { FundingProgrammeEntity, FundingProgrammeFormEntity } from './funding-programme.entity';
import { ControlledClockEntity } from './controlled-clock.entity';
import { HandoffEntity, HandoffMessageEntity, HandoffMessageRecipientEntity, HandoffPartyEntity } from './handoff.entity';
import { HandoffDischargeSummaryEntity } from './handoff-discharge-summary.entity';
import { OrganisationEntity } from './organisation.entity';
import { PatientEntity } from './patient.entity';
import { RegionEntity } from './region.entity';
import {
  AgreementEntity,
  AgreementPartyEntity,
  InterventionEntity,
  InterventionGroupEntity,
  ResponsibilityRuleEntity,
} from './responsibility.entity';
import { GasGoalEntity, GasScoreEntity, RehabPlanEntity, RehabPlanEvaluationEntity, TherapyFormEntity } from './rehab-plan.entity';
import { RuleParameterEntity } from './rule-parameter.entity';
import { PaymentCommitmentEntity, TherapyReportEntity, TherapyVisitEntity } from './therapy.entity';
import { KvaCodeEntity, SipEntity, SipFollowUpEntity, SipInterventionEntity, SipMeetingEntity, SipParticipantEntity } from './sip.entity';
import { Foundation1732500000000 } from './migrations/1732500000000-foundation';
import { PatientsConsentAccessLog1732600000000 } from './migrations/1732600000000-patients-consent-access-log';
import { Responsibility1732700000000 } from './migrations/1732700000000-responsibility';
import { Handoffs1732800000000 } from './migrations/1732800000000-handoffs';
import { Sip1732900000000 } from './migrations/1732900000000-sip';
import { AccessLogChain1733100000000 } from './migrations/1733100000000-access-log-chain';
import { AccessLogSealPlan1733200000000 } from './migrations/1733200000000-access-log-seal-plan';
import { ListsAtVolume1733250000000 } from './migrations/1733250000000-lists-at-volume';
import { PaymentCommitments1733310000000 } from './migrations/1733310000000-payment-commitments';
import { DischargeSummaries1733260000000 } from './migrations/1733260000000-discharge-summaries';
import { ListsByViewerFilters1733270000000 } from './migrations/1733270000000-lists-by-viewer-filters';
import { TenancyInTheDatabase1733000000000 } from './migrations/1733000000000-tenancy-in-the-database';
import { WorkingCalendar1733240000000 } from './migrations/1733240000000-working-calendar';
import { RehabPlans1733300000000 } from './migrations/1733300000000-rehab-plans';
import { FundingProgrammes1733320000000 } from './migrations/1733320000000-funding-programmes';
import { ExampleDataAndFundingLinks1733330000000 } from './migrations/1733330000000-example-data-and-funding-links';
import { RuleParameterHistoryTestClock1733340000000 } from './migrations/1733340000000-rule-parameter-history-test-clock';
import { EventTimes1733350000000 } from './migrations/1733350000000-event-times';
import { RehabPlanListIndexes1733360000000 } from './migrations/1733360000000-rehab-plan-list-indexes';
import { AccessLogPartitions1733370000000 } from './migrations/1733370000000-access-log-partitions';
import { RecentWriters1733390000000 } from './migrations/1733390000000-recent-writers';
import { RehabPlanStatisticsIndexes1733400000000 } from './migrations/1733400000000-rehab-plan-statistics-indexes';
import { Coordination1733440000000 } from './migrations/1733440000000-coordination';
import { CoordinationLists1733450000000 } from './migrations/1733450000000-coordination-lists';
import { SipInterventionReturnToWorkPlan1733450000001 } from './migrations/1733450000001-sip-intervention-return-to-work-plan';

export {
  AgreementEntity,
  AgreementPartyEntity,
  AssociationMembershipEntity,
  CareUnitEntity,
  ConsentEntity,
  CoordinationActivityEntity,
  CoordinationCaseEntity,
  CoordinationConsentEntity,
  CoordinationEmployerEntity,
  CoordinationKvaEntity,
  CoordinationReturnToWorkPlanEntity,
  CoordinationReturnToWorkStepEntity,
  CoordinationStatusChangeEntity,
  GasGoalEntity,
  GasScoreEntity,
  FundingProgrammeEntity,
  FundingProgrammeFormEntity,
  HandoffDischargeSummaryEntity,
  ControlledClockEntity,
  HandoffEntity,
  HandoffMessageEntity,
  HandoffMessageRecipientEntity,
  HandoffPartyEntity,
  InterventionEntity,
  InterventionGroupEntity,
  KvaCodeEntity,
  OrganisationEntity,
  PatientEntity,
  PaymentCommitmentEntity,
  RegionEntity,
  RehabPlanEntity,
  RehabPlanEvaluationEntity,
  ResponsibilityRuleEntity,
  RuleParameterEntity,
  SipEntity,
  SipFollowUpEntity,
  SipInterventionEntity,
  SipMeetingEntity,
  SipParticipantEntity,
  TherapyFormEntity,
  TherapyReportEntity,
  TherapyVisitEntity,
};

export const ENTITIES = [
  RegionEntity,
  OrganisationEntity,
  AssociationMembershipEntity,
  CareUnitEntity,
  RuleParameterEntity,
  PatientEntity,
  ConsentEntity,
  InterventionGroupEntity,
  InterventionEntity,
  AgreementEntity,
  AgreementPartyEntity,
  ResponsibilityRuleEntity,
  HandoffEntity,
  HandoffPartyEntity,
  HandoffMessageEntity,
  HandoffMessageRecipientEntity,
  HandoffDischargeSummaryEntity,
  KvaCodeEntity,
  SipEntity,
  SipParticipantEntity,
  SipInterventionEntity,
  SipMeetingEntity,
  SipFollowUpEntity,
  TherapyFormEntity,
  RehabPlanEntity,
  GasGoalEntity,
  GasScoreEntity,
  RehabPlanEvaluationEntity,
  PaymentCommitmentEntity,
  TherapyVisitEntity,
  TherapyReportEntity,
  FundingProgrammeEntity,
  FundingProgrammeFormEntity,
  ControlledClockEntity,
  CoordinationCaseEntity,
  CoordinationStatusChangeEntity,
  CoordinationEmployerEntity,
  CoordinationConsentEntity,
  CoordinationActivityEntity,
  CoordinationKvaEntity,
  CoordinationReturnToWorkPlanEntity,
  CoordinationReturnToWorkStepEntity,
];
/** Migrations in the order they run. */
export const MIGRATIONS = [
  Foundation1732500000000,
  PatientsConsentAccessLog1732600000000,
  Responsibility1732700000000,
  Handoffs1732800000000,
  Sip1732900000000,
  TenancyInTheDatabase1733000000000,
  AccessLogChain1733100000000,
  AccessLogSealPlan1733200000000,
  WorkingCalendar1733240000000,
  ListsAtVolume1733250000000,
  DischargeSummaries1733260000000,
  ListsByViewerFilters1733270000000,
  RehabPlans1733300000000,
  PaymentCommitments1733310000000,
  FundingProgrammes1733320000000,
  ExampleDataAndFundingLinks1733330000000,
  RuleParameterHistoryTestClock1733340000000,
  EventTimes1733350000000,
  RehabPlanListIndexes1733360000000,
  AccessLogPartitions1733370000000,
  RecentWriters1733390000000,
  RehabPlanStatisticsIndexes1733400000000,
  Coordination1733440000000,
  CoordinationLists1733450000000,
  SipInterventionReturnToWorkPlan1733450000001,
];
