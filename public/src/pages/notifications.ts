/** My notifications (every role): newest first, read / unread, "mark all as read". */
import { api, post } from '../api.js';
import { focusElement, h, hidden, mixed, fill } from '../dom.js';
import { t } from '../i18n.js';
import * as L from '../labels.js';
import type { PageContext } from '../layout.js';
import { notificationHref, notificationText, refreshUnread } from '../live.js';
import type { LiveNotification } from '../../../src/live/events.js';

export async function renderNotifications(ctx: PageContext, focusId?: string): Promise<void> {
  const title = t('notifications.title');
  ctx.setTitle(title);
  const res = await api<{ data: LiveNotification[]; unreadCount: number }>('GET', '/notifications?limit=50');
  const rerender = async (focus: string) => {
    await renderNotifications(ctx, focus);
    await refreshUnread();
  };
  const item = (n: LiveNotification) => {
    const unread = n.readAt === null;
    const id = `notification-${n.id}`;
    return h(
      'li',
      { class: `card notification ${unread ? 'notification--unread' : ''}`, id },
      h('p', { class: 'notification__state' }, h('strong', { class: `tag ${unread ? 'tag--new' : 'tag--read'}` }, unread ? t('notifications.unread') : t('notifications.read')), ' ', h('span', { class: 'hint' }, L.date(n.createdAt))),
      h('h2', { class: 'heading-s' }, mixed(notificationText(n), ctx.lang)),
      n.kind === 'match' && n.payload.reasons.length ? h('ul', { class: 'list list--bullet' }, n.payload.reasons.map((r) => h('li', null, mixed(L.pick(r), ctx.lang)))) : null,
      h(
        'div',
        { class: 'button-group' },
        ctx.user?.role === 'seeker' ? h('a', { href: notificationHref(n, 'seeker'), class: 'action-link' }, n.kind === 'match' ? t('notifications.openJob') : t('notifications.openApplications'), hidden(t('applications.forJob', notificationText(n)))) : null,
        ctx.user?.role === 'employer' && n.kind === 'application'
          ? h('a', { href: notificationHref(n, 'employer'), class: 'action-link' }, t('employer.notifications.openApplication'), hidden(t('applications.forJob', notificationText(n))))
          : null,
        h(
          'button',
          {
            type: 'button',
            class: 'button button--secondary button--small',
            id: `${id}-toggle`,
            onclick: () => void post(`/notifications/${n.id}/${unread ? 'read' : 'unread'}`).then(() => rerender(`${id}-toggle`)),
          },
          unread ? t('notifications.markRead') : t('notifications.markUnread'),
          hidden(t('applications.forJob', notificationText(n))),
        ),
      ),
    );
  };
  fill(ctx.page, 
    h('h1', { class: 'heading-l' }, title),
    h('p', { class: 'lead', id: 'unread-summary' }, t('notifications.unreadCount', res.unreadCount)),
    res.unreadCount > 0
      ? h('p', null, h('button', { type: 'button', class: 'button button--secondary', id: 'read-all', onclick: () => void post('/notifications/read-all').then(() => rerender('unread-summary')) }, t('notifications.readAll')))
      : null,
    res.data.length ? h('ol', { class: 'cards', id: 'notification-list' }, res.data.map(item)) : h('p', { id: 'no-notifications' }, t('notifications.none')),
  );
  if (focusId) {
    const el = document.getElementById(focusId);
    if (el) focusElement(el);
  }
}
