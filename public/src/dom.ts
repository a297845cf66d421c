/**
 * A tiny element builder: every text goes in as a text node (never as HTML), so nothing the API
 * returns can inject markup.
 */
import type { Lang } from './prefs.js';

export type Child = Node | string | number | null | undefined | false | readonly Child[];
type AttrValue = string | number | boolean | null | undefined;
export type Attrs = { [name: string]: AttrValue | ((event: Event) => void) };

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Attrs | null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (attrs) {
    for (const [name, value] of Object.entries(attrs)) {
      if (typeof value === 'function') el.addEventListener(name.replace(/^on/, ''), value);
      else if (value === true) el.setAttribute(name, '');
      else if (value !== false && value !== null && value !== undefined) el.setAttribute(name, String(value));
    }
  }
  append(el, children);
  return el;
}

export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else if (child instanceof Node) parent.appendChild(child);
    else parent.appendChild(document.createTextNode(String(child)));
  }
}

export function frag(...children: Child[]): DocumentFragment {
  const f = document.createDocumentFragment();
  append(f, children);
  return f;
}

/** Visually hidden text, still read by screen readers. */
export const hidden = (...children: Child[]) => h('span', { class: 'visually-hidden' }, ...children);

const HAN_RUN = /\p{Script=Han}(?:[\p{Script=Han}\u3000-\u303f\uff01-\uff60·—]*\p{Script=Han}[》」』）]?)?/gu;
const LATIN_RUN = /[A-Za-z][A-Za-z'’-]*(?:[ /&][A-Za-z][A-Za-z'’-]*)*/g;

/**
 * Text that may mix languages (job titles, reasons, a member's name on an English page): each run
 * in the other language is wrapped in <span lang="…"> so a screen reader switches voice.
 */
export function mixed(text: string, pageLang: Lang): DocumentFragment {
  const f = document.createDocumentFragment();
  const pattern = pageLang === 'en' ? HAN_RUN : LATIN_RUN;
  const otherLang = pageLang === 'en' ? 'zh-CN' : 'en';
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    const start = m.index ?? 0;
    // One or two Latin letters in Chinese text (X in an ID, "QA") are not worth a voice switch.
    if (pageLang !== 'en' && m[0].replace(/[^A-Za-z]/g, '').length < 3) continue;
    if (start > last) f.appendChild(document.createTextNode(text.slice(last, start)));
    f.appendChild(h('span', { lang: otherLang }, m[0]));
    last = start + m[0].length;
  }
  if (last < text.length) f.appendChild(document.createTextNode(text.slice(last)));
  return f;
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T | null {
  return document.getElementById(id) as T | null;
}

/** Moves focus to an element that is not normally focusable (a heading, a banner), without scrolling past it. */
export function focusElement(el: HTMLElement): void {
  if (!el.hasAttribute('tabindex')) {
    el.setAttribute('tabindex', '-1');
    el.addEventListener('blur', () => el.removeAttribute('tabindex'), { once: true });
  }
  el.focus();
}

/** Replaces an element's content (children as for `h`: strings, nodes, lists; null/false skipped). */
export function fill(parent: HTMLElement, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}
