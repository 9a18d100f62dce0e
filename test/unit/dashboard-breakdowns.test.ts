import { breakdowns, type PlannerReport } from '../../dashboard/src/views/statistics-breakdowns';

const words = {
  byMunicipality: 'By home municipality',
  byMonth: (where: string) => `By month: ${where}`,
  municipality: 'Home municipality',
  month: 'Month',
  unknownMunicipality: 'Unknown home municipality',
  region: 'the whole region',
};

/** A figure as the API gives it; the views pass it on untouched, so "<5" and ".." stay as they are. */
const shown = (display: string) => ({ display, value: /^\d+$/.test(display) ? Number(display) : null, suppressed: !/^\d+$/.test(display) });

describe("the dashboard's breakdowns of a planner report", () => {
  const region = { started: shown('40') };
  const falun = { started: shown('12') };
  const unknown = { started: shown('<5') };
  const report: PlannerReport<typeof region> = {
    smallCellThreshold: 5,
    byMunicipality: [
      { municipality: { name: 'Falun' }, figures: falun },
      { municipality: null, figures: unknown },
    ],
    byMonth: [
      { month: '2026-01', region, byMunicipality: [{ figures: falun }] },
      { month: '2026-02', region: { started: shown('..') }, byMunicipality: [{ figures: unknown }] },
    ],
  };

  it('lists every municipality of the report, persons with none recorded by name, and the region by month', () => {
    const [byMunicipality, byMonth] = breakdowns(report, null, words);
    expect(byMunicipality.rows).toEqual([
      { header: 'Falun', figures: falun },
      { header: 'Unknown home municipality', figures: unknown },
    ]);
    expect(byMonth.heading).toBe('By month: the whole region');
    expect(byMonth.rows.map((r) => [r.header, r.figures.started.display])).toEqual([
      ['2026-01', '40'],
      ['2026-02', '..'],
    ]);
  });

  it("shows the chosen municipality's months, not the region's", () => {
    const [, byMonth] = breakdowns(report, 'Falun', words);
    expect(byMonth.heading).toBe('By month: Falun');
    expect(byMonth.rows.map((r) => r.figures.started.display)).toEqual(['12', '<5']);
  });
});
