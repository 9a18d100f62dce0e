import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeISOResolver, LocalDateResolver } from 'graphql-scalars';
import { ConnectionType } from '../common/page';

@ObjectType({
  description:
    'A payment commitment (betalningsförbindelse): the paying principal commits to a number of visits of one therapy form, of a stated length, within a validity, to a provider, under a rehabilitation plan. Never retroactive; no fee lines (ÅHS pays no admin fees).',
})
export class PaymentCommitment {
  @Field(() => ID, { description: 'Stable identifier.' })
  id: string;

  @Field({ description: 'The commitment number, unique per payer.' })
  number: string;

  @Field({ description: 'The therapy form, a code of the therapy form code table (therapyForms), e.g. PHYSIOTHERAPY.' })
  therapyForm: string;

  @Field(() => Int, { description: 'Visits committed in all.' })
  visits: number;

  @Field(() => Int, { description: 'Length of one visit in minutes; record keeping is done outside it.' })
  visitMinutes: number;

  @Field(() => LocalDateResolver, { description: 'First day of validity (never before the day it was issued).' })
  validFrom: string;

  @Field(() => LocalDateResolver, { description: 'Last day of validity.' })
  validTo: string;

  @Field(() => LocalDateResolver, { nullable: true, description: "End date stated in the intervention text: it ends the therapy whatever the validity says. Null when the text states none." })
  interventionEndDate: string | null;

  @Field(() => LocalDateResolver, { description: 'The day it was issued.' })
  issuedOn: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'First day it is revoked from; null while not revoked.' })
  revokedFrom: string | null;

  @Field(() => LocalDateResolver, {
    description: "The day the therapy report must reach the payer by: the paid period's end less the dated parameter therapy.reportLeadMonths (two months), fixed when issued.",
  })
  reportDueOn: string;

  @Field(() => Int, { description: 'Visits recorded (paid) so far.' })
  visitsUsed: number;

  @Field(() => Int, { description: 'Raised by every change of the commitment; send the version you read, a stale one is a CONFLICT.' })
  version: number;

  @Field(() => DateTimeISOResolver, { description: 'When it was recorded.' })
  createdAt: Date;
}

@ObjectType({ description: 'A therapy visit held and paid under a payment commitment.' })
export class TherapyVisit {
  @Field(() => ID, { description: 'Stable identifier.' })
  id: string;

  @Field(() => LocalDateResolver, { description: 'The day it was held.' })
  visitDate: string;

  @Field(() => Int, { description: 'Its length in minutes.' })
  minutes: number;

  @Field(() => DateTimeISOResolver, { description: 'When it was recorded.' })
  recordedAt: Date;
}

@ObjectType({ description: 'A goal set before therapy and how it was met.' })
export class TherapyGoalOutcome {
  @Field({ description: 'The goal.' })
  goal: string;

  @Field({ description: 'How it was met.' })
  outcome: string;

  @Field(() => Int, { nullable: true, description: 'Its GAS attainment (−2 … +2, 0 the expected outcome); null when the goal is not a GAS goal.' })
  gasScore: number | null;
}

@ObjectType({ description: 'An assessment instrument used, with its result.' })
export class AssessmentResult {
  @Field({ description: 'The instrument (e.g. 6MWT, COPM).' })
  instrument: string;

  @Field({ description: 'Its result.' })
  result: string;
}

@ObjectType({ description: "A therapy report from the provider to the payer's referring clinic and to the patient, with the content ÅHS requires (seed 000)." })
export class TherapyReport {
  @Field(() => ID, { description: 'Stable identifier.' })
  id: string;

  @Field({ description: "The therapist's name." })
  therapistName: string;

  @Field({ description: "The therapist's contact details." })
  therapistContact: string;

  @Field({ description: "The patient's functional ability and how it affects everyday life." })
  functionalAbility: string;

  @Field(() => [TherapyGoalOutcome], { description: 'The goals set before therapy and how they were met.' })
  goals: TherapyGoalOutcome[];

  @Field(() => [AssessmentResult], { description: 'Assessment instruments used and their results.' })
  assessments: AssessmentResult[];

  @Field({ description: 'Whether therapy should continue after this period.' })
  continuedTherapyNeeded: boolean;

  @Field(() => String, { nullable: true, description: 'On what grounds and with what goal therapy should continue; null when it should not.' })
  continuedTherapyGrounds: string | null;

  @Field({ description: "The provider's view of the patient's motivation." })
  patientMotivation: string;

  @Field(() => String, { nullable: true, description: 'How the therapy went as a whole: present when therapy ends with the commitment.' })
  endSummary: string | null;

  @Field(() => DateTimeISOResolver, { description: 'When it was submitted.' })
  submittedAt: Date;

  @Field(() => LocalDateResolver, { description: "Its local date in the commitment's region." })
  submittedOn: string;
}

@ObjectType({
  description:
    "The patient's copy of a therapy report, for a patient-facing system: what the report says with the patient's name and personnummer and the commitment's number. Given to an organisation that holds the patient's consent from the provider to it (purpose REHABILITATION_PLAN, category CARE_AND_REHAB_PLAN), and to the payer and the provider.",
})
export class TherapyReportPatientCopy {
  @Field(() => ID, { description: 'The report.' })
  reportId: string;

  @Field(() => String, { nullable: true, description: "The patient's name; null when the record has none or the identity is protected from you." })
  patientName: string | null;

  @Field({ description: "The patient's personnummer (or samordningsnummer), YYYYMMDD-NNNN." })
  personnummer: string;

  @Field({ description: 'The payment commitment number.' })
  commitmentNumber: string;

  @Field({ description: 'The therapy form.' })
  therapyForm: string;

  @Field(() => [TherapyVisit], { description: 'The sessions held, with dates and lengths.' })
  sessions: TherapyVisit[];

  @Field(() => TherapyReport, { nullable: true, description: 'What the report says; null only if it can no longer be read.' })
  report: TherapyReport | null;
}

export const PaymentCommitmentConnection = ConnectionType(PaymentCommitment, 'PaymentCommitment', 'payment commitment');

@ObjectType({ description: 'Result of a payment commitment mutation: the commitment as it is now.' })
export class PaymentCommitmentPayload {
  @Field(() => PaymentCommitment, { description: 'The commitment.' })
  commitment: PaymentCommitment;
}

@ObjectType({ description: 'Result of therapyVisitRecord.' })
export class TherapyVisitPayload {
  @Field(() => TherapyVisit, { description: 'The visit recorded.' })
  visit: TherapyVisit;

  @Field(() => PaymentCommitment, { description: 'Its commitment, with the visits used now.' })
  commitment: PaymentCommitment;
}

@ObjectType({ description: 'Result of therapyReportSubmit.' })
export class TherapyReportPayload {
  @Field(() => TherapyReport, { description: 'The report submitted.' })
  report: TherapyReport;
}
