import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { AgreementScenario } from '../../domain/enums';
import { Organisation } from '../../schema/organisation/organisation.type';
import { ResponsibilityInput } from '../../schema/responsibility/responsibility.input';
import {
  Agreement,
  Intervention,
  ResponsibilityAnswer,
  ResponsibilityComparison,
  ResponsibilityMatrix,
} from '../../schema/responsibility/responsibility.type';
import type { Context } from '../../server/context';
import { answerQuestions, comparison, matrix, MAX_BATCH } from './responsibility.service';

/**
 * What the field resolvers read of an answer. A type alias, not the class, on purpose: type-graphql
 * copies a root into a new instance of its declared class on every field call unless it already is
 * one, which for a batch of 1,000 answers was 4,000 copies; an alias reflects as Object and passes
 * the answer through as it is.
 */
type AnswerRefs = Pick<ResponsibilityAnswer, 'responsibleId' | 'performerId' | 'costBearerId' | 'agreementId'>;

@Resolver(() => ResponsibilityAnswer)
export class ResponsibilityResolver {
  @Query(() => [Intervention], { description: 'The intervention catalogue, by group (bounded: tens of entries).' })
  interventions(@Ctx() { access }: Context) {
    return access.responsibility.catalogue();
  }

  @Query(() => ResponsibilityAnswer, {
    description: 'Who is responsible for this intervention for this person, in this municipality, on this date, and which agreement and rule say so.',
  })
  async responsibility(@Arg('input', () => ResponsibilityInput, { description: 'The question.' }) input: ResponsibilityInput, @Ctx() { access }: Context) {
    const [answer] = await answerQuestions(access, [input], false);
    return answer;
  }

  @Query(() => [ResponsibilityAnswer], { description: `Many questions at once (at most ${MAX_BATCH}), answered in order with a constant number of database statements.` })
  responsibilities(@Arg('inputs', () => [ResponsibilityInput], { description: 'The questions.' }) inputs: ResponsibilityInput[], @Ctx() { access }: Context) {
    return answerQuestions(access, inputs, true);
  }

  @Query(() => ResponsibilityMatrix, { description: 'For dashboards: interventions × (housing form, enrolment) → principal for every municipality of your region, with deviations from the regional default.' })
  responsibilityMatrix(
    @Arg('regionCode', { description: "Your region's 2-digit code." }) regionCode: string,
    @Arg('scenario', () => AgreementScenario, { defaultValue: AgreementScenario.CURRENT, description: 'The scenario; default CURRENT.' }) scenario: AgreementScenario,
    @Arg('onDate', () => LocalDateResolver, { nullable: true, description: 'The date; default today.' }) onDate: string | null,
    @Arg('municipalityCode', () => String, { nullable: true, description: 'Only this municipality of your region (its official code); default every one. A dashboard showing one municipality fetches only its part.' }) municipalityCode: string | null,
    @Ctx() { access }: Context,
  ) {
    return matrix(access, regionCode, scenario, onDate, municipalityCode ?? null);
  }

  @Query(() => ResponsibilityComparison, { description: 'Every case whose answer changes between two scenarios, and every gap and overlap in either: the target-state work\'s possibilities and obstacles.' })
  responsibilityComparison(
    @Arg('regionCode', { description: "Your region's 2-digit code." }) regionCode: string,
    @Arg('from', () => AgreementScenario, { defaultValue: AgreementScenario.CURRENT, description: 'Compare from; default CURRENT.' }) from: AgreementScenario,
    @Arg('to', () => AgreementScenario, { defaultValue: AgreementScenario.TARGET, description: 'Compare to; default TARGET.' }) to: AgreementScenario,
    @Arg('fromDate', () => LocalDateResolver, { nullable: true, description: 'Date to read `from` on; default today.' }) fromDate: string | null,
    @Arg('toDate', () => LocalDateResolver, { nullable: true, description: 'Date to read `to` on; default fromDate.' }) toDate: string | null,
    @Arg('municipalityCode', () => String, { nullable: true, description: 'Only this municipality of your region (its official code); default every one. A dashboard showing one municipality fetches only its part.' }) municipalityCode: string | null,
    @Ctx() { access }: Context,
  ) {
    return comparison(access, regionCode, from, to, fromDate, toDate, municipalityCode ?? null);
  }

  @FieldResolver(() => Organisation, { nullable: true, description: 'The responsible principal (ASSIGNED).' })
  responsible(@Root() answer: AnswerRefs, @Ctx() { access }: Context) {
    return answer.responsibleId ? access.reference.organisation(answer.responsibleId) : null;
  }

  @FieldResolver(() => Organisation, { nullable: true, description: 'Who performs the intervention, when the rule names it.' })
  performer(@Root() answer: AnswerRefs, @Ctx() { access }: Context) {
    return answer.performerId ? access.reference.organisation(answer.performerId) : null;
  }

  @FieldResolver(() => Organisation, { nullable: true, description: 'Who bears the cost (ASSIGNED).' })
  costBearer(@Root() answer: AnswerRefs, @Ctx() { access }: Context) {
    return answer.costBearerId ? access.reference.organisation(answer.costBearerId) : null;
  }

  @FieldResolver(() => Agreement, { nullable: true, description: 'The agreement whose rule decided it (ASSIGNED).' })
  agreement(@Root() answer: AnswerRefs, @Ctx() { access }: Context) {
    return answer.agreementId ? access.responsibility.agreement(answer.agreementId) : null;
  }
}
