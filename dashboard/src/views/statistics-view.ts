import { disposeCharts, sexBarChart } from '../components/bar-chart';
import { sexTable } from '../components/data-table';
import { el, field } from '../components/dom';
import type { BySex } from '../components/figure';
import type { Strings } from '../i18n';
import { type Breakdown, breakdowns, type BreakdownWords, type PlannerReport } from './statistics-breakdowns';
import type { View, ViewContext } from './types';

/** A statistics view's words: its title and intro, its measures, and the breakdowns' headings. */
export interface StatisticsWords<M extends string> extends BreakdownWords {
  title: string;
  intro: (threshold: number) => string;
  measure: string;
  measures: Record<M, string>;
  chart: (measure: string, breakdown: string) => string;
}

interface StatisticsSpec<F, M extends string> {
  id: string;
  /** The CSV files' names start with it. */
  fileStem: string;
  measures: readonly M[];
  strings: Strings<StatisticsWords<M>>;
  load(ctx: ViewContext): Promise<PlannerReport<F>>;
  figure(figures: F, measure: M): BySex;
}

/**
 * A view of one planner report: a measure picker, then per breakdown (municipality, month) the
 * chart of the measure picked beside the table of every measure, women and men side by side.
 */
export function statisticsView<F, M extends string>(spec: StatisticsSpec<F, M>): View {
  function section(b: Breakdown<F>, measure: M, ctx: ViewContext): HTMLElement {
    const s = spec.strings[ctx.lang];
    const headingId = `${spec.id}-${b.id}`;
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
            fileName: `${spec.fileStem}-${b.id}-${ctx.period.from}-${ctx.period.to}.csv`,
            rowHeader: b.rowHeader,
            measures: spec.measures.map((m) => s.measures[m]),
            rows: b.rows.map((r) => ({ header: r.header, figures: spec.measures.map((m) => spec.figure(r.figures, m)) })),
          },
          ctx.lang,
        ),
      ),
    );
    // The chart sizes itself from its box, so it is drawn once the section is in the page.
    queueMicrotask(() =>
      sexBarChart(
        chart,
        { title: s.chart(s.measures[measure], b.heading), categories: b.rows.map((r) => r.header), figures: b.rows.map((r) => spec.figure(r.figures, measure)) },
        ctx.lang,
      ),
    );
    return part;
  }

  return {
    id: spec.id,
    title: { sv: spec.strings.sv.title, en: spec.strings.en.title },
    async render(root, ctx) {
      const s = spec.strings[ctx.lang];
      const report = await spec.load(ctx);
      const chosen = ctx.municipalities.find((m) => m.code === ctx.municipalityCode)?.name ?? null;
      const parts = breakdowns(report, chosen, s);
      const select = el('select', { id: `${spec.id}-measure` });
      for (const m of spec.measures) select.append(el('option', { value: m }, s.measures[m]));
      const sections = el('div', { class: 'breakdowns' });
      const draw = () => {
        disposeCharts(sections);
        sections.replaceChildren(...parts.map((b) => section(b, select.value as M, ctx)));
      };
      select.addEventListener('change', draw);
      root.append(el('p', { class: 'intro' }, s.intro(report.smallCellThreshold)), field(s.measure, select), sections);
      draw();
    },
  };
}
