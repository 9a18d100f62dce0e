import { Field, ID, InputType, Int } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';

@InputType({ description: 'A payment commitment your organisation (the plan’s principal) issues today to a provider under an ACTIVE rehabilitation plan.' })
export class PaymentCommitmentIssueInput {
  @Field(() => ID, { description: 'The rehabilitation plan (ACTIVE, your organisation’s own).' })
  planId: string;

  @Field(() => ID, { description: 'The organisation that gives the therapy (a private provider or any other organisation of your region but yours); it takes part in the patient’s case until the commitment is revoked.' })
  providerOrganisationId: string;

  @Field({ description: 'The commitment number (1 to 50 characters), unique among your organisation’s commitments.' })
  number: string;

  @Field({ description: 'The therapy form: a code of the therapy form code table valid on validFrom, recommended by the plan.' })
  therapyForm: string;

  @Field(() => Int, { description: 'Visits committed (at least 1, at most one a day of the paid period).' })
  visits: number;

  @Field(() => Int, { description: 'Length of one visit in minutes (at least 1), record keeping not included.' })
  visitMinutes: number;

  @Field(() => LocalDateResolver, { description: 'First day of validity: today or later (a commitment is never retroactive).' })
  validFrom: string;

  @Field(() => LocalDateResolver, { description: 'Last day of validity (not before validFrom).' })
  validTo: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'An end date stated in the intervention text (not before validFrom): it overrides the validity.' })
  interventionEndDate?: string | null;

  @Field(() => ID, { nullable: true, description: 'The funding programme version that pays for it (fundingProgrammes): one that applies on validFrom, with the person inside its age band then. Give fundingForm with it.' })
  fundingProgrammeId?: string | null;

  @Field(() => String, { nullable: true, description: 'The programme form it pays for (e.g. KBT, MMR1), valid on validFrom; only with fundingProgrammeId.' })
  fundingForm?: string | null;
}

@InputType({ description: 'Revokes a payment commitment from a date (its payer only).' })
export class PaymentCommitmentRevokeInput {
  @Field(() => ID, { description: 'The commitment.' })
  commitmentId: string;

  @Field(() => Int, { description: 'The version you read.' })
  version: number;

  @Field(() => LocalDateResolver, { description: 'First day it no longer pays: today or later, within its paid period, after every visit recorded.' })
  revokedFrom: string;
}

@InputType({ description: 'A visit the provider held under a payment commitment.' })
export class TherapyVisitRecordInput {
  @Field(() => ID, { description: 'The commitment (one your organisation provides).' })
  commitmentId: string;

  @Field(() => LocalDateResolver, { description: 'The day it was held (not after today).' })
  date: string;

  @Field(() => Int, { description: 'Its length in minutes (at least 1, at most the committed visit length).' })
  minutes: number;
}

@InputType({ description: 'A goal set before therapy and how it was met.' })
export class TherapyGoalOutcomeInput {
  @Field({ description: 'The goal (at most 2,000 characters).' })
  goal: string;

  @Field({ description: 'How it was met (at most 2,000 characters).' })
  outcome: string;

  @Field(() => Int, { nullable: true, description: 'Its GAS attainment, −2 … +2, when it is a GAS goal.' })
  gasScore?: number | null;
}

@InputType({ description: 'An assessment instrument used and its result.' })
export class AssessmentResultInput {
  @Field({ description: 'The instrument (at most 200 characters).' })
  instrument: string;

  @Field({ description: 'Its result (at most 2,000 characters).' })
  result: string;
}

@InputType({
  description:
    "The provider's therapy report for a payment commitment. Every item ÅHS requires must be there (missing ones are named in the refusal); the patient's name, personnummer and the commitment number come from the records, the sessions from the visits recorded.",
})
export class TherapyReportSubmitInput {
  @Field(() => ID, { description: 'The commitment (one your organisation provides).' })
  commitmentId: string;

  @Field(() => String, { nullable: true, description: "The therapist's name (required; at most 200 characters)." })
  therapistName?: string | null;

  @Field(() => String, { nullable: true, description: "The therapist's telephone or e-mail (required; at most 200 characters)." })
  therapistContact?: string | null;

  @Field(() => String, { nullable: true, description: "The patient's functional ability and how it affects everyday life (required; at most 4,000 characters)." })
  functionalAbility?: string | null;

  @Field(() => [TherapyGoalOutcomeInput], { nullable: true, description: 'The goals set before therapy and how they were met (at least one; at most 20).' })
  goals?: TherapyGoalOutcomeInput[] | null;

  @Field(() => [AssessmentResultInput], { nullable: true, description: 'Assessment instruments used and their results (at least one; at most 20).' })
  assessments?: AssessmentResultInput[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether therapy should continue after this period (required).' })
  continuedTherapyNeeded?: boolean | null;

  @Field(() => String, { nullable: true, description: 'On what grounds and with what goal (required when therapy should continue; at most 4,000 characters).' })
  continuedTherapyGrounds?: string | null;

  @Field(() => String, { nullable: true, description: "The patient's motivation (required; at most 2,000 characters)." })
  patientMotivation?: string | null;

  @Field(() => String, { nullable: true, description: 'A summary of the therapy (required when it ends with the commitment; at most 4,000 characters).' })
  endSummary?: string | null;
}
