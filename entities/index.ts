import { AssociationMembershipEntity } from './association-membership.entity';
import { CareUnitEntity } from './care-unit.entity';
import { ConsentEntity } from './consent.entity';
import { ControlledClockEntity } from './controlled-clock.entity';
import { HandoffEntity, HandoffMessageEntity, HandoffMessageRecipientEntity, HandoffPartyEntity } from './handoff.entity';
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
import { RuleParameterEntity } from './rule-parameter.entity';
import { KvaCodeEntity, SipEntity, SipFollowUpEntity, SipInterventionEntity, SipMeetingEntity, SipParticipantEntity } from './sip.entity';
import { Foundation1732500000000 } from './migrations/1732500000000-foundation';
import { PatientsConsentAccessLog1732600000000 } from './migrations/1732600000000-patients-consent-access-log';
import { Responsibility1732700000000 } from './migrations/1732700000000-responsibility';
import { Handoffs1732800000000 } from './migrations/1732800000000-handoffs';
import { Sip1732900000000 } from './migrations/1732900000000-sip';
import { AccessLogChain1733100000000 } from './migrations/1733100000000-access-log-chain';
import { AccessLogSealPlan1733200000000 } from './migrations/1733200000000-access-log-seal-plan';
import { ListsAtVolume1733250000000 } from './migrations/1733250000000-lists-at-volume';
import { TenancyInTheDatabase1733000000000 } from './migrations/1733000000000-tenancy-in-the-database';
import { WorkingCalendar1733240000000 } from './migrations/1733240000000-working-calendar';
import { RuleParameterHistoryTestClock1733340000000 } from './migrations/1733340000000-rule-parameter-history-test-clock';

export {
  AgreementEntity,
  AgreementPartyEntity,
  AssociationMembershipEntity,
  CareUnitEntity,
  ConsentEntity,
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
  RegionEntity,
  ResponsibilityRuleEntity,
  RuleParameterEntity,
  SipEntity,
  SipFollowUpEntity,
  SipInterventionEntity,
  SipMeetingEntity,
  SipParticipantEntity,
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
  KvaCodeEntity,
  SipEntity,
  SipParticipantEntity,
  SipInterventionEntity,
  SipMeetingEntity,
  SipFollowUpEntity,
  ControlledClockEntity,
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
  RuleParameterHistoryTestClock1733340000000,
];
