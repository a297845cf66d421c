/**
 * The frame of every page: skip link, header (service name, language switch, display settings,
 * notifications, sign out), the role's navigation, main (a polite live region for notifications,
 * then the page), footer. One h1 per page, rendered by the page itself.
 */
import { ApiError, patch, post, type User } from './api.js';
import { append, byId, focusElement, h, hidden, mixed, fill } from './dom.js';
import { t, type Key } from './i18n.js';
import { displayPrefs, rememberDisplay, rememberLang, type Lang } from './prefs.js';

export interface PageContext {
  lang: Lang;
  user: User | null;
  /** Where the page renders (inside main, after the live region). */
  page: HTMLElement;
  /** Sets document.title: "<page> – <service>", prefixed "错误："/"Error: " while a form shows errors. */
  setTitle(title: string, error?: boolean): void;
}

/** A page: who may see it (`any` = any signed-in user; absent = everyone) and how it renders. */
export interface PageDef {
  role?: User['role'] | 'any' | readonly User['role'][];
  render(ctx: PageContext): Promise<void>;
}

/** A section of the navigation; `within` are its sub-pages (marked aria-current="true"). */
export type NavItem = { href: string; key: Key; within?: string[] };
export const SEEKER_NAV: NavItem[] = [
  { href: '/seeker/matches.html', key: 'nav.matches', within: ['/seeker/job.html'] },
  { href: '/seeker/projects.html', key: 'nav.projects' },
  { href: '/seeker/applications.html', key: 'nav.applications', within: ['/seeker/withdraw.html'] },
  { href: '/seeker/profile.html', key: 'nav.profile', within: ['/seeker/profile-edit.html', '/seeker/consents.html', '/seeker/delete.html'] },
];

/** The home page of a role after sign-in. */
export function homeOf(user: User): string {
  if (user.role === 'seeker') return '/seeker/matches.html';
  if (user.role === 'employer') return '/employer/index.html';
  return '/staff/index.html';
}

/** Same page in the other language (the switch is a real link: it works before any script runs too). */
function languageLink(lang: Lang): HTMLAnchorElement {
  const other: Lang = lang === 'en' ? 'zh-CN' : 'en';
  const params = new URLSearchParams(location.search);
  params.set('lang', other);
  return h(
    'a',
    { href: `?${params.toString()}`, hreflang: other, lang: other, class: 'header__link', id: 'language-switch' },
    other === 'en' ? 'English' : '中文',
    hidden(other === 'en' ? ' (switch the page to English)' : '（切换到中文）'),
  );
}

async function savePreferences(user: User | null, body: { locale?: Lang; largeText?: boolean; highContrast?: boolean }) {
  if (!user) return;
  try {
    await patch('/auth/preferences', body);
  } catch (e) {
    // The device remembers it anyway; the account copy is a convenience.
    if (!(e instanceof ApiError)) throw e;
  }
}

function toggle(key: 'largeText' | 'highContrast', label: Key, user: User | null): HTMLButtonElement {
  const button = h('button', { type: 'button', class: 'header__toggle', 'aria-pressed': String(displayPrefs()[key]), id: `toggle-${key}` }, t(label));
  button.addEventListener('click', () => {
    const on = button.getAttribute('aria-pressed') !== 'true';
    button.setAttribute('aria-pressed', String(on));
    rememberDisplay({ [key]: on });
    void savePreferences(user, { [key]: on });
  });
  return button;
}

export function renderLayout(options: { lang: Lang; user: User | null; nav: NavItem[] | null }): PageContext {
  const { lang, user, nav } = options;
  const body = document.body;
  body.replaceChildren();

  const lang2 = languageLink(lang);
  lang2.addEventListener('click', (event) => {
    // Remember it on the account too, then follow the link.
    const other: Lang = lang === 'en' ? 'zh-CN' : 'en';
    rememberLang(other);
    if (user) {
      event.preventDefault();
      void savePreferences(user, { locale: other }).finally(() => location.assign(lang2.href));
    }
  });

  const tools = h(
    'ul',
    { class: 'header__tools-list' },
    h('li', null, lang2),
    h('li', null, toggle('largeText', 'header.largeText', user)),
    h('li', null, toggle('highContrast', 'header.highContrast', user)),
    user
      ? h(
          'li',
          null,
          h(
            'a',
            { href: '/notifications.html', class: 'header__link', id: 'notifications-link' },
            t('header.notifications'),
            ' ',
            h('span', { class: 'count', id: 'unread-count', hidden: true }, '0'),
            h('span', { class: 'visually-hidden', id: 'unread-label' }, ''),
          ),
        )
      : null,
    user ? h('li', null, h('button', { type: 'button', class: 'header__toggle', id: 'sign-out', onclick: () => void signOut() }, t('header.signOut'))) : null,
  );

  const here = location.pathname;
  const page = h('div', { id: 'page' }, h('p', { class: 'loading' }, t('common.loading')));
  const main = h(
    'main',
    { id: 'main', class: 'width-container main', tabindex: '-1' },
    h('div', { id: 'live-notice', class: 'live-notice', 'aria-live': 'polite', 'aria-atomic': 'false' }),
    page,
  );

  append(body, [
    h('a', { href: '#main', class: 'skip-link', id: 'skip-link' }, t('layout.skip')),
    h(
      'header',
      { class: 'header' },
      h(
        'div',
        { class: 'width-container header__inner' },
        h(
          'a',
          { href: user ? homeOf(user) : '/', class: 'header__service' },
          t('service.name'),
          h('span', { class: 'header__service-en', lang: 'en' }, ' AbilityBridge'),
        ),
        user ? h('p', { class: 'header__user' }, t('header.signedInAs'), ' ', h('span', { class: 'header__user-name' }, mixed(user.displayName, lang))) : null,
        h('nav', { class: 'header__tools', 'aria-label': t('header.toolsLabel') }, tools),
      ),
    ),
    nav
      ? h(
          'nav',
          { class: 'service-nav', 'aria-label': t('nav.label') },
          h(
            'ul',
            { class: 'width-container service-nav__list' },
            nav.map((item) =>
              h('li', null, h('a', { href: item.href, class: 'service-nav__link', 'aria-current': here === item.href ? 'page' : item.within?.includes(here) ? 'true' : null }, t(item.key))),
            ),
          ),
        )
      : null,
    main,
    h(
      'footer',
      { class: 'footer' },
      h(
        'div',
        { class: 'width-container' },
        h('p', null, t('footer.owner')),
        h('p', null, t('footer.help')),
        h('p', null, t('footer.demo')),
      ),
    ),
  ]);

  const serviceName = t('service.name');
  return {
    lang,
    user,
    page,
    setTitle(title, error = false) {
      document.title = `${error ? t('error.titlePrefix') : ''}${title} – ${serviceName}`;
    },
  };
}

/** Signs out and goes to the start page, which says so. */
export async function signOut(): Promise<void> {
  try {
    await post('/auth/logout');
  } catch {
    /* already signed out */
  }
  setFlash('flash.signedOut');
  location.assign('/');
}

/** A message for the next page (after a redirect), shown in a success banner there. */
export function setFlash(key: Key, detail?: string): void {
  try {
    sessionStorage.setItem('ab.flash', JSON.stringify({ key, detail }));
  } catch {
    /* storage blocked: no banner */
  }
}

export function takeFlash(): { key: Key; detail?: string } | null {
  try {
    const raw = sessionStorage.getItem('ab.flash');
    sessionStorage.removeItem('ab.flash');
    return raw ? (JSON.parse(raw) as { key: Key; detail?: string }) : null;
  } catch {
    return null;
  }
}

/**
 * The GOV.UK success banner: placed before the h1, takes focus so the result is read first.
 */
export function successBanner(message: string | Node, extra?: Node | null): HTMLElement {
  const banner = h(
    'div',
    { class: 'banner banner--success', role: 'alert', 'aria-labelledby': 'banner-title', id: 'success-banner' },
    h('h2', { class: 'banner__title', id: 'banner-title' }, t('banner.success')),
    h('p', { class: 'banner__heading' }, message),
    extra ?? null,
  );
  return banner;
}

export function showBanner(ctx: PageContext, banner: HTMLElement): void {
  byId('success-banner')?.remove();
  ctx.page.prepend(banner);
  focusElement(banner);
}

/** The page could not be shown: a plain message, the h1 says what happened. */
export function renderProblem(ctx: PageContext, error: unknown): void {
  const notFound = error instanceof ApiError && error.status === 404;
  const title = notFound ? t('problem.notFoundTitle') : t('problem.title');
  ctx.setTitle(title);
  fill(ctx.page, 
    h('h1', { class: 'heading-l' }, title),
    h('p', null, error instanceof ApiError ? error.message : t('problem.generic')),
    h('p', null, h('a', { href: ctx.user ? homeOf(ctx.user) : '/' }, t('problem.home'))),
  );
}
