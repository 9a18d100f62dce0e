import { HandoffDeadlineReportDocument, type HandoffDeadlineReportQuery } from '../../../client-sdk/src/generated';
import { disposeCharts, sexBarChart } from '../components/bar-chart';
import { sexTable } from '../components/data-table';
import { el, field } from '../components/dom';
import type { BySex } from '../components/figure';
import { DISCHARGE_MEASURES, type DischargeMeasure } from './discharge.measures';
import { strings } from './discharge.strings';
import type { View, ViewContext } from './types';

type Figures = HandoffDeadlineReportQuery['handoffDeadlineReport']['region'];

/** One breakdown of the report: a row per municipality, hospital or month. */
interface Breakdown {
  id: string;
  heading: string;
  rowHeader: string;
  rows: { header: string; figures: Figures }[];
}

function breakdowns(report: HandoffDeadlineReportQuery['handoffDeadlineReport'], ctx: ViewContext): Breakdown[] {
  const s = strings[ctx.lang];
  const chosen = ctx.municipalities.find((m) => m.code === ctx.municipalityCode);
  return [
    {
      id: 'municipality',
      heading: s.byMunicipality,
      rowHeader: s.municipality,
      rows: report.byMunicipality.map((r) => ({ header: r.municipality?.name ?? s.unknownMunicipality, figures: r.figures })),
    },
    {
      id: 'hospital',
      heading: s.byHospital,
      rowHeader: s.hospital,
      rows: report.byHospital.map((r) => ({ header: r.hospital?.name ?? s.unknownHospital, figures: r.figures })),
    },
    {
      id: 'month',
      heading: s.byMonth(chosen?.name ?? s.region),
      rowHeader: s.month,
      // With a municipality chosen, its row of each month; else the region's.
      rows: report.byMonth.map((m) => ({ header: m.month, figures: chosen ? m.byMunicipality[0].figures : m.region })),
    },
  ];
}

const figure = (f: Figures, measure: DischargeMeasure): BySex => f[measure];

/** Draws one breakdown: the chart of the measure chosen beside the table of every measure. */
function section(b: Breakdown, measure: DischargeMeasure, ctx: ViewContext): HTMLElement {
  const s = strings[ctx.lang];
  const headingId = `discharge-${b.id}`;
  const chart = el('div', { class: 'chart-box' });
  const part = el(
    'section',
    { class: 'breakdown', 'aria-labelledby': headingId, 'data-breakdown': b.id },
    el('h2', { id: headingId }, b.heading),
    el(
      'div',
      { class: 'side-by-side' },
      chart,
      sexTable(
        {
          caption: `${s.title}: ${b.heading} (${ctx.period.from} – ${ctx.period.to})`,
          fileName: `samordnad-utskrivning-${b.id}-${ctx.period.from}-${ctx.period.to}.csv`,
          rowHeader: b.rowHeader,
          measures: DISCHARGE_MEASURES.map((m) => s.measures[m]),
          rows: b.rows.map((r) => ({ header: r.header, figures: DISCHARGE_MEASURES.map((m) => figure(r.figures, m)) })),
        },
        ctx.lang,
      ),
    ),
  );
  // The chart sizes itself from its box, so it is drawn once the section is in the page.
  queueMicrotask(() =>
    sexBarChart(chart, { title: s.chart(s.measures[measure], b.heading), categories: b.rows.map((r) => r.header), figures: b.rows.map((r) => figure(r.figures, measure)) }, ctx.lang),
  );
  return part;
}

/** Samordnad utskrivning: handoffDeadlineReport by home municipality, hospital and month. */
export const dischargeView: View = {
  id: 'discharge',
  title: { sv: strings.sv.title, en: strings.en.title },
  async render(root, ctx) {
    const s = strings[ctx.lang];
    const { handoffDeadlineReport: report } = await ctx.api.request(HandoffDeadlineReportDocument, {
      regionCode: ctx.region.code,
      country: ctx.region.country,
      period: ctx.period,
      municipalityCode: ctx.municipalityCode,
    });
    const parts = breakdowns(report, ctx);
    const select = el('select', { id: 'discharge-measure' });
    for (const m of DISCHARGE_MEASURES) select.append(el('option', { value: m }, s.measures[m]));
    const sections = el('div', { class: 'breakdowns' });
    const draw = () => {
      disposeCharts(sections);
      sections.replaceChildren(...parts.map((b) => section(b, select.value as DischargeMeasure, ctx)));
    };
    select.addEventListener('change', draw);
    root.append(el('p', { class: 'intro' }, s.intro(report.smallCellThreshold)), field(s.measure, select), sections);
    draw();
  },
};
