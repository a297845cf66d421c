/** Small SQL pieces every list endpoint shares. */
import { and, asc, count, desc, gt, lt, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from '../../db/connection.js';
import { toPage, type Page } from '../http/pagination.js';

/** Case-insensitive "contains", with % and _ in the search taken literally. */
export function contains(column: SQLiteColumn, q: string): SQL {
  const pattern = `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  return sql`${column} LIKE ${pattern} ESCAPE '\\'`;
}

/**
 * One page of `table` ordered by id after `cursor` (newest first, for logs, when asked), with the
 * total under the same filters.
 */
export function listPage<T extends SQLiteTable & { id: SQLiteColumn }>(
  db: Db,
  table: T,
  filters: (SQL | undefined)[],
  q: { limit: number; cursor?: number | undefined },
  order: 'oldest_first' | 'newest_first' = 'oldest_first',
): Page<T['$inferSelect'] & { id: number }> {
  const where = and(...filters);
  const newest = order === 'newest_first';
  const after = q.cursor === undefined ? undefined : newest ? lt(table.id, q.cursor) : gt(table.id, q.cursor);
  const rows = db
    .select()
    .from(table as SQLiteTable)
    .where(and(where, after))
    .orderBy(newest ? desc(table.id) : asc(table.id))
    .limit(q.limit + 1)
    .all() as (T['$inferSelect'] & { id: number })[];
  const total = db.select({ n: count() }).from(table as SQLiteTable).where(where).get()!.n;
  return toPage(rows, q.limit, total);
}
