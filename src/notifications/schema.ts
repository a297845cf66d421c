import { z } from 'zod';
import { pageQuery, queryBoolean } from '../http/validation.js';

/** `GET /notifications`: newest first; `unread=true` for unread only; `cursor` = last id of the previous page. */
export const ListNotificationsQuery = z.object({ ...pageQuery, unread: queryBoolean.optional() }).strict();
export type ListNotificationsReq = z.infer<typeof ListNotificationsQuery>;
