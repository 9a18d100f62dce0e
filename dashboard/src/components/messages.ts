import { el } from './dom';

/** The message area (role=alert) at the top of the page: every error ends here, never a blank page. */
const area = () => document.getElementById('messages')!;

export function clearMessages(): void {
  area().replaceChildren();
}

/** An error in words, with its code (the API's error code) when there is one. */
export function showError(text: string, code?: string, action?: { label: string; run: () => void }): void {
  const message = el('div', { class: 'message error' }, el('p', {}, text, ...(code ? [' ', el('code', { class: 'code' }, `(${code})`)] : [])));
  if (action) {
    const button = el('button', { type: 'button' }, action.label);
    button.addEventListener('click', action.run);
    message.append(button);
  }
  area().append(message);
}
