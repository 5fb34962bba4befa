import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/** A value of a sort key: what a cursor carries between pages. */
export type KeyValue = string | number;

export interface PageRequest {
  /** Rows per page. */
  readonly limit: number;
  /** The sort key of the last row of the previous page; absent for the first page. */
  readonly after?: readonly KeyValue[];
}

export interface Page<T> {
  readonly items: T[];
  /** Rows matching the filters, over all pages. */
  readonly total: number;
  /** The sort key of the last row when more rows follow, else undefined. */
  readonly next?: readonly KeyValue[];
}

/** A sort key: an SQL expression over the query's alias, its SQL type (for the cursor's parameter) and its value in a row. */
export interface SortKey<T> {
  readonly sql: string;
  readonly type: 'text' | 'integer';
  readonly of: (row: T) => KeyValue;
}

/**
 * One page of a filtered query in a stable order (keyset pagination): rows strictly after the cursor's key in
 * the order of `keys`, which must identify a row uniquely. Unlike an offset, a row added or removed on an
 * earlier page never shifts the next page (a read model changes while it is read).
 */
export async function keysetPage<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, keys: readonly SortKey<T>[], page: PageRequest): Promise<Page<T>> {
  const total = await query.clone().getCount();
  const q = query.clone();
  if (page.after) {
    if (page.after.length !== keys.length) throw new Error(`A cursor of ${keys.length} values was expected.`);
    const params = Object.fromEntries(page.after.map((value, i) => [`after${i}`, value]));
    q.andWhere(`(${keys.map((k) => k.sql).join(', ')}) > (${keys.map((k, i) => `CAST(:after${i} AS ${k.type})`).join(', ')})`, params);
  }
  keys.forEach((k, i) => (i === 0 ? q.orderBy(k.sql, 'ASC') : q.addOrderBy(k.sql, 'ASC')));
  const rows = await q.limit(page.limit + 1).getMany();
  const items = rows.slice(0, page.limit);
  const last = items.at(-1);
  return { items, total, ...(rows.length > page.limit && last ? { next: keys.map((k) => k.of(last)) } : {}) };
}
