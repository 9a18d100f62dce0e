import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { Occupation } from '../../domain/coordination';
import { CoordinationAgeBand } from '../../domain/coordination-statistics';
import { CountBySex } from '../common/count-by-sex.type';
import { DerivedFigure, DerivedFigureBySex } from '../common/derived-figure.type';
import { CareUnit } from '../organisation/care-unit.type';
import { Organisation } from '../organisation/organisation.type';
import './coordination.enums';

registerEnumType(CoordinationAgeBand, {
  name: 'CoordinationAgeBand',
  description: "A patient's age on the day the case was opened, against the region's young-adult band (rule parameters coordination.youngAdultFromAge and …ToAge, 16–29 by default).",
  valuesConfig: {
    BELOW_YOUNG_ADULT: { description: 'Younger than the band.' },
    YOUNG_ADULT: { description: 'In the band: a young adult.' },
    ABOVE_YOUNG_ADULT: { description: 'Older than the band.' },
  },
});

@ObjectType({ description: 'KVÅ codes of one code earned by the cases, per 100 cases opened.' })
export class CoordinationKvaRate {
  @Field({ description: 'The KVÅ code, e.g. GC001.' })
  code: string;

  @Field(() => DerivedFigureBySex, { description: 'Codes earned per 100 cases opened; hidden with the cases opened.' })
  per100Cases: DerivedFigureBySex;
}

@ObjectType({ description: 'Rehabilitation coordination figures of one group of cases opened in the period, for women and men together and apart.' })
export class CoordinationFigures {
  @Field(() => CountBySex, { description: 'Cases opened in the period.' })
  opened: CountBySex;

  @Field(() => CountBySex, { description: 'Of those, cases in which the patient declined coordination (now or before closing).' })
  declined: CountBySex;

  @Field(() => CountBySex, { description: 'Of those, cases closed with a full or partial return to work.' })
  closedWithReturnToWork: CountBySex;

  @Field(() => CountBySex, { description: 'Of those, cases in which the patient was contacted (the case’s firstContactAt).' })
  firstContacted: CountBySex;

  @Field(() => DerivedFigureBySex, { description: 'Mean days from opening to the first contact with the patient, over the cases with one; hidden with their count.' })
  meanDaysToFirstContact: DerivedFigureBySex;

  @Field(() => CountBySex, { description: 'Of the cases opened, those with employer contact: a contact the employer answered or a meeting with it held.' })
  withEmployerContact: CountBySex;

  @Field(() => DerivedFigureBySex, { description: 'Per cent of the cases opened with employer contact; hidden where either count is.' })
  employerContactShare: DerivedFigureBySex;

  @Field(() => DerivedFigureBySex, { description: 'Activities recorded on the cases, per 100 cases opened; hidden with the cases opened.' })
  activitiesPer100Cases: DerivedFigureBySex;

  @Field(() => [CoordinationKvaRate], { description: 'KVÅ codes earned per 100 cases opened, by code: the codes of the coordination KVÅ rules in force, and any other earned.' })
  kvaPer100Cases: CoordinationKvaRate[];
}

@ObjectType({ description: 'Coordination figures of the cases of one care unit.' })
export class CoordinationCareUnitFigures {
  @Field(() => CareUnit, { nullable: true, description: 'The care unit the cases belong to.' })
  careUnit: CareUnit | null;

  @Field(() => CoordinationFigures, { description: 'The figures.' })
  figures: CoordinationFigures;
}

@ObjectType({ description: 'Coordination figures of the cases of one municipality’s residents.' })
export class CoordinationMunicipalityFigures {
  @Field(() => Organisation, { nullable: true, description: 'The patients’ home municipality; null for patients with none recorded.' })
  municipality: Organisation | null;

  @Field(() => CoordinationFigures, { description: 'The figures.' })
  figures: CoordinationFigures;
}

@ObjectType({ description: 'Coordination figures of the cases of one age band.' })
export class CoordinationAgeBandFigures {
  @Field(() => CoordinationAgeBand, { description: 'The age band.' })
  ageBand: CoordinationAgeBand;

  @Field(() => CoordinationFigures, { description: 'The figures.' })
  figures: CoordinationFigures;
}

@ObjectType({ description: 'For one age band and occupation, the share of cases with employer contact for women against men (seed 003 warns that women’s cases reach the employer less often).' })
export class EmployerContactGap {
  @Field(() => CoordinationAgeBand, { description: 'The age band.' })
  ageBand: CoordinationAgeBand;

  @Field(() => Occupation, { description: 'The occupation when the sick leave started.' })
  occupation: Occupation;

  @Field(() => CountBySex, { description: 'Cases opened in the period.' })
  opened: CountBySex;

  @Field(() => CountBySex, { description: 'Of those, cases with employer contact.' })
  withEmployerContact: CountBySex;

  @Field(() => DerivedFigureBySex, { description: 'Per cent of the cases with employer contact; hidden where either count is.' })
  employerContactShare: DerivedFigureBySex;

  @Field(() => DerivedFigure, { description: 'Women’s share less men’s, in percentage points; hidden when either share is, "–" when either is a share of no cases.' })
  gapPercentagePoints: DerivedFigure;
}

@ObjectType({ description: 'The young-adult age band in force on the report’s last day.' })
export class AgeBandYears {
  @Field(() => Int, { description: 'Youngest age in the band, in whole years.' })
  from: number;

  @Field(() => Int, { description: 'Oldest age in the band, in whole years.' })
  to: number;
}

@ObjectType({ description: 'Rehabilitation coordination of a region for planners (PLANNER, TENANT_ADMIN): the cases opened in a period and what became of them, by care unit, home municipality and age band, for women and men side by side; aggregates only, never a case; small counts suppressed; example data left out.' })
export class CoordinationStatistics {
  @Field(() => LocalDateResolver, { description: 'First day counted (cases opened from then).' })
  from: string;

  @Field(() => LocalDateResolver, { description: 'Last day counted.' })
  to: string;

  @Field(() => Int, {
    description: 'Counts from 1 up to this value less one are shown as "<threshold"; counts hidden so that those cannot be worked out (from the other sex, rows or breakdowns) are shown as "..".',
  })
  smallCellThreshold: number;

  @Field(() => AgeBandYears, { description: 'The young-adult band the age bands are counted against.' })
  youngAdultAgeBand: AgeBandYears;

  @Field(() => CoordinationFigures, { description: 'The whole region.' })
  region: CoordinationFigures;

  @Field(() => [CoordinationCareUnitFigures], { description: 'Every care unit with cases opened in the period, by name.' })
  byCareUnit: CoordinationCareUnitFigures[];

  @Field(() => [CoordinationMunicipalityFigures], { description: 'Every municipality of the region by name, zeros included (then patients with no municipality recorded, if any).' })
  byMunicipality: CoordinationMunicipalityFigures[];

  @Field(() => [CoordinationAgeBandFigures], { description: 'Below, in and above the young-adult band, zeros included.' })
  byAgeBand: CoordinationAgeBandFigures[];

  @Field(() => [EmployerContactGap], { description: 'Every age band with every occupation, zeros included: the share of cases with employer contact, women against men.' })
  employerContactGap: EmployerContactGap[];
}
