/**
 * A user's own notifications over HTTP (every role; nobody sees anyone else's, staff included):
 * the history page by page, and read/unread. The socket offers the same read/unread calls.
 */
import { AppError } from '../errors.js';
import { idParam, type Check, type RouteSpec } from '../http/route-table.js';
import { parseOrThrow } from '../http/validation.js';
import type { Services } from '../services.js';
import { ListNotificationsQuery } from './schema.js';

/** Only the owner: another user's notification (or none) answers 404. */
const own: Check = (auth, req, services) => services.notifications.ownerOf(idParam(req)) === auth.userId;
const ownOnly = { seeker: own, employer: own, staff: own };
const everyone = { seeker: true, employer: true, staff: true } as const;

export function notificationRoutes({ notifications }: Services): RouteSpec[] {
  const setRead = (read: boolean): RouteSpec['handler'] => (req, res) => {
    const n = notifications.setRead(req.auth!.userId, idParam(req), read);
    if (!n) throw new AppError('not_found', 'error.not_yours');
    res.json({ data: n });
  };
  return [
    {
      method: 'get',
      path: '/notifications',
      access: everyone,
      handler: (req, res) => {
        res.json(notifications.list(req.auth!.userId, parseOrThrow(ListNotificationsQuery, req.query)));
      },
    },
    {
      method: 'post',
      path: '/notifications/read-all',
      access: everyone,
      handler: (req, res) => {
        res.json({ data: { count: notifications.readAll(req.auth!.userId) } });
      },
    },
    { method: 'post', path: '/notifications/:id/read', access: ownOnly, handler: setRead(true) },
    { method: 'post', path: '/notifications/:id/unread', access: ownOnly, handler: setRead(false) },
  ];
}
