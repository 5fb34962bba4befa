import type { EntityManager } from 'typeorm';

export interface ProjectionLag {
  readonly projection: string;
  /** Events in the store that the projection has not applied yet (at most `countUpTo`). */
  readonly eventsBehind: number;
  /** True when there were more than `countUpTo` and `eventsBehind` is that bound, not the exact count. */
  readonly eventsBehindAtLeast: boolean;
  /**
   * Age of the oldest event the projection has not applied (seconds since it was recorded); 0 when caught up.
   * The read model shows nothing recorded since that instant: this is how stale the screens may be.
   */
  readonly secondsBehind: number;
}

/**
 * How far each projection's checkpoint is behind the head of the event feed, in events and in seconds. Walks
 * the feed's own index from each checkpoint, in feed order (`(transaction_id, global_position)`, as the
 * projector reads it); a projection that never ran is behind by the whole store. The count stops at
 * `countUpTo`, so a large backlog costs a bounded index scan, not a count of the whole store.
 */
export async function projectionLag(db: Pick<EntityManager, 'query'>, projections: readonly string[], options: { countUpTo: number }): Promise<ProjectionLag[]> {
  const rows = (await db.query(
    `SELECT p.name,
            (SELECT count(*) FROM (SELECT 1 FROM events e WHERE (e.transaction_id, e.global_position) > (c.tx, c.pos) LIMIT $2 + 1) pending)::int AS behind,
            coalesce((SELECT greatest(0, extract(epoch FROM clock_timestamp() - e.recorded_at)) FROM events e
                       WHERE (e.transaction_id, e.global_position) > (c.tx, c.pos)
                       ORDER BY e.transaction_id, e.global_position LIMIT 1), 0)::float8 AS seconds
       FROM unnest($1::text[]) WITH ORDINALITY AS p(name, ord)
       LEFT JOIN projection_checkpoints pc ON pc.projection_name = p.name
       CROSS JOIN LATERAL (SELECT coalesce(pc.last_transaction_id, '0'::xid8) AS tx, coalesce(pc.last_global_position, 0) AS pos) c
      ORDER BY p.ord`,
    [projections, options.countUpTo],
  )) as { name: string; behind: number; seconds: number }[];
  return rows.map((r) => ({
    projection: r.name,
    eventsBehind: Math.min(r.behind, options.countUpTo),
    eventsBehindAtLeast: r.behind > options.countUpTo,
    secondsBehind: Math.round(r.seconds * 10) / 10,
  }));
}
