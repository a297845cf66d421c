/** Signed in as an employer or staff: the pages for these roles are still being built; say so plainly. */
import { h, fill, mixed } from '../dom.js';
import { t } from '../i18n.js';
import type { PageContext } from '../layout.js';

export async function renderAccount(ctx: PageContext): Promise<void> {
  const title = t('account.title');
  ctx.setTitle(title);
  fill(ctx.page, 
    h('h1', { class: 'heading-l' }, title),
    h('p', { class: 'lead' }, mixed(t('start.signedInAs', ctx.user!.displayName), ctx.lang)),
    h('p', null, t('account.comingSoon')),
    h('p', null, h('a', { href: '/notifications.html' }, t('account.notifications'))),
  );
}
