import { OrganisationDocument, OrganisationsDocument, RuleParametersDocument } from '../../client-sdk/src/generated';
import { ApiError, type Api, createApi } from './api';
import { type SignIn } from './auth';
import { tokenClaims } from './auth/session-token';
import { el, field } from './components/dom';
import { clearMessages, showError } from './components/messages';
import { defaultMonths, monthsToPeriod, periodProblem } from './components/period';
import type { Lang } from './i18n';
import { strings } from './shell.strings';
import { type PageState, readState, stateHref } from './state';
import { views } from './views';
import type { Municipality, View, ViewContext } from './views/types';

/** The key of the rule parameter that bounds a report's period (domain/rule-parameters.ts). */
const MAX_PERIOD_PARAMETER = 'reports.maxPeriodMonths';

/** What the shell learns once per sign-in: the viewer's region, its municipalities and the longest period. */
interface Signed {
  api: Api;
  organisationName: string;
  roles: string[];
  region: ViewContext['region'];
  municipalities: Municipality[];
  maxMonths: number;
}

const today = () => new Date().toISOString().slice(0, 10);

/** Shows an error of the API (or any other) in the message area: its code, and for a refused token a way to sign in again. */
export function showFailure(error: unknown, lang: Lang, signIn: SignIn): void {
  const s = strings[lang];
  if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') {
    showError(s.expired, error.code, {
      label: s.signInAgain,
      run: () => {
        signIn.signOut();
        window.location.reload();
      },
    });
    return;
  }
  if (error instanceof ApiError) showError(`${s.failed}: ${error.message}`, error.code);
  else showError(`${s.failed}: ${(error as Error).message}`);
}

async function learnViewer(api: Api, token: string): Promise<Signed> {
  const claims = tokenClaims(token);
  // A token the page cannot read is the server's to refuse: ask it, so the answer has its code.
  const { organisation } = await api.request(OrganisationDocument, { id: claims?.org ?? '00000000-0000-0000-0000-000000000000' });
  if (!organisation?.region) throw new ApiError('NOT_FOUND', 'the signed-in organisation or its region');
  const region = { code: organisation.region.code, country: organisation.region.country, name: organisation.region.name };
  const [organisations, parameters] = await Promise.all([
    api.request(OrganisationsDocument, { filter: { regionCode: region.code, country: region.country, kind: 'MUNICIPALITY' }, first: 100 }),
    api.request(RuleParametersDocument, { regionCode: region.code, country: region.country, onDate: today() }),
  ]);
  const maxMonths = Number(parameters.ruleParameters.find((p) => p.key === MAX_PERIOD_PARAMETER)?.value);
  return {
    api,
    organisationName: organisation.name,
    roles: claims?.roles ?? [],
    region,
    municipalities: organisations.organisations.edges
      .map(({ node }) => ({ id: node.id, code: node.municipalityCode ?? '', name: node.name }))
      .sort((a, b) => a.name.localeCompare(b.name, 'sv')),
    maxMonths,
  };
}

function header(state: PageState, signed: Signed | null, signIn: SignIn, current: View | null): HTMLElement {
  const s = strings[state.lang];
  const other: Lang = state.lang === 'sv' ? 'en' : 'sv';
  const languageLink = el('a', { href: stateHref({ ...state, lang: other }), lang: other, hreflang: other }, s.otherLanguage);
  const top = el('div', { class: 'top' }, el('p', { class: 'brand' }, s.title), el('p', { class: 'language' }, `${s.language}: `, languageLink));
  if (!signed) return top;
  const signOut = el('button', { type: 'button' }, s.signOut);
  signOut.addEventListener('click', () => {
    signIn.signOut();
    window.location.href = stateHref({ ...state, view: null });
  });
  top.append(el('p', { class: 'viewer' }, `${s.signedInAs} ${signed.organisationName} (${signed.roles.join(', ')}) `, signOut));
  const nav = el('nav', { 'aria-label': s.nav }, el('ul', {}, ...views.map((v) =>
    el('li', {}, el('a', { href: stateHref({ ...state, view: v.id }), ...(v === current ? { 'aria-current': 'page' } : {}) }, v.title[state.lang])))));
  return el('div', {}, top, nav);
}

/** The period and municipality controls: a GET form, so that submitting changes the URL the page reads. */
function controls(state: PageState, signed: Signed, view: View, months: { from: string; to: string }): HTMLElement {
  const s = strings[state.lang];
  const form = el('form', { class: 'controls', method: 'get', action: '', 'aria-label': s.controls });
  form.append(el('input', { type: 'hidden', name: 'view', value: view.id }));
  if (state.lang !== 'sv') form.append(el('input', { type: 'hidden', name: 'lang', value: state.lang }));
  if (view.controls?.period !== false) {
    form.append(
      field(s.from, el('input', { type: 'month', id: 'period-from', name: 'from', value: months.from, required: '', pattern: '\\d{4}-\\d{2}' }), s.monthHint),
      field(s.to, el('input', { type: 'month', id: 'period-to', name: 'to', value: months.to, required: '', pattern: '\\d{4}-\\d{2}' }), s.monthHint),
    );
  }
  if (view.controls?.municipality !== false) {
    const select = el('select', { id: 'municipality', name: 'municipality' }, el('option', { value: '' }, s.allMunicipalities));
    for (const m of signed.municipalities) select.append(el('option', { value: m.code }, `${m.name} (${m.code})`));
    select.value = signed.municipalities.some((m) => m.code === state.municipality) ? state.municipality! : '';
    form.append(field(s.municipality, select));
  }
  form.append(el('button', { type: 'submit' }, s.show));
  return form;
}

/** The controls' values checked: a message for each problem (and no view), or the view's context. */
function checkedContext(state: PageState, signed: Signed, months: { from: string; to: string }): ViewContext | null {
  const s = strings[state.lang];
  let ok = true;
  if (!Number.isInteger(signed.maxMonths)) {
    showError(s.noMaxPeriod, 'NOT_FOUND');
    ok = false;
  }
  const problem = periodProblem(months.from, months.to, signed.maxMonths);
  if (problem?.kind === 'month') showError(s.badMonth(problem.field === 'from' ? s.from : s.to), 'BAD_USER_INPUT');
  if (problem?.kind === 'order') showError(s.order, 'BAD_USER_INPUT');
  if (problem?.kind === 'length') showError(s.tooLong(problem.maxMonths), 'BAD_USER_INPUT');
  if (problem) ok = false;
  if (state.municipality !== null && !signed.municipalities.some((m) => m.code === state.municipality)) {
    showError(s.foreignMunicipality(state.municipality, signed.region.name), 'NOT_FOUND');
    ok = false;
  }
  if (!ok) return null;
  return {
    lang: state.lang,
    api: signed.api,
    region: signed.region,
    municipalities: signed.municipalities,
    period: monthsToPeriod(months.from, months.to),
    municipalityCode: state.municipality,
  };
}

/**
 * The whole page for the URL's state: sign-in when there is no token, else the header, navigation,
 * controls and the view. Every failure ends as a message in the page; performance mark
 * `samrehab:view-ready` when the view has drawn (the browser test reads the view's load time from it).
 */
export async function runShell(signIn: SignIn): Promise<void> {
  const state = readState();
  const s = strings[state.lang];
  document.documentElement.lang = state.lang;
  document.title = `samrehab – ${s.title}`;
  const headerRoot = document.getElementById('header')!;
  const main = document.getElementById('main')!;
  document.querySelector('.skip')!.textContent = s.skip;
  clearMessages();
  const token = await signIn.token();
  if (token === null) {
    headerRoot.replaceChildren(header(state, null, signIn, null));
    await signIn.start(main, state.lang);
    // Signed in: draw the page for the address it is at now (OpenID Connect comes back through /dashboard/callback).
    if ((await signIn.token()) !== null) return runShell(signIn);
  }
  const view = state.view === null ? views[0] : views.find((v) => v.id === state.view) ?? null;
  let signed: Signed;
  try {
    signed = await learnViewer(createApi('/graphql', () => token), token!);
  } catch (e) {
    headerRoot.replaceChildren(header(state, null, signIn, null));
    main.replaceChildren();
    showFailure(e, state.lang, signIn);
    return;
  }
  headerRoot.replaceChildren(header(state, signed, signIn, view));
  if (view === null) {
    main.replaceChildren();
    showError(s.unknownView(state.view!), 'NOT_FOUND');
    return;
  }
  const months = state.from !== null || state.to !== null ? { from: state.from ?? '', to: state.to ?? '' } : defaultMonths(today());
  const content = el('div', { class: 'view', 'aria-busy': 'true' }, el('p', {}, s.loading));
  main.replaceChildren(el('h1', {}, view.title[state.lang]), controls(state, signed, view, months), content);
  const ctx = checkedContext(state, signed, months);
  if (ctx === null) {
    content.replaceChildren();
    content.setAttribute('aria-busy', 'false');
    return;
  }
  try {
    content.replaceChildren();
    await view.render(content, ctx);
    performance.mark('samrehab:view-ready', { detail: view.id });
  } catch (e) {
    showFailure(e, state.lang, signIn);
  } finally {
    content.setAttribute('aria-busy', 'false');
  }
}
