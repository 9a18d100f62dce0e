import { Field, Float, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { LegalSex } from '../../domain/enums';
import '../common/enums';
import { SuppressedCount } from '../common/statistics.type';
import { CareUnit } from '../organisation/care-unit.type';
import { Organisation } from '../organisation/organisation.type';

@ObjectType({
  description:
    "Deadline figures for one group of discharges (a municipality or a hospital, one sex or both). When the group's discharges are suppressed (fewer than the threshold, shown '<5', or hidden so that no suppressed count can be worked out from the others, shown '..'), every figure of it is.",
})
export class HandoffDeadlineCell {
  @Field(() => LegalSex, { nullable: true, description: 'FEMALE or MALE; null for both together.' })
  sex: LegalSex | null;

  @Field(() => SuppressedCount, { description: 'Discharges admitted in the period.' })
  discharges: SuppressedCount;

  @Field(() => SuppressedCount, { description: 'Admission notices that fell due (met or missed).' })
  admissionNoticesDue: SuppressedCount;

  @Field(() => SuppressedCount, { description: 'Admission notices sent in time.' })
  admissionNoticesOnTime: SuppressedCount;

  @Field(() => SuppressedCount, { description: 'SIP call-outs that fell due (met or missed).' })
  sipCallOutsDue: SuppressedCount;

  @Field(() => SuppressedCount, { description: 'SIP call-outs sent in time.' })
  sipCallOutsOnTime: SuppressedCount;

  @Field(() => SuppressedCount, { description: 'Days of municipal payment liability.' })
  liabilityDays: SuppressedCount;

  @Field(() => Float, { nullable: true, description: 'Payment liability in SEK; null when suppressed or when no daily amount is agreed.' })
  liabilityAmount: number | null;
}

@ObjectType({ description: "Figures for one municipality: the discharges of its residents." })
export class MunicipalityDeadlineRow {
  @Field(() => Organisation, { nullable: true, description: 'The home municipality; null for patients without a known one.' })
  municipality: Organisation | null;

  @Field(() => [HandoffDeadlineCell], { description: 'Both sexes together, then FEMALE, then MALE.' })
  cells: HandoffDeadlineCell[];
}

@ObjectType({ description: 'Figures for one hospital (the sending inpatient care unit).' })
export class HospitalDeadlineRow {
  @Field(() => CareUnit, { nullable: true, description: 'The sending inpatient care unit; null only if it cannot be read.' })
  hospital: CareUnit | null;

  @Field(() => [HandoffDeadlineCell], { description: 'Both sexes together, then FEMALE, then MALE.' })
  cells: HandoffDeadlineCell[];
}

@ObjectType({ description: "Coordinated-discharge deadlines and payment liability of a region's discharges, for planners: aggregates only, never patient rows." })
export class HandoffDeadlineReport {
  @Field(() => LocalDateResolver, { description: 'First admission date counted.' })
  from: string;

  @Field(() => LocalDateResolver, { description: 'Last admission date counted.' })
  to: string;

  @Field(() => Int, { description: 'Counts from 1 up to this value less one are suppressed.' })
  smallCellThreshold: number;

  @Field(() => [HandoffDeadlineCell], { description: 'The whole region: both sexes, then FEMALE, then MALE.' })
  total: HandoffDeadlineCell[];

  @Field(() => [MunicipalityDeadlineRow], { description: 'Per home municipality of the patients, by municipality name.' })
  byMunicipality: MunicipalityDeadlineRow[];

  @Field(() => [HospitalDeadlineRow], { description: 'Per sending hospital (care unit), by name.' })
  byHospital: HospitalDeadlineRow[];
}
