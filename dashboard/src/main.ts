import { type DashboardConfig, signInModes } from './auth';
import { showError } from './components/messages';
import { runShell } from './shell';
import { strings } from './shell.strings';
import { readState } from './state';

/** Reads how this deployment signs in (/dashboard/config.json), then runs the shell with that sign-in. */
async function start() {
  const lang = readState().lang;
  const config = (await (await fetch('config.json')).json()) as DashboardConfig;
  const signIn = signInModes[config.mode]?.(config);
  if (!signIn) {
    document.getElementById('main')!.replaceChildren();
    showError(strings[lang].noSignIn(config.mode));
    return;
  }
  await runShell(signIn);
}

start().catch((e: Error) => showError(`${strings[readState().lang].failed}: ${e.message}`));
