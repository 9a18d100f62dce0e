import { Field, Float, InputType, Int, ObjectType } from 'type-graphql';
import { DateTimeISOResolver, LocalDateResolver } from 'graphql-scalars';
import { CoordinationStatus, Occupation } from '../../domain/coordination';
import { ConnectionType } from '../common/page';
import { CareUnit } from '../organisation/care-unit.type';
import { CoordinationCase } from './coordination.type';
import './coordination.enums';

export const CoordinationCaseConnection = ConnectionType(CoordinationCase, 'CoordinationCase', 'coordination case');

@InputType({ description: "Which of a care unit's coordination cases to list; every condition given must hold." })
export class CoordinationCaseFilter {
  @Field(() => String, { nullable: true, description: "Only this coordinator's cases (their user id); default: every coordinator's of the unit." })
  coordinatorUserId?: string | null;

  @Field(() => [CoordinationStatus], { nullable: true, description: 'Only cases in these statuses; default: the open ones (NONE, CONTACTED, ACTIVE, FOLLOW_UP).' })
  statuses?: CoordinationStatus[] | null;

  @Field(() => Int, { nullable: true, description: 'Only cases without activity (or opening) for at least this many days: 0 to 3650.' })
  daysSinceLastActivity?: number | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Only cases whose sick leave ends on or before this day.' })
  sickLeaveEndsOnOrBefore?: string | null;

  @Field(() => [Occupation], { nullable: true, description: 'Only cases of patients with one of these occupations.' })
  occupations?: Occupation[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "true: only young adults (aged today within the region's band, rule parameters coordination.youngAdultFromAge and …ToAge, 16–29 by default); false: only the others.",
  })
  youngAdult?: boolean | null;
}

@ObjectType({ description: 'How many open cases of a coordinator are in one status.' })
export class CoordinationStatusCount {
  @Field(() => CoordinationStatus, { description: 'The status.' })
  status: CoordinationStatus;

  @Field(() => Int, { description: 'How many open cases are in it.' })
  count: number;
}

@ObjectType({ description: "One coordinator's open cases at a care unit." })
export class CoordinatorWorkload {
  @Field({ description: 'The coordinator’s user id.' })
  coordinatorUserId: string;

  @Field(() => Int, { description: 'Open cases (not CLOSED).' })
  openCases: number;

  @Field(() => [CoordinationStatusCount], { description: 'The open cases by status, statuses with none left out, by status name.' })
  byStatus: CoordinationStatusCount[];

  @Field(() => DateTimeISOResolver, { description: 'When the oldest open case was opened.' })
  oldestOpenedAt: Date;

  @Field(() => Float, { description: 'Mean age of the open cases, in days since opening (one decimal).' })
  meanAgeDays: number;

  @Field(() => Int, { description: 'Age of the oldest open case, in whole days since opening.' })
  maxAgeDays: number;
}

@ObjectType({ description: 'The open coordination cases of a care unit per coordinator: how many and how old. Counts only, no patient data.' })
export class CoordinationWorkload {
  @Field(() => CareUnit, { nullable: true, description: 'The care unit.' })
  careUnit: CareUnit | null;

  @Field(() => Int, { description: 'Open cases of the unit, all coordinators.' })
  openCases: number;

  @Field(() => [CoordinatorWorkload], { description: 'Every coordinator with open cases, most cases first, then by user id.' })
  coordinators: CoordinatorWorkload[];
}
