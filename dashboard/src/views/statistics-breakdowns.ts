/** The shape every planner report shares (issue 16 item 3): the period by municipality, and each month. */
export interface PlannerReport<F> {
  smallCellThreshold: number;
  byMunicipality: { municipality: { name: string } | null; figures: F }[];
  byMonth: { month: string; region: F; byMunicipality: { figures: F }[] }[];
}

/** One breakdown of a report: a row per municipality or per month. */
export interface Breakdown<F> {
  id: 'municipality' | 'month';
  heading: string;
  rowHeader: string;
  rows: { header: string; figures: F }[];
}

export interface BreakdownWords {
  byMunicipality: string;
  byMonth: (where: string) => string;
  municipality: string;
  month: string;
  unknownMunicipality: string;
  region: string;
}

/**
 * The period per home municipality (every one, then persons with none recorded), and each month
 * of the region or, with a municipality chosen (the API then lists only it), of that municipality.
 */
export function breakdowns<F>(report: PlannerReport<F>, chosenName: string | null, words: BreakdownWords): Breakdown<F>[] {
  return [
    {
      id: 'municipality',
      heading: words.byMunicipality,
      rowHeader: words.municipality,
      rows: report.byMunicipality.map((r) => ({ header: r.municipality?.name ?? words.unknownMunicipality, figures: r.figures })),
    },
    {
      id: 'month',
      heading: words.byMonth(chosenName ?? words.region),
      rowHeader: words.month,
      rows: report.byMonth.map((m) => ({ header: m.month, figures: chosenName !== null ? m.byMunicipality[0].figures : m.region })),
    },
  ];
}

