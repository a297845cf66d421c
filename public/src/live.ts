/**
 * Live notifications over socket.io (same session cookie as the API): the unread count in the
 * header stays current, and a new notification is announced politely in the live region at the
 * top of main — read out without moving focus, and visible with a link to it.
 */
import { io, type Socket } from 'socket.io-client';
import type { LiveNotification, ServerToClientEvents, ClientToServerEvents } from '../../src/live/events.js';
import { api } from './api.js';
import { byId, h, mixed } from './dom.js';
import { t } from './i18n.js';
import { pick } from './labels.js';
import type { Bilingual } from './types.js';
import type { Lang } from './prefs.js';

let unread = 0;
let lang: Lang = 'zh-CN';
let role: string | undefined;
let socket: Socket<ServerToClientEvents, ClientToServerEvents> | null = null;
const listeners = new Set<(n: LiveNotification) => void>();

/** The sentence a notification says, in the page's language (names stay as they are). */
export function notificationText(n: LiveNotification): string {
  if (n.kind === 'match') return t('notifications.matchText', n.payload.title, n.payload.memberName ?? '');
  // Other kinds carry their sentence in both languages (`payload.message`).
  const message = (n as { payload?: { message?: Bilingual } }).payload?.message;
  return message ? pick(message) : t('notifications.generic');
}

/** Where a notification leads: a match to its job; anything else about an application to the applications. */
export function notificationHref(n: LiveNotification, role: string | undefined): string {
  // An employer's notifications are about applications to their jobs: straight to that application.
  if (role === 'employer' && (n.kind === 'application' || n.kind === 'reminder')) return `/employer/application.html?id=${n.payload.applicationId}`;
  if (role === 'staff') {
    if (n.kind === 'stage') return `/staff/timeline.html?seekerId=${n.payload.seekerId}`;
    if (n.kind === 'application' || n.kind === 'reminder') return `/staff/application.html?id=${n.payload.applicationId}`;
  }
  if (role !== 'seeker') return '/notifications.html';
  if (n.kind === 'match' && n.jobId) return `/seeker/job.html?id=${n.jobId}`;
  return '/seeker/applications.html';
}

function showCount(): void {
  const count = byId('unread-count');
  const label = byId('unread-label');
  if (!count || !label) return;
  count.textContent = String(unread);
  count.hidden = unread === 0;
  label.textContent = unread === 0 ? t('notifications.noneUnreadShort') : t('notifications.unreadShort', unread);
}

/** Re-reads the unread count from the API (after read state changed anywhere). */
export async function refreshUnread(): Promise<void> {
  try {
    const res = await api<{ unreadCount: number }>('GET', '/notifications?limit=1&unread=true');
    unread = res.unreadCount;
    showCount();
  } catch {
    /* keep the last count */
  }
}

function announce(n: LiveNotification): void {
  const region = byId('live-notice');
  if (!region) return;
  // A new child in a polite region is read after what the person is hearing now; focus stays put.
  const item = h(
    'p',
    { class: 'live-notice__item' },
    h('strong', null, t('notifications.newPrefix')),
    mixed(notificationText(n), lang),
    ' ',
    h('a', { href: notificationHref(n, role) }, n.kind === 'match' && role === 'seeker' ? t('notifications.openJob') : t('notifications.open')),
  );
  region.append(item);
  // Keep the three newest visible.
  while (region.children.length > 3) region.firstElementChild?.remove();
}

export function onNotification(listener: (n: LiveNotification) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function startLive(pageLang: Lang, userRole: string): void {
  lang = pageLang;
  role = userRole;
  void refreshUnread();
  if (socket) return;
  socket = io({ transports: ['websocket', 'polling'] });
  socket.on('notification:backlog', (batch) => {
    // Unread ones stored before this connection: counted, not announced (the count says it).
    if (batch.done) void refreshUnread();
  });
  socket.on('notification:created', (n) => {
    unread++;
    showCount();
    announce(n);
    for (const l of listeners) l(n);
  });
  socket.on('notification:updated', () => void refreshUnread());
  socket.on('session:ended', () => {
    socket?.disconnect();
  });
}
