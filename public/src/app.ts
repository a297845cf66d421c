/**
 * Every page loads this module. It finds the page by <body data-page>, checks the session (a page
 * for a role sends a signed-out visitor to sign in and back), draws the shared frame, renders the
 * page, and starts live notifications for a signed-in user.
 */
import { ApiError, configureApi, currentSession, setOfflineMessage, type User } from './api.js';
import { h, fill } from './dom.js';
import { setLang, t } from './i18n.js';
import { setLabelLang } from './labels.js';
import { homeOf, renderLayout, renderProblem, SEEKER_NAV, type NavItem, type PageDef } from './layout.js';
import { startLive } from './live.js';
import { isLang, type Lang } from './prefs.js';
import { renderNotifications } from './pages/notifications.js';
import { renderSeekerApplications } from './pages/seeker-applications.js';
import { renderSeekerConsents } from './pages/seeker-consents.js';
import { renderSeekerJob } from './pages/seeker-job.js';
import { renderSeekerMatches } from './pages/seeker-matches.js';
import { renderSeekerProfile } from './pages/seeker-profile.js';
import { renderSeekerProfileEdit } from './pages/seeker-profile-edit.js';
import { renderSeekerProjects } from './pages/seeker-projects.js';
import { renderSeekerWithdraw } from './pages/seeker-withdraw.js';
import { renderSeekerDelete } from './pages/seeker-delete.js';
import { renderStart } from './pages/start.js';
import { EMPLOYER_NAV, EMPLOYER_PAGES } from './pages/employer/index.js';
import { STAFF_NAV, STAFF_PAGES } from './pages/staff/index.js';
import { STATS_PAGES } from './pages/stats/index.js';

const PAGES: Record<string, PageDef> = {
  start: { render: renderStart },
  notifications: { role: 'any', render: renderNotifications },
  'seeker-matches': { role: 'seeker', render: renderSeekerMatches },
  'seeker-job': { role: 'seeker', render: renderSeekerJob },
  'seeker-projects': { role: 'seeker', render: renderSeekerProjects },
  'seeker-applications': { role: 'seeker', render: (ctx) => renderSeekerApplications(ctx) },
  'seeker-withdraw': { role: 'seeker', render: renderSeekerWithdraw },
  'seeker-profile': { role: 'seeker', render: renderSeekerProfile },
  'seeker-profile-edit': { role: 'seeker', render: renderSeekerProfileEdit },
  'seeker-consents': { role: 'seeker', render: renderSeekerConsents },
  'seeker-delete': { role: 'seeker', render: renderSeekerDelete },
  ...EMPLOYER_PAGES,
  ...STAFF_PAGES,
  ...STATS_PAGES,
};

function navFor(user: User | null): NavItem[] | null {
  if (user?.role === 'seeker') return SEEKER_NAV;
  if (user?.role === 'employer') return EMPLOYER_NAV;
  if (user?.role === 'staff') return STAFF_NAV;
  return null;
}

function allowed(def: PageDef, user: User): boolean {
  if (!def.role || def.role === 'any') return true;
  return typeof def.role === 'string' ? def.role === user.role : def.role.includes(user.role);
}

async function main(): Promise<void> {
  const root = document.documentElement;
  const lang: Lang = isLang(root.lang) ? root.lang : 'zh-CN';
  setLang(lang);
  setLabelLang(lang);
  configureApi({ lang });
  setOfflineMessage(t('problem.offline'));

  const def = PAGES[document.body.dataset.page ?? ''] ?? PAGES.start!;
  let user: User | null = null;
  try {
    user = await currentSession();
  } catch {
    user = null;
  }
  if (def.role && !user) {
    location.replace(`/?next=${encodeURIComponent(location.pathname + location.search)}`);
    return;
  }

  const ctx = renderLayout({ lang, user, nav: navFor(user) });
  if (user && !allowed(def, user)) {
    const title = t('problem.wrongRoleTitle');
    ctx.setTitle(title);
    fill(ctx.page, h('h1', { class: 'heading-l' }, title), h('p', null, t('problem.wrongRole')), h('p', null, h('a', { href: homeOf(user) }, t('problem.home'))));
  } else {
    try {
      await def.render(ctx);
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) {
        location.replace(`/?next=${encodeURIComponent(location.pathname + location.search)}`);
        return;
      }
      renderProblem(ctx, e);
    }
  }
  document.body.setAttribute('data-ready', 'true');
  if (user) startLive(lang, user.role);
}

void main();
