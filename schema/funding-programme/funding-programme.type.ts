import { Field, ID, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { CareLevel } from '../../domain/enums';
import { FundingUnit, Indication, ReportingCadence } from '../../domain/funding-programme';
import './funding-programme.enums';

@ObjectType({ description: 'One version of a form of a funding programme (KBT, IPT, MMR1, MMR2) with what it pays.' })
export class FundingProgrammeForm {
  @Field({ description: 'The form, e.g. KBT, IPT, MMR1, MMR2.' })
  code: string;

  @Field({ description: 'Its name.' })
  name: string;

  @Field(() => FundingUnit, { description: 'What the amount pays for: a treatment or a series.' })
  unit: FundingUnit;

  @Field(() => CareLevel, { nullable: true, description: 'The care level that usually gives it (MMR1 primary care, MMR2 specialist care); null when any may.' })
  careLevel: CareLevel | null;

  @Field(() => Int, { nullable: true, description: 'Fewest sessions a treatment has as a rule; null when not counted in sessions.' })
  sessionsMin: number | null;

  @Field(() => Int, { nullable: true, description: 'Most sessions a treatment has as a rule; null when not counted in sessions.' })
  sessionsMax: number | null;

  @Field(() => Int, { nullable: true, description: 'Fewest weeks a series runs; null when not counted in weeks.' })
  weeksMin: number | null;

  @Field(() => Int, { nullable: true, description: 'Most weeks a series runs; null when not counted in weeks.' })
  weeksMax: number | null;

  @Field(() => [Indication], { description: 'The conditions it treats.' })
  indications: Indication[];

  @Field(() => Int, { description: 'Paid per treatment or series, in whole SEK.' })
  amountSek: number;

  @Field(() => LocalDateResolver, { description: 'First day this version applies.' })
  validFrom: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Last day it applies; null while open-ended.' })
  validTo: string | null;
}

@ObjectType({ description: 'One version of a national funding programme: money paid to a principal per treatment given under set conditions (e.g. rehabiliteringsgarantin 2008–2015).' })
export class FundingProgramme {
  @Field(() => ID, { description: 'Stable identifier of this version.' })
  id: string;

  @Field({ description: 'The programme, e.g. REHABILITERINGSGARANTIN; the same for all its versions.' })
  code: string;

  @Field({ description: 'Its name.' })
  name: string;

  @Field(() => LocalDateResolver, { description: 'First day this version applies.' })
  validFrom: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Last day it applies; null while open-ended.' })
  validTo: string | null;

  @Field(() => Int, { description: 'Youngest age admitted, in whole years on the day treatment starts.' })
  ageMin: number;

  @Field(() => Int, { description: 'Oldest age admitted, in whole years on the day treatment starts.' })
  ageMax: number;

  @Field({ description: 'What must hold besides age and indication, as the agreement says it.' })
  conditions: string;

  @Field(() => ReportingCadence, { description: 'How often treatments given under it are reported.' })
  reportingCadence: ReportingCadence;

  @Field(() => [FundingProgrammeForm], { description: 'Its forms by code then start: those valid on the day asked for, or every version when no day was given.' })
  forms: FundingProgrammeForm[];
}
