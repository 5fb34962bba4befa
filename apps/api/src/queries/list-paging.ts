import type { KeyValue, Page, PageRequest, SortKey } from '@trialflow/read-models';
import { z } from 'zod';
import { problem } from '../http/problem.js';

/** Query parameters of every paginated list. */
export const pagingQueryShape = {
  limit: z.coerce
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(200, 'must be at most 200')
    .default(50)
    .describe('Items per page (1-200, default 50).'),
  cursor: z.string().max(1000, 'is not a cursor of this list').optional().describe('`nextCursor` of the previous page; omit for the first page.'),
};

/** A page as the API answers it: the items in a stable order, how many match in all, and where to continue. */
export const pageSchemaOf = (title: string, item: z.ZodType) =>
  z
    .object({
      items: z.array(item),
      total: z.number().int().describe('Items matching the filters, over all pages.'),
      nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last page.'),
    })
    .meta({ title });

export interface ListPage<V> {
  readonly items: V[];
  readonly total: number;
  readonly nextCursor: string | null;
}

/**
 * Cursors are opaque to clients: the sort key of the last item, base64url-encoded JSON. A cursor is checked
 * against the list's key types, so a forged one is a 400, never a database error.
 */
export function pageRequest<T>(keys: readonly SortKey<T>[], query: { limit: number; cursor?: string | undefined }): PageRequest {
  if (query.cursor === undefined) return { limit: query.limit };
  const invalid = () => problem(400, 'VALIDATION_FAILED', 'The request is invalid', '1 invalid field(s) in the query.', { errors: [{ field: 'cursor', message: 'is not a cursor of this list' }] });
  let after: unknown;
  try {
    after = JSON.parse(Buffer.from(query.cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  const fits = (value: unknown, type: SortKey<T>['type']) => (type === 'integer' ? Number.isSafeInteger(value) : typeof value === 'string');
  if (!Array.isArray(after) || after.length !== keys.length || !keys.every((k, i) => fits(after[i], k.type))) throw invalid();
  return { limit: query.limit, after: after as KeyValue[] };
}

export function listPage<T, V>(page: Page<T>, view: (row: T) => V): ListPage<V> {
  return {
    items: page.items.map(view),
    total: page.total,
    nextCursor: page.next ? Buffer.from(JSON.stringify(page.next), 'utf8').toString('base64url') : null,
  };
}
