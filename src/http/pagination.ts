/** Keyset pagination by id: bounded, stable under inserts, and cheap on an index. */
export interface Page<T> {
  data: T[];
  page: { limit: number; nextCursor: number | null; total: number };
}

/** `rows` were fetched with `limit + 1` to learn whether another page exists. */
export function toPage<T extends { id: number }>(rows: T[], limit: number, total: number): Page<T> {
  const data = rows.slice(0, limit);
  const nextCursor = rows.length > limit ? data[data.length - 1]!.id : null;
  return { data, page: { limit, nextCursor, total } };
}
