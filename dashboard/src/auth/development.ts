import { el, field } from '../components/dom';
import { showError } from '../components/messages';
import type { SignIn } from './index';
import { strings } from './development.strings';
import { sessionToken } from './session-token';

interface DevOrganisations {
  roles: string[];
  regions: { region: { code: string; name: string }; organisations: { id: string; name: string; kind: string }[] }[];
}

/** Region Dalarna's principal: the picker's first choice. */
const DEFAULT_REGION = '20';

/**
 * Development sign-in: a picker of the reference data's regions and municipalities and the
 * dashboard's roles; the server's development endpoint (absent in production) signs the token.
 */
export const developmentSignIn: SignIn = {
  token: async () => sessionToken.get(),
  signOut: () => sessionToken.clear(),
  async start(root, lang) {
    const s = strings[lang];
    const res = await fetch('dev/organisations');
    if (!res.ok) throw new Error(`${s.failed} (HTTP ${res.status})`);
    const picker = (await res.json()) as DevOrganisations;
    const organisation = el('select', { id: 'signin-organisation', name: 'organisation' });
    for (const { region, organisations } of picker.regions) {
      const group = el('optgroup', { label: `${region.code} ${region.name}` });
      for (const o of organisations) group.append(el('option', { value: o.id }, o.name));
      organisation.append(group);
    }
    const first = picker.regions.find((r) => r.region.code === DEFAULT_REGION)?.organisations[0];
    if (first) organisation.value = first.id;
    const role = el('select', { id: 'signin-role', name: 'role' });
    for (const r of picker.roles) role.append(el('option', { value: r }, s.roles[r] ?? r));
    const form = el(
      'form',
      { class: 'signin', 'aria-labelledby': 'signin-heading' },
      el('h1', { id: 'signin-heading' }, s.heading),
      el('p', {}, s.intro),
      field(s.organisation, organisation),
      field(s.role, role),
      el('button', { type: 'submit' }, s.submit),
    );
    root.replaceChildren(form);
    organisation.focus();
    await new Promise<void>((resolve) => {
      form.addEventListener('submit', async (event) => {
        event.preventDefault();
        const answer = await fetch('dev/token', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ organisationId: organisation.value, role: role.value }),
        });
        const body = (await answer.json()) as { token?: string; errors?: { message: string; extensions?: { code?: string } }[] };
        if (!body.token) {
          showError(`${s.failed}: ${body.errors?.[0]?.message ?? answer.status}`, body.errors?.[0]?.extensions?.code);
          return;
        }
        sessionToken.set(body.token);
        resolve();
      });
    });
  },
};
