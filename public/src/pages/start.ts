/** The start page: what the service is, sign in, and (for the demo) the demo accounts. */
import { patch, post, setCsrfToken, type User } from '../api.js';
import { h, fill, mixed } from '../dom.js';
import { button, onSubmit, textInput, value } from '../forms.js';
import { t, tKey } from '../i18n.js';
import { homeOf, showBanner, signOut, successBanner, takeFlash, type PageContext } from '../layout.js';
import { displayPrefs, langChosenThisVisit, rememberDisplay, rememberLang } from '../prefs.js';

const DEMO_PASSWORD = 'pingshan-demo-2026';
const DEMO = [
  { username: 'seeker-physical', key: 'start.demo.seekerPhysical' },
  { username: 'seeker-visual', key: 'start.demo.seekerVisual' },
  { username: 'seeker-hearing', key: 'start.demo.seekerHearing' },
  { username: 'employer-qiming', key: 'start.demo.employerQiming' },
  { username: 'employer-yunfan', key: 'start.demo.employerYunfan' },
  { username: 'staff', key: 'start.demo.staff' },
] as const;

/** Where to go after signing in: the page that sent the person here, if it is one of ours. */
function nextPage(user: User): string {
  const next = new URLSearchParams(location.search).get('next');
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : homeOf(user);
}

/**
 * The account's saved settings meet this device's: large text and high contrast stay on if either
 * has them on (someone who needed them to read this form still needs them); the language is the
 * one picked on this visit, else the account's. What differs is saved to the account.
 */
async function adoptAccountPreferences(user: User, lang: 'zh-CN' | 'en'): Promise<void> {
  const device = displayPrefs();
  const largeText = user.largeText || device.largeText;
  const highContrast = user.highContrast || device.highContrast;
  const locale = langChosenThisVisit() ? lang : user.locale;
  rememberDisplay({ largeText, highContrast });
  rememberLang(locale);
  if (largeText !== user.largeText || highContrast !== user.highContrast || locale !== user.locale) {
    try {
      await patch('/auth/preferences', { largeText, highContrast, locale });
    } catch {
      /* the device remembers them anyway */
    }
  }
}

export async function renderStart(ctx: PageContext): Promise<void> {
  const title = ctx.user ? t('start.signedInTitle') : t('start.title');
  ctx.setTitle(title);
  const flash = takeFlash();

  if (ctx.user) {
    const user = ctx.user;
    fill(ctx.page, 
      h('h1', { class: 'heading-xl' }, title),
      h('p', { class: 'lead' }, mixed(t('start.signedInAs', user.displayName), ctx.lang)),
      h('p', null, h('a', { href: homeOf(user), class: 'button button--primary button--link' }, t('start.continue'))),
      h('p', null, h('button', { type: 'button', class: 'button button--secondary', onclick: () => void signOut() }, t('header.signOut'))),
    );
    return;
  }

  const form = h(
    'form',
    { method: 'post', action: '/api/v1/auth/login', id: 'sign-in-form', class: 'form' },
    textInput({ path: 'username', label: t('start.username'), autocomplete: 'username', width: 'medium', spellcheck: false }),
    textInput({ path: 'password', label: t('start.password'), type: 'password', autocomplete: 'current-password', width: 'medium' }),
    button(t('start.signIn'), { id: 'sign-in' }),
  );

  async function signInAs(username: string, password: string) {
    const res = await post<{ user: User; csrfToken: string }>('/auth/login', { username, password });
    setCsrfToken(res.csrfToken);
    await adopt(res.user);
    location.assign(nextPage(res.user));
  }
  async function adopt(user: User) {
    await adoptAccountPreferences(user, ctx.lang);
  }
  onSubmit(ctx, form, title, () => signInAs(value(form, 'username'), value(form, 'password')), { fallbackField: 'username' });

  const demo = h(
    'section',
    { class: 'section', 'aria-labelledby': 'demo-title' },
    h('h2', { class: 'heading-m', id: 'demo-title' }, t('start.demoTitle')),
    h('p', null, t('start.demoIntro'), ' ', h('code', { lang: 'en' }, DEMO_PASSWORD)),
    h(
      'ul',
      { class: 'demo-list' },
      DEMO.map((d) =>
        h(
          'li',
          { class: 'demo-list__item' },
          h('p', { class: 'demo-list__role' }, t(d.key)),
          h('p', { class: 'demo-list__user' }, t('start.usernameIs'), ' ', h('code', { lang: 'en' }, d.username)),
          h(
            'button',
            {
              type: 'button',
              class: 'button button--secondary',
              'data-demo': d.username,
              onclick: () => {
                const u = form.querySelector<HTMLInputElement>('#f-username');
                const p = form.querySelector<HTMLInputElement>('#f-password');
                if (u && p) {
                  u.value = d.username;
                  p.value = DEMO_PASSWORD;
                  form.requestSubmit();
                }
              },
            },
            t('start.demoSignIn', t(d.key)),
          ),
        ),
      ),
    ),
  );

  fill(ctx.page, 
    h('h1', { class: 'heading-xl' }, title),
    h('p', { class: 'lead' }, t('start.lead')),
    h('ul', { class: 'list list--bullet' }, h('li', null, t('start.forSeekers')), h('li', null, t('start.forEmployers')), h('li', null, t('start.forStaff'))),
    h('p', null, h('a', { href: '/summary.html', id: 'summary-link' }, t('start.summaryLink'))),
    h('p', null, t('start.signInIntro')),
    form,
    demo,
  );
  if (flash) showBanner(ctx, successBanner(tKey(flash.key)));
}
