import type { CoordinationStatisticsQuery } from '../../../client-sdk/src/generated';
import type { CoordinationFigures } from './coordination.measures';
import type { strings } from './coordination.strings';

type Report = Pick<CoordinationStatisticsQuery['coordinationStatistics'], 'youngAdultAgeBand' | 'byCareUnit' | 'byMunicipality' | 'byAgeBand'>;
type Words = (typeof strings)['sv'];

/** One breakdown of the report: a row per care unit, home municipality or age band. */
export interface Breakdown {
  id: 'care-unit' | 'municipality' | 'age-band';
  heading: string;
  rowHeader: string;
  rows: { header: string; figures: CoordinationFigures }[];
}

/** With a municipality chosen only its row is kept: the API has no municipality argument. */
export function breakdowns(report: Report, municipalityCode: string | null, s: Words): Breakdown[] {
  const band = report.youngAdultAgeBand;
  return [
    {
      id: 'care-unit',
      heading: s.byCareUnit,
      rowHeader: s.careUnit,
      rows: report.byCareUnit.map((r) => ({ header: r.careUnit?.name ?? s.unknownCareUnit, figures: r.figures })),
    },
    {
      id: 'municipality',
      heading: s.byMunicipality,
      rowHeader: s.municipality,
      rows: report.byMunicipality
        .filter((r) => municipalityCode === null || r.municipality?.municipalityCode === municipalityCode)
        .map((r) => ({ header: r.municipality?.name ?? s.unknownMunicipality, figures: r.figures })),
    },
    {
      id: 'age-band',
      heading: s.byAgeBand,
      rowHeader: s.ageBandHeader,
      rows: report.byAgeBand.map((r) => ({ header: s.ageBands[r.ageBand](band), figures: r.figures })),
    },
  ];
}
