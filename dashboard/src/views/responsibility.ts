import {
  type AgreementScenario,
  type DashboardResponsibilityRuleQuery,
  DashboardResponsibilityChangesDocument,
  type DashboardResponsibilityChangesQuery,
  DashboardResponsibilityMapDocument,
  DashboardResponsibilityRuleDocument,
  DashboardResponsibilitySummaryDocument,
} from '../../../client-sdk/src/generated';
import { ApiError } from '../api';
import { strings as components } from '../components/components.strings';
import { toCsv } from '../components/csv';
import { downloadCsv } from '../components/download';
import { el, field } from '../components/dom';
import { showError } from '../components/messages';
import { readState, stateHref } from '../state';
import { allRows, changedRows, KINDS, type MapRow, PARTS, summaryRows } from './responsibility.rows';
import { partText, ruleContent } from './responsibility.rule';
import { strings } from './responsibility.strings';
import type { View, ViewContext } from './types';

const SCENARIOS: readonly AgreementScenario[] = ['CURRENT', 'TARGET', 'DRAFT'];
/** Text marks beside the words (never colour alone): changed, gap, overlap. */
const ICONS = { CHANGED: '≠', GAP: '○', OVERLAP: '⊕' } as const;

type S = (typeof strings)['sv'];
type DecidingAnswer = DashboardResponsibilityRuleQuery['responsibility'];

/** A table in a keyboard-scrollable region with a CSV button: cells are text or nodes, the CSV gets their text. */
function tableWithCsv(caption: string, fileName: string, head: HTMLTableSectionElement, csvHeader: string[], body: HTMLTableSectionElement, csvRows: string[][], ctx: ViewContext): HTMLElement {
  const c = components[ctx.lang];
  const table = el('table', {}, el('caption', {}, caption), head, body);
  const scroller = el('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': `${caption} (${c.scroll})` }, table);
  const csv = el('button', { type: 'button', class: 'csv' }, `${c.csv}: ${caption}`);
  csv.addEventListener('click', () => downloadCsv(fileName, toCsv(csvHeader, csvRows)));
  return el('div', { class: 'data-table' }, scroller, csv);
}

function kindMarks(row: MapRow, s: S): HTMLElement {
  const cell = el('td', { class: 'marks' });
  for (const k of row.kinds) cell.append(el('span', { class: `mark mark-${k.toLowerCase()}` }, el('span', { 'aria-hidden': 'true' }, ICONS[k]), ` ${s.kinds[k]}`));
  return cell;
}

/** One scenario's cells of a row: the three parts (a changed one marked in words) and the rule button. */
type OpenRule = (row: MapRow, side: 'from' | 'to', button: HTMLButtonElement) => Promise<void>;

function sideCells(row: MapRow, side: 'from' | 'to', scenario: string, s: S, openRule: OpenRule): HTMLElement[] {
  const answer = row[side];
  const cells: HTMLElement[] = PARTS.map((part) => {
    if (answer.status === 'UNASSIGNED') return el('td', { class: 'gap' }, part === 'responsible' ? s.gap : s.none);
    if (answer.status === 'OVERLAP') return el('td', { class: 'overlap' }, part === 'responsible' ? s.overlap : s.none);
    const changed = side === 'to' && row.changedParts.includes(part);
    const td = el('td', changed ? { class: 'changed' } : {}, partText(answer, part, s));
    if (changed) td.append(' ', el('span', { class: 'mark mark-changed' }, el('span', { 'aria-hidden': 'true' }, ICONS.CHANGED), ` ${s.changedCell}`));
    return td;
  });
  const id = `rule-${row.interventionCode}-${row.housingForm}-${row.enrolledInHomeHealthCare ? 'enrolled' : 'not-enrolled'}-${side}`.toLowerCase();
  const button = el('button', { type: 'button', id, class: 'rule', 'aria-haspopup': 'dialog', 'aria-label': s.openRule(scenario, `${row.interventionName}, ${s.housingForms[row.housingForm]}, ${s.enrolled.toLowerCase()}: ${row.enrolledInHomeHealthCare ? s.yes : s.no}`) }, s.rule);
  button.addEventListener('click', () => {
    openRule(row, side, button).catch((e: Error) => showError(e.message, e instanceof ApiError ? e.code : undefined));
  });
  cells.push(el('td', { class: 'rule-cell' }, button));
  return cells;
}

function csvSide(row: MapRow, side: 'from' | 'to', s: S): string[] {
  const answer = row[side];
  const parts = PARTS.map((part) => {
    if (answer.status === 'UNASSIGNED') return part === 'responsible' ? s.gap : s.none;
    if (answer.status === 'OVERLAP') return part === 'responsible' ? s.overlap : s.none;
    const text = partText(answer, part, s);
    return side === 'to' && row.changedParts.includes(part) ? `${text} (${s.changedCell})` : text;
  });
  return [...parts, answer.rule?.id ?? answer.overlappingRules.map((r) => r.id).join(' ')];
}

/** One side of a row asked again as the matrix asked it, with its rule; a gap has no rule, only why (and a scenario without any agreement on the date could not be asked). */
async function decidingAnswer(ctx: ViewContext, row: MapRow, side: 'from' | 'to', scenario: AgreementScenario, onDate: string): Promise<DecidingAnswer> {
  const answer = row[side];
  if (answer.status === 'UNASSIGNED') return { ...answer, agreement: null, rule: null, overlappingRules: [] };
  const input = { municipalityCode: ctx.municipalityCode!, interventionCode: row.interventionCode, housingForm: row.housingForm, enrolledInHomeHealthCare: row.enrolledInHomeHealthCare, scenario, onDate };
  return (await ctx.api.request(DashboardResponsibilityRuleDocument, { input })).responsibility;
}

/**
 * Opens a cell's deciding rule in a native modal <dialog> (focus kept inside, Escape closes), asked
 * of the API as the same question the matrix answered. The dialog exists only while open, so that
 * Tab never meets its controls hidden; focus goes back to the button after.
 */
function ruleOpener(root: HTMLElement, ctx: ViewContext, question: (side: 'from' | 'to') => { scenario: AgreementScenario; onDate: string }) {
  const s = strings[ctx.lang];
  return async (row: MapRow, side: 'from' | 'to', button: HTMLButtonElement) => {
    const { scenario, onDate } = question(side);
    const responsibility = await decidingAnswer(ctx, row, side, scenario, onDate);
    const close = el('button', { type: 'button', class: 'close' }, s.close);
    const dialog = el(
      'dialog',
      { class: 'rule-dialog', id: 'responsibility-rule', 'aria-labelledby': 'responsibility-rule-title' },
      ...ruleContent(row, responsibility, s.scenarios[scenario], ctx.lang, 'responsibility-rule-title'),
      close,
    );
    close.addEventListener('click', () => dialog.close());
    dialog.addEventListener('close', () => {
      dialog.remove();
      button.focus();
    });
    root.append(dialog);
    dialog.showModal();
    close.focus();
  };
}

/** One municipality's situations (the marked ones, or all), both scenarios side by side. */
function mapTable(shown: MapRow[], all: boolean, names: { from: string; to: string; fromDate: string; toDate: string; municipality: string }, ctx: ViewContext, openRule: OpenRule): HTMLElement {
  const s = strings[ctx.lang];
  const sideHeaders = [...PARTS.map((p) => s.parts[p]), s.rule];
  const head = el(
    'thead',
    {},
    el(
      'tr',
      {},
      el('th', { scope: 'col', rowspan: '2' }, s.intervention),
      el('th', { scope: 'col', rowspan: '2' }, s.housingForm),
      el('th', { scope: 'col', rowspan: '2' }, s.enrolled),
      el('th', { scope: 'colgroup', colspan: String(sideHeaders.length), class: 'side-from' }, `${names.from} (${names.fromDate})`),
      el('th', { scope: 'colgroup', colspan: String(sideHeaders.length), class: 'side-to' }, `${names.to} (${names.toDate})`),
      el('th', { scope: 'col', rowspan: '2' }, s.marks),
    ),
    el('tr', {}, ...[...sideHeaders, ...sideHeaders].map((h) => el('th', { scope: 'col' }, h))),
  );
  const body = el('tbody');
  for (const row of shown) {
    body.append(
      el(
        'tr',
        { ...(row.kinds.length > 0 ? { class: 'marked' } : {}), 'data-situation': `${row.interventionCode}|${row.housingForm}|${row.enrolledInHomeHealthCare}` },
        el('th', { scope: 'row' }, row.interventionName),
        el('td', { class: 'text' }, s.housingForms[row.housingForm]),
        el('td', { class: 'text' }, row.enrolledInHomeHealthCare ? s.yes : s.no),
        ...sideCells(row, 'from', names.from, s, openRule),
        ...sideCells(row, 'to', names.to, s, openRule),
        kindMarks(row, s),
      ),
    );
  }
  const csvHeader = [s.intervention, s.housingForm, s.enrolled, ...sideHeaders.map((h) => `${names.from} – ${h}`), ...sideHeaders.map((h) => `${names.to} – ${h}`), s.marks];
  const csvRows = shown.map((r) => [r.interventionName, s.housingForms[r.housingForm], r.enrolledInHomeHealthCare ? s.yes : s.no, ...csvSide(r, 'from', s), ...csvSide(r, 'to', s), r.kinds.map((k) => s.kinds[k]).join(', ')]);
  const caption = s.caption(names.municipality, names.from, names.to, names.fromDate, names.toDate, all);
  const fileName = `ansvarsfordelning-${ctx.municipalityCode}-${names.from}-${names.to}-${names.toDate}.csv`.toLowerCase();
  const parts: HTMLElement[] = [el('p', { class: 'shown-of', role: 'status' }, s.shownCount(shown.length))];
  if (shown.length === 0) parts.push(el('p', { class: 'notice' }, s.noMarked));
  parts.push(tableWithCsv(caption, fileName, head, csvHeader, body, csvRows, ctx));
  return el('div', { class: 'responsibility-map' }, ...parts);
}

/** Without a municipality chosen: each municipality's counts of changed, gap and overlap cases, each name a link to its map. */
function summaryTable(answer: Awaited<ReturnType<typeof fetchSummary>>, from: string, to: string, ctx: ViewContext): HTMLElement {
  const s = strings[ctx.lang];
  const rows = summaryRows(answer.responsibilityComparison, ctx.municipalities);
  const head = el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, s.municipality), ...KINDS.map((k) => el('th', { scope: 'col' }, s.kinds[k]))));
  const body = el('tbody');
  const state = readState();
  for (const r of rows) {
    body.append(
      el('tr', {}, el('th', { scope: 'row' }, el('a', { href: stateHref({ ...state, municipality: r.code }) }, r.name)), ...KINDS.map((k) => el('td', {}, String(r.counts[k])))),
    );
  }
  const caption = s.summaryCaption(from, to, answer.responsibilityComparison.toDate);
  return el(
    'section',
    { 'aria-labelledby': 'responsibility-summary' },
    el('h2', { id: 'responsibility-summary' }, s.summaryHeading),
    el('p', {}, s.summaryIntro),
    tableWithCsv(caption, `ansvarsfordelning-kommuner-${from}-${to}.csv`.toLowerCase(), head, [s.municipality, ...KINDS.map((k) => s.kinds[k])], body, rows.map((r) => [r.name, ...KINDS.map((k) => String(r.counts[k]))]), ctx),
  );
}

const fetchSummary = (ctx: ViewContext, from: AgreementScenario, to: AgreementScenario) =>
  ctx.api.request(DashboardResponsibilitySummaryDocument, { regionCode: ctx.region.code, from, to });

function scenarioSelect(id: string, value: AgreementScenario, s: S): HTMLSelectElement {
  const select = el('select', { id });
  for (const sc of SCENARIOS) select.append(el('option', { value: sc }, s.scenarios[sc]));
  select.value = value;
  return select;
}

/** Ansvarsfördelning: one municipality's interventions × (housing form, enrolment) in two scenarios side by side. */
export const responsibilityView: View = {
  id: 'responsibility',
  title: { sv: strings.sv.title, en: strings.en.title },
  controls: { period: false, municipality: true },
  async render(root, ctx) {
    const s = strings[ctx.lang];
    const from = scenarioSelect('responsibility-from', 'CURRENT', s);
    const to = scenarioSelect('responsibility-to', 'TARGET', s);
    const all = el('input', { type: 'checkbox', id: 'responsibility-all' });
    const municipality = ctx.municipalities.find((m) => m.code === ctx.municipalityCode);
    const output = el('div', { class: 'responsibility-output' });
    let names = { from: '', to: '', fromDate: '', toDate: '', municipality: municipality?.name ?? '' };
    // The scenario and date the shown rows were read on (not the selects', which may have changed since).
    let read = { from: 'CURRENT' as AgreementScenario, to: 'TARGET' as AgreementScenario };
    const open = ruleOpener(root, ctx, (side) => ({ scenario: read[side], onDate: side === 'from' ? names.fromDate : names.toDate }));
    const legend = el(
      'ul',
      { class: 'legend', 'aria-label': s.legend },
      ...KINDS.map((k) => el('li', {}, el('span', { class: `mark mark-${k.toLowerCase()}` }, el('span', { 'aria-hidden': 'true' }, ICONS[k]), ` ${s.kinds[k]}`), `: ${s.kindHelp[k]}`)),
    );
    let changes: DashboardResponsibilityChangesQuery | null = null;
    // Every row of the scenarios read, fetched the first time they are asked for.
    let everything: MapRow[] | null = null;
    const draw = async () => {
      if (!changes) return;
      if (all.checked && !everything) {
        const { fromDate, toDate } = changes.responsibilityComparison;
        everything = allRows(changes, await ctx.api.request(DashboardResponsibilityMapDocument, { regionCode: ctx.region.code, municipalityCode: ctx.municipalityCode!, ...read, fromDate, toDate }));
      }
      output.replaceChildren(mapTable(all.checked ? everything! : changedRows(changes), all.checked, names, ctx, open));
    };

    const load = async () => {
      const f = from.value as AgreementScenario;
      const t = to.value as AgreementScenario;
      if (f === t) {
        output.replaceChildren(el('p', { class: 'notice', role: 'status' }, s.sameScenario));
        return;
      }
      if (!municipality) {
        output.replaceChildren(summaryTable(await fetchSummary(ctx, f, t), s.scenarios[f], s.scenarios[t], ctx));
        return;
      }
      changes = await ctx.api.request(DashboardResponsibilityChangesDocument, { regionCode: ctx.region.code, municipalityCode: municipality.code, from: f, to: t });
      everything = null;
      read = { from: f, to: t };
      const { fromDate, toDate } = changes.responsibilityComparison;
      names = { ...names, from: s.scenarios[f], to: s.scenarios[t], fromDate, toDate };
      await draw();
    };
    // Later changes fail into the message area themselves; the first load's failure is the shell's to show.
    const busy = (work: () => Promise<void>) => () => {
      root.setAttribute('aria-busy', 'true');
      work()
        .catch((e: Error) => showError(e.message, e instanceof ApiError ? e.code : undefined))
        .finally(() => root.setAttribute('aria-busy', 'false'));
    };
    from.addEventListener('change', busy(load));
    to.addEventListener('change', busy(load));
    all.addEventListener('change', busy(draw));

    const choices = el('div', { class: 'controls' }, field(s.from, from), field(s.to, to));
    if (municipality) {
      all.setAttribute('aria-describedby', 'responsibility-all-hint');
      choices.append(el('div', { class: 'field check' }, el('div', {}, all, ' ', el('label', { for: all.id }, s.showAll)), el('span', { class: 'hint', id: 'responsibility-all-hint' }, s.showAllHint)));
    }
    root.append(el('p', { class: 'intro' }, s.intro), choices, legend, output);
    await load();
  },
};
