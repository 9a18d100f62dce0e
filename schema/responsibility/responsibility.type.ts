import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeISOResolver, JSONResolver, LocalDateResolver } from 'graphql-scalars';
import { AgreementScenario, AgreementStatus, CareLevel, HousingForm, PrincipalRole, Profession } from '../../domain/enums';
import '../common/enums';
import { ConnectionType } from '../common/page';

export enum ResponsibilityStatus {
  ASSIGNED = 'ASSIGNED',
  UNASSIGNED = 'UNASSIGNED',
  OVERLAP = 'OVERLAP',
}
registerEnumType(ResponsibilityStatus, {
  name: 'ResponsibilityStatus',
  description: 'Whether the agreements give one answer.',
  valuesConfig: {
    ASSIGNED: { description: 'One answer, from the rule named.' },
    UNASSIGNED: { description: 'No rule covers the case (a gap); `reason` says why.' },
    OVERLAP: { description: 'Rules of different agreements give different answers; `overlappingRules` names them.' },
  },
});

export enum ComparisonKind {
  CHANGED = 'CHANGED',
  GAP = 'GAP',
  OVERLAP = 'OVERLAP',
}
registerEnumType(ComparisonKind, {
  name: 'ComparisonKind',
  description: 'Why a case appears in a scenario comparison.',
  valuesConfig: {
    CHANGED: { description: 'Both scenarios answer, differently.' },
    GAP: { description: 'At least one scenario leaves the case unassigned.' },
    OVERLAP: { description: 'At least one scenario answers it twice.' },
  },
});

@ObjectType({ description: 'An intervention of the catalogue that responsibility rules name.' })
export class Intervention {
  @Field({ description: 'Stable code, e.g. ASSISTIVE_DEVICE_FITTING.' })
  code: string;

  @Field({ description: 'Name, e.g. "Prescription and fitting of assistive devices".' })
  name: string;

  @Field({ description: 'What the intervention covers.' })
  description: string;

  @Field({ description: 'Code of its group, e.g. ASSISTIVE_DEVICES.' })
  group: string;

  @Field({ description: 'Name of its group.' })
  groupName: string;

  @Field({ description: 'What the group covers.' })
  groupDescription: string;
}

@ObjectType({ description: 'An agreement (överenskommelse) between principals: one version, with a validity period and a scenario.' })
export class Agreement {
  @Field(() => ID, { description: 'Stable identifier of this version.' })
  id: string;

  @Field(() => ID, { description: 'Shared by all versions of the same agreement.' })
  seriesId: string;

  @Field(() => Int, { description: 'Version number within the series, from 1.' })
  version: number;

  @Field({ description: 'Title of the agreement.' })
  title: string;

  @Field(() => AgreementScenario, { description: 'Current split, target state or draft.' })
  scenario: AgreementScenario;

  @Field(() => AgreementStatus, { description: 'Active, superseded by a newer version, or withdrawn.' })
  status: AgreementStatus;

  @Field(() => LocalDateResolver, { description: 'First day it applies.' })
  validFrom: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Last day it applies; null while open-ended.' })
  validTo: string | null;

  @Field(() => String, { nullable: true, description: 'The document it comes from.' })
  sourceDocument: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Date of that document.' })
  sourceDate: string | null;

  @Field({ description: 'True for example data (not a decided agreement).' })
  example: boolean;

  @Field(() => [String], { description: 'Official codes of the municipalities party to it.' })
  municipalityCodes: string[];

  /** Resolved through loaders. */
  regionId: string;
  supersedesId: string | null;
}

@ObjectType({ description: 'A page of agreements.' })
export class AgreementConnection extends ConnectionType(Agreement, 'Agreement', 'agreement') {}

@ObjectType({ description: 'A principal or actor named by a rule, relative to the person: their home municipality, the region, or one organisation.' })
export class PartyRef {
  @Field(() => PrincipalRole, { description: 'Whom the rule names.' })
  role: PrincipalRole;

  @Field(() => ID, { nullable: true, description: 'The organisation, when the role is ORGANISATION.' })
  organisationId: string | null;
}

@ObjectType({ description: 'A rule of an agreement: conditions (null = any) and who is responsible, performs and bears the cost.' })
export class ResponsibilityRule {
  @Field(() => ID, { description: 'Stable identifier.' })
  id: string;

  @Field(() => ID, { description: 'The agreement it belongs to.' })
  agreementId: string;

  @Field(() => String, { nullable: true, description: 'The intervention it covers (or see interventionGroup).' })
  interventionCode: string | null;

  @Field(() => String, { nullable: true, description: 'The intervention group it covers (or see interventionCode).' })
  interventionGroup: string | null;

  @Field(() => [CareLevel], { nullable: true, description: 'Care levels it applies at; null = any.' })
  careLevels: CareLevel[] | null;

  @Field(() => [HousingForm], { nullable: true, description: 'Housing forms it applies to; null = any.' })
  housingForms: HousingForm[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Applies only to people enrolled (true) or not enrolled (false) in municipal home health care; null = either.' })
  enrolledInHomeHealthCare: boolean | null;

  @Field(() => Int, { nullable: true, description: 'Lowest age it applies to (inclusive); null = no lower bound.' })
  ageMin: number | null;

  @Field(() => Int, { nullable: true, description: 'Highest age it applies to (inclusive); null = no upper bound.' })
  ageMax: number | null;

  @Field(() => [Profession], { nullable: true, description: 'Profession levels it applies at (competence principle); null = any.' })
  professions: Profession[] | null;

  @Field(() => [String], { nullable: true, description: 'Municipalities it is limited to (a local deviation); null = every municipality party to the agreement.' })
  municipalityCodes: string[] | null;

  @Field(() => PartyRef, { description: 'The responsible principal.' })
  responsible: PartyRef;

  @Field(() => PartyRef, { nullable: true, description: 'Who performs the intervention, when named.' })
  performer: PartyRef | null;

  @Field(() => CareLevel, { nullable: true, description: 'The care level that performs it, when named.' })
  performerCareLevel: CareLevel | null;

  @Field(() => PartyRef, { description: 'Who bears the cost.' })
  costBearer: PartyRef;

  @Field(() => String, { nullable: true, description: 'Explanation of the rule.' })
  note: string | null;

  @Field(() => String, { nullable: true, description: 'Where in the source the rule comes from.' })
  sourceReference: string | null;

  @Field(() => LocalDateResolver, { description: 'First day the rule applies (within its agreement\'s period).' })
  validFrom: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Last day the rule applies; null = as long as its agreement.' })
  validTo: string | null;
}

@ObjectType({ description: 'A page of responsibility rules.' })
export class ResponsibilityRuleConnection extends ConnectionType(ResponsibilityRule, 'ResponsibilityRule', 'responsibility rule') {}

@ObjectType({ description: 'The answer to "who is responsible for this intervention for this person, here, on this date?".' })
export class ResponsibilityAnswer {
  @Field(() => ResponsibilityStatus, { description: 'Whether there is one answer.' })
  status: ResponsibilityStatus;

  @Field(() => String, { nullable: true, description: 'Why the case is unassigned or overlapping.' })
  reason: string | null;

  @Field({ description: 'The municipality asked about.' })
  municipalityCode: string;

  @Field({ description: 'The intervention asked about.' })
  interventionCode: string;

  @Field(() => LocalDateResolver, { description: 'The date the answer holds for.' })
  onDate: string;

  @Field(() => AgreementScenario, { description: 'The scenario answered from.' })
  scenario: AgreementScenario;

  @Field(() => CareLevel, { nullable: true, description: 'The care level that performs it, when the rule names one.' })
  performerCareLevel: CareLevel | null;

  @Field(() => ResponsibilityRule, { nullable: true, description: 'The rule that decided it (ASSIGNED).' })
  rule: ResponsibilityRule | null;

  @Field(() => [ResponsibilityRule], { description: 'The rules that disagree (OVERLAP); empty otherwise.' })
  overlappingRules: ResponsibilityRule[];

  /** Organisations and the agreement, resolved through loaders. */
  responsibleId: string | null;
  performerId: string | null;
  costBearerId: string | null;
  agreementId: string | null;
}

@ObjectType({ description: "One municipality's answer in a matrix cell." })
export class MunicipalityResponsibility {
  @Field({ description: 'Official code of the municipality.' })
  municipalityCode: string;

  @Field(() => ResponsibilityAnswer, { description: 'The answer for this municipality.' })
  answer: ResponsibilityAnswer;

  @Field({ description: 'True when the answer differs from the regional default (a local deviation or gap).' })
  deviates: boolean;
}

@ObjectType({ description: 'One cell of the responsibility matrix: an intervention for one housing form and enrolment.' })
export class ResponsibilityMatrixCell {
  @Field({ description: 'The intervention.' })
  interventionCode: string;

  @Field(() => HousingForm, { description: 'The housing form.' })
  housingForm: HousingForm;

  @Field({ description: 'Enrolled in municipal home health care.' })
  enrolledInHomeHealthCare: boolean;

  @Field(() => ResponsibilityAnswer, { description: 'The answer for a municipality without local deviations.' })
  regionalDefault: ResponsibilityAnswer;

  @Field(() => [MunicipalityResponsibility], { description: 'Every municipality of the region (or the one asked for), by code.' })
  municipalities: MunicipalityResponsibility[];

  @Field(() => [String], { description: 'Codes of the municipalities whose answer differs from the regional default.' })
  deviatingMunicipalityCodes: string[];
}

@ObjectType({ description: 'Interventions × (housing form, home health care enrolment) → principal, for every municipality of a region.' })
export class ResponsibilityMatrix {
  @Field({ description: 'The region.' })
  regionCode: string;

  @Field(() => AgreementScenario, { description: 'The scenario.' })
  scenario: AgreementScenario;

  @Field(() => LocalDateResolver, { description: 'The date.' })
  onDate: string;

  @Field(() => [ResponsibilityMatrixCell], { description: 'All cells (bounded: catalogue × 3 housing forms × 2), in catalogue order.' })
  cells: ResponsibilityMatrixCell[];
}

@ObjectType({ description: 'A case whose answer differs between two scenarios, or is a gap or overlap in either.' })
export class ResponsibilityComparisonCase {
  @Field({ description: 'The municipality.' })
  municipalityCode: string;

  @Field({ description: 'The intervention.' })
  interventionCode: string;

  @Field(() => HousingForm, { description: 'The housing form.' })
  housingForm: HousingForm;

  @Field({ description: 'Enrolled in municipal home health care.' })
  enrolledInHomeHealthCare: boolean;

  @Field(() => [ComparisonKind], { description: 'Why it is listed.' })
  kinds: ComparisonKind[];

  @Field(() => ResponsibilityAnswer, { description: 'The answer in the first scenario.' })
  from: ResponsibilityAnswer;

  @Field(() => ResponsibilityAnswer, { description: 'The answer in the second scenario.' })
  to: ResponsibilityAnswer;
}

@ObjectType({ description: "Possibilities and obstacles of the target-state work as data: every case that changes, every gap and every overlap." })
export class ResponsibilityComparison {
  @Field({ description: 'The region.' })
  regionCode: string;

  @Field(() => AgreementScenario, { description: 'The scenario compared from.' })
  from: AgreementScenario;

  @Field(() => AgreementScenario, { description: 'The scenario compared to.' })
  to: AgreementScenario;

  @Field(() => LocalDateResolver, { description: 'The date the first scenario is read on.' })
  fromDate: string;

  @Field(() => LocalDateResolver, { description: 'The date the second scenario is read on.' })
  toDate: string;

  @Field(() => [ResponsibilityComparisonCase], { description: 'The cases (bounded by municipalities × catalogue × 6).' })
  cases: ResponsibilityComparisonCase[];
}

@ObjectType({ description: 'A change to an agreement or rule: who made it, when, and the record before and after.' })
export class ResponsibilityChange {
  @Field(() => ID, { description: 'Position in the change log.' })
  id: string;

  @Field(() => DateTimeISOResolver, { description: 'When.' })
  at: Date;

  @Field({ description: 'The user (token subject).' })
  userId: string;

  @Field(() => ID, { description: 'The organisation the user acted for.' })
  organisationId: string;

  @Field({ description: 'What was done, e.g. ruleCreate, ruleUpdate, ruleDelete, agreementCreate.' })
  action: string;

  @Field(() => ID, { nullable: true, description: 'The rule concerned, if any.' })
  ruleId: string | null;

  @Field(() => JSONResolver, { nullable: true, description: 'The record before the change.' })
  before: unknown;

  @Field(() => JSONResolver, { nullable: true, description: 'The record after the change.' })
  after: unknown;
}

@ObjectType({ description: 'A page of changes.' })
export class ResponsibilityChangeConnection extends ConnectionType(ResponsibilityChange, 'ResponsibilityChange', 'change') {}
