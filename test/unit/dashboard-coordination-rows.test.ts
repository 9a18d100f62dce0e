import type { BySex } from '../../dashboard/src/components/figure';
import { columns, COORDINATION_MEASURES, type CoordinationFigures, figureOf } from '../../dashboard/src/views/coordination.measures';
import { breakdowns } from '../../dashboard/src/views/coordination.rows';
import { strings } from '../../dashboard/src/views/coordination.strings';

/** A figure as the API gives it; the view passes it on untouched, so "<5" and ".." stay as they are. */
const shown = (display: string) => ({ display, value: /^\d+$/.test(display) ? Number(display) : null, suppressed: /^(<\d+|\.\.)$/.test(display) });
const bySex = (female: string, male: string, total: string): BySex => ({ female: shown(female), male: shown(male), total: shown(total) });
const figures = (opened: BySex, kva: { code: string; per100Cases: BySex }[] = []): CoordinationFigures => ({
  ...(Object.fromEntries(COORDINATION_MEASURES.map((m) => [m, bySex('0', '0', '0')])) as Record<(typeof COORDINATION_MEASURES)[number], BySex>),
  opened,
  kvaPer100Cases: kva,
});

describe("the coordination view's rows and columns", () => {
  const falun = figures(bySex('12', '<5', '15'));
  const mora = figures(bySex('..', '..', '9'));
  const nowhere = figures(bySex('0', '<5', '<5'));
  const report = {
    youngAdultAgeBand: { from: 16, to: 29 },
    byCareUnit: [
      { careUnit: { id: 'u1', name: 'Vårdcentralen Falun' }, figures: falun },
      { careUnit: null, figures: nowhere },
    ],
    byMunicipality: [
      { municipality: { id: 'm1', name: 'Falu kommun', municipalityCode: '2080' }, figures: falun },
      { municipality: { id: 'm2', name: 'Mora kommun', municipalityCode: '2062' }, figures: mora },
      { municipality: null, figures: nowhere },
    ],
    byAgeBand: [
      { ageBand: 'BELOW_YOUNG_ADULT' as const, figures: nowhere },
      { ageBand: 'YOUNG_ADULT' as const, figures: falun },
      { ageBand: 'ABOVE_YOUNG_ADULT' as const, figures: mora },
    ],
  };

  it('lists every care unit, municipality and age band of the report, with names for the unrecorded and the band in years', () => {
    const [careUnits, municipalities, ageBands] = breakdowns(report, null, strings.en);
    expect(careUnits.rows.map((r) => [r.header, r.figures.opened.male.display])).toEqual([
      ['Vårdcentralen Falun', '<5'],
      ['No care unit recorded', '<5'],
    ]);
    expect(municipalities.rows.map((r) => r.header)).toEqual(['Falu kommun', 'Mora kommun', 'Unknown home municipality']);
    expect(ageBands.rows.map((r) => r.header)).toEqual(['Under 16', '16–29', 'Over 29']);
    expect(breakdowns(report, null, strings.sv)[2].rows.map((r) => r.header)).toEqual(['Under 16 år', '16–29 år', 'Över 29 år']);
  });

  it('keeps only the chosen municipality in its table (the API takes no municipality), the other tables the region’s', () => {
    const [careUnits, municipalities, ageBands] = breakdowns(report, '2062', strings.en);
    expect(municipalities.rows).toEqual([{ header: 'Mora kommun', figures: mora }]);
    expect(careUnits.rows).toHaveLength(2);
    expect(ageBands.rows).toHaveLength(3);
  });

  it('adds a column per KVÅ code of the region, and a row without that code has no figure for it', () => {
    const rate = bySex('40.00', '..', '35.50');
    const region = figures(bySex('20', '10', '30'), [{ code: 'AU118', per100Cases: rate }]);
    const cols = columns(region);
    expect(cols).toEqual([...COORDINATION_MEASURES.map((measure) => ({ measure })), { kva: 'AU118' }]);
    expect(figureOf(region, { kva: 'AU118' })).toBe(rate);
    expect(figureOf(falun, { kva: 'AU118' })).toBeNull();
    expect(figureOf(mora, { measure: 'opened' })?.female.display).toBe('..');
  });
});
