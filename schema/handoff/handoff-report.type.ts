import { Field, Float, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { LegalSex } from '../../domain/enums';
import '../common/enums';
import { CountBySex } from '../common/count-by-sex.type';
import { DerivedFigureBySex } from '../common/derived-figure.type';
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

@ObjectType({
  description:
    "Deadline figures of one group of discharges (the region, a municipality's residents or a hospital's patients), for women and men together and apart. Where the discharges of a sex (or both) are suppressed ('<5', or '..' so that no suppressed count can be worked out from the others), every figure of it is.",
})
export class HandoffDeadlineFigures {
  @Field(() => CountBySex, { description: 'Discharges admitted in the period.' })
  discharges: CountBySex;

  @Field(() => CountBySex, { description: 'Admission notices that fell due (met or missed).' })
  admissionNoticesDue: CountBySex;

  @Field(() => CountBySex, { description: 'Admission notices sent in time.' })
  admissionNoticesOnTime: CountBySex;

  @Field(() => CountBySex, { description: 'SIP call-outs that fell due (met or missed).' })
  sipCallOutsDue: CountBySex;

  @Field(() => CountBySex, { description: 'SIP call-outs sent in time.' })
  sipCallOutsOnTime: CountBySex;

  @Field(() => CountBySex, { description: 'Days of municipal payment liability.' })
  liabilityDays: CountBySex;

  @Field(() => DerivedFigureBySex, { description: 'Payment liability in SEK; hidden with the discharges, "–" (value null) when no daily amount is agreed for some of them.' })
  liabilityAmount: DerivedFigureBySex;
}

const CELLS_DEPRECATED = 'Since 2026-12: use figures (the same counts as total, female and male).';

@ObjectType({ description: "Figures for one municipality: the discharges of its residents." })
export class MunicipalityDeadlineRow {
  @Field(() => Organisation, { nullable: true, description: 'The home municipality; null for patients without a known one.' })
  municipality: Organisation | null;

  @Field(() => HandoffDeadlineFigures, { description: 'The figures, for women and men together and apart.' })
  figures: HandoffDeadlineFigures;

  @Field(() => [HandoffDeadlineCell], { description: 'Both sexes together, then FEMALE, then MALE.', deprecationReason: CELLS_DEPRECATED })
  cells: HandoffDeadlineCell[];
}

@ObjectType({ description: 'Figures for one hospital (the sending inpatient care unit).' })
export class HospitalDeadlineRow {
  @Field(() => CareUnit, { nullable: true, description: 'The sending inpatient care unit; null only if it cannot be read.' })
  hospital: CareUnit | null;

  @Field(() => HandoffDeadlineFigures, { description: 'The figures, for women and men together and apart.' })
  figures: HandoffDeadlineFigures;

  @Field(() => [HandoffDeadlineCell], { description: 'Both sexes together, then FEMALE, then MALE.', deprecationReason: CELLS_DEPRECATED })
  cells: HandoffDeadlineCell[];
}

@ObjectType({ description: 'Deadline figures of the discharges admitted in one calendar month of the period: the same rows as the period\'s, zeros included.' })
export class HandoffDeadlineMonth {
  @Field({ description: 'The month, e.g. "2026-03".' })
  month: string;

  @Field(() => LocalDateResolver, { description: 'First admission date counted in it: the 1st, or the first day of the period.' })
  from: string;

  @Field(() => LocalDateResolver, { description: 'Last admission date counted in it: its last day, or the last day of the period.' })
  to: string;

  @Field(() => HandoffDeadlineFigures, { description: 'The whole region in that month.' })
  region: HandoffDeadlineFigures;

  @Field(() => [MunicipalityDeadlineRow], { description: 'The municipalities in the order of the period’s byMunicipality.' })
  byMunicipality: MunicipalityDeadlineRow[];

  @Field(() => [HospitalDeadlineRow], { description: 'The hospitals in the order of the period’s byHospital.' })
  byHospital: HospitalDeadlineRow[];
}

@ObjectType({ description: "Coordinated-discharge deadlines and payment liability of a region's discharges, for planners: aggregates only, never patient rows." })
export class HandoffDeadlineReport {
  @Field(() => LocalDateResolver, { description: 'First admission date counted.' })
  from: string;

  @Field(() => LocalDateResolver, { description: 'Last admission date counted.' })
  to: string;

  @Field(() => Int, {
    description:
      'Counts from 1 up to this value less one are shown as "<threshold"; counts hidden so that those cannot be worked out (from the other rows, the other sex, the other breakdown or the other months) are shown as "..".',
  })
  smallCellThreshold: number;

  @Field(() => HandoffDeadlineFigures, { description: 'Since 2026-12: the whole region, for women and men together and apart.' })
  region: HandoffDeadlineFigures;

  @Field(() => [HandoffDeadlineCell], { description: 'The whole region: both sexes, then FEMALE, then MALE.', deprecationReason: 'Since 2026-12: use region.' })
  total: HandoffDeadlineCell[];

  @Field(() => [MunicipalityDeadlineRow], {
    description:
      'Since 2026-12: every municipality of the region by name, zeros included (then patients with no known home municipality, if any); only the one asked for with municipalityCode.',
  })
  byMunicipality: MunicipalityDeadlineRow[];

  @Field(() => [HospitalDeadlineRow], { description: "Since 2026-12: every inpatient care unit of the region by name, zeros included (then any other sending unit with discharges)." })
  byHospital: HospitalDeadlineRow[];

  @Field(() => [HandoffDeadlineMonth], { description: 'Since 2026-12: every calendar month of the period (by admission date), oldest first, zeros included, with the same rows.' })
  byMonth: HandoffDeadlineMonth[];
}
