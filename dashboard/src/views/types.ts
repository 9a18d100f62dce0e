import type { Api } from '../api';
import type { Lang, Strings } from '../i18n';

/** A municipality of the signed-in region (the municipality filter's choices). */
export interface Municipality {
  id: string;
  code: string;
  name: string;
}

/** What the shell hands a view: the API with the tab's token, the region, and the controls' checked values. */
export interface ViewContext {
  lang: Lang;
  api: Api;
  region: { code: string; country: 'SE' | 'FI'; name: string };
  /** The region's municipalities by name. */
  municipalities: Municipality[];
  /** The period of whole months picked, as the API takes it (first day, last day). */
  period: { from: string; to: string };
  /** The municipality filter: an official code of the region's, or null for all. */
  municipalityCode: string | null;
}

/** A view of the dashboard, listed in views/index.ts. */
export interface View {
  /** Its ?view= value. */
  id: string;
  /** Its name in the navigation and its heading. */
  title: Strings<string>;
  /** Which of the shell's controls it uses (both by default). */
  controls?: { period?: boolean; municipality?: boolean };
  /**
   * Draws the view into `root` (the shell has put the heading above). Errors it throws (an
   * ApiError included) are shown in the message area with their code.
   */
  render(root: HTMLElement, ctx: ViewContext): Promise<void>;
}
