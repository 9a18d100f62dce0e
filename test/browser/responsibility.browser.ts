import {
  AgreementCreateDocument,
  DashboardResponsibilityChangesDocument,
  DashboardResponsibilityMapDocument,
  DashboardResponsibilityRuleDocument,
  DashboardResponsibilitySummaryDocument,
  ResponsibilityMatrixDocument,
  ResponsibilityRuleCreateDocument,
} from '../../client-sdk/src/generated';
import { seededOrganisationId } from '../../entities/seed/seed';
import { close, contrastProblems, type Dashboard, type OpenedView, readTable, screenshot, startDashboard, tabStops } from './harness';

type MapAnswer = Awaited<ReturnType<typeof fetchMap>>;
type Answer = MapAnswer['fromMatrix']['cells'][number]['municipalities'][number]['answer'];

const MORA = '2062';
const KIND_WORDS = { CHANGED: 'Ändrad', GAP: 'Lucka', OVERLAP: 'Överlapp' } as const;
const keyOf = (c: { interventionCode: string; housingForm: string; enrolledInHomeHealthCare: boolean }) =>
  `${c.interventionCode}|${c.housingForm}|${c.enrolledInHomeHealthCare}`;

let dashboard: Dashboard;
let planner: string;
/** The API's answers the view shows for Mora: the comparison (the rows shown first) and both matrices (all rows). */
async function fetchMap(to: 'TARGET' | 'DRAFT') {
  const question = { regionCode: '20', municipalityCode: MORA, from: 'CURRENT', to } as const;
  const changes = await dashboard.api(DashboardResponsibilityChangesDocument, question, planner);
  const { fromDate, toDate } = changes.responsibilityComparison;
  const matrices = await dashboard.api(DashboardResponsibilityMapDocument, { ...question, fromDate, toDate }, planner);
  return { ...matrices, comparison: changes.responsibilityComparison, sizes: { changes: JSON.stringify(changes).length, matrices: JSON.stringify(matrices).length } };
}

/** The responsible principal as the page must show it: the API's name, or the gap or overlap in words. */
const responsibleText = (a: Answer) => (a.status === 'UNASSIGNED' ? 'Ingen regel (lucka)' : a.status === 'OVERLAP' ? 'Flera regler (överlapp)' : a.responsible!.name);

/** The rows the page shows (by situation) with the cells the test checks against the API. */
async function shownRows(opened: OpenedView) {
  const table = await readTable(opened.page, '.responsibility-map table');
  const situations = await opened.page.$$eval('.responsibility-map tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-situation') ?? ''));
  return { table, rows: table.rows.map((cells, i) => ({ situation: situations[i], cells })) };
}

/** Every shown row equals the API's answers for its situation: principals, marks in words, changed cells named. */
function expectRowsEqualApi(rows: { situation: string; cells: string[] }[], answer: MapAnswer) {
  const kinds = new Map(answer.comparison.cases.map((c) => [keyOf(c), c.kinds]));
  const from = new Map(answer.fromMatrix.cells.map((c) => [keyOf(c), c.municipalities[0].answer]));
  const to = new Map(answer.toMatrix.cells.map((c) => [keyOf(c), c.municipalities[0].answer]));
  for (const { situation, cells } of rows) {
    // Columns: intervention, housing form, enrolled | from: responsible, performer, cost bearer, rule | to: the same | marks.
    const [, , , fromResponsible, , fromCost, , toResponsible, , toCost, , marks] = cells;
    expect([situation, fromResponsible]).toEqual([situation, responsibleText(from.get(situation)!)]);
    expect([situation, toResponsible.replace(/ ≠ ändrad$/, '')]).toEqual([situation, responsibleText(to.get(situation)!)]);
    if (from.get(situation)!.status === 'ASSIGNED') expect(fromCost).toBe(from.get(situation)!.costBearer!.name);
    if (to.get(situation)!.status === 'ASSIGNED') expect(toCost.replace(/ ≠ ändrad$/, '')).toBe(to.get(situation)!.costBearer!.name);
    // Every mark in words (the icon is hidden from screen readers, the word is not).
    for (const kind of kinds.get(situation) ?? []) expect(marks).toContain(KIND_WORDS[kind]);
    // A changed principal is named "ändrad" in its cell, not only coloured.
    const changed = from.get(situation)!.status === 'ASSIGNED' && to.get(situation)!.status === 'ASSIGNED' && from.get(situation)!.responsible!.id !== to.get(situation)!.responsible!.id;
    expect([situation, toResponsible.endsWith('≠ ändrad')]).toEqual([situation, changed]);
  }
}

async function compareWith(opened: OpenedView, scenario: 'TARGET' | 'DRAFT') {
  await opened.page.selectOption('#responsibility-to', scenario);
  const word = scenario === 'DRAFT' ? 'Utkast' : 'Målbild';
  await opened.page.waitForFunction((w) => document.querySelector('.responsibility-map caption')?.textContent?.includes(w), word);
}

describe('the responsibility map in a browser', () => {
  beforeAll(async () => {
    dashboard = await startDashboard();
    planner = await dashboard.token('20', 'PLANNER');
    // Two draft agreements answering home rehabilitation differently: an overlap in the DRAFT scenario
    // (rules of one agreement may not overlap, of two they may); every other case of the drafts is a gap.
    const editor = await dashboard.token('20', 'RESPONSIBILITY_EDITOR');
    const parties = [seededOrganisationId('20')!, seededOrganisationId(MORA)!];
    const validFrom = `${new Date().getUTCFullYear()}-01-01`;
    for (const role of ['HOME_MUNICIPALITY', 'REGION'] as const) {
      const { agreementCreate } = await dashboard.api(AgreementCreateDocument, { input: { title: `Utkast (test): hemrehabilitering, ${role}`, scenario: 'DRAFT', validFrom, partyOrganisationIds: parties } }, editor);
      await dashboard.api(ResponsibilityRuleCreateDocument, { input: { agreementId: agreementCreate.agreement.id, rule: { interventionCode: 'HOME_REHAB', responsible: { role }, note: `Test: ${role}`, sourceReference: 'Browser test' } } }, editor);
    }
  });
  afterAll(() => dashboard?.stop());

  it('shows Mora\'s changed rows of CURRENT and TARGET side by side, equal to the API\'s answer, and all 54 rows on request', async () => {
    const opened = await dashboard.open(planner, 'responsibility', { municipality: MORA });
    expect(opened.messages).toEqual([]);
    expect(opened.cspViolations).toEqual([]);
    console.log(`[${dashboard.backend}] responsibility map (Mora, CURRENT/TARGET): view ready ${opened.loadMs?.toFixed(0)} ms after navigation start`);
    const answer = await fetchMap('TARGET');
    const region = await dashboard.api(ResponsibilityMatrixDocument, { regionCode: '20', scenario: 'CURRENT' }, planner);
    console.log(`[${dashboard.backend}] JSON: the region's responsibilityMatrix (SDK document, names only) ${JSON.stringify(region).length} bytes; the view's answers for Mora: the changed rows ${answer.sizes.changes} bytes, all rows on request ${answer.sizes.matrices} bytes`);
    const { table, rows } = await shownRows(opened);
    expect(table.caption).toMatch(/Mora kommun: Nuläge .* och Målbild/);
    // Only the marked rows by default: exactly the comparison's cases.
    expect(rows.map((r) => r.situation).sort()).toEqual(answer.comparison.cases.map(keyOf).sort());
    expect(rows.length).toBeGreaterThan(0);
    expectRowsEqualApi(rows, answer);
    expect(await opened.page.$$eval('td.changed', (tds) => tds.every((td) => td.textContent!.includes('ändrad')))).toBe(true);
    expect(await contrastProblems(opened.page)).toEqual([]);
    await screenshot(opened.page, 'responsibility-map');

    await opened.page.check('#responsibility-all');
    await opened.page.waitForFunction(() => document.querySelector('.responsibility-map caption')?.textContent?.endsWith('alla rader'));
    const all = await shownRows(opened);
    expect(all.rows).toHaveLength(answer.fromMatrix.cells.length);
    expect(all.rows).toHaveLength(9 * 3 * 2);
    expectRowsEqualApi(all.rows, answer);
    await close(opened);
  });

  it('marks every gap and overlap of a draft in words, as the API compares them', async () => {
    const opened = await dashboard.open(planner, 'responsibility', { municipality: MORA });
    await compareWith(opened, 'DRAFT');
    const answer = await fetchMap('DRAFT');
    const { rows } = await shownRows(opened);
    expect(rows.map((r) => r.situation).sort()).toEqual(answer.comparison.cases.map(keyOf).sort());
    expectRowsEqualApi(rows, answer);
    const marks = rows.map((r) => r.cells[r.cells.length - 1]);
    expect(marks.filter((m) => m.includes('Överlapp'))).toHaveLength(6);
    expect(marks.filter((m) => m.includes('Lucka'))).toHaveLength(48);
    expect(await opened.page.$$eval('td.gap', (tds) => tds.filter((td) => td.textContent === 'Ingen regel (lucka)').length)).toBe(48);
    expect(await contrastProblems(opened.page)).toEqual([]);
    await screenshot(opened.page, 'responsibility-map-draft');
    // The deciding "rule" of an overlap names both rules that answer; of a gap, why none does.
    const { page } = opened;
    await page.click('#rule-home_rehab-ordinary_housing-enrolled-to');
    const overlap = await page.locator('dialog#responsibility-rule[open]').innerText();
    expect(overlap).toMatch(/Regler som svarar olika[\s\S]*Test: HOME_MUNICIPALITY|Regler som svarar olika[\s\S]*Test: REGION/);
    expect(overlap).toContain('Test: HOME_MUNICIPALITY');
    expect(overlap).toContain('Test: REGION');
    await page.keyboard.press('Escape');
    await page.click('#rule-speech_therapy-ordinary_housing-enrolled-to');
    const gap = await page.locator('dialog#responsibility-rule[open]').innerText();
    const speech = answer.toMatrix.cells.find((c) => c.interventionCode === 'SPEECH_THERAPY' && c.housingForm === 'ORDINARY_HOUSING' && c.enrolledInHomeHealthCare)!;
    expect(gap).toContain('Ingen regel (lucka)');
    expect(gap).toContain(speech.municipalities[0].answer.reason!);
    await close(opened);
  });

  it('opens the deciding rule by keyboard: the agreement, the rule, its conditions and source; Escape closes it and focus returns', async () => {
    const opened = await dashboard.open(planner, 'responsibility', { municipality: MORA });
    const { page } = opened;
    const answer = await fetchMap('TARGET');
    const [row] = (await shownRows(opened)).rows;
    const cell = answer.toMatrix.cells.find((c) => keyOf(c) === row.situation)!;
    const ruleId = cell.municipalities[0].answer.rule!.id;
    const { responsibility: target } = await dashboard.api(
      DashboardResponsibilityRuleDocument,
      { input: { municipalityCode: MORA, interventionCode: cell.interventionCode, housingForm: cell.housingForm, enrolledInHomeHealthCare: cell.enrolledInHomeHealthCare, scenario: 'TARGET', onDate: answer.toMatrix.onDate } },
      planner,
    );
    // The second rule button of the row is the TARGET side's.
    const button = page.locator('.responsibility-map tbody tr').first().locator('button.rule').nth(1);
    await button.focus();
    await page.keyboard.press('Enter');
    const dialog = page.locator('dialog#responsibility-rule[open]');
    await dialog.waitFor();
    expect(await page.evaluate(() => document.activeElement?.closest('dialog') !== null)).toBe(true);
    const text = await dialog.innerText();
    expect(text).toContain('Avgörande regel: Målbild');
    expect(text).toContain(target.agreement!.title);
    // The rule the matrix names, with its agreement, explanation and source.
    expect(target.rule!.id).toBe(ruleId);
    expect(text).toContain(ruleId);
    expect(text).toContain(target.rule!.note!);
    expect(text).toMatch(/Villkor[\s\S]*Boendeformer/);
    if (target.rule!.sourceReference) expect(text).toContain(target.rule!.sourceReference);
    expect(await contrastProblems(page)).toEqual([]);
    await screenshot(page, 'responsibility-map-rule');
    await page.keyboard.press('Escape');
    await page.waitForSelector('dialog#responsibility-rule', { state: 'detached' });
    expect(await button.evaluate((b) => b === document.activeElement)).toBe(true);
    await close(opened);
  });

  it('reaches every control of the page with Tab, in the order they appear', async () => {
    const opened = await dashboard.open(planner, 'responsibility', { municipality: MORA });
    const { reached, controls } = await tabStops(opened.page);
    expect(reached).toEqual(controls);
    expect(reached).toEqual(expect.arrayContaining(['#municipality', '#responsibility-from', '#responsibility-to', '#responsibility-all']));
    expect(reached.filter((r) => r.startsWith('#rule-'))).toHaveLength(2 * (await shownRows(opened)).rows.length);
    await close(opened);
  });

  it('without a municipality lists every municipality with its counts as the API compares them, each a link to its map', async () => {
    const opened = await dashboard.open(planner, 'responsibility');
    expect(opened.messages).toEqual([]);
    console.log(`[${dashboard.backend}] responsibility map (region 20 summary): view ready ${opened.loadMs?.toFixed(0)} ms after navigation start`);
    const { responsibilityComparison } = await dashboard.api(DashboardResponsibilitySummaryDocument, { regionCode: '20', from: 'CURRENT', to: 'TARGET' }, planner);
    const table = await readTable(opened.page, '.responsibility-output table');
    expect(table.rows).toHaveLength(15);
    const codes = await opened.page.$$eval('.responsibility-output tbody th a', (as) => as.map((a) => new URL((a as HTMLAnchorElement).href).searchParams.get('municipality')));
    table.rows.forEach((cells, i) => {
      const of = (kind: string) => responsibilityComparison.cases.filter((c) => c.municipalityCode === codes[i] && c.kinds.includes(kind as never)).length;
      expect(cells.slice(1)).toEqual([String(of('CHANGED')), String(of('GAP')), String(of('OVERLAP'))]);
    });
    await close(opened);
  });

  it.each([
    ['a municipality of another region', { municipality: '0180' }, /0180/],
  ])('shows %s as a message in the page, with the controls still there', async (_name, params, message) => {
    const opened = await dashboard.open(planner, 'responsibility', params);
    expect(opened.messages).toEqual([expect.stringMatching(message)]);
    expect(await opened.page.isVisible('#municipality')).toBe(true);
    await close(opened);
  });

  it('asks for two different scenarios when both are the same, without a blank page', async () => {
    const opened = await dashboard.open(planner, 'responsibility', { municipality: MORA });
    await opened.page.selectOption('#responsibility-to', 'CURRENT');
    await opened.page.waitForSelector('.responsibility-output .notice');
    expect(await opened.page.textContent('.responsibility-output')).toMatch(/två olika scenarier/);
    await close(opened);
  });

  it('switches to English', async () => {
    const opened = await dashboard.open(planner, 'responsibility', { municipality: MORA, lang: 'en' });
    expect(await opened.page.textContent('h1')).toBe('Responsibility map');
    expect(await opened.page.textContent('.responsibility-map caption')).toMatch(/Responsibility in Mora kommun: Current .* and Target/);
    await close(opened);
  });
});
