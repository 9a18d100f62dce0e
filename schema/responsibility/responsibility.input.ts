import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { AgreementScenario, AgreementStatus, CareLevel, HousingForm, PrincipalRole, Profession } from '../../domain/enums';
import '../common/enums';
import { Agreement, ResponsibilityRule } from './responsibility.type';

@InputType({ description: 'A question: who is responsible for this intervention for this person, here, on this date?' })
export class ResponsibilityInput {
  @Field({ description: 'Official code of the home municipality, e.g. 2062 (Mora).' })
  municipalityCode: string;

  @Field({ description: 'Intervention code from the catalogue, e.g. ASSISTIVE_DEVICE_FITTING.' })
  interventionCode: string;

  @Field(() => CareLevel, { nullable: true, description: 'Care level the person is at, when it matters.' })
  careLevel?: CareLevel | null;

  @Field(() => HousingForm, { nullable: true, description: 'Where the person lives.' })
  housingForm?: HousingForm | null;

  @Field(() => Boolean, { nullable: true, description: 'Enrolled in municipal home health care.' })
  enrolledInHomeHealthCare?: boolean | null;

  @Field(() => Int, { nullable: true, description: 'Age in years, 0 to 130.' })
  age?: number | null;

  @Field(() => Profession, { nullable: true, description: 'Profession level the intervention is given at (competence principle).' })
  profession?: Profession | null;

  @Field(() => LocalDateResolver, { nullable: true, description: "The date; default today in the viewer's region." })
  onDate?: string | null;

  @Field(() => AgreementScenario, { nullable: true, defaultValue: AgreementScenario.CURRENT, description: 'The scenario; default CURRENT.' })
  scenario?: AgreementScenario;
}

@InputType({ description: 'A principal or actor named by a rule.' })
export class PartyRefInput {
  @Field(() => PrincipalRole, { description: "HOME_MUNICIPALITY, REGION, or ORGANISATION with organisationId." })
  role: PrincipalRole;

  @Field(() => ID, { nullable: true, description: 'The organisation; only with role ORGANISATION.' })
  organisationId?: string | null;
}

@InputType({ description: 'A responsibility rule: conditions (omit or null = any) and the answer.' })
export class ResponsibilityRuleInput {
  @Field(() => String, { nullable: true, description: 'The intervention it covers; give this or interventionGroup.' })
  interventionCode?: string | null;

  @Field(() => String, { nullable: true, description: 'The intervention group it covers; give this or interventionCode.' })
  interventionGroup?: string | null;

  @Field(() => [CareLevel], { nullable: true, description: 'Care levels it applies at.' })
  careLevels?: CareLevel[] | null;

  @Field(() => [HousingForm], { nullable: true, description: 'Housing forms it applies to.' })
  housingForms?: HousingForm[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Only people enrolled (true) or not enrolled (false) in municipal home health care.' })
  enrolledInHomeHealthCare?: boolean | null;

  @Field(() => Int, { nullable: true, description: 'Lowest age (inclusive), 0 to 130.' })
  ageMin?: number | null;

  @Field(() => Int, { nullable: true, description: 'Highest age (inclusive), 0 to 130.' })
  ageMax?: number | null;

  @Field(() => [Profession], { nullable: true, description: 'Profession levels (competence principle).' })
  professions?: Profession[] | null;

  @Field(() => [String], { nullable: true, description: 'Limit to these municipalities (a local deviation); each must be party to the agreement.' })
  municipalityCodes?: string[] | null;

  @Field(() => PartyRefInput, { description: 'The responsible principal.' })
  responsible: PartyRefInput;

  @Field(() => PartyRefInput, { nullable: true, description: 'Who performs it.' })
  performer?: PartyRefInput | null;

  @Field(() => CareLevel, { nullable: true, description: 'The care level that performs it.' })
  performerCareLevel?: CareLevel | null;

  @Field(() => PartyRefInput, { nullable: true, description: 'Who bears the cost; default the responsible principal.' })
  costBearer?: PartyRefInput | null;

  @Field(() => String, { nullable: true, description: 'Explanation (at most 2,000 characters).' })
  note?: string | null;

  @Field(() => String, { nullable: true, description: 'Where in the source the rule comes from.' })
  sourceReference?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: "First day it applies; default the agreement's first day. Within the agreement's period." })
  validFrom?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: "Last day it applies; default the agreement's. Within the agreement's period." })
  validTo?: string | null;
}

@InputType({ description: 'A new rule in an agreement.' })
export class ResponsibilityRuleCreateInput {
  @Field(() => ID, { description: 'The agreement.' })
  agreementId: string;

  @Field(() => ResponsibilityRuleInput, { description: 'The rule.' })
  rule: ResponsibilityRuleInput;
}

@InputType({ description: 'A rule replaced by a new wording.' })
export class ResponsibilityRuleUpdateInput {
  @Field(() => ID, { description: 'The rule.' })
  id: string;

  @Field(() => ResponsibilityRuleInput, { description: 'The rule as it should read.' })
  rule: ResponsibilityRuleInput;
}

@InputType({ description: 'A rule to remove.' })
export class ResponsibilityRuleDeleteInput {
  @Field(() => ID, { description: 'The rule.' })
  id: string;
}

@InputType({ description: "A new agreement of the viewer's region." })
export class AgreementCreateInput {
  @Field({ description: 'Title (1 to 300 characters).' })
  title: string;

  @Field(() => AgreementScenario, { description: 'Current split, target state or draft.' })
  scenario: AgreementScenario;

  @Field(() => LocalDateResolver, { description: 'First day it applies.' })
  validFrom: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Last day it applies; omit while open-ended.' })
  validTo?: string | null;

  @Field(() => String, { nullable: true, description: 'The document it comes from.' })
  sourceDocument?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Date of that document.' })
  sourceDate?: string | null;

  @Field({ nullable: true, defaultValue: false, description: 'Mark as example data; default false.' })
  example?: boolean;

  @Field(() => [ID], { description: "The parties: the region's principal and at least one municipality of the region, optionally others." })
  partyOrganisationIds: string[];
}

@InputType({ description: 'A new version of an agreement, starting on a date; the old version ends the day before and is superseded. Parties and rules carry over.' })
export class AgreementNewVersionInput {
  @Field(() => ID, { description: 'The version to supersede.' })
  agreementId: string;

  @Field(() => LocalDateResolver, { description: 'First day of the new version; after the old version started.' })
  validFrom: string;

  @Field(() => String, { nullable: true, description: 'New title; default the old one.' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'The document of the new version.' })
  sourceDocument?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Date of that document.' })
  sourceDate?: string | null;
}

@InputType({ description: 'Changes to an agreement. Omitted fields stay; null clears an optional one.' })
export class AgreementUpdateInput {
  @Field(() => ID, { description: 'The agreement.' })
  id: string;

  @Field(() => String, { nullable: true, description: 'New title.' })
  title?: string | null;

  @Field(() => AgreementStatus, { nullable: true, description: 'New status (e.g. WITHDRAWN).' })
  status?: AgreementStatus | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'New last day; null makes it open-ended. Must cover its rules.' })
  validTo?: string | null;

  @Field(() => String, { nullable: true, description: 'New source document.' })
  sourceDocument?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'New source date.' })
  sourceDate?: string | null;
}

@ObjectType({ description: 'Result of an agreement mutation.' })
export class AgreementPayload {
  @Field(() => Agreement, { description: 'The agreement as stored.' })
  agreement: Agreement;
}

@ObjectType({ description: 'Result of responsibilityRuleCreate or responsibilityRuleUpdate.' })
export class ResponsibilityRulePayload {
  @Field(() => ResponsibilityRule, { description: 'The rule as stored.' })
  rule: ResponsibilityRule;
}

@ObjectType({ description: 'Result of responsibilityRuleDelete.' })
export class ResponsibilityRuleDeletePayload {
  @Field(() => ID, { description: 'The rule removed.' })
  deletedRuleId: string;

  @Field(() => Agreement, { description: 'The agreement it was removed from.' })
  agreement: Agreement;
}
