import type { Lang } from './i18n';

/** What the page shows, as its URL says it (so that a link or a reload shows the same): ?view=&from=&to=&municipality=&lang=. */
export interface PageState {
  view: string | null;
  /** Months 'YYYY-MM', as typed; checked by the shell before any view sees them. */
  from: string | null;
  to: string | null;
  municipality: string | null;
  lang: Lang;
}

export function readState(search = window.location.search): PageState {
  const p = new URLSearchParams(search);
  return {
    view: p.get('view'),
    from: p.get('from'),
    to: p.get('to'),
    municipality: p.get('municipality') || null,
    lang: p.get('lang') === 'en' ? 'en' : 'sv',
  };
}

/** The page's URL for a state (relative: the page's own path). */
export function stateHref(state: PageState): string {
  const p = new URLSearchParams();
  if (state.view) p.set('view', state.view);
  if (state.from) p.set('from', state.from);
  if (state.to) p.set('to', state.to);
  if (state.municipality) p.set('municipality', state.municipality);
  if (state.lang !== 'sv') p.set('lang', state.lang);
  return `?${p.toString()}`;
}
