/** A new element with attributes and children: the page is built with the DOM, never from HTML strings. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** A labelled control: the label names it (for= its id). */
export function field(label: string, control: HTMLElement, hint?: string): HTMLElement {
  const wrapper = el('div', { class: 'field' }, el('label', { for: control.id }, label), control);
  if (hint) {
    const hintId = `${control.id}-hint`;
    wrapper.append(el('span', { class: 'hint', id: hintId }, hint));
    control.setAttribute('aria-describedby', hintId);
  }
  return wrapper;
}
