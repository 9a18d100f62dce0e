import type { Lang } from '../i18n';
import { strings } from './components.strings';
import { toCsv } from './csv';
import { downloadCsv } from './download';
import { el } from './dom';
import { type BySex, SEXES, type Shown } from './figure';

/** A table: a caption, column headers (optionally under group headers), rows each led by a row header. */
export interface TableSpec {
  caption: string;
  /** The CSV file's name. */
  fileName: string;
  /** Headers above the columns after the first, each spanning `span` of them. */
  groups?: { label: string; span: number }[];
  /** Every column's header, the row headers' column first. */
  columns: string[];
  rows: { header: string; cells: (Shown | string)[] }[];
}

const text = (cell: Shown | string) => (typeof cell === 'string' ? cell : cell.display);

/** The header of each column for CSV: its group's label and its own. */
function csvHeader(spec: TableSpec): string[] {
  if (!spec.groups) return spec.columns;
  const groupOf: string[] = [''];
  for (const g of spec.groups) for (let i = 0; i < g.span; i += 1) groupOf.push(g.label);
  return spec.columns.map((c, i) => (groupOf[i] ? `${groupOf[i]} – ${c}` : c));
}

/**
 * A real <table> (caption, th with scope) in a keyboard-scrollable region, and a button exporting
 * it as CSV. Figures show the API's `display` exactly: "<5" and ".." stay as they are.
 */
export function dataTable(spec: TableSpec, lang: Lang): HTMLElement {
  const head = el('thead');
  if (spec.groups) {
    const row = el('tr', {}, el('td', {}));
    for (const g of spec.groups) row.append(el('th', { scope: 'colgroup', colspan: String(g.span) }, g.label));
    head.append(row);
  }
  head.append(el('tr', {}, ...spec.columns.map((c) => el('th', { scope: 'col' }, c))));
  const body = el('tbody');
  for (const r of spec.rows) {
    body.append(
      el(
        'tr',
        {},
        el('th', { scope: 'row' }, r.header),
        ...r.cells.map((c) => el('td', typeof c !== 'string' && c.suppressed ? { class: 'suppressed' } : {}, text(c))),
      ),
    );
  }
  const table = el('table', {}, el('caption', {}, spec.caption), head, body);
  const scroller = el('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': `${spec.caption} (${strings[lang].scroll})` }, table);
  const csv = el('button', { type: 'button', class: 'csv' }, `${strings[lang].csv}: ${spec.caption}`);
  csv.addEventListener('click', () => downloadCsv(spec.fileName, toCsv(csvHeader(spec), spec.rows.map((r) => [r.header, ...r.cells.map(text)]))));
  return el('div', { class: 'data-table' }, scroller, csv);
}

/** A table of figures by sex: one group per measure, women, men and total under each. */
export function sexTable(
  spec: { caption: string; fileName: string; rowHeader: string; measures: string[]; rows: { header: string; figures: BySex[] }[] },
  lang: Lang,
): HTMLElement {
  const sexes = SEXES.map((s) => strings[lang].sexes[s]);
  return dataTable(
    {
      caption: spec.caption,
      fileName: spec.fileName,
      groups: spec.measures.map((label) => ({ label, span: SEXES.length })),
      columns: [spec.rowHeader, ...spec.measures.flatMap(() => sexes)],
      rows: spec.rows.map((r) => ({ header: r.header, cells: r.figures.flatMap((f) => SEXES.map((s) => f[s])) })),
    },
    lang,
  );
}
