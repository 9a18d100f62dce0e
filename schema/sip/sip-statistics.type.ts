import { Field, ObjectType } from 'type-graphql';
import { CountBySex } from '../common/count-by-sex.type';
import { plannerReportTypes } from '../common/planner-report.type';

@ObjectType({ description: 'SIP figures of one group of plans for a period (or a month of it).' })
export class SipFiguresBySex {
  @Field(() => CountBySex, { description: 'Plans started (created) in the period.' })
  started: CountBySex;

  @Field(() => CountBySex, {
    description: 'Plans running (activated and not yet ended) on some day of the period. A plan running through several months counts in each, so the months do not add up to the period.',
  })
  active: CountBySex;

  @Field(() => CountBySex, { description: 'Follow-ups due in the period that fell due (due before today, while the plan ran).' })
  followUpsDue: CountBySex;

  @Field(() => CountBySex, { description: 'Of those, follow-ups done on or before their due date.' })
  followedUpOnTime: CountBySex;

  @Field(() => CountBySex, { description: 'Plans closed (not cancelled) in the period.' })
  closed: CountBySex;
}

const types = plannerReportTypes(SipFiguresBySex, { report: 'SipStatistics', municipality: 'SipMunicipalityFigures', month: 'SipMonthFigures' }, 'SIP figures');
export const SipStatistics = types.Report;
export type SipStatistics = InstanceType<typeof types.Report>;
