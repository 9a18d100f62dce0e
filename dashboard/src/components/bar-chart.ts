import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { Lang } from '../i18n';
import { strings } from './components.strings';
import { el } from './dom';
import type { BySex, Shown } from './figure';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, AriaComponent, CanvasRenderer]);

/** Dark enough against white for text and bars (contrast above 4.5:1); told apart by pattern and legend too. */
const WOMEN = '#6a1b6e';
const MEN = '#0b5394';

/** A bar's data: no bar for a hidden figure (its display, "<5" or "..", as the label), else the value. */
function bar(figure: Shown) {
  return figure.value === null
    ? { value: 0, display: figure.display, label: { show: true, formatter: figure.display, position: 'top' as const } }
    : { value: figure.value, display: figure.display };
}

/**
 * A bar chart of women and men side by side per category (ECharts on canvas: works under the CSP).
 * Women and men differ by pattern (decals) and the legend as well as by colour; the table beside it
 * carries the same figures as text. Appended to `parent` (it takes its size from there); resizes with it.
 */
export function sexBarChart(parent: HTMLElement, spec: { title: string; categories: string[]; figures: BySex[] }, lang: Lang): void {
  const s = strings[lang];
  const container = el('div', { class: 'chart', role: 'img', 'aria-label': spec.title });
  parent.append(container);
  const chart = echarts.init(container, null, { renderer: 'canvas' });
  chart.setOption({
    animation: false,
    // Patterns (decals) tell women and men apart; the description is the title alone (ECharts would list every value, 0 for a hidden one).
    aria: { enabled: true, decal: { show: true }, label: { description: spec.title } },
    textStyle: { color: '#1a1a1a' },
    legend: { top: 0, textStyle: { color: '#1a1a1a' } },
    tooltip: {
      trigger: 'axis',
      formatter: (params: { seriesName: string; name: string; data: { display: string } }[]) =>
        [params[0]?.name ?? '', ...params.map((p) => `${p.seriesName}: ${p.data.display}`)].join('<br>'),
    },
    grid: { left: 48, right: 16, top: 40, bottom: 96 },
    xAxis: { type: 'category', data: spec.categories, axisLabel: { rotate: 45, color: '#1a1a1a' } },
    yAxis: { type: 'value', axisLabel: { color: '#1a1a1a' } },
    series: [
      { name: s.women, type: 'bar', itemStyle: { color: WOMEN }, data: spec.figures.map((f) => bar(f.female)) },
      { name: s.men, type: 'bar', itemStyle: { color: MEN }, data: spec.figures.map((f) => bar(f.male)) },
    ],
  });
  const observer = new ResizeObserver(() => chart.resize());
  observer.observe(container);
  drawn.set(container, () => {
    observer.disconnect();
    chart.dispose();
  });
}

/** What ends each chart drawn: its resize observer and its ECharts instance. */
const drawn = new WeakMap<Element, () => void>();

/** Ends the charts under `root` before it is redrawn or removed. */
export function disposeCharts(root: Element): void {
  for (const container of root.querySelectorAll('.chart')) drawn.get(container)?.();
}
