/**
 * Form pieces in the GOV.UK pattern: labelled fields with hints; on a failed submit an error
 * summary above the h1 (focused, one link per problem to its field), an inline message at each
 * field that starts with a visually hidden "错误："/"Error:", and the page title prefixed.
 *
 * Field ids are `f-` + the API's field path with dots as dashes (`skills.0.skill` → `f-skills-0-skill`),
 * so the server's `fields[].path` finds its control; a group (radios, checkboxes) gives its first
 * control that id and its wrapper `data-field="<path>"`.
 */
import { ApiError, type FieldError } from './api.js';
import { byId, focusElement, h, hidden, type Child } from './dom.js';
import { t } from './i18n.js';
import type { PageContext } from './layout.js';

export const fieldId = (path: string) => `f-${path.replace(/[^A-Za-z0-9_-]+/g, '-')}`;

interface FieldOptions {
  path: string;
  label: Child;
  hint?: Child;
  /** Extra class on the wrapper. */
  className?: string;
}

function describedBy(path: string, hint: unknown): string | null {
  return hint ? `${fieldId(path)}-hint` : null;
}

function group(o: FieldOptions, control: HTMLElement): HTMLElement {
  return h(
    'div',
    { class: `form-group ${o.className ?? ''}`.trim(), 'data-field': o.path },
    h('label', { class: 'label', for: fieldId(o.path) }, o.label),
    o.hint ? h('div', { class: 'hint', id: `${fieldId(o.path)}-hint` }, o.hint) : null,
    control,
  );
}

export function textInput(o: FieldOptions & { value?: string | number | null; type?: string; autocomplete?: string; inputmode?: string; width?: 'short' | 'medium' | 'full'; spellcheck?: boolean }): HTMLElement {
  return group(
    o,
    h('input', {
      class: `input input--${o.width ?? 'full'}`,
      id: fieldId(o.path),
      name: o.path,
      type: o.type ?? 'text',
      value: o.value ?? '',
      autocomplete: o.autocomplete ?? null,
      inputmode: o.inputmode ?? null,
      spellcheck: o.spellcheck === false ? 'false' : null,
      'aria-describedby': describedBy(o.path, o.hint),
    }),
  );
}

export function textarea(o: FieldOptions & { value?: string | null; rows?: number; maxlength?: number }): HTMLElement {
  return group(
    o,
    h(
      'textarea',
      { class: 'textarea', id: fieldId(o.path), name: o.path, rows: o.rows ?? 5, 'aria-describedby': describedBy(o.path, o.hint) },
      o.value ?? '',
    ),
  );
}

export function select(o: FieldOptions & { value?: string | null; options: { value: string; label: string }[] }): HTMLElement {
  return group(
    o,
    h(
      'select',
      { class: 'select', id: fieldId(o.path), name: o.path, 'aria-describedby': describedBy(o.path, o.hint) },
      o.options.map((opt) => h('option', { value: opt.value, selected: opt.value === (o.value ?? '') }, opt.label)),
    ),
  );
}

/** A fieldset of checkboxes (several answers) or radios (one answer). */
export function choices(o: {
  path: string;
  legend: Child;
  hint?: Child;
  type: 'checkbox' | 'radio';
  name?: string;
  options: { value: string; label: Child; hint?: Child; checked: boolean }[];
  inline?: boolean;
  small?: boolean;
  legendClass?: string;
}): HTMLElement {
  const base = fieldId(o.path);
  return h(
    'div',
    { class: 'form-group', 'data-field': o.path },
    h(
      'fieldset',
      { class: 'fieldset', 'aria-describedby': o.hint ? `${base}-hint` : null },
      h('legend', { class: `fieldset__legend ${o.legendClass ?? ''}`.trim() }, o.legend),
      o.hint ? h('div', { class: 'hint', id: `${base}-hint` }, o.hint) : null,
      h(
        'div',
        { class: `choices ${o.inline ? 'choices--inline' : ''} ${o.small ? 'choices--small' : ''}`.trim() },
        o.options.map((opt, i) => {
          const id = i === 0 ? base : `${base}-${i + 1}`;
          return h(
            'div',
            { class: 'choices__item' },
            h('input', {
              class: 'choices__input',
              id,
              name: o.name ?? o.path,
              type: o.type,
              value: opt.value,
              checked: opt.checked,
              'aria-describedby': opt.hint ? `${id}-hint` : null,
            }),
            h('label', { class: 'choices__label', for: id }, opt.label),
            opt.hint ? h('div', { class: 'hint choices__hint', id: `${id}-hint` }, opt.hint) : null,
          );
        }),
      ),
    ),
  );
}

export function button(label: Child, options: { variant?: 'primary' | 'secondary' | 'warning'; type?: 'submit' | 'button'; id?: string; describedBy?: string } = {}): HTMLButtonElement {
  return h(
    'button',
    { type: options.type ?? 'submit', class: `button button--${options.variant ?? 'primary'}`, id: options.id ?? null, 'aria-describedby': options.describedBy ?? null },
    label,
  );
}

/** Checked values of a checkbox group. */
export function checkedValues(form: HTMLFormElement, name: string): string[] {
  return [...form.querySelectorAll<HTMLInputElement>(`input[name="${CSS.escape(name)}"]:checked`)].map((i) => i.value);
}

export function value(form: HTMLFormElement, name: string): string {
  const el = form.elements.namedItem(name);
  if (el instanceof RadioNodeList) return el.value;
  return el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement ? el.value : '';
}

/** The control a path names, or the closest named parent path's control. */
function controlFor(form: HTMLFormElement, path: string): HTMLElement | null {
  const parts = path.split('.');
  while (parts.length) {
    const el = byId(fieldId(parts.join('.')));
    if (el && form.contains(el)) return el;
    parts.pop();
  }
  return null;
}

function wrapperFor(form: HTMLFormElement, path: string): HTMLElement | null {
  const parts = path.split('.');
  while (parts.length) {
    const el = form.querySelector<HTMLElement>(`[data-field="${CSS.escape(parts.join('.'))}"]`);
    if (el) return el;
    parts.pop();
  }
  return null;
}

export function clearErrors(ctx: PageContext, form: HTMLFormElement, title: string): void {
  byId('error-summary')?.remove();
  for (const el of form.querySelectorAll('.error-message')) el.remove();
  for (const el of form.querySelectorAll('.form-group--error')) el.classList.remove('form-group--error');
  for (const el of form.querySelectorAll<HTMLElement>('[aria-invalid]')) {
    el.removeAttribute('aria-invalid');
    const ids = (el.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id && !id.endsWith('-error'));
    if (ids.length) el.setAttribute('aria-describedby', ids.join(' '));
    else el.removeAttribute('aria-describedby');
  }
  ctx.setTitle(title);
}

/**
 * Shows what the API said went wrong: the summary above the h1 (focused), inline messages at the
 * fields, "错误：" in the title. `mapPath` lets a page translate the sent body's paths to its fields
 * (e.g. when blank rows were left out). Returns the summary.
 */
export function showErrors(
  ctx: PageContext,
  form: HTMLFormElement,
  title: string,
  error: ApiError,
  options: { mapPath?: (path: string) => string; fallbackField?: string } = {},
): HTMLElement {
  clearErrors(ctx, form, title);
  const map = options.mapPath ?? ((p: string) => p);
  const fields: FieldError[] = error.fields.length
    ? error.fields.map((f) => ({ path: map(f.path), message: f.message }))
    : [{ path: options.fallbackField ?? '', message: error.message }];

  const items: HTMLElement[] = [];
  const seenWrappers = new Map<HTMLElement, HTMLElement>();
  for (const f of fields) {
    const control = f.path ? controlFor(form, f.path) : null;
    items.push(
      h(
        'li',
        null,
        control
          ? h('a', { href: `#${control.id}`, 'data-target': control.id }, f.message)
          : f.message,
      ),
    );
    if (!control || !error.fields.length) continue;
    const wrapper = wrapperFor(form, f.path);
    if (!wrapper) continue;
    wrapper.classList.add('form-group--error');
    // One message box per wrapper; a second problem at the same field joins it.
    let box = seenWrappers.get(wrapper);
    if (!box) {
      box = h('p', { class: 'error-message', id: `${control.id}-error` });
      const anchor = wrapper.querySelector('.choices, input, textarea, select');
      const fieldset = wrapper.querySelector('fieldset');
      if (fieldset) fieldset.insertBefore(box, fieldset.querySelector('.choices'));
      else wrapper.insertBefore(box, anchor);
      seenWrappers.set(wrapper, box);
      for (const input of wrapper.querySelectorAll<HTMLElement>('input, textarea, select')) {
        if (input.getAttribute('type') === 'radio' || input.getAttribute('type') === 'checkbox') continue;
        input.setAttribute('aria-invalid', 'true');
      }
      control.setAttribute('aria-invalid', 'true');
      const target = fieldset ?? control;
      target.setAttribute('aria-describedby', [target.getAttribute('aria-describedby'), box.id].filter(Boolean).join(' '));
    } else {
      box.append(h('br'));
    }
    box.append(hidden(t('error.inlinePrefix')), f.message);
  }

  const summary = h(
    'div',
    { class: 'error-summary', id: 'error-summary', 'aria-labelledby': 'error-summary-title', role: 'alert' },
    h('h2', { class: 'error-summary__title', id: 'error-summary-title' }, t('error.summaryTitle')),
    h('ul', { class: 'error-summary__list' }, items),
  );
  summary.addEventListener('click', (event) => {
    const link = (event.target as HTMLElement).closest('a[data-target]');
    if (!link) return;
    const target = byId(link.getAttribute('data-target') ?? '');
    if (!target) return;
    event.preventDefault();
    // Scroll the question (label or legend) into view too, not only the box.
    const legend = target.closest('fieldset')?.querySelector('legend');
    const label = form.querySelector(`label[for="${CSS.escape(target.id)}"]`);
    (legend ?? label ?? target).scrollIntoView();
    target.focus({ preventScroll: true });
  });
  const h1 = ctx.page.querySelector('h1');
  if (h1?.parentNode) h1.parentNode.insertBefore(summary, h1);
  else ctx.page.prepend(summary);
  ctx.setTitle(title, true);
  focusElement(summary);
  return summary;
}

/**
 * Wires a form: prevents double submits, clears old errors, runs `submit`, shows an ApiError the
 * GOV.UK way; anything else is shown as a general problem.
 */
export function onSubmit(
  ctx: PageContext,
  form: HTMLFormElement,
  title: string,
  submit: () => Promise<void>,
  options: { mapPath?: () => (path: string) => string; fallbackField?: string } = {},
): void {
  let busy = false;
  form.noValidate = true;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (busy) return;
    busy = true;
    form.setAttribute('aria-busy', 'true');
    void submit()
      .then(() => clearErrorsIfPresent())
      .catch((e: unknown) => {
        const err = e instanceof ApiError ? e : new ApiError(0, 'unknown', t('problem.generic'));
        showErrors(ctx, form, title, err, { ...(options.mapPath ? { mapPath: options.mapPath() } : {}), ...(options.fallbackField ? { fallbackField: options.fallbackField } : {}) });
      })
      .finally(() => {
        busy = false;
        form.removeAttribute('aria-busy');
      });
  });
  function clearErrorsIfPresent() {
    if (form.isConnected && byId('error-summary')) clearErrors(ctx, form, title);
  }
}
