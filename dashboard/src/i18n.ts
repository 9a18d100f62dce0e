/** The page's languages: Swedish by default, English on request (?lang=en). */
export type Lang = 'sv' | 'en';
export const LANGS: readonly Lang[] = ['sv', 'en'];

/** One view's (or component's) strings, the same keys in every language; kept in that view's own file. */
export type Strings<T> = Record<Lang, T>;
