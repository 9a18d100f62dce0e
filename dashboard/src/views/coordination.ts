import { CoordinationStatisticsDocument, type CoordinationStatisticsQuery } from '../../../client-sdk/src/generated';
import { disposeCharts, sexBarChart } from '../components/bar-chart';
import { strings as tableWords } from '../components/components.strings';
import { dataTable } from '../components/data-table';
import { el, field } from '../components/dom';
import { type BySex, SEXES } from '../components/figure';
import { type Column, columns, COORDINATION_MEASURES, type CoordinationFigures, type CoordinationMeasure, figureOf } from './coordination.measures';
import { type Breakdown, breakdowns } from './coordination.rows';
import { strings } from './coordination.strings';
import type { View, ViewContext } from './types';

type Report = CoordinationStatisticsQuery['coordinationStatistics'];

/** A breakdown's section: the chart of the measure picked beside the table of every column. */
function section(b: Breakdown, cols: Column[], measure: CoordinationMeasure, ctx: ViewContext): HTMLElement {
  const s = strings[ctx.lang];
  const chart = el('div', { class: 'chart-box' });
  const sexes = SEXES.map((x) => tableWords[ctx.lang].sexes[x]);
  const table = dataTable(
    {
      caption: `${s.title}: ${b.heading} (${ctx.period.from} – ${ctx.period.to})`,
      fileName: `koordinering-${b.id}-${ctx.period.from}-${ctx.period.to}.csv`,
      groups: cols.map((c) => ({ label: 'measure' in c ? s.measures[c.measure] : s.kva(c.kva), span: SEXES.length })),
      columns: [b.rowHeader, ...cols.flatMap(() => sexes)],
      // The API lists the same KVÅ codes in every row; were one missing, "–" says there is no rate rather than inventing one.
      rows: b.rows.map((r) => ({ header: r.header, cells: cols.flatMap((c) => SEXES.map((x) => figureOf(r.figures, c)?.[x] ?? '–')) })),
    },
    ctx.lang,
  );
  // Care units are listed only with cases opened: with none there is nothing to chart.
  if (b.rows.length === 0) chart.append(el('p', { class: 'no-rows' }, s.noRows));
  else
    queueMicrotask(() =>
      sexBarChart(
        chart,
        { title: s.chart(s.measures[measure], b.heading), categories: b.rows.map((r) => r.header), figures: b.rows.map((r) => r.figures[measure]) },
        ctx.lang,
      ),
    );
  return el(
    'section',
    { class: 'breakdown', 'aria-labelledby': `coordination-${b.id}`, 'data-breakdown': b.id },
    el('h2', { id: `coordination-${b.id}` }, b.heading),
    el('div', { class: 'side-by-side' }, chart, table),
  );
}

/** The gap per age band and occupation: opened, with employer contact, the share, women less men. */
function gapSection(report: Report, ctx: ViewContext): HTMLElement {
  const s = strings[ctx.lang];
  const sexes = SEXES.map((x) => tableWords[ctx.lang].sexes[x]);
  const measures: ('opened' | 'withEmployerContact' | 'employerContactShare')[] = ['opened', 'withEmployerContact', 'employerContactShare'];
  const headers = report.employerContactGap.map((g) => `${s.ageBands[g.ageBand](report.youngAdultAgeBand)}, ${s.occupations[g.occupation]}`);
  const chart = el('div', { class: 'chart-box' });
  const table = dataTable(
    {
      caption: `${s.gap} (${ctx.period.from} – ${ctx.period.to})`,
      fileName: `koordinering-arbetsgivarkontakt-${ctx.period.from}-${ctx.period.to}.csv`,
      groups: [...measures.map((m) => ({ label: s.measures[m], span: SEXES.length })), { label: s.gapPoints, span: 1 }],
      columns: [s.gapRow, ...measures.flatMap(() => sexes), s.gapPoints],
      rows: report.employerContactGap.map((g, i) => ({
        header: headers[i],
        cells: [...measures.flatMap((m) => SEXES.map((x) => (g[m] as BySex)[x])), g.gapPercentagePoints],
      })),
    },
    ctx.lang,
  );
  queueMicrotask(() =>
    sexBarChart(chart, { title: s.gapChart, categories: headers, figures: report.employerContactGap.map((g) => g.employerContactShare) }, ctx.lang),
  );
  return el(
    'section',
    { class: 'breakdown', 'aria-labelledby': 'coordination-gap', 'data-breakdown': 'gap' },
    el('h2', { id: 'coordination-gap' }, s.gap),
    el('div', { class: 'side-by-side' }, chart, table),
  );
}

/** Rehabiliteringskoordinering: coordinationStatistics by care unit, municipality and age band, and the employer-contact gap. */
export const coordinationView: View = {
  id: 'coordination',
  title: { sv: strings.sv.title, en: strings.en.title },
  async render(root, ctx) {
    const s = strings[ctx.lang];
    const { coordinationStatistics: report } = await ctx.api.request(CoordinationStatisticsDocument, {
      regionCode: ctx.region.code,
      country: ctx.region.country,
      period: ctx.period,
    });
    const chosen = ctx.municipalities.find((m) => m.code === ctx.municipalityCode)?.name ?? null;
    const parts = breakdowns(report, ctx.municipalityCode, s);
    const cols = columns(report.region);
    const select = el('select', { id: 'coordination-measure' });
    for (const m of COORDINATION_MEASURES) select.append(el('option', { value: m }, s.measures[m]));
    const sections = el('div', { class: 'breakdowns' });
    const draw = () => {
      disposeCharts(sections);
      sections.replaceChildren(...parts.map((b) => section(b, cols, select.value as CoordinationMeasure, ctx)), gapSection(report, ctx));
    };
    select.addEventListener('change', draw);
    root.append(el('p', { class: 'intro' }, s.intro(report.smallCellThreshold, chosen)), field(s.measure, select), sections);
    draw();
  },
};
