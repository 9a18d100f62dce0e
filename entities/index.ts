import { AssociationMembershipEntity } from './association-membership.entity';
import { CareUnitEntity } from './care-unit.entity';
import { ConsentEntity } from './consent.entity';
import { OrganisationEntity } from './organisation.entity';
import { PatientParticipationEntity } from './patient-participation.entity';
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
import { Foundation1732500000000 } from './migrations/1732500000000-foundation';
import { PatientsConsentAccessLog1732600000000 } from './migrations/1732600000000-patients-consent-access-log';
import { Responsibility1732700000000 } from './migrations/1732700000000-responsibility';

export {
  AgreementEntity,
  AgreementPartyEntity,
  AssociationMembershipEntity,
  CareUnitEntity,
  ConsentEntity,
  InterventionEntity,
  InterventionGroupEntity,
  OrganisationEntity,
  PatientEntity,
  PatientParticipationEntity,
  RegionEntity,
  ResponsibilityRuleEntity,
  RuleParameterEntity,
};

export const ENTITIES = [
  RegionEntity,
  OrganisationEntity,
  AssociationMembershipEntity,
  CareUnitEntity,
  RuleParameterEntity,
  PatientEntity,
  PatientParticipationEntity,
  ConsentEntity,
  InterventionGroupEntity,
  InterventionEntity,
  AgreementEntity,
  AgreementPartyEntity,
  ResponsibilityRuleEntity,
];
/** Migrations in the order they run. */
export const MIGRATIONS = [Foundation1732500000000, PatientsConsentAccessLog1732600000000, Responsibility1732700000000];
