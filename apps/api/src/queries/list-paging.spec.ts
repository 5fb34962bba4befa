import type { SortKey } from '@trialflow/read-models';
import { ProblemException } from '../http/problem.js';
import { listPage, pageRequest } from './list-paging.js';

type Row = { code: string; day: number };
const keys: SortKey<Row>[] = [
  { sql: 'r.code', type: 'text', of: (r) => r.code },
  { sql: 'r.day', type: 'integer', of: (r) => r.day },
];

describe('list cursors', () => {
  it('round-trip the sort key of the last item of a page', () => {
    const page = listPage({ items: [{ code: 'A', day: 1 }], total: 3, next: ['A', 1] }, (r) => r.code);
    expect(page).toMatchObject({ items: ['A'], total: 3 });
    expect(pageRequest(keys, { limit: 1, cursor: page.nextCursor! })).toEqual({ limit: 1, after: ['A', 1] });
    expect(listPage({ items: [], total: 0 }, (r: Row) => r).nextCursor).toBeNull();
  });

  it('refuse a cursor that is not one of this list (400 naming the cursor), never reaching the database', () => {
    const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    for (const cursor of ['%%%', forged(['A']), forged([1, 'A']), forged({ code: 'A' }), forged(['A', 1.5])]) {
      let thrown: unknown;
      try {
        pageRequest(keys, { limit: 10, cursor });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ProblemException);
      expect((thrown as ProblemException).problem).toMatchObject({ status: 400, errors: [{ field: 'cursor' }] });
    }
  });
});
